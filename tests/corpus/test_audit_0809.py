"""Errors found by auditing the 40 largest entities of SaudiNewsNet 2015-08-09 (tests/gold/entities/audit_2015-08-09.md).

Real articles of that day run through the product pipeline (page stage, components, corpus steps), as
``marsad analyze`` runs them.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    "dhale": "http://aawsat.com/home/article/425471/المقاومة-تحرر-الضالع-وتعزز-مكاسبها-الميدانية-في-الجنوب-اليمني",
    "gulf": "http://aawsat.com/home/article/425426/آمال-موسى/الخليجيون-وحصر-إيران-في-الزاوية-الحادة",
    "umbria": "http://aawsat.com/home/article/425366/سوق-العقارات-في-أومبريا-بإيطاليا-توفر-مزايا-استثمارية",
    "homeland": "http://www.okaz.com.sa/new/Issues/20150809/Con20150809788444.htm",
    "dosari": "http://aawsat.com/home/article/425731/الموت-يغيّب-الإعلامي-السعودي-اللامع-سعود-الدوسري",
    "mourning": "http://www.3alyoum.com/culture/a/رحيل-سعود-الدوسري-يوحّد-الفنانين-والد/",
    "zinjibar": "http://www.alriyadh.com/1071718",
    "column": "http://www.alwatan.com.sa/Discussion/News_Detail.aspx?ArticleID=231486&CategoryID=8",
    "sister": "http://www.3alyoum.com/news/golobal/a/شقيقة-بشار-تتحرك-للتغطية-على-جريمة-هلا/",
    "bomber": "http://aawsat.com/home/article/425451/السعودية-انتحاري-الطوارئ-تأثر-بوالده-وأطلق-بعد-احتجازه-في-2013",
    "prisons": "http://www.alriyadh.com/1071518",
    "fate": "http://www.aleqt.com/2015/08/09/article_980108.html",
    "removal": "http://www.alriyadh.com/1071688",
    "lands": "http://aawsat.com/home/article/425371/قطاع-الأراضي-يسيطر-على-90-من-حركة-مؤشر-العقار-السعودي",
    "exports": "http://www.alyaum.com/article/4082598",
}


def _around(doc: Document, text: str) -> list[tuple[str, str | None]]:
    """(the 12 characters before, entity) of every mention whose text is ``text``."""
    return [(doc.text[max(0, m.start - 12):m.start], m.entity) for m in doc.mentions if m.text == text]


def test_a_given_name_in_construct_is_an_ordinary_word(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«لصالح الجيش» (in favour of the army), «في صالح جيران إيران», «من أجل صالح الوطن» are not Ali Saleh."""
    docs = analysed[0]
    found = _around(docs["dhale"], "صالح")
    assert len(found) >= 6  # «وقوات صالح», «الحوثي وصالح», «سبق لصالح استخدامها» stay
    assert {e for _, e in found} == {"per:ali-abdullah-saleh"}
    assert not any(before.endswith("بشكل أكبر ل") for before, _ in found)
    for key in ("gulf", "umbria", "homeland"):
        assert _around(docs[key], "صالح") == []


def test_a_particle_is_left_out_of_a_person_span(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«فإن الدوسري» is الدوسري, the Saud al-Dosari of the article, not a two-word person «فإن الدوسري»."""
    docs, result = analysed
    doc = docs["dosari"]
    assert not any(m.text.startswith("فإن") for m in doc.mentions)
    ids = {m.entity for m in doc.mentions if m.text in ("الدوسري", "سعود الدوسري")}
    assert len(ids) == 1
    names = {e.id: e.name for e in result.entities}
    assert names[ids.pop()] == "سعود الدوسري"


def test_a_kinship_noun_is_left_out_of_a_person_span(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«سليمان، جد بشار ووالد حافظ»: the span is بشار, not a person «جد بشار»."""
    doc = analysed[0]["sister"]
    assert not any(m.text.startswith("جد ") for m in doc.mentions)
    assert len({m.entity for m in doc.mentions if m.text == "بشار"}) == 1


def test_lillah_is_not_an_entity(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«إنا لله وإنا إليه راجعون»: لله is ل + الله, not an entity «لله»."""
    _, result = analysed
    assert not any(e.name == "لله" for e in result.entities)


def test_a_lone_given_name_joins_by_the_words_around_it(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """A column that writes only «لميليشيات صالح والمتمردين الحوثيين» (never the full name, no title, no shared
    company) is Ali Saleh: the words around it are those around his one-word mentions in the articles naming him."""
    docs = analysed[0]
    assert {e for _, e in _around(docs["column"], "صالح")} == {"per:ali-abdullah-saleh"}
    assert {e for _, e in _around(docs["zinjibar"], "صالح")} == {"per:ali-abdullah-saleh"}


def test_a_quoted_outlet_is_the_newspaper_not_the_place(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«قال مصدر أمني لـ«الشرق الأوسط»» is the newspaper Asharq al-Awsat (an organisation), not the Middle East."""
    docs, result = analysed
    quoted = {m.entity for m in docs["bomber"].mentions
              if m.text == "الشرق الأوسط" and docs["bomber"].text[m.start - 1] == "«"}
    assert len(quoted) == 1
    (paper,) = quoted
    entity = next(e for e in result.entities if e.id == paper)
    assert paper != "loc:middle-east" and entity.type == "ORG" and entity.name == "الشرق الأوسط"


def test_the_lions_share_is_no_person(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«تحتل حركة الأراضي نصيب الأسد», «نصيب الأسد من نتائج»: the idiom, not بشار الأسد."""
    docs = analysed[0]
    for key in ("lands", "exports"):
        assert "نصيب الأسد" in docs[key].text
        assert not any(m.text == "الأسد" for m in docs[key].mentions)
    assert "per:bashar-al-assad" in {m.entity for m in docs["prisons"].mentions}


def test_a_lone_first_name_joins_the_one_full_name(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«شقيقة بشار», «بإزاحة بشار من سوريا»: a first name that, among the documents, begins only بشار الأسد."""
    docs = analysed[0]
    assert _around(docs["sister"], "بشار") and {e for _, e in _around(docs["sister"], "بشار")} == {"per:bashar-al-assad"}
    assert {e for _, e in _around(docs["removal"], "بشار")} == {"per:bashar-al-assad"}

"""Resolution errors found by auditing the 40 largest entities of unseen SaudiNewsNet days (tests/gold/entities/audit_*.md).

Real articles of 2015-07-24, 2015-07-27 and 2015-07-31 run through the product pipeline (page stage,
components, corpus steps), as ``marsad analyze`` runs them.
"""

from __future__ import annotations

import pytest
from tests.corpus.conftest import mention_entities

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    "hadi": "http://www.aleqt.com/2015/07/27/article_976388.html",
    "faisal": "http://www.3alyoum.com/news/local/a/أمير-مكة-المكرمة-يفتتح-معرض-الفيصل-شا/",
    "faisal2": "http://www.aleqt.com/2015/07/27/article_976595.html",
    "iran_assets": "http://aawsat.com/home/article/415761/المركزي-الإيراني-ينفي-تقديرات-واشنطن-لحجم-موجودات-بلاده-المجمدة-في-الخارج",
    "sabic": "http://www.alyaum.com/article/4080342",
    "dinner": "http://www.3alyoum.com/news/a/خادم-الحرمين-يشرف-حفل-العشاء-الذي-أقام/",
    "summit": "http://www.3alyoum.com/news/pol/a/الملك-سلمان-في-قمة-الخليج-سندعم-اليمن/",
    "saleh": "http://www.alriyadh.com/1067411",
    "good_deeds": "http://www.alriyadh.com/1067468",
    "generation": "http://www.alyaum.com/article/4079948",
    "guest": "http://aawsat.com/home/article/418976/مباحثات-مصرية-سعودية-رفيعة-تتناول-تطوير-التعاون-العسكري",
}


def _after(doc: Document, before: str, text: str) -> set[str | None]:
    """Entities of the mentions ``text`` that follow ``before`` (and a space) in the document."""
    return {m.entity for m in doc.mentions if m.text == text and doc.text[:m.start].endswith(before + " ")}


def test_a_role_coordinated_with_a_name_is_not_that_person(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«ولي ولي العهد وهادي يستعرضان»: the deputy crown prince and Hadi, two people."""
    doc = analysed[0]["hadi"]
    assert mention_entities(doc, "هادي") == {"per:abdrabbuh-mansur-hadi"}
    assert "per:abdrabbuh-mansur-hadi" not in mention_entities(doc, "ولي ولي العهد")
    assert mention_entities(doc, "محمد بن سلمان بن عبدالعزيز") == {"per:mohammed-bin-salman"}


@pytest.mark.parametrize("key", ["faisal", "faisal2"])
def test_a_first_name_left_out_by_the_tagger_keeps_two_princes_apart(
    analysed: tuple[dict[str, Document], CorpusResult], key: str
) -> None:
    """الأمير تركي [الفيصل] is تركي الفيصل, not the article's other الفيصل (خالد الفيصل, who opened the exhibition)."""
    doc = analysed[0][key]
    turki = mention_entities(doc, "تركي الفيصل")
    khalid = mention_entities(doc, "خالد الفيصل")
    assert len(turki) == 1 and len(khalid) == 1 and turki != khalid
    assert not _after(doc, "الأمير تركي", "الفيصل")  # the span takes the first name in


def test_pronouns_and_place_adjectives_are_not_entities(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    docs, result = analysed
    texts = {m.text for d in docs.values() for m in d.mentions}
    assert "له" not in texts  # «شهدت له ميادين الكفاح»
    assert "المالي" not in texts  # «النظام المالي», «الوضع المالي»
    assert all(e.name.strip() for e in result.entities)
    assert "loc:iran" in mention_entities(docs["iran_assets"], "إيران")


def test_a_grandson_is_not_his_namesake_uncle(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """سعود بن خالد الفيصل (son of Khalid al-Faisal) is not سعود الفيصل (the late foreign minister)."""
    doc = analysed[0]["dinner"]
    found = mention_entities(doc, "سعود بن خالد الفيصل")
    assert found and "per:saud-al-faisal" not in found


def test_a_house_name_is_not_a_surname(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«سلمان بن عبدالعزيز آل سعود»: a lone سعود does not join King Salman."""
    docs, _ = analysed
    assert all(m.entity != "per:king-salman" for d in docs.values() for m in d.mentions if m.text == "سعود")


def test_a_titled_registry_form_names_its_holder(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """An article naming only «الملك سلمان» is about King Salman (the registry lists that form)."""
    doc = analysed[0]["summit"]
    assert _after(doc, "الملك", "سلمان") == {"per:king-salman"}


def test_a_common_given_name_alone_does_not_join_a_famous_bearer(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """صالح alone («يتقبل منهم صالح الأعمال», «جيل صالح») is not علي عبدالله صالح, named in full elsewhere that day."""
    docs, _ = analysed
    assert "per:ali-abdullah-saleh" in mention_entities(docs["saleh"], "صالح")  # «إن ممثلين لصالح»: the article names him in full
    for key in ("good_deeds", "generation"):
        assert "per:ali-abdullah-saleh" not in mention_entities(docs[key], "صالح"), key


def test_the_second_half_of_a_compound_name_is_no_surname(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«رحب السيسي بضيف مصر العزيز» (dear): العزيز is not سلمان بن عبد العزيز, named in the same article."""
    doc = analysed[0]["guest"]
    assert mention_entities(doc, "سلمان بن عبد العزيز") == {"per:king-salman"}
    assert "per:king-salman" not in mention_entities(doc, "العزيز")

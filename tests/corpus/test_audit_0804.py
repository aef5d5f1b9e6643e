"""Errors found by auditing the 40 largest entities of SaudiNewsNet 2015-08-04 (tests/gold/entities/audit_2015-08-04.md).

Real articles of that day run through the product pipeline (page stage, components, corpus steps), as
``marsad analyze`` runs them.  No article here writes بشار الأسد in full: the lone «الأسد» and «بشار» must
find him through the registry, as in a batch of the store without his full name.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    "saleh_short": "http://www.alyaum.com/article/4081879",
    "saleh_full": "http://www.3alyoum.com/news/pol/a/انشقاقات-في-الحرس-الجمهوري-الموالي-لل/",
    "jafali": "http://aawsat.com/home/article/421606/بروفايل-علي-الجفالي-الخالدي-الحجازي-ابن-القصيم-رجل-الأعمال-والبر",
    "education": "http://aawsat.com/home/article/421936/أمل-عبد-العزيز-الهزاني/أسئلة-التعليم-بلا-إجابات",
    "nayef": "http://www.al-jazirah.com/2015/20150804/ln36.htm",
    "assad_regime": "http://www.alriyadh.com/1070218",
    "bashar_regime": "http://www.okaz.com.sa/new/Issues/20150804/Con20150804787406.htm",
    "floods": "http://www.3alyoum.com/news/local/a/شاهد-مواطنون-يهربون-من-سيل-جارف/",
}


def _entities(doc: Document, text: str) -> set[str | None]:
    return {m.entity for m in doc.mentions if m.text == text}


def test_a_first_and_last_name_is_the_full_name(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«للرئيس اليمني السابق علي صالح» is علي عبدالله صالح, his middle name left out (16 mentions that day)."""
    docs = analysed[0]
    assert _entities(docs["saleh_short"], "علي صالح") == {"per:ali-abdullah-saleh"}
    assert "per:ali-abdullah-saleh" in _entities(docs["saleh_full"], "علي عبدالله صالح")


def test_a_compound_given_name_with_a_father_is_not_the_given_name_alone(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«عبد العزيز بن زيد» is not «عبد العزيز» without its بن link; «الملك عبد العزيز» is King Abdulaziz."""
    docs, result = analysed
    doc = docs["jafali"]
    assert _entities(doc, "عبد العزيز") == {"per:king-abdulaziz"}
    (other,) = _entities(doc, "عبد العزيز بن زيد")
    names = {e.id: e.name for e in result.entities}
    assert other != "per:king-abdulaziz" and names[other] == "عبد العزيز بن زيد"


def test_an_adjective_after_its_noun_is_no_organisation(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«التعليم الأهلي» is private education, not the club الأهلي."""
    doc = analysed[0]["education"]
    assert "التعليم الأهلي" in doc.text
    assert not any(m.text == "الأهلي" for m in doc.mentions)


def test_a_lineage_ending_in_the_house_is_the_registered_prince(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«محمد بن نايف بن عبدالعزيز آل سعود» is the registered crown prince (محمد بن نايف بن عبدالعزيز)."""
    doc = analysed[0]["nayef"]
    assert _entities(doc, "محمد بن نايف بن عبدالعزيز آل سعود") == {"per:mohammed-bin-nayef"}


def test_a_lone_surname_or_first_name_finds_the_registered_person(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«نظام الأسد» and «ضحايا نظام بشار», in articles that never write his full name, are بشار الأسد."""
    docs = analysed[0]
    assert not any("بشار الأسد" in doc.text for doc in docs.values())
    assert _entities(docs["assad_regime"], "الأسد") == {"per:bashar-al-assad"}
    assert _entities(docs["bashar_regime"], "بشار") == {"per:bashar-al-assad"}


def test_floods_are_no_place(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«السيول» (the floods) is no place, and «سيول الأمطار» in the same article is not Seoul."""
    doc = analysed[0]["floods"]
    assert "السيول" in doc.text and "سيول الأمطار" in doc.text
    assert not any(m.text in ("السيول", "سيول") for m in doc.mentions)
    assert "loc:seoul" not in {m.entity for m in doc.mentions}

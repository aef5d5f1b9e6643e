"""Error kinds the audits of SaudiNewsNet 2015-08-10, 2015-08-01 and 2015-08-02 left among their 40 largest
entities (tests/gold/entities/audit_2015-08-10.md, section "Leftovers of three audits").

Real articles run through the product pipeline (page stage, components, corpus steps), as ``marsad analyze`` runs them.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    "spa_quoted": "http://www.aleqt.com/2015/08/10/article_980352.html",  # «وفقاً لـ"واس"»
    "grapes": "http://www.alweeam.com.sa/351846/بالصور-بساتين-العنب-تتكئ-على-ضفاف-وادي/",  # «أوضح لـ”واس”» twice
    "tehran": "http://www.alyaum.com/article/4082789",  # «واختطافها لصالح طهران» beside «وصالح»
    "hadi_legitimate": "http://aawsat.com/home/article/426566/المقاومة-على-بعد-120-كيلومترا-من-صنعاء",
    "hadi_verb": "http://aawsat.com/home/article/426166/مقاومة-تعز-تكبد-الحوثيين-خسائر-فادحة-في-الأرواح-والعتاد",
    "mbs_title": "http://www.3alyoum.com/news/local/a/ولي-ولي-العهد-ومسؤول-قطري-يستعرضان-الم/",
    "super_bare": "http://www.aleqt.com/2015/08/10/article_980560.html",  # «السوبر» alone
    "super_saudi": "http://www.aleqt.com/2015/08/10/article_980592.html",  # «السوبر السعودي»
    "super_europe": "http://www.alweeam.com.sa/351817/برشلونة-يواجه-أشبيلية-على-كأس-السوبر-ا/",  # «السوبر الأوروبي»
}


def test_a_quoted_outlet_the_registry_lists_as_an_organisation_is_it(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«وفقاً لـ"واس"», «أوضح لـ”واس”»: an outlet in quotation marks is keyed apart from the same name unquoted so
    that the newspapers الرياض and الشرق الأوسط never join the city or the region; the Saudi Press Agency, which the
    registry lists as an organisation, is that organisation, one entity with its unquoted «واس»."""
    docs = analysed[0]
    for name in ("spa_quoted", "grapes"):
        quoted = [m for m in docs[name].mentions if m.text == "واس"]
        assert quoted, name
        assert {m.entity for m in quoted} == {"org:spa"}, name


def test_in_favour_of_a_place_is_no_name(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«واختطافها لصالح طهران» (in Tehran's favour): a common given name after the preposition ل and before a place
    written without the article is the noun لصالح, not Saleh, whom the same article names seven times."""
    doc = analysed[0]["tehran"]
    at = doc.text.index("لصالح طهران")
    assert not [m for m in doc.mentions if at <= m.start < at + len("لصالح")]
    assert any(m.text == "طهران" for m in doc.mentions)


def test_a_registered_name_does_not_run_on_into_the_next_word(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«لحكومة الرئيس عبد ربه هادي الشرعية», «الرئيس عبد ربه منصور هادي سبق له», «الامير محمد بن سلمان اللواء ركن»:
    the tagger ran the registered name on into an adjective, a verb or a title, and the junk span was an entity
    apart; the span ends with the name now, which resolves to the registered person."""
    docs = analysed[0]
    for name, text, after, ident in (("hadi_legitimate", "عبد ربه هادي", "الشرعية", "per:abdrabbuh-mansur-hadi"),
                                     ("hadi_verb", "عبد ربه منصور هادي", "سبق", "per:abdrabbuh-mansur-hadi"),
                                     ("mbs_title", "محمد بن سلمان", "اللواء", "per:mohammed-bin-salman")):
        doc = docs[name]
        at = doc.text.index(f"{text} {after}")
        found = [m for m in doc.mentions if m.start <= at < m.end]
        assert [(m.text, m.entity) for m in found] == [(text, ident)], name


def test_the_bare_super_cup_is_the_saudi_one(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«السوبر» alone is the Saudi Super Cup in the Saudi press (SaudiNewsNet writes «السوبر السعودي» 261 times of the
    416 it writes the word with a country's adjective): the bare word of an article naming no other country's cup
    and «السوبر السعودي» are one entity; the European cup stays apart."""
    docs = analysed[0]
    bare = {m.entity for m in docs["super_bare"].mentions if m.text == "السوبر"}
    saudi = {m.entity for m in docs["super_saudi"].mentions if m.text == "السوبر السعودي"}
    europe = {m.entity for m in docs["super_europe"].mentions if m.text == "السوبر الأوروبي"}
    assert bare and bare == saudi
    assert europe and not europe & saudi

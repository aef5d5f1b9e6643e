"""Errors found by auditing the 40 largest entities of SaudiNewsNet 2015-08-07 (tests/gold/entities/audit_2015-08-07.md).

Real articles (none of the held-out third, none of the stories gold's test split) run through the product pipeline
(page stage, components, corpus steps), as ``marsad analyze`` runs them.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    "nasr": "http://www.al-jazirah.com/2015/20150807/sp19.htm",  # «ببعثة نادي النصر الأسبوع الماضي من لاعبين»
    # «بعدما أعلنت الشركة الأسبوع الماضي أن أرباحها» (2015-08-09)
    "shares": "http://www.3alyoum.com/finance/a/معظم-أسواق-الأسهم-الخليجية-تتراجع-مع-ض/",
    "storm": "http://www.al-jazirah.com/2015/20150807/lp5.htm",  # «الملك سلمان بدء (عاصفة الحزم)»
    "saleh": "http://www.alyaum.com/article/4080305",  # «لميليشيا الحوثي وقوات المخلوع صالح أمام منزل» (2015-07-27)
    # «زيارة رئيسة كوريا الجنوبية للسعودية»
    "korea": "http://www.al-madina.com/node/623234/قنصل-كوريا-الجنوبية-فرص-استثمارية-ضخمة-في-المدينة.html",
    "jordan": "http://www.al-jazirah.com/2015/20150807/av2.htm",  # «وتضامنه مع المملكة العربية السعودية الشقيقة في»
}


def _covering(doc: Document, text: str) -> list[str]:
    """The texts of the mentions overlapping the first occurrence of ``text``."""
    at = doc.text.index(text)
    return [m.text for m in doc.mentions if m.start < at + len(text) and m.end > at]


def test_a_relative_date_is_no_part_of_a_name(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """The tagger ran a name on into the date after it, «[نادي النصر الأسبوع الماضي]», «أعلنت [الشركة الأسبوع
    الماضي]»: a junk span, an entity of its own; the name alone is the mention now (the club's, after its club word),
    and a common noun alone («الشركة») none."""
    docs = analysed[0]
    assert _covering(docs["nasr"], "نادي النصر الأسبوع الماضي") == ["النصر"]
    assert _covering(docs["shares"], "الشركة الأسبوع الماضي") == []


def test_a_titled_given_name_is_no_run_on(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«الملك [سلمان بدء]» (King Salman began), «وقوات المخلوع [صالح أمام] منزل»: the tagger ran a given name on into
    the next word, a junk span of its own; the title and the given name are registered («الملك سلمان», «المخلوع
    صالح»), so the run-on word is cut and the mention is the registered person's."""
    docs = analysed[0]
    doc = docs["storm"]
    at = doc.text.index("سلمان بدء")
    assert [(m.text, m.entity) for m in doc.mentions if m.start == at] == [("سلمان", "per:king-salman")]
    doc = docs["saleh"]
    at = doc.text.index("صالح أمام منزل")
    assert [(m.text, m.entity) for m in doc.mentions if m.start <= at < m.end] == [
        ("المخلوع صالح", "per:ali-abdullah-saleh")]


def test_a_place_after_the_preposition_is_no_part_of_a_registered_name(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«زيارة رئيسة [كوريا الجنوبية للسعودية]»: the tagger ran South Korea on into the country visited, a junk span of
    its own; the registered name and the place after «ل» are two mentions now."""
    doc = analysed[0]["korea"]
    at = doc.text.index("كوريا الجنوبية للسعودية")
    found = [(m.text, m.entity) for m in doc.mentions if at <= m.start < at + 25]
    assert found == [("كوريا الجنوبية", "loc:south-korea"), ("لسعودية", "loc:saudi-arabia")]


def test_a_description_after_a_registered_name_is_no_part_of_it(
    analysed: tuple[dict[str, Document], CorpusResult],
) -> None:
    """«مع [المملكة العربية السعودية الشقيقة]» (the sisterly Kingdom): the description made an entity of its own that
    hid the registered name; it is the country's mention now."""
    doc = analysed[0]["jordan"]
    at = doc.text.index("المملكة العربية السعودية الشقيقة")
    assert [(m.text, m.entity) for m in doc.mentions if m.start == at] == [
        ("المملكة العربية السعودية", "loc:saudi-arabia")]

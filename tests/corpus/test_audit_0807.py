"""Errors found by auditing the 40 largest entities of SaudiNewsNet 2015-08-07 (tests/gold/entities/audit_2015-08-07.md).

Real articles (none of the held-out third, none of the stories gold's test split) run through the product pipeline
(page stage, components, corpus steps), as ``marsad analyze`` runs them.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    "nasr": "http://www.al-jazirah.com/2015/20150807/sp19.htm",  # «ببعثة نادي النصر الأسبوع الماضي من لاعبين»
    # «إحباط الجيش المصري الأسبوع الماضي لعملية» (2015-07-21)
    "sinai": "http://aawsat.com/home/article/401661/الشيخ-زويد-بؤرة-الإرهاب-في-مصر",
    "storm": "http://www.al-jazirah.com/2015/20150807/lp5.htm",  # «الملك سلمان بدء (عاصفة الحزم)»
    # «وأعرب الملك سلمان باسمه واسم شعب وحكومة المملكة» (2015-07-21)
    "korea": "http://www.al-madina.com/node/623234/قنصل-كوريا-الجنوبية-فرص-استثمارية-ضخمة-في-المدينة.html",  # «زيارة رئيسة كوريا الجنوبية للسعودية»
    "jordan": "http://www.al-jazirah.com/2015/20150807/av2.htm",  # «وتضامنه مع المملكة العربية السعودية الشقيقة في»
    "colombia": "http://aawsat.com/home/article/410061/خادم-الحرمين-وولي-عهده-يهنئان-الشعب-الكولومبي-في-ذكرى-استقلاله",
}


def _covering(doc: Document, text: str) -> list[str]:
    """The texts of the mentions overlapping the first occurrence of ``text``."""
    at = doc.text.index(text)
    return [m.text for m in doc.mentions if m.start < at + len(text) and m.end > at]


def test_a_relative_date_is_no_part_of_a_name(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """The tagger ran a name on into the date after it, «[نادي النصر الأسبوع الماضي]», «[الجيش المصري الأسبوع
    الماضي]»: a junk span, an entity of its own; the name alone is the mention now (the club's, after its club word)."""
    docs = analysed[0]
    assert _covering(docs["nasr"], "نادي النصر الأسبوع الماضي") == ["النصر"]
    assert _covering(docs["sinai"], "الجيش المصري الأسبوع الماضي") == ["الجيش المصري"]


def test_a_titled_given_name_is_no_run_on(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«الملك [سلمان بدء]» (King Salman began), «الملك [سلمان باسمه]»: the tagger ran the king's given name on into
    the next word, a junk span of its own; the title and the given name are registered («الملك سلمان»), so the given
    name alone is the mention, and it is the king's."""
    docs = analysed[0]
    for name, text in (("storm", "سلمان بدء"), ("colombia", "سلمان باسمه")):
        doc = docs[name]
        at = doc.text.index(text)
        assert [(m.text, m.entity) for m in doc.mentions if m.start == at] == [("سلمان", "per:king-salman")], name


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

"""Errors found by auditing the 40 largest entities of SaudiNewsNet 2015-07-25 (tests/gold/entities/audit_2015-07-25.md).

Real articles of that day (none of the held-out third) run through the product pipeline (page stage, components,
corpus steps), as ``marsad analyze`` runs them.
"""

from __future__ import annotations

from tests.corpus.conftest import mention_entities

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    # «رئيس النادي الأهلي» ×9, «لنادي الأهلي» ×2, «الأهلي»
    "ahli_board": "http://aawsat.com/home/article/414216/الزويهري-يشرع-في-ترتيب-إدارة-الأهلي-الجديدة",
    "ahli_president": "http://www.okaz.com.sa/new/Issues/20150725/Con20150725785537.htm",  # «رئيس نادي الاهلي»
    "ahli_sabq": "http://sabq.org/4GCgde",  # «عضو شرف النادي الأهلي», «رئيساً للنادي الأهلي»
    "qadsiah": "http://www.alyaum.com/article/4080054",  # «واصل الفريق الأول لكرة القدم بنادي القادسية»
    "roots": "http://www.alriyadh.com/1029850",  # «في قصة جده كونتا كونتي» (his grandfather)
    "draw": "http://aawsat.com/home/article/414256/موسكو-تتأهب-لـ«بداية-الحلم»-بقرعة-مثيرة-لتصفيات-مونديال-2018",
    "luxor": "http://www.alriyadh.com/1067704",  # «ومنطقة آثار مصر العليا» ×2
}


def test_a_club_word_is_no_part_of_the_clubs_name(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«شرع مساعد الزويهري رئيس [النادي الأهلي]», «الجمعية غير العادية ل[نادي الأهلي]», «رئيس [نادي الاهلي]»: the
    tagger took the club word into the span, and the club was three entities on 2015-07-25 («النادي الأهلي» 26,
    «نادي الأهلي» 12, «الأهلي» 92).  The club word says what the name is; the club is «الأهلي», one entity."""
    docs = analysed[0]
    texts = {m.text for doc in docs.values() for m in doc.mentions}
    assert not texts & {"النادي الأهلي", "نادي الأهلي", "نادي الاهلي", "لنادي الأهلي"}
    clubs = set().union(*(mention_entities(doc, form) for doc in docs.values() for form in ("الأهلي", "الاهلي")))
    assert len(clubs) == 1
    assert sum(m.entity in clubs for doc in docs.values() for m in doc.mentions) >= 18
    assert mention_entities(docs["ahli_board"], "الأهلي") == mention_entities(docs["ahli_president"], "الاهلي")


def test_a_clubs_team_is_no_rank(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«واصل الفريق الأول لكرة القدم بنادي القادسية»: with the club word out of the club's span, the role join must
    still not read «الفريق» (the team) as the rank before a person; the club is «القادسية»."""
    doc = analysed[0]["qadsiah"]
    assert not [m for m in doc.mentions if m.type == "PER" and m.text.startswith("الفريق")]
    assert "نادي القادسية" not in {m.text for m in doc.mentions}
    assert "القادسية" in {m.text for m in doc.mentions if m.type == "ORG"}


def test_a_grandfather_is_not_jeddah(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«المُسلم أليكس في قصة جده كونتا كونتي»: «جده» is «his grandfather» here, an article that never writes Jeddah
    «جدة»; the tagger read it as the city (Jeddah written with ه for its ة), three times."""
    doc = analysed[0]["roots"]
    assert doc.text.count("جده") >= 3 and "جدة" not in doc.text
    assert not [m for m in doc.mentions if m.text == "جده"]


def test_a_region_named_with_its_country_is_not_the_country(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«خامس تصفيات أميركا الجنوبية» (South America spelt with ي: the tagger cut it and the United States took
    «أميركا») and «منطقة آثار مصر العليا» (Upper Egypt, where Egypt took «مصر») are regions of their own."""
    docs = analysed[0]
    assert mention_entities(docs["draw"], "أميركا الجنوبية") == {"loc:south-america"}
    assert "loc:united-states" not in {m.entity for m in docs["draw"].mentions if m.text == "أميركا"}
    assert mention_entities(docs["luxor"], "مصر العليا") == {"loc:upper-egypt"}
    assert not [m for m in docs["luxor"].mentions if m.text == "مصر" and docs["luxor"].text[m.end:m.end + 7] == " العليا"]

"""Fixed names that contain a place (issue 13, "referents merged"): the place word inside a company's, exchange's,
bank's, radio's, district's or region's name is no mention of the place (``entity_place_names.tsv``, mined by
``scripts/mine_place_names.py``; ``marsad.extract.place_names``).

Real articles of 2015-07-23 (tests/gold/entities/audit_2015-07-23.md: the "merged" column), none of the held-out
third, run through the product pipeline as ``marsad analyze`` runs them.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    "span": "http://www.al-jazirah.com/2015/20150723/ec2.htm",  # «الشبكة السعودية للمدفوعات» ×4
    "span_okaz": "http://www.okaz.com.sa/new/Issues/20150723/Con20150723785136.htm",  # the same ×4
    "dfm": "http://aawsat.com/home/article/412511/تباين-أداء-أسواق-الخليج-بعد-عودتها-كاملة-من-إجازة-عيد-الفطر",
    "agency": "http://www.alwatan.com.sa/Economy/News_Detail.aspx?ArticleID=229841&CategoryID=2",  # «وكالة أنباء الإمارات»
    "club": "http://www.alyaum.com/article/4079799",  # «الكويت الكويتي»
    "east_europe": "http://aawsat.com/home/article/412536/للمرة-الأولى-في-تاريخها-أعداد-عملاء-«أودي»-في-النصف-الأول-من-العام-تتجاوز-900",
}


def _place_mentions(doc: Document, name: str, place: str) -> list[str]:
    """The texts of the mentions inside each occurrence of ``name`` in the document that are ``place`` alone."""
    out = []
    start = doc.text.find(name)
    while start >= 0:
        end = start + len(name)
        out += [m.text for m in doc.mentions if start <= m.start and m.end <= end and m.text.endswith(place)
                and m.text != name]
        start = doc.text.find(name, end)
    return out


def _whole(doc: Document, name: str) -> list[str]:
    """The types of the mentions written exactly ``name``."""
    return [m.type for m in doc.mentions if m.text == name]


def test_a_company_named_with_a_place_is_no_mention_of_the_place(
        analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«الشبكة [السعودية] للمدفوعات» (the Saudi Payments Network): 22 mentions of Saudi Arabia on 2015-07-23; the
    name is one organisation.  The Dubai Financial Market in a market report likewise."""
    docs = analysed[0]
    for key in ("span", "span_okaz"):
        doc = docs[key]
        assert _place_mentions(doc, "الشبكة السعودية للمدفوعات", "السعودية") == [], key
        assert _whole(doc, "الشبكة السعودية للمدفوعات") and set(_whole(doc, "الشبكة السعودية للمدفوعات")) == {"ORG"}
    dfm = docs["dfm"]
    assert _place_mentions(dfm, "سوق دبي المالي", "دبي") == []


def test_a_region_named_with_a_place_is_a_place_of_its_own(
        analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«[أوروبا] الشرقية» (Eastern Europe, 1 of Europe's mentions on 2015-07-23) is a place of its own."""
    doc = analysed[0]["east_europe"]
    assert _place_mentions(doc, "أوروبا الشرقية", "أوروبا") == []
    assert _whole(doc, "أوروبا الشرقية") == ["LOC"]


def test_an_agency_or_a_club_named_with_a_place_is_no_mention_of_the_place(
        analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«وكالة أنباء [الإمارات]» (WAM) and the Kuwaiti club «[الكويت] الكويتي» are organisations, no mentions of the UAE
    and Kuwait (1 each on 2015-07-23)."""
    docs = analysed[0]
    assert _place_mentions(docs["agency"], "وكالة أنباء الإمارات", "الإمارات") == []
    assert _whole(docs["club"], "الكويت الكويتي") == ["ORG"]

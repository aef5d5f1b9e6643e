"""Errors found by auditing the 40 largest entities of SaudiNewsNet 2015-07-23 (tests/gold/entities/audit_2015-07-23.md).

Real articles of that day (none of the held-out third) run through the product pipeline (page stage, components,
corpus steps), as ``marsad analyze`` runs them.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    # «خادم الحرمين يبحث مع وزير الدفاع الأميركي», «مع وزير الدفاع الأميركي آشتون كارتر»
    "carter": "http://aawsat.com/home/article/412866/خادم-الحرمين-يبحث-مع-وزير-الدفاع-الأميركي-مستجدات-المنطقة",
    "shoukry": "http://sabq.org/cACgde",  # «بحثنا مع وزير الخارجية المصري الأوضاع في اليمن»
    # «واعتمده لاحقًا وزير الخارجية الأميركي هنري كيسنجر», «على قول جون كيري وزير الخارجية الأميركي يوم الأحد»
    "column": "http://aawsat.com/home/article/412796/هدى-الحسيني/الاتفاق-النووي-حقق-الاستقرار-للنظام-الإيراني-في-الداخل",
    "soldier": "http://www.alriyadh.com/1067287",  # «إن جنديا تركيا قتل وأصيب آخر»
    "soldier2": "http://www.aleqt.com/2015/07/23/article_975683.html",  # the same wire, another outlet
}


def test_a_ministers_portfolio_is_no_organisation(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«وزير [الدفاع الأميركي] آشتون كارتر», «وزير [الخارجية المصري]»: the tagger tagged the portfolio and the
    minister's nationality as an organisation, an entity of 56 mentions («الدفاع الأميركي») on 2015-07-23 and
    another of 19 («الخارجية المصري»).  The phrase is a role; where the minister is named, it is a mention of him."""
    docs = analysed[0]
    for doc in docs.values():
        assert not [m for m in doc.mentions if m.type == "ORG" and m.text.startswith(("الدفاع", "الخارجية"))]
    carter = docs["carter"]
    roles = [m for m in carter.mentions if m.text == "وزير الدفاع الأميركي"]
    assert roles and {m.entity for m in roles} == {"per:ashton-carter"}



def test_a_registered_role_is_not_an_unregistered_persons(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """A 2015 column names Henry Kissinger after «وزير الخارجية الأميركي», then John Kerry before it: the title is
    Kerry's at the date (the registry's holder), and no mention of it may join Kissinger, whom the registry does not
    know; nor is «الخارجية الأميركي» an organisation."""
    doc = analysed[0]["column"]
    kissinger = {m.entity for m in doc.mentions if m.text == "هنري كيسنجر"}
    assert kissinger
    at = doc.text.index("جون كيري وزير الخارجية الأميركي") + len("جون كيري ")
    covering = [m for m in doc.mentions if m.start <= at + 6 < m.end]
    assert not [m for m in covering if m.type == "ORG" or m.entity in kissinger]


def test_an_accusative_adjective_is_not_its_country(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«إن جنديا تركيا قتل»: «تركيا» is the accusative «Turkish» written without its tanwin (a Turkish soldier), not
    Turkey.  «على طول حدود تركيا مع سوريا» in the same article is Turkey."""
    for name in ("soldier", "soldier2"):
        doc = analysed[0][name]
        at = doc.text.index("جنديا تركيا") + len("جنديا ")
        assert not [m for m in doc.mentions if m.start == at]
    assert [m for m in analysed[0]["soldier2"].mentions if m.entity == "loc:turkey"]

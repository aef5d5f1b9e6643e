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

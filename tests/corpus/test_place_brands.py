"""Names that carry a place and are no mention of it, left by the audits of 2015-07-22 and 07-26 (issue 13):
brands named by a place without a head word («أرامكو السعودية», «زين السعودية», ``entity_place_brands.tsv``, mined
by ``scripts/mine_place_names.py --brands``) and a newspaper's name tagged whole with its outlet word («صحيفة
الرياض»), which is the outlet, not the city.

Real SaudiNewsNet articles of other days than the audited ones, none of the held-out third, run through the product
pipeline as ``marsad analyze`` runs them.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    # «أرامكو السعودية» ×3 and «أرامكو» alone
    "aramco": "http://www.alriyadh.com/1072090",
    # «أرامكو» alone ×2
    "aramco_alone": "http://aawsat.com/home/article/414796/السعودية-تستعيد-حصتها-النفطية-في-السوق-الصينية-بعد-هبوط-مايو-الحاد",
    "zain": "http://www.alyaum.com/article/4081558",  # «وزين السعودية» ×2 in a list of shares
    "riyadh_paper": "http://www.alriyadh.com/1069630",  # «رئاسة تحرير صحيفة الرياض»
    "riyadh_quoted": "http://www.alriyadh.com/1070192",  # «لتحرير جريدة «الرياض»» ×8
}


def _entities(doc: Document, text: str) -> set[str | None]:
    return {m.entity for m in doc.mentions if m.text == text}


def _inside(doc: Document, name: str, place: str) -> list[str]:
    """The mentions written ``place`` alone inside the occurrences of ``name`` in the document."""
    out = []
    start = doc.text.find(name)
    while start >= 0:
        end = start + len(name)
        out += [m.text for m in doc.mentions if start <= m.start and m.end <= end and m.text == place]
        start = doc.text.find(name, end)
    return out


def test_a_brand_named_by_its_country_is_the_brand(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«أرامكو [السعودية]» and «وزين [السعودية]» are the companies, one organisation each, not Saudi Arabia (3 and 2
    of Saudi Arabia's mentions on 2015-07-22); «أرامكو السعودية» is the entity «أرامكو» written alone in another
    article."""
    docs, result = analysed
    assert _inside(docs["aramco"], "أرامكو السعودية", "السعودية") == []
    assert _inside(docs["zain"], "زين السعودية", "السعودية") == []
    assert {m.type for m in docs["zain"].mentions if m.text == "زين السعودية"} == {"ORG"}
    whole = _entities(docs["aramco"], "أرامكو السعودية")
    assert len(whole) == 1 and whole == _entities(docs["aramco_alone"], "أرامكو")
    names = {e.id: e for e in result.entities}
    assert names[next(iter(whole))].type == "ORG"  # type: ignore[index]


def test_a_newspaper_named_with_its_outlet_word_is_the_outlet(
        analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«صحيفة الرياض», tagged whole as an organisation by the mined names with a place, is the newspaper al-Riyadh
    that another article names in quotation marks after its outlet word («جريدة «الرياض»»), not an organisation
    apart (4 mentions on 2015-07-22) nor the city."""
    docs, _ = analysed
    ids = _entities(docs["riyadh_paper"], "صحيفة الرياض")
    assert len(ids) == 1 and ids != {"loc:riyadh"}
    assert ids <= _entities(docs["riyadh_quoted"], "الرياض")  # and the city of its other mentions

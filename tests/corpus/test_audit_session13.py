"""Leftovers of the 2015-07-25 and 2015-08-03 audits fixed on the merged main of session 13
(tests/gold/entities/audit_2015-07-25.md, audit_2015-08-03.md, sections "Merged main (session 13)" and after).

Real articles of those days (none of the held-out third) run through the product pipeline, as ``marsad analyze``
runs them.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.model import Document

URLS = {
    "adabi_jeddah": "http://www.alyaum.com/article/4081533",  # «“أدبي جدة” يطلق», «عضو مجلس إدارة أدبي جدة»
    "funun_jeddah": "http://www.alriyadh.com/1069931",  # «أن تكون "فنون جدة" هي الجهة المسؤولة», «فنون جدة» المنسق
    "funun_riyadh": "http://www.al-jazirah.com/2015/20150725/at2.htm",  # «“فنون الرياض” تحتفل بالعيد»
    "itaam": "http://www.alyaum.com/article/4081651",  # «أطلقت «إطعام»», «كما شاركت إطعام الرياض في معرض»
}


def _entities(doc: Document, text: str) -> set[str | None]:
    """The entities of the document's mentions whose text ends with ``text``."""
    return {m.entity for m in doc.mentions if m.text.endswith(text)}


def test_a_short_name_before_a_place_is_the_organisation(analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«أدبي [جدة]» (the literary club, «نادي جدة الأدبي»), «"فنون [جدة]"», «“فنون [الرياض]”» (the Society for Culture
    and Arts, «جمعية الثقافة والفنون بجدة»): the tagger tags the city alone and resolution joined the club and the
    society to Jeddah and Riyadh (4 + 2 mentions of Jeddah on 2015-08-03, 1 of Riyadh on 2015-07-25).  The word stands
    for the organisation's whole name; the word and the place are one organisation."""
    docs = analysed[0]
    for name, short in (("adabi_jeddah", "أدبي جدة"), ("funun_jeddah", "فنون جدة"), ("funun_riyadh", "فنون الرياض")):
        doc = docs[name]
        assert [m for m in doc.mentions if m.text == short and m.type == "ORG"], name
        place = short.split()[1]
        assert not [m for m in doc.mentions if m.text == place and doc.text[m.start - 5:m.start].strip().endswith(
            short.split()[0])], name
    assert "loc:jeddah" in _entities(docs["adabi_jeddah"], "جدة")  # «عروس البحر الأحمر (جدة)» stays the city
    # the definite word is no short name: «في خدمة الثقافة والفنون [السعودية]» (the adjective) is no organisation
    assert not [m for m in docs["funun_jeddah"].mentions if m.text.endswith("والفنون السعودية")]


def test_an_organisations_bare_name_before_a_place_is_its_branch(
        analysed: tuple[dict[str, Document], CorpusResult]) -> None:
    """«كما شاركت إطعام [الرياض] في معرض ليالي» ×2: the charity «إطعام», which the article tags alone four times
    («أطلقت «إطعام» أكثر من سبع حملات»), written before a city is its branch there, not the city (2 of Riyadh's
    merged mentions on 2015-08-03).  The city named alone stays the city («وفي [الرياض] أطلقت «إطعام»»)."""
    doc = analysed[0]["itaam"]
    assert len([m for m in doc.mentions if m.text == "إطعام الرياض" and m.type == "ORG"]) == 2
    riyadh = [m for m in doc.mentions if m.text == "الرياض"]
    assert riyadh and all(m.type == "LOC" and doc.text[m.start - 6:m.start].strip() != "إطعام" for m in riyadh)

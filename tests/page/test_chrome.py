"""Lines repeated across pages of one site are chrome even when no lexicon knows them."""

from __future__ import annotations

from marsad.api import _Job, _process
from marsad.ingest.raw import RawDocument
from marsad.options import Options
from marsad.page.chrome import repeated_lines, site_key

PROMO = "خدمة الرسائل القصيرة متاحة لجميع المشتركين"


def _page(title: str, body: str) -> RawDocument:
    text = f"{title}\n\n{body}\n\n{PROMO}\n\nوأضاف المتحدث أن الاجتماعات ستتواصل خلال الأسبوع المقبل بحضور وفود عدة من دول الجوار."
    return RawDocument(source=title, format="json", text=text, title=title, sitename="صحيفة المثال")


def test_promo_line_repeated_across_site_pages_is_boilerplate() -> None:
    raws = [
        _page("افتتاح معرض الكتاب في العاصمة", "افتتح وزير الثقافة اليوم معرض الكتاب الدولي بمشاركة أكثر من خمسمئة دار نشر من ثلاثين دولة."),
        _page("ارتفاع أسعار النفط", "ارتفعت أسعار النفط في تعاملات اليوم بنسبة اثنين في المئة بعد تراجع المخزونات الأميركية بأكثر من المتوقع."),
    ]
    chrome = repeated_lines(raws)
    assert site_key(raws[0]) in chrome
    doc = _process(_Job(raws[0], Options(), chrome[site_key(raws[0]) or ""]))
    promo_at = doc.text.index(PROMO)
    seg = doc.segment_at(promo_at)
    assert seg is not None and seg.kind == "boilerplate"
    alone = _process(_Job(raws[0], Options(), frozenset()))
    seg_alone = alone.segment_at(promo_at)
    assert seg_alone is not None and seg_alone.kind == "main"

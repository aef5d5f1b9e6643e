"""Learnt line roles on a flat-text page of a site marsad has never seen, and the data the model is built from."""

from __future__ import annotations

from pathlib import Path

from marsad.ingest.raw import RawDocument
from marsad.options import Options
from marsad.page.build import build_document
from marsad.page.lines import split_lines
from marsad.page.roles import model_available, tag_roles
from marsad.page.segment import label_lines
from marsad.train.page_data import render_html

PAGE = Path(__file__).parent / "data" / "unseen_site_page.txt"


def _page() -> RawDocument:
    return RawDocument(source=str(PAGE), format="txt", text=PAGE.read_text(encoding="utf-8"))


def test_model_ships() -> None:
    assert model_available()


def test_unseen_page_main_text_title_byline_and_dateline() -> None:
    doc = build_document(_page(), Options())
    mains = doc.segments_of("main")
    assert len(mains) == 1
    pieces = doc.pieces(mains[0])
    main_text = "\n".join(p.text for p in pieces)
    header = {doc.title, "الرياض - سلمان الحربي", "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00"}
    for line in split_lines(doc.text):
        inside = any(p.start <= line.start and line.end <= p.end for p in pieces)
        assert inside == (line.words >= 14 or line.text in header), line.text
    assert "تجاوز إلى المحتوى" not in main_text and "استمارة البحث" not in main_text
    assert doc.title == "مجلس الوزراء يقر خطة لتطوير النقل العام في المدن الكبرى"
    assert doc.byline is not None and "سلمان الحربي" in doc.byline
    assert doc.published is not None
    assert (doc.published.value, doc.published.basis) == ("2013-08-28T14:00", "explicit")
    related = [s for s in doc.segments if s.kind == "related"]
    assert related and "ارتفاع أسعار الذهب" in doc.text[related[0].start:related[0].end]


def test_menu_section_and_widget_lines_are_never_title_or_byline() -> None:
    raw = _page()
    lines = split_lines(raw.text)
    roles, confidence = tag_roles(lines, [label.value for label in label_lines(lines)])
    by_text = {line.text: role for line, role in zip(lines, roles, strict=True)}
    for chrome in ("تجاوز إلى المحتوى الرئيسي", "استمارة البحث", "الشرق الأوسط", "41 °", "سماء صافية", "من نحن"):
        assert by_text[chrome] == "boiler", chrome
    assert by_text["مجلس الوزراء يقر خطة لتطوير النقل العام في المدن الكبرى"] == "title"
    assert all(0.0 <= c <= 1.0 for c in confidence)


def test_render_html_one_line_per_block() -> None:
    html = (
        "<html><head><title>t</title><style>p{}</style></head><body><nav><a href='/'>الرئيسية</a>"
        "<a href='/a'>أخبار</a></nav><h1>عنوان <b>الخبر</b></h1><p>الفقرة الأولى.<br>سطر ثان</p>"
        "<script>var x = 1;</script><footer>من نحن</footer></body></html>"
    )
    assert render_html(html) == "الرئيسيةأخبار\nعنوان الخبر\nالفقرة الأولى.\nسطر ثان\nمن نحن\n"

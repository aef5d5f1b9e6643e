"""Hostile text stays inert: escaping, visible bidi controls, nested highlighting, SVG labels."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from marsad.server.charts import bar_chart, periods
from marsad.server.markup import Layer, highlight, inert

HOSTILE = 'كيم <script>alert(1)</script> <img src=x onerror="alert(2)"> \u202eعكس\u202c'


def test_inert_escapes_markup_and_shows_bidi_controls() -> None:
    html = str(inert(HOSTILE))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "onerror=&#34;" in html
    assert "\u202e" not in html and "\u202c" not in html
    assert "U+202E" in html and "U+202C" in html


def test_highlight_nests_overlapping_layers_and_escapes_each_piece() -> None:
    text = "قال <b>بوتين</b> اليوم"
    start = text.index("بوتين")
    layers = [
        Layer(0, len(text), "qt", "اقتباس"),
        Layer(start, start + 5, "ent", "شخص", href="/entities/E1"),
        Layer(start + 3, len(text), "tx", 'a"b', anchor="mark"),
    ]
    html = str(highlight(text, layers))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert html.count('href="/entities/E1"') == 2  # the mention is cut in two by the overlapping layer
    assert html.count('id="mark"') == 1
    assert 'title="a&#34;b"' in html
    checker = _Nesting()
    checker.feed(html)
    assert checker.stack == [] and checker.text == text


class _Nesting(HTMLParser):
    """Checks that every closing tag closes the last opened one, and gathers the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text += data


def test_highlight_ignores_spans_outside_the_text() -> None:
    assert str(highlight("نص", [Layer(0, 9, "x"), Layer(1, 1, "y")])) == "نص"


def test_chart_draws_one_bar_per_period_with_escaped_labels() -> None:
    svg = str(bar_chart(Counter({"2024-06-18": 3, "2024-06-19": 1}), "<script>"))
    assert svg.count("<rect") == 2 and "&lt;script&gt;" in svg and "<script>" not in svg
    assert str(bar_chart(Counter(), "x")) == ""


def test_periods_fall_back_to_months_when_days_are_many() -> None:
    days = Counter({f"2024-{m:02d}-{d:02d}": 1 for m in (1, 2, 3) for d in range(1, 29)})
    assert set(periods(days)) == {"2024-01", "2024-02", "2024-03"}
    assert periods(Counter({"2024-06-18T10:00": 2, "2024-06-18": 1})) == Counter({"2024-06-18": 3})

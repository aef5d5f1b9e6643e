"""Property tests: random text, JSON records and HTML through the whole pipeline (marsad.api.analyze).

Whatever the input, no exception escapes, every span indexes its document's text, and the
report validates against the schema.  Examples are bounded so that the file runs in well
under a minute; the words are drawn from what the stages react to (dates, speech verbs,
quote marks, agencies, outlets, bidi marks, Arabic-Indic digits) so that they all run.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.api import Analysis, analyze
from marsad.model import Document, Span
from marsad.options import Options
from marsad.report.build import schema

WORDS = (
    "قال", "وقال", "أكد", "الرئيس", "بوتين", "كيم", "موسكو", "بيونغ", "يانغ", "الثلاثاء", "أمس", "غدا", "اليوم",
    "يونيو", "حزيران", "2024", "١٨", "٢٠٢٤", "رمضان", "1445", "هـ", "الساعة", "10:30", "صباحا", "م", "رويترز",
    "وكالة", "الأنباء", "الفرنسية", "الشرق", "الأوسط", "سكاي", "نيوز", "عربية", "«", "»", '"', ":", "،", ".",
    "؟", "-", "(", ")", "\u200f", "\u200e", "ـ", "َ", "ّ", "بقلم", "المصدر:", "©", "2023", "وزير", "الخارجية",
    "في", "من", "إلى", "على", "أن", "إن", "الذي", "عن", "مع", "خلال", "بعد", "قبل", "الماضي", "المقبل",
    "الأسبوع", "الشهر", "العام", "منذ", "حتى", "عاما", "ثلاثة", "أيام", "سلطنة", "عمان", "وأضاف", "أوضح",
    "abc", "Reuters", "AFP", "12", "3.5", "%", "\t", "!", "…", "x", "<p>", "</p>", "<br/>", "&amp;", "&#8211;",
    "<script>", "</script>", "<!--",
)
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "، ", ". ", "\r\n", "\u00a0"])
TEXT = st.lists(st.tuples(st.sampled_from(WORDS) | st.text(min_size=1, max_size=6), SEPARATORS),
                min_size=1, max_size=120).map(lambda parts: "".join(w + s for w, s in parts))
SCALAR = st.none() | st.booleans() | st.integers(-(2**40), 2**45) | st.floats(allow_nan=True) | TEXT
FIELD_NAMES = st.sampled_from([
    "title", "text", "maintext", "content", "body", "articleBody", "headline", "url", "link", "source", "src",
    "publisher", "site", "domain", "date", "time", "published", "pubDate", "datePublished", "timestamp",
    "created_at", "date_extracted", "author", "authors", "language", "summary", "@graph", "@type", "$date",
    "name", "value", "articles", "results", "other",
])
URLS = st.sampled_from([
    "https://www.skynewsarabia.com/2018/05/07/x", "http://aawsat.com/home/article/1", "file:///etc/passwd",
    "javascript:alert(1)", "http://[::1", "https://x.example.com/20181399/", "ftp://x/y", "", "http://localhost/",
])
JSON_VALUE = st.recursive(SCALAR | URLS, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(FIELD_NAMES, inner, max_size=4), max_leaves=12)
RECORD = st.dictionaries(FIELD_NAMES, JSON_VALUE | TEXT | URLS, min_size=1, max_size=8)
TAGS = st.sampled_from(["p", "div", "h1", "h2", "span", "li", "nav", "footer", "article", "header", "figcaption",
                        "time", "a", "td", "blockquote", "script", "style"])
HTML_BLOCK = st.tuples(TAGS, TEXT).map(lambda t: f"<{t[0]}>{t[1]}</{t[0]}>")
JSON_LD = RECORD.map(lambda r: '<script type="application/ld+json">' + json.dumps(r, ensure_ascii=False) + "</script>")
HTML = st.tuples(TEXT, st.lists(JSON_LD, max_size=2), st.lists(HTML_BLOCK, min_size=1, max_size=25)).map(
    lambda t: f'<html lang="ar"><head><meta charset="utf-8"><title>{t[0][:80]}</title>{"".join(t[1])}</head>'
    f"<body>{''.join(t[2])}</body></html>"
)
# MARSAD_FUZZ_EXAMPLES=500 for a longer search than CI's
FUZZ = settings(max_examples=int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.data_too_large])


def run(name: str, data: str) -> Analysis:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(data, encoding="utf-8")
        return analyze([str(path)], Options(progress=False, min_arabic_ratio=0.0))


def check_spans(doc: Document) -> None:
    text = doc.text

    def span(item: Span | Any | None) -> None:
        if item is not None:
            assert 0 <= item.start <= item.end <= len(text)
            assert text[item.start:item.end] == item.text

    span(doc.title_span)
    span(doc.byline_span)
    for seg in doc.segments:
        assert 0 <= seg.start <= seg.end <= len(text)
        span(seg.title)
    for items in (doc.mentions, doc.timexes, doc.agencies, doc.events):
        for item in items:
            span(item)
    for quote in doc.quotes:
        span(quote)
        span(quote.cue)
        span(quote.speaker_text)


def check(result: Analysis) -> None:
    for doc in result.documents:
        check_spans(doc)
    report = result.report()
    jsonschema.validate(report, schema())
    by_id = {d.id: d.text for d in result.documents}
    for dup in report["duplicates"]:
        for ref in (dup["a"], dup["b"]):
            assert by_id[ref["document"]][ref["start"]:ref["end"]] == ref["text"]


@FUZZ
@given(TEXT)
def test_random_text(text: str) -> None:
    check(run("doc.txt", text))


@FUZZ
@given(st.lists(RECORD, min_size=1, max_size=4))
def test_random_json_records(records: list[dict[str, Any]]) -> None:
    check(run("records.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records)))


@FUZZ
@given(HTML)
def test_random_html(html: str) -> None:
    check(run("page.html", html))

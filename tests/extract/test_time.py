"""Temporal expressions on the real seed pages (issue 4 expectations), publication-date inference, and
the grammar's month systems, Hijri dates, numbers in words and 12-hour times on short real-style phrases."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.corpus.dates import infer_dates
from marsad.corpus.result import CorpusResult
from marsad.extract.time import annotate, tag_text
from marsad.extract.time.calendar import Anchor
from marsad.extract.time.reader import NO_START, RANGE_START, START, _may_open_range_end, _may_start
from marsad.extract.time.tokens import tokenize_key
from marsad.extract.time.words import range_openers_only
from marsad.ingest.raw import RawDocument
from marsad.model import Document, Published, Segment, Timex
from marsad.options import Options
from marsad.page.build import build_document
from marsad.text.normalize import norm_key

SEEDS = ["000_0c3bafbd90cf7e4b.txt", "001_c4de4682c1a3ca3f.txt", "002_08a461d4136db840.txt",
         "003_3f40048d4173b7d0.txt", "004_1db56f28e93c3289.txt"]


@pytest.fixture(scope="module")
def seeds(shared_dir: Path) -> dict[str, Document]:
    """The five seeds through the page stage, the time extractor and date inference, together."""
    docs = []
    for name in SEEDS:
        text = (shared_dir / "seeds" / name).read_text(encoding="utf-8")
        doc = build_document(RawDocument(source=name, format="txt", text=text), Options())
        annotate(doc)
        docs.append(doc)
    infer_dates(docs, CorpusResult())
    return {name[:3]: doc for name, doc in zip(SEEDS, docs, strict=True)}


def _find(doc: Document, text: str) -> Timex:
    found = [t for t in doc.timexes if t.text == text]
    assert found, f"{text!r} not tagged: {[t.text for t in doc.timexes]}"
    return found[0]


def test_seed_expectations(seeds: dict[str, Document]) -> None:
    assert _find(seeds["001"], "سبتمبر الماضي").value == "2023-09"
    assert _find(seeds["001"], "مارس الماضي").value == "2024-03"
    assert _find(seeds["002"], "الشهر الماضي").value == "2024-05"
    assert _find(seeds["002"], "الأسبوع الماضي").value == "2024-W24"
    assert _find(seeds["000"], "عام 2000").value == "2000"
    sept = _find(seeds["003"], "من 10 إلى 13 أيلول")
    assert sept.type == "DATE"
    assert sept.value is not None and sept.value.endswith("-09-10")
    assert sept.end_value is not None and sept.end_value.endswith("-09-13")


def test_seed_dateline_weekdays_and_lists(seeds: dict[str, Document]) -> None:
    dateline = _find(seeds["001"], "الثلاثاء، 18 يونيو 2024 - 08:16 م")
    assert (dateline.type, dateline.value) == ("TIME", "2024-06-18T20:16")
    days = _find(seeds["001"], "يومي الأربعاء والخميس")
    assert (days.value, days.end_value) == ("2024-06-19", "2024-06-20")
    assert _find(seeds["002"], "الخميس").value == "2024-06-13"  # past tense: the Thursday before
    assert _find(seeds["000"], "19 و20 من الشهر الجاري").end_value == "2024-06-20"
    assert _find(seeds["001"], "24 عاماً").value == "P24Y"
    assert _find(seeds["002"], "تسعة أشهر").value == "P9M"


def test_publication_dates_inferred(seeds: dict[str, Document]) -> None:
    assert seeds["001"].published == Published("2024-06-18T20:16", "explicit")
    assert seeds["000"].published == Published("2024-06-18", "inferred")
    assert seeds["002"].published == Published("2024-06-18", "inferred")
    for key in ("003", "004"):
        published = seeds[key].published
        assert published is None or published.value.startswith("2023"), published


def test_appended_dates_never_infer(seeds: dict[str, Document]) -> None:
    doc = seeds["004"]
    late = [t for t in doc.timexes if t.value and t.value.startswith("2024-11")]
    assert late, "the appended article's November 2024 date should still be tagged"
    assert doc.published is None or not doc.published.value.startswith("2024")


def test_provenance_and_no_boilerplate(seeds: dict[str, Document]) -> None:
    for doc in seeds.values():
        for t in doc.timexes:
            assert doc.text[t.start : t.end] == t.text
            seg = min((s for s in doc.segments if s.start <= t.start and t.end <= s.end), key=lambda s: s.end - s.start)
            assert seg.kind != "boilerplate"


def _one(phrase: str, anchor: str | None = "2024-06-18") -> Timex:
    found = tag_text(phrase, 0, len(phrase), Anchor.parse(anchor) if anchor else None)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


@pytest.mark.parametrize(
    ("phrase", "span", "value"),
    [
        ("في 10 كانون الثاني 2023", "10 كانون الثاني 2023", "2023-01-10"),
        ("يوم 5 جوان 2022", "يوم 5 جوان 2022", "2022-06-05"),
        ("منذ 14 جويلية 2021", "14 جويلية 2021", "2021-07-14"),
        ("في أوت 2020", "أوت 2020", "2020-08"),
        ("يوم 3 غشت 2019", "يوم 3 غشت 2019", "2019-08-03"),
        ("في 12 شتنبر 2018", "12 شتنبر 2018", "2018-09-12"),
        ("في 7 يوليوز الماضي", "7 يوليوز الماضي", "2023-07-07"),
        ("مايو (أيار) 2022", "مايو (أيار) 2022", "2022-05"),
        ("يناير/كانون الثاني 2024", "يناير/كانون الثاني 2024", "2024-01"),
        ("بتاريخ 18/06/2024", "18/06/2024", "2024-06-18"),
        ("في ١٨ يونيو ٢٠٢٤", "١٨ يونيو ٢٠٢٤", "2024-06-18"),
        ("الموافق 17/10/1436هـ", "17/10/1436هـ", "2015-08-02"),
        ("في 25 شوال 1436 هـ", "25 شوال 1436 هـ", "2015-08-10"),
        ("سنة 1945", "سنة 1945", "1945"),
        ("في عام (1976)", "عام (1976)", "1976"),
        ("عام 1436 هجري", "عام 1436 هجري", "2015"),
    ],
)
def test_absolute_dates(phrase: str, span: str, value: str) -> None:
    t = _one(phrase)
    assert (t.text, t.type, t.value) == (span, "DATE", value)


@pytest.mark.parametrize(
    ("phrase", "span", "type_", "value"),
    [
        ("وصل أمس الأول", "أمس الأول", "DATE", "2024-06-16"),
        ("يعود غداً", "غداً", "DATE", "2024-06-19"),
        ("الشهر المقبل", "الشهر المقبل", "DATE", "2024-07"),
        ("مطلع الشهر الجاري", "مطلع الشهر الجاري", "DATE", "2024-06"),
        ("العام الماضي", "العام الماضي", "DATE", "2023"),
        ("منذ ثلاثة أيام", "منذ ثلاثة أيام", "DATE", "2024-06-15"),
        ("خلال ربع قرن", "ربع قرن", "DURATION", "P25Y"),
        ("لمدة خمسة عشر يوما", "خمسة عشر يوما", "DURATION", "P15D"),
        ("الساعة العاشرة صباحاً", "الساعة العاشرة صباحاً", "TIME", "2024-06-18T10:00"),
        ("الساعة 9:30 مساء", "الساعة 9:30 مساء", "TIME", "2024-06-18T21:30"),
        ("مساء أمس", "مساء أمس", "TIME", "2024-06-17TEV"),
        ("يبدأ في 9 مساء", "9 مساء", "TIME", "2024-06-18T21:00"),
        ("خلال 30 ثانية", "30 ثانية", "DURATION", "PT30S"),
        ("قبل حرب 1948", "1948", "DATE", "1948"),
        ("يزورها الخميس المقبل", "الخميس المقبل", "DATE", "2024-06-20"),
        ("كل أسبوع", "كل أسبوع", "SET", "P1W"),
        ("مقارنة بالربع السابق", "الربع السابق", "DATE", "2024-Q1"),
        ("النصف الأول من العام الحالي", "النصف الأول من العام الحالي", "DATE", "2024-H1"),
    ],
)
def test_relative_durations_times(phrase: str, span: str, type_: str, value: str) -> None:
    t = _one(phrase)
    assert (t.text, t.type, t.value) == (span, type_, value)


def test_ranges_and_lists() -> None:
    t = _one("بين عامي 2000 و2005")
    assert (t.value, t.end_value) == ("2000", "2005")
    t = _one("من 18 إلى 20 يونيو الجاري")
    assert (t.value, t.end_value) == ("2024-06-18", "2024-06-20")


def test_range_openers_start_ranges_only() -> None:
    """من and بين (with a clitic too) start nothing but a range: the grammar tries only the range rule there, and the
    ranges they open are still read; منذ, a lexicon word, and digits start anything."""
    assert range_openers_only() == {"من", "بين"}
    assert [_may_start(w) for w in ("من", "ومن", "لمن", "وبين", "منذ", "2015", "قال")] == [
        RANGE_START, RANGE_START, RANGE_START, RANGE_START, START, START, NO_START]
    t = _one("ومن 18 إلى 20 يونيو الجاري")
    assert (t.text, t.value, t.end_value) == ("من 18 إلى 20 يونيو الجاري", "2024-06-18", "2024-06-20")
    t = _one("وبين عامي 2000 و2005")
    assert (t.text, t.value, t.end_value) == ("بين عامي 2000 و2005", "2000", "2005")
    assert [(t.text, t.value) for t in tag_text("من جهته قال منذ عامين", 0, 21, Anchor.parse("2024-06-18"))] == [
        ("منذ عامين", "2022")]


def test_unanchored_relative_values() -> None:
    assert _one("وصل أمس", None).value == "PAST_REF"
    assert _one("الشهر المقبل", None).value == "FUTURE_REF"
    assert _one("في مارس الماضي", None).value == "XXXX-03"
    assert _one("في 18 يونيو 2024", None).value == "2024-06-18"


def test_names_and_numbers_are_not_times() -> None:
    text = "قالت عين اليوم إن مدير عام الإدارة باع 2000 سهم بسعر 1.56 ريال."
    assert tag_text(text, 0, len(text), Anchor.parse("2024-06-18")) == []


@pytest.mark.parametrize(
    "phrase",
    [
        "وهو في أواخر الخمسينات من عمره",
        "رجل في الخمسينيات من العمر",
        "على مسافة 1500 كيلومتر من العاصمة",
        "قطعت القافلة 1430 كلم",
        "شارك 1500 جندي في المناورات",
        "أنفقت الوزارة 1420 مليون ريال",
        "بلغ عدد الحجاج 1425 شخصا",
    ],
)
def test_ages_counts_and_distances_are_not_dates(phrase: str) -> None:
    anchor = Anchor.parse("2015-08-07")
    assert [t for t in tag_text(phrase, 0, len(phrase), anchor) if t.type == "DATE"] == []


def test_hijri_years_with_a_year_word_or_mark_stay() -> None:
    anchor = Anchor.parse("2015-08-07")
    for phrase, value in (("في عام 1436هـ", "2015"), ("في العام 1436", "2015"), ("في الستينيات من القرن الماضي", "196")):
        assert [t.value for t in tag_text(phrase, 0, len(phrase), anchor)] == [value], phrase


def test_segment_anchor_and_boilerplate() -> None:
    text = "وصل أمس إلى الرياض.\nتابعنا اليوم على تويتر"
    doc = Document(id="d", source="d", format="txt", text=text, published=Published("2024-06-18", "metadata"),
                   segments=[Segment("m", "main", 0, 19, published=Published("2024-01-10", "explicit")),
                             Segment("b", "boilerplate", 20, len(text))])
    annotate(doc)
    assert [(t.text, t.value) for t in doc.timexes] == [("أمس", "2024-01-09")]


def _crawled(text: str, fetched: str) -> Document:
    """A record dated only by its fetch time, through the record reader, page stage and time stage."""
    from marsad.ingest.records import record_document

    raw = record_document({"title": "عنوان", "content": text, "date_extracted": fetched}, "record", "jsonl")
    doc = build_document(raw, Options())
    annotate(doc)
    return doc


def test_fetch_time_is_an_upper_bound_of_publication() -> None:
    # SaudiNewsNet: a page fetched on Tuesday 11 August 2015 that says "this evening (Monday)" was written on the 10th.
    monday = _crawled("استقبل الأمير في جدة مساء اليوم (الاثنين) وزير الدفاع. وكان قد وصل أمس.", "2015-08-11 13:53:14")
    plain = _crawled("استقبل الأمير في جدة مساء اليوم وزير الدفاع.", "2015-08-11 13:53:14")
    same = _crawled("خرج آلاف العراقيين اليوم (الجمعة) في بغداد.", "2015-08-07 23:22:57")
    assert monday.published == Published("2015-08-11T13:53:14", "crawl")
    infer_dates([monday, plain, same], CorpusResult())
    assert monday.published == Published("2015-08-10", "inferred")
    assert _find(monday, "أمس").value == "2015-08-09"
    assert plain.published == Published("2015-08-11T13:53:14", "crawl")  # no clue: the fetch day stays
    assert same.published == Published("2015-08-07T23:22:57", "crawl")  # today is the fetch day


def test_day_part_with_a_weekday_is_a_clue() -> None:
    from marsad.extract.time.annotate import scan_text

    text = "في قصر السلام بجدة، مساء اليوم (الاثنين)، وزير"
    clues = [c for _s, _e, found in scan_text(text, 0, len(text), None) for c in found.clues]
    assert [c.weekday for c in clues] == [1]


def test_key_tokens_are_parallel_lists() -> None:
    key = "وقال في 18/6/2024. الساعة 10:30\nمن يونيو"
    toks = tokenize_key(key)
    assert [key[s:e] for s, e in zip(toks.starts, toks.ends, strict=True)] == toks.forms
    assert toks.forms[:5] == ["وقال", "في", "18", "/", "6"]
    # a break before the word after a sentence mark and before the first word of a new line
    assert [f for f, b in zip(toks.forms, toks.breaks, strict=True) if b] == ["الساعة", "من"]
    assert tokenize_key("").forms == []


@pytest.mark.parametrize(("follower", "may"), [
    ("18", True), ("ال", True), ("(", True), ("الخامس", True), ("عامي", True),  # a day, a year, a number word
    ("جهته", False), ("أجل", False), ("قبل", False),
])
def test_a_range_can_follow_an_opener_only_before_a_day_or_year(follower: str, may: bool) -> None:
    assert _may_open_range_end(norm_key(follower)) is may


def test_ranges_after_openers_still_found() -> None:
    text = "يقام المعرض من 18 إلى 20 يونيو، وبين عامي 2000 و2005، ومن جهته قال إن ذلك من أجل الطلاب"
    found = [(t.text, t.value, t.end_value) for t in tag_text(text, 0, len(text), Anchor.parse("2015-06-01"))]
    assert found == [("من 18 إلى 20 يونيو", "2015-06-18", "2015-06-20"), ("بين عامي 2000 و2005", "2000", "2005")]

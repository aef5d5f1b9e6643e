"""Quantities and facts read from real SaudiNewsNet phrases (July-August 2015)."""

from __future__ import annotations

import pytest

from marsad.corpus.facts import sentence_facts
from marsad.corpus.quantities import Quantity, compatible, find_quantities
from marsad.corpus.sentences import StorySentence
from marsad.model import Document, SpanRef


def _values(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.value) for q in find_quantities(text)[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أسفر عن مقتل 27 شخصا واصابة نحو 100 يعالجون", [("27", "27"), ("نحو 100", "90..110")]),
        ("اوقع 30 قتيلا على الاقل ونحو 100 جريح", [("30", "30.."), ("نحو 100", "90..110")]),
        ("استشهاد ١٢ من منسوبي القوات", [("١٢", "12")]),
        ("مصر.. ارتفاع ضحايا مركب النيل لـ31 قتيلا", [("31", "31")]),
        ("هجوم انتحاري يوقع15 قتيلا", [("15", "15")]),
        ("غارات التحالف تقتل أكثر من «3» آلاف من داعش", [("أكثر من «3» آلاف", "3001..")]),
        ("قتلت 3,042 من تنظيم", [("3,042", "3042")]),
        ("عدد الشهداء وصل إلى خمسة عشر شهيداً", [("خمسة عشر", "15")]),
        ("تعرض ما بين 20 و25 شخصا لإصابات", [("20 و25", "20..25")]),
        ("وأصيب مئات آخرون بجروح", [("مئات", "200..999")]),
        ("مقتل شخصين وإصابة 9", [("شخصين", "2"), ("9", "9")]),
        ("حكم عليه بالسجن 90 يوما", [("90 يوما", "3 month")]),
        ("حصل على ربع المقاعد", [("ربع", "23..27 percent")]),
        ("بلغت 40 في المائة", [("40 في المائة", "40 percent")]),
        ("بقيمة 2.5 مليون ريال", [("2.5 مليون ريال", "2500000 SAR")]),
        ("كميات كبيرة من الأسلحة وطائرة A320", []),
    ],
)
def test_quantity_values(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text) == expected


def test_spans_leave_the_conjunction_out() -> None:
    text = "اوقع 30 قتيلا ونحو 100 جريح"
    q = find_quantities(text)[1][1]
    assert text[q.start : q.end] == q.text == "نحو 100"


def test_intervals_decide_compatibility() -> None:
    def one(text: str):
        return find_quantities(text)[1][0]

    assert compatible(one("نحو 100"), one("100 جريح"))
    assert compatible(one("أكثر من 50 قتيلا"), one("60 قتيلا"))
    assert compatible(one("13 قتيلا على الأقل"), one("21 قتيلا"))
    assert not compatible(one("27 قتيلا"), one("30 قتيلا"))
    assert not compatible(one("ربع المقاعد"), one("ثلث المقاعد"))
    assert compatible(one("بالسجن 90 يوما"), one("بالسجن ثلاثة أشهر"))
    assert not compatible(one("بالسجن 4 أشهر"), one("بالسجن 14 شهرا"))


def _facts(text: str) -> list[tuple[str, str, str, str]]:
    doc = Document(id="d", source="d", format="txt", text=text)
    sentence = StorySentence(SpanRef("d", 0, len(text), text), "d:0", "outlet", frozenset())
    return [(f.slot, f.qualifier, f.quantity.value, f.ref.text) for f in sentence_facts(doc, sentence)]


def test_slots_and_qualifiers_of_casualty_reports() -> None:
    text = "نتج عنه استشهاد 12 من منسوبي القوات إضافة إلى ثلاثة من العاملين في الموقع وإصابة سبعة آخرين"
    assert _facts(text) == [
        ("killed", "security", "12", "استشهاد 12 من منسوبي"),
        ("killed", "workers", "3", "ثلاثة من العاملين"),
        ("injured", "", "7", "إصابة سبعة"),
    ]
    assert _facts("وقالت السلطات إن سبعة أشخاص أُصيبوا في الهجوم") == [("injured", "", "7", "سبعة أشخاص أُصيبوا")]
    assert _facts("أعلنت وزارة الداخلية القبض على (431) متهما") == [("arrested", "", "431", "القبض على (431) متهما")]
    assert _facts("ارتفاع شهداء تفجير مسجد طوارئ عسير إلى ١٢ رجل أمن") == [
        ("killed", "security", "12", "شهداء تفجير مسجد طوارئ عسير إلى ١٢ رجل"),
    ]
    assert _facts("صدر بحقه حكم بالسجن 4 سنوات") == [("sentence", "", "48 month", "بالسجن 4 سنوات")]


def test_numbers_that_count_nothing_compared_are_no_facts() -> None:
    assert _facts("في أول زيارة منذ 24 عاماً") == []
    assert _facts("استشهاد 15 منهم 12 من منسوبي القوات")[0][:3] == ("killed", "", "15")
    assert _facts("وقع الهجوم عام 2019 على بعد 1500 كيلومتر") == []


def test_one_value_written_several_ways_agrees() -> None:
    def one(text: str) -> Quantity:
        return find_quantities(text)[1][0]

    written = ["3000 قتيل", "٣٠٠٠ قتيل", "3,000 قتيل", "ثلاثة آلاف قتيل", "3 آلاف قتيل"]
    assert {one(t).value for t in written} == {"3000"}
    assert compatible(one("خمسة عشر قتيلا"), one("15 قتيلا"))
    assert compatible(one("بالسجن عامين"), one("بالسجن 24 شهرا"))

"""One canonical outlet per document: record field, URL domain, mastheads and copyright lines, self-references."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest.raw import RawDocument
from marsad.options import Options
from marsad.page.build import build_document
from marsad.page.outlets import outlet_of_field, outlet_of_url, outlet_table, self_reference

BODY = (
    "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة بسعة مئتي سرير، وقال الوزير إن المستشفى سيخدم "
    "أكثر من نصف مليون نسمة في المنطقة الشمالية.\n\nوأضاف أن العمل جار على إنشاء ثلاثة مستشفيات أخرى خلال "
    "العامين المقبلين، بتكلفة إجمالية تبلغ مليار ريال."
)
NAV = "تجاوز إلى المحتوى الرئيسي\nالرئيسية\nالشرق الأوسط\nالرياض\nاقتصاد\nرياضة\n"


def outlet(text: str, **raw: str) -> str | None:
    return build_document(RawDocument(source="x", format="txt", text=text, **raw), Options()).outlet


@pytest.mark.parametrize("name", ["سكاي نيوز عربية", "Sky News Arabia", "skynewsarabia.com", "www.skynewsarabia.com",
                                  "https://www.skynewsarabia.com/", "سكاي نيوز عربيه", "skynewsarabia"])
def test_one_name_for_every_variant(name: str) -> None:
    assert outlet_of_field(name, None, outlet_table()) == "سكاي نيوز عربية"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.bbc.com/arabic/middleeast-1", "بي بي سي عربي"),
        ("https://www.bbc.com/news/world-1", "bbc.com"),  # BBC, not its Arabic service
        ("https://arabic.cnn.com/x", "سي إن إن بالعربية"),
        ("https://edition.cnn.com/x", "cnn.com"),
        ("http://www.alwatan.com.sa/x", "الوطن (السعودية)"),
        ("https://news.example.co.uk/a/b", "example.co.uk"),  # the registrable domain of an unknown site
        ("http://127.0.0.1:8000/a.html", None),
        ("file:///etc/passwd", None),
        ("not a url", None),
    ],
)
def test_outlet_of_url(url: str, expected: str | None) -> None:
    assert outlet_of_url(url, outlet_table()) == expected


def test_saudinewsnet_source_ids() -> None:
    table = outlet_table()
    ids = ["aawsat", "aleqtisadiya", "aljazirah", "almadina", "alriyadh", "alwatan", "alweeam", "alyaum",
           "arreyadi", "arriyadiyah", "okaz", "sabq", "was", "3alyoum"]
    names = [table.canonical(i) for i in ids]
    assert None not in names and len(set(names)) == 14


def test_menu_entries_are_never_the_outlet() -> None:
    assert outlet(NAV + "افتتاح مستشفى جديد\n" + BODY) is None


def test_copyright_line_names_the_outlet() -> None:
    page = NAV + "افتتاح مستشفى جديد\n" + BODY + "\nاتصل بنا\n© 2024 Sky News Arabia. جميع الحقوق محفوظة\n"
    assert outlet(page) == "سكاي نيوز عربية"


def test_masthead_names_the_outlet() -> None:
    assert outlet("صحيفة عكاظ\n" + NAV + "افتتاح مستشفى جديد\n" + BODY) == "عكاظ"


def test_caption_credit_names_a_distinctive_outlet_only() -> None:
    credit = "افتتاح مستشفى جديد\n" + BODY + "\nوزير الصحة خلال الافتتاح، سكاي نيوز عربية\n"
    place = "افتتاح مستشفى جديد\n" + BODY + "\nوزير الصحة خلال الافتتاح، الرياض\n"
    assert outlet(credit) == "سكاي نيوز عربية"
    assert outlet(place) is None  # الرياض is the city as much as the newspaper


def test_order_record_field_then_url_then_page() -> None:
    page = NAV + "افتتاح مستشفى جديد\n" + BODY + "\n© 2024 سكاي نيوز عربية\n"
    assert outlet(page, sitename="okaz", url="https://www.alarabiya.net/x") == "عكاظ"
    assert outlet(page, url="https://www.alarabiya.net/x") == "العربية"
    assert outlet(page) == "سكاي نيوز عربية"


def test_user_outlets_extend_and_override(tmp_path: Path) -> None:
    tsv = tmp_path / "outlets.tsv"
    tsv.write_text("# mine\nالمنارة\talmanara.example\tصحيفة المنارة\tAlmanara\n", encoding="utf-8")
    table = outlet_table(str(tsv))
    assert outlet_of_url("https://www.almanara.example/a", table) == "المنارة"
    assert table.canonical("Almanara") == "المنارة"
    assert table.canonical("Sky News Arabia") == "سكاي نيوز عربية"  # the shipped rows stay
    raw = RawDocument(source="x", format="txt", text="افتتاح مستشفى جديد\n" + BODY + "\nصحيفة المنارة\n")
    doc = build_document(raw, Options(outlets_file=str(tsv)))
    assert doc.outlet == "المنارة"


def test_a_name_with_its_kind_words_is_the_lexicon_outlet() -> None:
    table = outlet_table()
    assert table.canonical("جريدة المدينة") == "المدينة"
    assert table.canonical("موقع المدينة الإلكتروني") == "المدينة"
    assert table.canonical("صحيفة الرياض") == "الرياض"


def test_a_year_in_a_copyright_line_is_no_outlet() -> None:
    assert self_reference(["© 2015 جميع الحقوق محفوظة"], outlet_table()) is None

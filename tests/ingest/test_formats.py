"""News records in each common format: title, text, url, outlet and publication date reach the document."""

from __future__ import annotations

import gzip
import itertools
from collections import Counter
from pathlib import Path

import pytest

from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.model import InputError, Published
from marsad.options import Options
from marsad.page.build import build_document

OPTIONS = Options()
RECORDS = Path(__file__).parent / "records"


def docs(name: str, options: Options = OPTIONS) -> list[RawDocument]:
    items = list(read_inputs([str(RECORDS / name)], options))
    assert all(isinstance(i, RawDocument) for i in items), items
    return [i for i in items if isinstance(i, RawDocument)]


def test_news_please() -> None:
    [doc] = docs("news_please.json")
    assert doc.text.startswith("اتفاقية لتطوير ميناء جدة الإسلامي\n\nوقعت وزارة النقل")
    assert (doc.outlet, doc.published) == ("عكاظ", Published("2018-05-08T17:14:59", "metadata"))
    assert (doc.author, doc.url) == ("سامي العتيبي", "https://www.okaz.com.sa/news/123")
    assert doc.extra["date_field"] == "date_publish"
    # every field not used is kept
    assert doc.extra["date_download"] == "2018-05-09 10:01:12"
    assert doc.extra["title_page"] == "اتفاقية لتطوير ميناء جدة الإسلامي | عكاظ"
    assert "maintext" not in doc.extra and "localpath" not in doc.extra  # used, or null


def test_newspaper4k() -> None:
    [doc] = docs("newspaper.json")
    assert (doc.outlet, doc.published) == ("سكاي نيوز عربية", Published("2018-04-15T09:30:00", "metadata"))
    assert doc.text.startswith("انطلاق القمة العربية في الظهران\n\nانطلقت صباح اليوم الأحد")
    assert doc.extra["keywords"] == '["قمة", "الظهران"]'


def test_trafilatura_json_source_is_the_url() -> None:
    [doc] = docs("trafilatura.json")
    assert doc.url == "https://aawsat.com/home/article/1583211/ارتفاع-أسعار-النفط"
    assert (doc.outlet, doc.author) == ("الشرق الأوسط", "هدى المصري")
    assert doc.published == Published("2019-02-09", "metadata")
    assert doc.extra["filedate"] == "2019-02-10"


def test_feedparser_entries() -> None:
    first, second = docs("feedparser.json")
    assert first.published == Published("2019-01-14T08:20:00", "metadata")  # RFC 822 pubDate
    assert first.outlet == "الجزيرة"
    assert "شهدت العاصمة القطرية الدوحة" in first.text  # content[0].value
    assert second.published == Published("2019-01-15T11:00:00", "metadata")  # Atom updated, Z dropped
    assert second.outlet == "الجزيرة"  # from the link's domain
    assert second.text.endswith("من ثلاثين دولة.")  # the summary is the only text


def test_json_ld_news_article() -> None:
    [doc] = docs("jsonld.json")
    assert doc.title == "افتتاح جسر جديد على نهر النيل"
    assert (doc.outlet, doc.author) == ("الأهرام", "أحمد فؤاد")  # nested publisher and author names
    assert doc.url == "https://gate.ahram.org.eg/News/2412.aspx"  # mainEntityOfPage @id
    assert doc.published == Published("2020-03-05T10:00:00", "metadata")
    assert doc.extra["dateModified"] == "2020-03-05T12:30:00+02:00"


def test_json_ld_graph() -> None:
    [doc] = docs("jsonld_graph.json")
    assert (doc.title, doc.outlet) == ("انتخابات بلدية في تونس", "إندبندنت عربية")
    assert doc.published == Published("2018-05-06", "metadata")


def test_json_ld_inside_an_html_page() -> None:
    [raw] = docs("page_jsonld.html")
    assert raw.published == Published("2013-08-28T14:00:00", "metadata")
    assert raw.extra["date_field"] == "json-ld datePublished"
    assert raw.author == "ليلى حسن"
    doc = build_document(raw, Options())
    assert doc.outlet == "سي إن إن بالعربية"  # the publisher, not the menu entry الشرق الأوسط
    assert doc.published == Published("2013-08-28T14:00:00", "metadata")


def test_gdelt_article_list() -> None:
    first, second = docs("gdelt.json")
    assert (first.title, first.text) == ("مقتل ثلاثة في انفجار قرب بغداد", "مقتل ثلاثة في انفجار قرب بغداد")
    assert (first.outlet, first.published) == ("العربية", Published("2018-05-07T12:30:00", "metadata"))
    assert (second.outlet, second.published) == ("آر تي عربي", Published("2018-05-08T09:00:00", "metadata"))
    assert first.extra["sourcecountry"] == "Saudi Arabia"


def test_event_registry_articles() -> None:
    [doc] = docs("eventregistry.json")
    assert doc.source.endswith("eventregistry.json#1")
    assert (doc.outlet, doc.published) == ("بي بي سي عربي", Published("2018-05-08T17:10:00", "metadata"))
    assert doc.text.startswith("الأمم المتحدة تدعو إلى وقف إطلاق النار\n\nدعا الأمين العام")


def test_event_registry_date_and_time_apart() -> None:
    from marsad.ingest.records import record_document

    raw = record_document({"title": "عنوان", "body": "نص", "date": "2018-05-08", "time": "7:14:59"}, "x")
    assert raw.published == Published("2018-05-08T07:14", "metadata")


def test_time_and_src_style_records() -> None:
    found = {d.title: (d.outlet, d.published) for d in docs("time_src.jsonl")}
    assert found == {
        "مباحثات سعودية مصرية في الرياض": ("الشرق الأوسط", Published("2018-05-08T17:14:59", "metadata")),
        "اجتماع وزاري عربي في عمان": ("القدس العربي", Published("2018-05-08T17:14:59", "metadata")),  # epoch s
        "مهرجان سينمائي في قرطاج": ("فرانس 24", Published("2018-05-08T17:14:59", "metadata")),  # epoch ms
        "معرض للفنون في بيروت": ("الحياة", Published("2018-05-08", "metadata")),  # Arabic-Indic digits
        "زلزال في جنوب تركيا": ("الأناضول", Published("2015-08-05", "metadata")),  # Hijri
        "إطلاق منصة للخدمات الحكومية": ("سبق", Published("2018-05-07", "metadata")),
        "عودة الرحلات الجوية": ("إندبندنت عربية", Published("2018-05-07", "metadata")),
        "تدشين مشروع للطاقة الشمسية": ("الرياض", Published("2018-05-07", "url")),  # the date in the URL path
        "خبر بلا تاريخ": ("موقع محلي جديد", None),  # an outlet the lexicon does not know stays as named
    }


def test_field_map_names_other_fields() -> None:
    options = Options(field_map=(("title", "meta.headline"), ("text", "nass"), ("published", "waqt"),
                                 ("outlet", "masdar")))
    from marsad.ingest.records import record_document

    raw = record_document({"meta": {"headline": "عنوان"}, "nass": "نص الخبر", "waqt": "2018-05-07",
                           "masdar": "okaz", "title": "ليس هذا"}, "r", field_map=options.field_map)
    assert (raw.title, raw.text, raw.sitename) == ("عنوان", "عنوان\n\nنص الخبر", "okaz")
    assert raw.published == Published("2018-05-07", "metadata")
    assert raw.extra["title"] == "ليس هذا"


def test_user_outlets_file(tmp_path: Path) -> None:
    tsv = tmp_path / "outlets.tsv"
    tsv.write_text("موقع محلي\texample-arab.com\tMahali\n", encoding="utf-8")
    records = tmp_path / "r.jsonl"
    records.write_text(
        '{"url": "https://news.example-arab.com/item/55", "title": "خبر", "text": "نص خبر عربي قصير"}\n'
        '{"source": "Mahali", "title": "خبر", "text": "نص خبر عربي آخر"}\n', encoding="utf-8")
    plain = [d.outlet for d in read_inputs([str(records)], Options()) if isinstance(d, RawDocument)]
    extended = [d.outlet for d in read_inputs([str(records)], Options(outlets_file=str(tsv)))
                if isinstance(d, RawDocument)]
    assert plain == ["example-arab.com", "Mahali"]  # the registrable domain; the name as given
    assert extended == ["موقع محلي", "موقع محلي"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 08 May 2018 17:14:59 GMT", "2018-05-08T17:14:59"),
        ("Tue, 8 May 2018 17:14 +0300", "2018-05-08T17:14"),
        ("2018-05-08T17:14:59.000Z", "2018-05-08T17:14:59"),
        ("2018-05-08T17:14:59+03:00", "2018-05-08T17:14:59"),
        ("2018-05-08", "2018-05-08"),
        ("20180507T123000Z", "2018-05-07T12:30:00"),
        ("20180507", "2018-05-07"),
        (1525799699, "2018-05-08T17:14:59"),
        ("1525799699000", "2018-05-08T17:14:59"),
        ("May 8, 2018 5:14 PM", "2018-05-08T17:14"),
        ("07/05/2018", "2018-05-07"),
        ("الثلاثاء 8 مايو 2018 - 05:14 م", "2018-05-08T17:14"),
        ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00", "2013-08-28"),
        ("٨ أيار ٢٠١٨", "2018-05-08"),
        ("Mon, 31 Feb 2018 10:00:00 GMT", None),
        ("12345", None),
        ("غدا", None),
        (float("nan"), None),
        (float("inf"), None),
    ],
)
def test_date_forms(value: object, expected: str | None) -> None:
    from marsad.ingest.dates import parse_date

    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.aleqt.com/2015/08/06/article_979435.html", "2015-08-06"),
        ("http://www.al-jazirah.com/2015/20150803/du6.htm", "2015-08-03"),
        ("https://x.com/news/2018-05-07-title", "2018-05-07"),
        ("http://sabq.org/AUCgde", None),
        ("http://www.alriyadh.com/1071528", None),
        ("http://x.com/2018/13/01/a", None),
    ],
)
def test_url_dates(url: str, expected: str | None) -> None:
    from marsad.ingest.dates import url_date

    assert url_date(url) == expected


def test_saudinewsnet_records_get_published_and_outlet(shared_dir: Path, tmp_path: Path) -> None:
    """Every 60th record of SaudiNewsNet's first 18,000 (all 14 outlets): all dated and attributed (300/300)."""
    path = shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    sample = tmp_path / "saudinewsnet-sample.jsonl"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        sample.write_text("".join(itertools.islice(lines, 0, 18000, 60)), encoding="utf-8")
    items = list(read_inputs([str(sample)], Options()))
    raws = [i for i in items if isinstance(i, RawDocument)]
    assert len(items) == 300 and len(raws) >= 295  # a few records are not Arabic enough or empty
    assert sum(r.published is not None for r in raws) == len(raws)
    assert sum(r.outlet is not None for r in raws) == len(raws)
    bases = Counter(r.published.basis for r in raws if r.published)
    assert bases["url"] >= 80  # al-jazirah, aleqt ... URLs carry the day; the crawl date is the fallback
    outlets = Counter(r.outlet for r in raws)
    assert len(outlets) >= 12 and "aawsat" not in outlets and outlets["الشرق الأوسط"] > 0
    assert all(r.input == str(sample) for r in raws)


def test_wordpress_rest_posts_html_fields_become_text() -> None:
    [doc] = docs("wordpress.json")
    assert doc.title == "أمطار رعدية على منطقة عسير – تحذيرات للسكان"
    assert doc.text == (
        "أمطار رعدية على منطقة عسير – تحذيرات للسكان\n\n"
        "توقع المركز الوطني للأرصاد هطول أمطار رعدية على منطقة عسير & المناطق المجاورة اليوم الثلاثاء.\n"
        "ودعا الدفاع المدني السكان إلى الابتعاد عن مجاري السيول.\n"
        "وأكد جاهزية الفرق الميدانية."
    )
    assert (doc.outlet, doc.url) == ("سبق", "https://sabq.org/saudia/rain-1881")
    assert doc.published == Published("2021-03-09T14:05:00", "metadata")


def test_rss_file_items_with_full_text_are_documents_as_they_stand() -> None:
    path = RECORDS / "feed_full_text.xml"
    first, refused = list(read_inputs([str(path)], OPTIONS))
    assert isinstance(first, RawDocument)
    assert (first.source, first.format) == ("https://www.aljazeera.net/ebusiness/2020/7/21/dam", "feed")
    assert first.text == ("افتتاح سد جديد في إثيوبيا\n\nأعلنت الحكومة الإثيوبية اليوم الثلاثاء بدء تشغيل السد الجديد "
                          "على النيل الأزرق.\nوقال وزير المياه إن المرحلة الأولى من الملء اكتملت.")
    assert (first.published, first.outlet, first.author) == (
        Published("2020-07-21T09:15:00", "metadata"), "الجزيرة", "محمد علي")
    assert first.extra["feed"] == str(path)
    assert refused == InputError("file:///etc/passwd", "refused: only http(s) URLs are fetched (file:)")


def test_atom_file_entry_with_content(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>العربية</title>'
        '<entry><title>هدنة في غزة</title><link rel="alternate" href="https://www.alarabiya.net/ar/x"/>'
        "<updated>2023-11-24T07:00:00Z</updated><author><name>سارة أحمد</name></author>"
        '<content type="html">&lt;p&gt;بدأ سريان الهدنة الإنسانية في قطاع غزة صباح اليوم الجمعة.&lt;/p&gt;</content>'
        "</entry></feed>", encoding="utf-8")
    [doc] = list(read_inputs([str(path)], OPTIONS))
    assert isinstance(doc, RawDocument)
    assert doc.text == "هدنة في غزة\n\nبدأ سريان الهدنة الإنسانية في قطاع غزة صباح اليوم الجمعة."
    assert (doc.published, doc.outlet, doc.author) == (
        Published("2023-11-24T07:00:00", "metadata"), "العربية", "سارة أحمد")

"""read_inputs on files, encodings, JSON(L) records, gzip, directories, stdin and bad input."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.model import InputError, Published
from marsad.options import Options

OPTIONS = Options()


@pytest.fixture(scope="module")
def seed_text(shared_dir: Path) -> str:
    """Seed 000 (a real vetogate.com page), decoded."""
    return next((shared_dir / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")


def read(*inputs: str | Path, options: Options = OPTIONS) -> list[RawDocument | InputError]:
    return list(read_inputs([str(i) for i in inputs], options))


def only_doc(*inputs: str | Path) -> RawDocument:
    items = read(*inputs)
    assert len(items) == 1 and isinstance(items[0], RawDocument), items
    return items[0]


def only_error(*inputs: str | Path, options: Options = OPTIONS) -> InputError:
    items = read(*inputs, options=options)
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


def test_seed_txt_is_decoded_file_content(shared_dir: Path) -> None:
    path = next((shared_dir / "seeds").glob("001_*.txt"))
    doc = only_doc(path)
    assert doc.text == path.read_text(encoding="utf-8")
    assert (doc.source, doc.format) == (str(path), "txt")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"])
def test_encodings_are_detected(tmp_path: Path, seed_text: str, encoding: str) -> None:
    path = tmp_path / f"page-{encoding}.txt"
    path.write_bytes(seed_text.encode(encoding))
    assert only_doc(path).text == seed_text


def test_utf8_with_one_stray_byte_is_still_utf8(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "truncated.txt.gz"
    path.write_bytes(gzip.compress(seed_text.encode("utf-8")[:-1]))  # cut inside the last letter
    doc = only_doc(path)
    assert doc.text[:-1] == seed_text[:-1] and doc.text.endswith("\ufffd")


def test_html_meta_charset_is_honoured(tmp_path: Path, seed_text: str) -> None:
    paragraphs = [p for p in seed_text.split("\n\n") if len(p) > 80][:4]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        f"<title>{paragraphs[0][:40]}</title></head><body><article>{body}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1256"))
    doc = only_doc(path)
    assert doc.format == "html"
    assert " ".join(paragraphs[1].split()) in " ".join(doc.text.split())  # trafilatura collapses spaces
    assert "\n\n" in doc.text


def test_wrongly_declared_charset_loses_to_valid_utf8(tmp_path: Path, seed_text: str) -> None:
    paragraphs = [p for p in seed_text.split("\n\n") if len(p) > 80][:3]
    page = '<html><head><meta charset="iso-8859-1"></head><body><article>' + "".join(
        f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("utf-8"))
    assert " ".join(paragraphs[0].split()) in " ".join(only_doc(path).text.split())


def test_html_dataset_page_main_text_and_metadata(shared_dir: Path) -> None:
    folder = shared_dir / "datasets" / "html_arabic_news" / "newspaper_cnn_arabic"
    doc = only_doc(folder / "arabic_article.html")
    gold = (folder / "arabic.gold.txt").read_text(encoding="utf-8").strip()
    assert doc.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    # the title opens the text (a span, as for records); the comment-policy lines after the gold are the page stage's
    assert doc.text.startswith(doc.title + "\n\n" + gold)
    assert doc.sitename == "CNNArabic"
    assert doc.url == "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html"


def test_saudinewsnet_jsonl_gz_records(shared_dir: Path) -> None:
    path = shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    items = []
    for item in read_inputs([str(path)], OPTIONS):
        items.append(item)
        if len(items) == 3:
            break
    first = items[0]
    assert isinstance(first, RawDocument)
    assert first.source == f"{path}#1"
    assert first.title == "بريطانيا: أربعة محاور لاستراتيجية جديدة تتصدى للتطرف على مدى خمس سنوات"
    assert first.text.startswith(first.title + "\n\n" + "حدد رئيس الوزراء البريطاني ديفيد كاميرون")
    assert (first.sitename, first.author, first.date) == ("aawsat", "لندن: رنيم حنوش", "2015-07-21 02:51:32")
    assert first.extra["date_field"] == "date_extracted"
    assert first.published == Published("2015-07-21T02:51:32", "crawl")  # a fetch time, not a publication time
    assert first.format == "jsonl"


def test_news_please_json_record_and_list(tmp_path: Path, seed_text: str) -> None:
    body = seed_text.split("\n\n", 3)[2]
    record = {"title": "بوتين وكيم", "maintext": body, "date_publish": "2024-06-18 10:00:00",
              "source_domain": "www.vetogate.com", "url": "https://www.vetogate.com/x", "authors": ["أ", "ب"]}
    single = tmp_path / "one.json"
    single.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    doc = only_doc(single)
    assert doc.source == str(single)
    assert doc.text == "بوتين وكيم\n\n" + body.strip()
    assert (doc.date, doc.sitename, doc.author) == ("2024-06-18 10:00:00", "www.vetogate.com", "أ، ب")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([record, {"title": "x", "maintext": ""}, record], ensure_ascii=False), encoding="utf-8")
    items = read(many)
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "RawDocument"]
    assert items[1] == InputError(f"{many}#2", "empty (the record's text field is empty)")


def test_jsonl_bad_records_get_their_own_errors(tmp_path: Path, seed_text: str) -> None:
    good = json.dumps({"title": "عنوان", "content": seed_text[:500]}, ensure_ascii=False)
    lines = [good, "{not json", json.dumps([1, 2]), json.dumps({"title": "t", "content": "English only text here"}),
             "", json.dumps({"url": "http://x"}), good]
    path = tmp_path / "records.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    items = read(path)
    errors = {i.input: i.reason for i in items if isinstance(i, InputError)}
    docs = [i.source for i in items if isinstance(i, RawDocument)]
    assert docs == [f"{path}#1", f"{path}#7"]
    assert set(errors) == {f"{path}#2", f"{path}#3", f"{path}#4", f"{path}#6"}
    assert errors[f"{path}#2"].startswith("invalid JSON")
    assert errors[f"{path}#3"] == "record is a JSON array, not an object"
    assert errors[f"{path}#4"].startswith("not Arabic")
    assert errors[f"{path}#6"] == "record has no text (no maintext/content field)"


def test_directory_recursive_sorted_known_extensions(tmp_path: Path, seed_text: str) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "c.json.gz").write_bytes(gzip.compress(json.dumps({"content": seed_text}).encode()))
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    sources = [i.source for i in read(tmp_path) if isinstance(i, RawDocument)]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt"), str(tmp_path / "c.json.gz")]


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    assert only_error(tmp_path).reason.startswith("no readable files")


@pytest.mark.parametrize(
    ("payload", "fmt"),
    [
        ("html", "html"),
        ("json", "json"),
        ("txt", "txt"),
    ],
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, seed_text: str, payload: str, fmt: str) -> None:
    paragraphs = [p for p in seed_text.split("\n\n") if len(p) > 80][:3]
    data = {
        "html": "<!DOCTYPE html><html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>",
        "json": json.dumps({"title": "عنوان", "content": paragraphs[0]}, ensure_ascii=False),
        "txt": seed_text,
    }[payload]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    doc = only_doc("-")
    assert (doc.source, doc.format) == ("-", fmt)
    assert paragraphs[0].strip() in doc.text


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch, seed_text: str) -> None:
    line = json.dumps({"title": "عنوان", "content": seed_text[:300]}, ensure_ascii=False)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"{line}\n{line}\n".encode())))
    assert [i.source for i in read("-") if isinstance(i, RawDocument)] == ["-#1", "-#2"]


# Bad input: one error naming the input, and the other inputs go on.


def test_bad_inputs_each_get_one_error_and_the_rest_go_on(tmp_path: Path, seed_text: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(seed_text, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n\t\n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.7\n" + seed_text.encode())
    undecodable = tmp_path / "undecodable.txt"
    undecodable.write_bytes(bytes(range(0x80, 0x100)) * 40)
    english = tmp_path / "english.txt"
    english.write_text("This page is written in English, not in Arabic at all.", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    corrupt = tmp_path / "corrupt.json.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00garbage")
    items = read(empty, blank, binary, pdf, undecodable, english, missing, corrupt, good)
    reasons = {i.input: i.reason for i in items if isinstance(i, InputError)}
    assert reasons == {
        str(empty): "empty",
        str(blank): "empty",
        str(binary): "binary data, not text",
        str(pdf): "binary data, not text",
        str(undecodable): "undecodable (no text encoding fits)",
        str(english): "not Arabic (Arabic letters 0% of letters, need 30%)",
        str(missing): "no such file or directory",
        str(corrupt): reasons[str(corrupt)],
    }
    assert reasons[str(corrupt)].startswith("corrupt gzip data")
    assert isinstance(items[-1], RawDocument) and items[-1].source == str(good)


def test_over_size_limit_is_refused_before_reading(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "big.txt"
    path.write_text(seed_text, encoding="utf-8")
    small = Options(max_bytes=1000)
    assert only_error(path, options=small).reason == f"too large ({path.stat().st_size} bytes, limit 1000)"


def test_over_size_limit_inside_gzip(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "big.json.gz"
    path.write_bytes(gzip.compress(json.dumps({"content": seed_text * 20}).encode()))
    limit = path.stat().st_size + 10
    assert only_error(path, options=Options(max_bytes=limit)).reason == f"too large (over {limit} bytes)"


def test_min_arabic_ratio_option(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text("قال الرئيس إن the summit was a success today indeed", encoding="utf-8")
    assert only_error(path).reason.startswith("not Arabic (Arabic letters 26% of letters")
    assert isinstance(read(path, options=Options(min_arabic_ratio=0.2))[0], RawDocument)

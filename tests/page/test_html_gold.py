"""HTML pages of ../shared/datasets/html_arabic_news through ingest and the page stage, against their gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.model import Document
from marsad.options import Options
from marsad.page.build import build_document


def _analyse(path: Path) -> Document:
    items = list(read_inputs([str(path)], Options()))
    assert len(items) == 1 and isinstance(items[0], RawDocument)
    return build_document(items[0], Options())


def _main_body(doc: Document) -> str:
    main = doc.segments_of("main")[0]
    text = "\n".join(p.text for p in doc.pieces(main))
    if doc.title and text.startswith(doc.title):
        text = text[len(doc.title):]
    return " ".join(text.split())


def test_cnn_arabic_full_text(shared_dir: Path) -> None:
    folder = shared_dir / "datasets" / "html_arabic_news" / "newspaper_cnn_arabic"
    doc = _analyse(folder / "arabic_article.html")
    gold = " ".join((folder / "arabic.gold.txt").read_text(encoding="utf-8").split())
    assert _main_body(doc) == gold
    assert doc.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert doc.outlet == "سي إن إن بالعربية"
    assert doc.published is None  # the page states no date; a year padded to 1 January is a guess
    assert any(s.kind == "boilerplate" and "ترحب شبكة CNN" in doc.text[s.start:s.end] for s in doc.segments)


def test_assabah_with_and_without_snippets(shared_dir: Path) -> None:
    folder = shared_dir / "datasets" / "html_arabic_news" / "trafilatura_assabah"
    gold = json.loads((folder / "assabah.evaldata.json").read_text(encoding="utf-8"))
    doc = _analyse(folder / "assabah.com.tn.article.html")
    body = _main_body(doc)
    for snippet in gold["with"]:
        assert snippet in body
    for snippet in gold["without"]:
        assert snippet not in body
    assert re.sub(r"\s+", " ", doc.title or "") == re.sub(r"\s+", " ", gold["title"])
    assert doc.published is not None and (doc.published.value, doc.published.basis) == ("2019-02-09", "metadata")

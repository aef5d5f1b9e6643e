"""Page segmentation and metadata on the five real seed pages, against hand-written gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.ingest.raw import RawDocument
from marsad.model import Document
from marsad.options import Options
from marsad.page.build import build_document

GOLD = json.loads((Path(__file__).parents[1] / "gold" / "page" / "seeds.json").read_text(encoding="utf-8"))


def _doc(shared_dir: Path, name: str) -> Document:
    path = shared_dir / "seeds" / name
    return build_document(RawDocument(source=str(path), format="txt", text=path.read_text(encoding="utf-8")), Options())


def _expected_kinds(text: str, gold: dict[str, object]) -> list[tuple[int, str, str]]:
    """(offset, line, expected kind) for every non-blank line."""
    lines_gold: dict[str, object] = gold["lines"]  # type: ignore[assignment]
    ranges: list[list[str]] = gold["ranges"]  # type: ignore[assignment]
    seen: dict[str, int] = {}
    out: list[tuple[int, str, str]] = []
    in_range: str | None = None
    pos = 0
    for raw in text.split("\n"):
        line = raw.strip()
        offset = pos + (len(raw) - len(raw.lstrip()))
        pos += len(raw) + 1
        if not line:
            continue
        starts = [r for r in ranges if line.startswith(r[0])]
        if starts and in_range is None:
            in_range = starts[0][2]
        kind = in_range or "main"
        for prefix, expected in lines_gold.items():
            if line.startswith(prefix):
                if isinstance(expected, list):
                    n = seen.get(prefix, 0)
                    seen[prefix] = n + 1
                    kind = expected[min(n, len(expected) - 1)]
                else:
                    kind = str(expected)
                break
        out.append((offset, line, kind))
        if in_range is not None and any(line.startswith(r[1]) for r in ranges):
            in_range = None
    return out


@pytest.mark.parametrize("name", sorted(GOLD))
def test_every_line_in_its_segment(shared_dir: Path, name: str) -> None:
    doc = _doc(shared_dir, name)
    wrong = []
    for offset, line, kind in _expected_kinds(doc.text, GOLD[name]):
        seg = doc.segment_at(offset)
        got = seg.kind if seg else None
        if got != kind:
            wrong.append((line[:50], kind, got))
    assert wrong == []


@pytest.mark.parametrize("name", sorted(GOLD))
def test_main_text_has_every_paragraph_and_no_chrome(shared_dir: Path, name: str) -> None:
    doc = _doc(shared_dir, name)
    mains = doc.segments_of("main")
    assert len(mains) == 1
    pieces = doc.pieces(mains[0])

    def inside(start: int, end: int) -> bool:
        return any(p.start <= start and end <= p.end for p in pieces)

    for offset, line, kind in _expected_kinds(doc.text, GOLD[name]):
        assert inside(offset, offset + len(line)) == (kind == "main"), line


@pytest.mark.parametrize("name", sorted(GOLD))
def test_metadata(shared_dir: Path, name: str) -> None:
    doc = _doc(shared_dir, name)
    gold = GOLD[name]
    assert doc.title == gold["title"]
    assert doc.byline == gold["byline"]
    assert doc.outlet == gold["outlet"]
    published = None if doc.published is None else {"value": doc.published.value, "basis": doc.published.basis}
    assert published == gold["published"]
    assert sorted({c.name for c in doc.agencies}) == sorted(gold["agencies"])
    assert [s.title.text if s.title else None for s in doc.segments_of("appended")] == gold["appended_titles"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_spans_index_the_text(shared_dir: Path, name: str) -> None:
    doc = _doc(shared_dir, name)
    for span in [doc.title_span, doc.byline_span, *doc.agencies, *(s.title for s in doc.segments)]:
        if span is not None:
            assert doc.text[span.start:span.end] == span.text
    for seg in doc.segments:
        if seg.parent is not None:
            parent = next(s for s in doc.segments if s.id == seg.parent)
            assert parent.start <= seg.start and seg.end <= parent.end

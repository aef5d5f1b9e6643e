"""The SQLite store: content-hash dedupe, clitic-aware FTS5 search, original-text snippets."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import marsad.cli.cmd_search  # noqa: F401  (registers marsad search)
from marsad.cli.apps import app
from marsad.model import Document, Published, Segment
from marsad.store import Store


def seed_doc(shared_dir: Path, prefix: str) -> Document:
    """A seed page as a document without segments (indexed whole, as one main segment)."""
    path = next((shared_dir / "seeds").glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return Document(
        id=hashlib.sha256(text.encode()).hexdigest()[:16], source=str(path), format="txt", text=text,
        title="بوتين وكيم", outlet="vetogate", published=Published("2024-06-18", "inferred"),
    )


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    with Store(store_target) as opened:
        yield opened


def test_adding_twice_never_duplicates(tmp_path: Path, shared_dir: Path) -> None:
    docs = [seed_doc(shared_dir, p) for p in ("000", "001")]
    db = tmp_path / "marsad.db"
    with Store(db) as store:
        assert [store.add(d) for d in docs] == [True, True]
        assert store.count() == 2
    with Store(db) as again:  # a second run on the same inputs
        assert [again.add(d) for d in docs] == [False, False]
        assert again.count() == 2


def paragraph_segments(doc: Document) -> list[Segment]:
    """One main segment per blank-line-separated paragraph (stands in for the page stage)."""
    segments: list[Segment] = []
    pos = 0
    for n, para in enumerate(doc.text.split("\n\n")):
        segments.append(Segment(f"{doc.id}:{n}", "main", pos, pos + len(para)))
        pos += len(para) + 2
    return segments


def test_koreya_finds_li_koreya_and_wa_koreya(store: Store, shared_dir: Path) -> None:
    doc = seed_doc(shared_dir, "000")
    doc.segments = paragraph_segments(doc)
    store.add(doc)
    hits = store.search("كوريا")
    found = {doc.text[h.start:h.end] for h in hits}
    assert {"لكوريا", "وكوريا"} <= found
    assert all(h.document == doc.id and h.source == doc.source for h in hits)
    snippets = [h.snippet for h in hits]
    assert "بوتين في زيارة [لكوريا] الشمالية" in snippets  # a subheading of the page
    assert any("سيبدأ اليوم الثلاثاء زيارة [لكوريا] الشمالية" in s for s in snippets)  # original text


def test_whole_text_is_one_main_segment_without_segments(store: Store, shared_dir: Path) -> None:
    doc = seed_doc(shared_dir, "000")
    store.add(doc)
    [hit] = store.search("لكوريا")
    assert (hit.segment, hit.kind, hit.title) == (f"{doc.id}:0", "main", "بوتين وكيم")


def test_search_ands_words_and_normalises_the_query(store: Store, shared_dir: Path) -> None:
    doc = seed_doc(shared_dir, "000")
    store.add(doc)
    assert len(store.search("الكرملين بوتين")) == 1
    assert len(store.search("الكرملين نيويورك")) == 0
    # alef and hamza forms fold: "الأمريكيين" is found as "الامريكيين"
    [hit] = store.search("الامريكيين")
    assert "[الأمريكيين]" in hit.snippet
    assert store.search("") == [] and store.search('" OR *') == []


def test_nested_segments_are_indexed_on_their_own(store: Store, shared_dir: Path) -> None:
    doc = seed_doc(shared_dir, "000")
    caption_at = doc.text.index("بوتين وكيم جونج اون، فيتو")
    caption_end = caption_at + len("بوتين وكيم جونج اون، فيتو")
    doc.segments = [
        Segment(f"{doc.id}:0", "main", 0, len(doc.text)),
        Segment(f"{doc.id}:1", "caption", caption_at, caption_end, parent=f"{doc.id}:0"),
    ]
    store.add(doc)
    hits = {h.kind: h for h in store.search("جونج اون")}
    assert hits["caption"].segment == f"{doc.id}:1"
    assert hits["caption"].snippet == "بوتين وكيم [جونج] [اون]، فيتو"
    assert caption_at <= hits["caption"].start < caption_end
    # the main segment's own match lies outside its nested caption
    assert not caption_at <= hits["main"].start < caption_end


def test_search_command_prints_document_segment_snippet(tmp_path: Path, shared_dir: Path) -> None:
    db = tmp_path / "marsad.db"
    doc = seed_doc(shared_dir, "000")
    with Store(db) as store:
        store.add(doc)
    result = CliRunner().invoke(app, ["search", "كوريا", "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert doc.id in result.output and f"{doc.id}:0" in result.output and "main" in result.output
    assert "كوريا]" in result.output
    missing = CliRunner().invoke(app, ["search", "كوريا", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1

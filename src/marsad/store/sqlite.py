"""The SQLite store: documents and segments keyed by content hash, with FTS5 search.

Each segment is indexed by the keys of its words (:mod:`marsad.text.normalize`) plus
every clitic-stripped reading of them (:func:`marsad.text.tokens.stem_variants`), so
that a query for كوريا finds لكوريا and وكوريا.  Snippets are cut from the original
text, never from the keys.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from marsad.model import Document, Segment, Span
from marsad.text.clitics import stem_variants
from marsad.text.normalize import normalize
from marsad.text.tokens import Token, tokenize

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    published TEXT,
    text TEXT NOT NULL,
    report TEXT NOT NULL,
    added TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS segments (
    rowid INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id),
    segment TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    norm TEXT NOT NULL,
    UNIQUE (doc, segment)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS segment_terms USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');
"""
_SEARCH = """
SELECT s.doc, d.source, d.title, s.segment, s.kind, s.start, s.end
FROM segment_terms JOIN segments s ON s.rowid = segment_terms.rowid JOIN documents d ON d.id = s.doc
WHERE segment_terms MATCH ?
ORDER BY CASE s.kind WHEN 'main' THEN 0 WHEN 'appended' THEN 1 WHEN 'caption' THEN 2 ELSE 3 END, rank
LIMIT ?
"""
_SNIPPET_CONTEXT = 80


@dataclass(frozen=True)
class SearchHit:
    """One matching segment: its document, where the first match is, and a snippet of the original text.

    ``snippet`` is cut from the original text around the first match, with every
    matching word in [brackets]; ``start``/``end`` locate the first match in the document.
    """

    document: str
    source: str
    title: str | None
    segment: str
    kind: str
    start: int
    end: int
    snippet: str


class Store:
    """A SQLite file of analysed documents and their segments, searchable with FTS5."""

    def __init__(self, path: str | Path) -> None:
        self._conn = sqlite3.connect(str(path))
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        try:
            self._conn.executescript(_SCHEMA)
        except sqlite3.OperationalError as exc:
            self._conn.close()
            raise RuntimeError(f"this SQLite build cannot create the store ({exc}); FTS5 is required") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self._conn.close()

    def add(self, doc: Document, report_json: str) -> bool:
        """Store an analysed document and index its segments; False when it is already stored.

        ``doc.id`` is the content hash of the text, so a re-run on the same inputs adds
        nothing.  A document without segments is indexed as one ``main`` segment.
        """
        published = doc.published.value if doc.published else None
        with self._conn:
            cursor = self._conn.execute(
                "INSERT OR IGNORE INTO documents (id, source, title, outlet, published, text, report) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc.id, doc.source, doc.title, doc.outlet, published, doc.text, report_json),
            )
            if cursor.rowcount == 0:
                return False
            for seg in doc.segments or [Segment(f"{doc.id}:0", "main", 0, len(doc.text))]:
                pieces = _own_pieces(doc, seg)
                terms = " ".join(t for piece in pieces for t in _terms(doc.text, piece))
                norm = "\n".join(normalize(p.text).text for p in pieces)
                cursor = self._conn.execute(
                    "INSERT INTO segments (doc, segment, kind, parent, start, end, text, norm) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc.id, seg.id, seg.kind, seg.parent, seg.start, seg.end, doc.text[seg.start:seg.end], norm),
                )
                self._conn.execute("INSERT INTO segment_terms (rowid, terms) VALUES (?, ?)", (cursor.lastrowid, terms))
        return True

    def get_meta(self, key: str) -> str | None:
        """A stored run-to-run value (such as the story index), if any."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Store a run-to-run value, replacing the previous one."""
        with self._conn:
            self._conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def count(self) -> int:
        """The number of stored documents."""
        row = self._conn.execute("SELECT count(*) FROM documents").fetchone()
        return int(row[0])

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Segments matching every word of ``query`` (in any clitic form): articles first, then by BM25."""
        keys = [t.key for t in tokenize(query) if t.is_word]
        if not keys:
            return []
        match = " ".join('"' + k.replace('"', '""') + '"' for k in keys)
        hits: list[SearchHit] = []
        rows = self._conn.execute(_SEARCH, (match, limit)).fetchall()
        for doc_id, source, title, seg_id, kind, start, end in rows:
            text = str(self._conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0])
            holes = self._conn.execute(
                "SELECT start, end FROM segments WHERE doc = ? AND parent = ? ORDER BY start", (doc_id, seg_id)
            ).fetchall()
            snippet, first = _snippet(text, _cut(int(start), int(end), holes), set(keys))
            hits.append(SearchHit(doc_id, source, title, seg_id, kind, first[0], first[1], snippet))
        return hits


def _own_pieces(doc: Document, seg: Segment) -> list[Span]:
    """A segment's text without the segments nested in it (they are indexed on their own)."""
    if any(s.parent == seg.id for s in doc.segments):
        return doc.pieces(seg)
    return [doc.span(seg.start, seg.end)]


def _terms(text: str, piece: Span) -> list[str]:
    terms: list[str] = []
    for token in tokenize(text, piece.start, piece.end):
        if token.is_word:
            terms.extend(stem_variants(token.key))
    return terms


def _matches(token: Token, keys: set[str]) -> bool:
    return token.is_word and not keys.isdisjoint(stem_variants(token.key))


def _cut(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges of ``[start, end)`` outside the nested segments ``holes``."""
    out: list[tuple[int, int]] = []
    pos = start
    for hole_start, hole_end in holes:
        if hole_start > pos:
            out.append((pos, hole_start))
        pos = max(pos, hole_end)
    if pos < end:
        out.append((pos, end))
    return out


def _snippet(text: str, pieces: list[tuple[int, int]], keys: set[str]) -> tuple[str, tuple[int, int]]:
    """Cut the original text around the first matching word, bracketing every match; return it and the match."""
    for piece_start, piece_end in pieces:
        tokens = [t for t in tokenize(text, piece_start, piece_end) if _matches(t, keys)]
        if tokens:
            break
    else:
        piece_start, piece_end = pieces[0] if pieces else (0, 0)
        tokens = []
    first = (tokens[0].start, tokens[0].end) if tokens else (piece_start, piece_start)
    lo = max(piece_start, first[0] - _SNIPPET_CONTEXT)
    hi = min(piece_end, first[1] + _SNIPPET_CONTEXT)
    while lo > piece_start and not text[lo - 1].isspace():
        lo -= 1
    while hi < piece_end and not text[hi].isspace():
        hi += 1
    parts: list[str] = ["…"] if lo > piece_start else []
    pos = lo
    for token in tokens:
        if token.end <= hi:
            parts += [text[pos:token.start], "[", token.text, "]"]
            pos = token.end
    parts.append(text[pos:hi])
    if hi < piece_end:
        parts.append("…")
    return " ".join("".join(parts).split()), first

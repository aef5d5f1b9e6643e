"""Full-text search over segments: clitic-aware terms, and snippets cut from the original text.

Each segment is indexed by the keys of its words (:mod:`marsad.text.normalize`) plus
every clitic-stripped reading of them (:func:`marsad.text.tokens.stem_variants`), so
that a query for كوريا finds لكوريا and وكوريا.  Snippets are cut from the original
text, never from the keys.  The index itself is the dialect's (FTS5 on SQLite).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from marsad.model import Document, Segment, Span
from marsad.text.clitics import stem_variants
from marsad.text.tokens import Token, text_tokens, token_key, tokenize, word_tokens

SNIPPET_CONTEXT = 80


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


def query_keys(query: str) -> list[str]:
    """The word keys of a search query (the words every hit must contain, in some clitic form)."""
    return [t.key for t in tokenize(query) if t.is_word]


def indexed_segments(doc: Document) -> list[Segment]:
    """The segments a document is indexed by (the whole text as one ``main`` segment when it has none)."""
    return doc.segments or [Segment(f"{doc.id}:0", "main", 0, len(doc.text))]


def segment_terms(doc: Document, seg: Segment) -> str:
    """The index terms of a segment's own text (its nested segments are indexed on their own)."""
    return " ".join(chain.from_iterable(_terms(doc.text, piece) for piece in own_pieces(doc, seg)))


def own_pieces(doc: Document, seg: Segment) -> list[Span]:
    """A segment's text without the segments nested in it (they are indexed on their own)."""
    if any(s.parent == seg.id for s in doc.segments):
        return doc.pieces(seg)
    return [doc.span(seg.start, seg.end)]


def _terms(text: str, piece: Span) -> list[str]:
    return list(chain.from_iterable(map(stem_variants, map(token_key, word_tokens(text_tokens(text, piece.start, piece.end))))))


def _matches(token: Token, keys: set[str]) -> bool:
    return token.is_word and not keys.isdisjoint(stem_variants(token.key))


def cut(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def snippet(text: str, pieces: list[tuple[int, int]], keys: set[str]) -> tuple[str, tuple[int, int]]:
    """Cut the original text around the first matching word, bracketing every match; return it and the match."""
    for piece_start, piece_end in pieces:
        tokens = [t for t in tokenize(text, piece_start, piece_end) if _matches(t, keys)]
        if tokens:
            break
    else:
        piece_start, piece_end = pieces[0] if pieces else (0, 0)
        tokens = []
    first = (tokens[0].start, tokens[0].end) if tokens else (piece_start, piece_start)
    lo = max(piece_start, first[0] - SNIPPET_CONTEXT)
    hi = min(piece_end, first[1] + SNIPPET_CONTEXT)
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

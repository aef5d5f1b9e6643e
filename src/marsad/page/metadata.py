"""Page metadata: byline, outlet and the wire agencies and media a document cites."""

from __future__ import annotations

import re
from functools import cache

from marsad.ingest.raw import RawDocument
from marsad.lexicons import load, load_table
from marsad.model import Citation, Document, Span
from marsad.options import Options
from marsad.page.dates import parse_dateline
from marsad.page.lines import Line, phrase_key
from marsad.page.outlets import outlet_of_field, outlet_of_url, outlet_table, self_reference
from marsad.text.clitics import CLITIC_LETTERS
from marsad.text.normalize import norm_key, normalize

BYLINE_MAX_WORDS = 4
_NAME_WORD = re.compile(r"^[\u0621-\u064a\u0671-\u06d3\u0640]+$")


def find_byline(doc: Document, lines: list[Line], roles: list[str] | None = None) -> Span | None:
    """The author line of the main article: a short name line in its header, or "بقلم: فلان".

    With the learnt line ``roles``, a header line the role model calls a byline comes first.
    """
    main = next((s for s in doc.segments if s.kind == "main"), None)
    if main is None:
        return None
    header: list[Line] = []
    for line in lines:
        if line.start < main.start:
            continue
        if line.start >= main.end or (line.words >= 14):
            break
        header.append(line)
    intro = tuple(phrase_key(p) for p in load("page_byline.txt"))
    if roles is not None:
        for line in header:
            if roles[line.index] == "byline" and line.words <= BYLINE_MAX_WORDS * 2 and parse_dateline(line.text) is None:
                phrase = next((p for p in intro if line.bare.startswith(p + " ")), None)
                start = _after_phrase(doc.text, line, phrase) if phrase else line.start
                return doc.span(start, line.end)
    for line in header:
        if main.title is not None and line.start == main.title.start:
            continue
        bare = line.bare
        for phrase in intro:
            if bare.startswith(phrase + " ") and line.words <= BYLINE_MAX_WORDS + 2:
                name_start = _after_phrase(doc.text, line, phrase)
                return doc.span(name_start, line.end)
        words = line.text.split()
        if (
            2 <= len(words) <= BYLINE_MAX_WORDS
            and all(_NAME_WORD.match(w) for w in words)
            and parse_dateline(line.text) is None
            and _inside_article_not_nested(doc, line)
        ):
            return doc.span(line.start, line.end)
    return None


def _after_phrase(text: str, line: Line, phrase: str) -> int:
    pos = line.start + len(phrase.split()[0])
    while pos < line.end and not text[pos].isalpha():
        pos += 1
    for _ in phrase.split()[1:]:
        while pos < line.end and text[pos].isalpha():
            pos += 1
        while pos < line.end and not text[pos].isalpha():
            pos += 1
    return pos


def _inside_article_not_nested(doc: Document, line: Line) -> bool:
    seg = doc.segment_at(line.start)
    return seg is not None and seg.kind == "main"


def find_outlet(doc: Document, raw: RawDocument, options: Options | None = None) -> str | None:
    """The outlet that published the page: the record's outlet field, the URL's domain, then the page's own words.

    Ingest resolves the first two (``raw.outlet``); pages built from hand-made raw documents
    are resolved here the same way.  Self-references are read outside the articles (mastheads,
    copyright lines, captions); see :mod:`marsad.page.outlets`.
    """
    table = outlet_table(options.outlets_file if options is not None else None)
    if raw.outlet:
        return raw.outlet
    if raw.sitename:
        found = outlet_of_field(raw.sitename, raw.url, table)
        if found:
            return found
    found = outlet_of_url(raw.url or doc.url, table)
    if found:
        return found
    lines: list[str] = []
    for seg in doc.segments:
        if seg.kind not in ("main", "appended"):
            lines.extend(doc.text[seg.start:seg.end].split("\n"))
    return self_reference(lines, table)


def _bounded(key: str, end: int) -> bool:
    return end >= len(key) or not key[end].isalnum()


@cache
def _agency_variants() -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for row in load_table("agencies.tsv"):
        name, *variants = row
        pairs.extend((norm_key(v), name) for v in variants)
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def find_agencies(doc: Document) -> list[Citation]:
    """Every citation of a wire agency or medium in the main article's text (captions excluded)."""
    main = next((s for s in doc.segments if s.kind == "main"), None)
    if main is None:
        return []
    found: list[Citation] = []
    for piece in doc.pieces(main):
        norm = normalize(piece.text)
        key = norm.text.lower()
        taken: list[tuple[int, int]] = []
        for variant, name in _agency_variants():
            pos = key.find(variant)
            while pos >= 0:
                end = pos + len(variant)
                if _word_start(key, pos) and _bounded(key, end) and not _overlaps(taken, pos, end):
                    taken.append((pos, end))
                    s, e = norm.to_original(pos, end)
                    found.append(Citation(name, piece.start + s, piece.start + e, piece.text[s:e]))
                pos = key.find(variant, end)
    return sorted(found, key=lambda c: c.start)


def _word_start(key: str, pos: int) -> bool:
    if pos == 0 or not key[pos - 1].isalnum():
        return True
    j = pos - 1
    while j >= 0 and key[j] in CLITIC_LETTERS and pos - j <= 2:
        j -= 1
    return (j < 0 or not key[j].isalnum()) and j < pos - 1


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in taken)

"""Page metadata: byline, outlet and the wire agencies and media a document cites."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlparse

from marsad.ingest.raw import RawDocument
from marsad.lexicons import load, load_table
from marsad.model import Citation, Document, Span
from marsad.page.dates import parse_dateline
from marsad.page.lines import Line, phrase_key
from marsad.text.normalize import norm_key, normalize

BYLINE_MAX_WORDS = 4
SELF_REFERENCE_MAX_WORDS = 6
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


@cache
def _outlets() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    rows: list[tuple[str, str, tuple[str, ...]]] = []
    for row in load_table("outlets.tsv"):
        name, domain, *others = row
        rows.append((name, domain, tuple(norm_key(x) for x in (name, *others))))
    return tuple(rows)


_SELF_PATTERNS = (
    re.compile(r"موقع\s*\(([^)]{2,30})\)"),
    re.compile(r'^"([^"]{2,30})"\s*\('),
    re.compile(r"^المصدر\s*:\s*(.{2,30})$"),
    re.compile(r"^((?:موقع|صحيفه|جريده|شبكه|بوابه|مجله)\s[^|:,\-]{2,30}?)\s*(?:[|:,\-].*)?$"),
    re.compile(r"(?:©|حقوق النشر)\s*(?:\d{4}\s*)?([^|©]{2,30}?)\s*$"),
)


def find_outlet(doc: Document, raw: RawDocument) -> str | None:
    """The outlet that published the page: from HTML/JSON metadata, the URL's domain or the page's self-references."""
    if raw.sitename:
        return _canonical_outlet(raw.sitename) or raw.sitename.strip()
    url = raw.url or doc.url
    if url:
        host = urlparse(url).netloc.lower().removeprefix("www.")
        for name, domain, _ in _outlets():
            if host == domain or host.endswith("." + domain):
                return name
    for seg in doc.segments:
        if seg.kind in ("main", "appended"):
            continue
        for raw_line in doc.text[seg.start:seg.end].split("\n"):
            found = _self_reference(raw_line.strip())
            if found:
                return found
    return None


def _self_reference(line: str) -> str | None:
    norm = normalize(line)
    key = norm.text
    if not key.strip():
        return None
    for pattern in _SELF_PATTERNS:
        match = pattern.search(key)
        if match:
            start, end = norm.to_original(match.start(1), match.end(1))
            found = line[start:end].strip()
            if found.startswith(("ل", "ب")) and _canonical_outlet(found[1:]):
                found = found[1:]
            return _canonical_outlet(found) or found
    if len(key.split()) <= SELF_REFERENCE_MAX_WORDS:
        for word_start in range(len(key)):
            if word_start and key[word_start - 1].isalnum():
                continue
            for name, _, keys in _outlets():
                for k in keys:
                    if key.startswith(k, word_start) and _bounded(key, word_start + len(k)) and not k.isascii():
                        return name
    return None


def _canonical_outlet(name: str) -> str | None:
    key = phrase_key(name)
    for candidate in (key, key[1:] if key[:1] in "لبو" else key):
        for outlet, _, keys in _outlets():
            if candidate in keys:
                return outlet
    return None


def _bounded(key: str, end: int) -> bool:
    return end >= len(key) or not key[end].isalnum()


@cache
def _agency_variants() -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for row in load_table("agencies.tsv"):
        name, *variants = row
        pairs.extend((norm_key(v), name) for v in variants)
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


_CLITICS = set("وفبلك")


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
    while j >= 0 and key[j] in _CLITICS and pos - j <= 2:
        j -= 1
    return (j < 0 or not key[j].isalnum()) and j < pos - 1


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in taken)

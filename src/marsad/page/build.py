"""The page stage: from a raw document to a :class:`Document` with segments and metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from marsad.ingest.raw import RawDocument
from marsad.model import Document, Segment, SegmentKind, Span
from marsad.options import Options
from marsad.page.dates import find_datelines, metadata_date
from marsad.page.lines import TITLE_MAX_WORDS, Line, arabic_ratio, split_lines
from marsad.page.metadata import find_agencies, find_byline, find_outlet
from marsad.page.segment import Label, Region, assign_regions, classify_lines, outer_kind
from marsad.text.normalize import norm_key

PAGE_FORMATS = ("txt",)
ARTICLE_TEXT = (Label.BODY, Label.HEADING, Label.BULLET, Label.APPENDED_TITLE)


@dataclass(frozen=True)
class _Piece:
    kind: SegmentKind
    first: Line
    last: Line
    title: Line | None = None
    parent: int | None = None  # index of the article piece this one sits in


def content_id(text: str) -> str:
    """The document id: a hash of its text (so that a re-run never duplicates)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def build_document(raw: RawDocument, options: Options, known_chrome: frozenset[str] = frozenset()) -> Document:
    """Segment a raw document's text and read its metadata."""
    text = raw.text
    doc = Document(id=content_id(text), source=raw.source, format=raw.format, text=text, url=raw.url)
    lines = split_lines(text)
    # flat-text pages get learnt line roles; HTML main text (trafilatura) and a record's text are the article already
    labels, roles = classify_lines(lines, known_chrome, learnt=raw.format in PAGE_FORMATS)
    title_key = norm_key(raw.title) if raw.title and raw.format != "txt" else None
    regions = assign_regions(lines, labels, title_key, roles)
    doc.segments = _segments(doc.id, lines, labels, regions, title_key, roles)
    doc.language = "ar" if arabic_ratio(text) >= 0.5 else None
    _metadata(doc, raw, lines, roles, options)
    return doc


def _segments(
    doc_id: str, lines: list[Line], labels: list[Label], regions: list[Region], title_key: str | None, roles: list[str]
) -> list[Segment]:
    pieces: list[_Piece] = []
    outer: list[tuple[SegmentKind, Line, int | None]] = []
    order = list(dict.fromkeys(r for r in regions if r is not None))
    for region in order:
        members = [ln for ln, r in zip(lines, regions, strict=True) if r == region]
        kind = region[0]
        if kind == "related":
            teasers = [ln for ln in members if labels[ln.index] is not Label.BOILER] or members[:1]
            pieces.append(_Piece("related", members[0], teasers[-1]))
            outer.extend(("boilerplate", ln, None) for ln in members if ln.index > teasers[-1].index)
            continue
        bodies = [ln for ln in members if labels[ln.index] in (Label.BODY, Label.BULLET)]
        if not bodies and kind == "main":
            # a page of short lines only (a poem, a caption-only record): its text lines are the article
            bodies = [ln for ln in members if labels[ln.index] in ARTICLE_TEXT]
        if not bodies:
            outer.extend((outer_kind(labels[ln.index]), ln, None) for ln in members)
            continue
        starts = [
            ln for ln in members
            if labels[ln.index] in (Label.BODY, Label.APPENDED_TITLE)
            or (labels[ln.index] is Label.HEADING and (ln.words >= 3 or ln.key == title_key))
        ]
        first, last = starts[0], bodies[-1]
        title = first if first.title_like or (kind == "main" and first.key == title_key) else None
        if kind == "main" and first.key != title_key:
            title = _learnt_title(members, labels, roles) or title
        pieces.append(_Piece("main" if kind == "main" else "appended", first, last, title))
        article_index = len(pieces) - 1
        for ln in members:
            inside = first.index <= ln.index <= last.index
            if inside and labels[ln.index] in ARTICLE_TEXT:
                continue
            outer.append((outer_kind(labels[ln.index]), ln, article_index if inside else None))
    outer.extend((outer_kind(labels[ln.index]), ln, None) for ln, r in zip(lines, regions, strict=True) if r is None)
    outer.sort(key=lambda item: item[1].index)
    pieces.extend(_merge(outer))
    pieces.sort(key=lambda p: (p.first.start, p.parent is not None))
    ids = {id(p): f"{doc_id}:{n}" for n, p in enumerate(pieces)}
    articles = [p for p in pieces if p.kind in ("main", "appended") and p.parent is None]
    segments: list[Segment] = []
    for piece in pieces:
        parent = None
        if piece.parent is not None:
            parent = ids[id(_article(pieces, articles, piece))]
        title_span = _span(piece.title) if piece.title is not None else None
        segments.append(Segment(ids[id(piece)], piece.kind, piece.first.start, piece.last.end, title_span, None, parent))
    return segments


def _learnt_title(members: list[Line], labels: list[Label], roles: list[str]) -> Line | None:
    """The line the role model calls the title, among the article's lines before its first paragraph."""
    for ln in members:
        if labels[ln.index] is Label.BODY and roles[ln.index] != "title":
            return None
        if roles[ln.index] == "title" and labels[ln.index] in ARTICLE_TEXT and _title_shape(ln):
            return ln
    return None


def _title_shape(line: Line) -> bool:
    """A title the model found may end with ! or ؟ (an opinion piece's), never with a period or colon."""
    return line.title_like or (3 <= line.words <= TITLE_MAX_WORDS and line.text.rstrip()[-1:] in "!؟?")


def _article(pieces: list[_Piece], articles: list[_Piece], piece: _Piece) -> _Piece:
    for art in articles:
        if art.first.start <= piece.first.start and piece.last.end <= art.last.end:
            return art
    raise ValueError("nested piece outside every article")


def _span(line: Line) -> Span:
    return Span(line.start, line.end, line.text)


def _merge(items: list[tuple[SegmentKind, Line, int | None]]) -> list[_Piece]:
    """Merge consecutive lines of the same kind and parent into one piece."""
    merged: list[_Piece] = []
    for kind, line, parent in items:
        if merged:
            prev = merged[-1]
            if prev.kind == kind and prev.parent == parent and prev.last.index == line.index - 1:
                merged[-1] = _Piece(kind, prev.first, line, None, parent)
                continue
        merged.append(_Piece(kind, line, line, None, parent))
    return merged


def _metadata(doc: Document, raw: RawDocument, lines: list[Line], roles: list[str], options: Options) -> None:
    main = next((s for s in doc.segments if s.kind == "main"), None)
    if main is not None and main.title is not None:
        doc.title, doc.title_span = main.title.text, main.title
    elif raw.title:
        doc.title = raw.title.strip()
        pos = doc.text.find(doc.title)
        doc.title_span = doc.span(pos, pos + len(doc.title)) if pos >= 0 else None
    byline = find_byline(doc, lines, roles)
    if byline is not None:
        doc.byline, doc.byline_span = byline.text, byline
    elif raw.author:
        doc.byline = raw.author.strip()
        pos = doc.text.find(doc.byline)
        doc.byline_span = doc.span(pos, pos + len(doc.byline)) if pos >= 0 else None
    doc.outlet = find_outlet(doc, raw, options)
    doc.metadata = dict(raw.extra)
    doc.agencies = find_agencies(doc)
    find_datelines(doc, lines, roles)
    if doc.published is None:
        doc.published = raw.published or metadata_date(raw.date)

"""The unit of every cross-document step: one article segment (``main`` or ``appended``).

A page may carry several articles (a main one and appended ones); each is its own
unit, so an appended article can belong to another story than the page's main one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from marsad.model import Document, Segment, SegmentKind, Span

ARTICLE_KINDS: tuple[SegmentKind, ...] = ("main", "appended")


@dataclass(frozen=True)
class Unit:
    """One article of one document, with its text pieces (captions and chrome cut out)."""

    id: str
    document: str
    outlet: str | None
    published: str | None
    pieces: tuple[Span, ...]
    title: Span | None

    @property
    def day(self) -> int | None:
        """The publication day as a proleptic ordinal, or None when undated or unparsable."""
        return day_ordinal(self.published)


def day_ordinal(value: str | None) -> int | None:
    """Return the ordinal of an ISO date prefix (``YYYY-MM-DD...``), None if it is not one."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def segment_title(doc: Document, seg: Segment) -> Span | None:
    """The title of an article segment: its own, else the document's when it lies inside it."""
    if seg.title is not None:
        return seg.title
    ts = doc.title_span
    if ts is not None and seg.start <= ts.start and ts.end <= seg.end:
        return ts
    return None


def units_of(doc: Document) -> list[Unit]:
    """The ``main`` and ``appended`` segments of ``doc`` as units, in text order."""
    out: list[Unit] = []
    for seg in sorted(doc.segments_of(*ARTICLE_KINDS), key=lambda s: s.start):
        pub = seg.published or doc.published
        out.append(
            Unit(
                id=seg.id,
                document=doc.id,
                outlet=doc.outlet,
                published=pub.value if pub else None,
                pieces=tuple(doc.pieces(seg)),
                title=segment_title(doc, seg),
            )
        )
    return out


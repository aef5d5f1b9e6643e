"""Publication dates inferred from a page's own words when the page gives none.

Only the main segment counts (never appended or related articles).  Its expressions give
clues: a weekday named as today (اليوم الثلاثاء), a date given for today, a month called the
current one (18 إلى 20 يونيو الجاري).  The year comes from the batch: the explicit or
metadata dates of the other documents are anchors, and the inferred day is the candidate
consistent with every clue that lies nearest an anchor (within :data:`WINDOW_DAYS`).  No
clue, clues that disagree, or no anchor: the date stays null.
"""

from __future__ import annotations

import datetime as dt

from marsad.corpus.result import CorpusResult
from marsad.extract.time.annotate import anchor_of, annotate, owner, scan_text
from marsad.extract.time.records import Clue
from marsad.model import Document, Published

WINDOW_DAYS = 60


def main_clues(doc: Document) -> list[Clue]:
    """Clues from the document's main segments (the whole text when it has no segments).

    Only expressions whose innermost segment is a main one count: a caption or chrome
    nested in the main text does not.
    """
    if not doc.segments:
        return [c for _s, _e, f in scan_text(doc.text, 0, len(doc.text), None) for c in f.clues]
    out: list[Clue] = []
    for seg in doc.segments_of("main"):
        for s, e, found in scan_text(doc.text, seg.start, seg.end, None):
            if owner(doc, s, e) is seg:
                out.extend(found.clues)
    return out


def fits(day: dt.date, clues: list[Clue]) -> bool:
    """Whether a candidate day agrees with every clue."""
    for c in clues:
        if c.date is not None and day != c.date:
            return False
        if c.weekday is not None and day.isoweekday() != c.weekday:
            return False
        if c.month is not None and day.month != c.month:
            return False
        if c.year is not None and day.year != c.year:
            return False
    return True


def infer_day(clues: list[Clue], anchors: list[dt.date]) -> dt.date | None:
    """The day consistent with all clues nearest an anchor, or ``None``.

    A year alone is not enough: at least one clue must name a weekday, a date or a month.
    """
    if not anchors or not any(c.weekday or c.date or c.month for c in clues):
        return None
    best: tuple[int, dt.date] | None = None
    for anchor in anchors:
        for offset in range(-WINDOW_DAYS, WINDOW_DAYS + 1):
            day = anchor + dt.timedelta(days=offset)
            if fits(day, clues) and (best is None or (abs(offset), day) < best):
                best = (abs(offset), day)
    return best[1] if best else None


def _is_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def infer_dates(docs: list[Document], result: CorpusResult) -> None:
    """Set ``published`` (basis ``inferred``) on documents without one, and re-normalise their timexes.

    The anchors are the batch's dated documents and ``result.anchor_days`` (the stored ones').
    """
    known = {doc.id: a.day for doc in docs if doc.published and (a := anchor_of(doc.published)) is not None}
    stored = {dt.date.fromisoformat(d) for d in result.anchor_days if _is_day(d)}
    for doc in docs:
        if doc.published is not None:
            continue
        anchors = sorted({day for other, day in known.items() if other != doc.id} | stored)
        day = infer_day(main_clues(doc), anchors)
        if day is None:
            continue
        doc.published = Published(day.isoformat(), "inferred")
        annotate(doc)

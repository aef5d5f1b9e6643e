"""Publication dates inferred from a page's own words when the page gives none.

Only the main segment counts (never appended or related articles).  Its expressions give
clues: a weekday named as today (اليوم الثلاثاء), a date given for today, a month called the
current one (18 إلى 20 يونيو الجاري).  The year comes from the batch: the explicit or
metadata dates of the other documents are anchors, and the inferred day is the candidate
consistent with every clue that lies nearest an anchor (within :data:`WINDOW_DAYS`).  No
clue, clues that disagree, or no anchor: the date stays null.

A page dated only by when it was fetched (basis ``crawl``) was published then or before:
when its main text names today's weekday or date, the latest day on or before the fetch
(at most :data:`CRAWL_DAYS` back) that fits is its publication day (basis ``inferred``).
On SaudiNewsNet the day a page calls today (اليوم الاثنين) is the fetch day for about two
pages in three and one to six days earlier for the rest (most pages fetched after midnight
were written the day before).
"""

from __future__ import annotations

import datetime as dt

from marsad.corpus.result import CorpusResult
from marsad.extract.time.annotate import anchor_of, annotate, owner, scan_text
from marsad.extract.time.records import Clue
from marsad.model import Document, Published

WINDOW_DAYS = 60
CRAWL_DAYS = 6
_TODAY = "اليوم"


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


def needs_clues(doc: Document) -> bool:
    """Whether date inference reads the clues of ``doc`` as it is dated now (undated, or crawl-dated naming today)."""
    return doc.published is None or (doc.published.basis == "crawl" and _TODAY in doc.text)


def _clues(doc: Document, result: CorpusResult) -> list[Clue]:
    """The main clues of ``doc``, as its worker found them when it did (:mod:`marsad.corpus.prepare`)."""
    prepared = result.prepared.get(doc.id)
    if prepared is not None and prepared.clues is not None:
        return prepared.clues
    return main_clues(doc)


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


def crawl_day(clues: list[Clue], fetched: dt.date) -> dt.date | None:
    """The day a page fetched on ``fetched`` calls today, when it is an earlier one (else ``None``).

    It is the latest day on or before the fetch, at most :data:`CRAWL_DAYS` back, that fits
    every clue; at least one clue must name a weekday or a date.
    """
    if not any(c.weekday or c.date for c in clues):
        return None
    for back in range(CRAWL_DAYS + 1):
        day = fetched - dt.timedelta(days=back)
        if fits(day, clues):
            return day if back else None
    return None


def _is_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def infer_dates(docs: list[Document], result: CorpusResult) -> None:
    """Set ``published`` (basis ``inferred``) on documents without one or dated by their fetch, and re-normalise their timexes.

    The anchors are the batch's dated documents and ``result.anchor_days`` (the stored ones').
    """
    known = {doc.id: a.day for doc in docs if doc.published and (a := anchor_of(doc.published)) is not None}
    stored = {dt.date.fromisoformat(d) for d in result.anchor_days if _is_day(d)}
    for doc in docs:
        if doc.published is not None and doc.published.basis == "crawl":
            fetched = known.get(doc.id)
            day = crawl_day(_clues(doc, result), fetched) if fetched is not None and _TODAY in doc.text else None
            if day is not None:
                doc.published = Published(day.isoformat(), "inferred")
                annotate(doc)
            continue
        if doc.published is not None:
            continue
        anchors = sorted({day for other, day in known.items() if other != doc.id} | stored)
        day = infer_day(_clues(doc, result), anchors)
        if day is None:
            continue
        doc.published = Published(day.isoformat(), "inferred")
        annotate(doc)

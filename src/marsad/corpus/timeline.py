"""A story's timeline: its dated events, one row per happening, with every source span and outlet.

The events (from the event stage) whose trigger lies in the story's sentences are grouped
into happenings:

1. Events dated by a timex come first.  An event joins a row of the same type and the same
   date (at the event's precision) when their actors overlap or either has none (one story
   rarely tells two different meetings of one day); otherwise it opens a row.
2. Events dated only by publication or by their article's reference day (``inferred``) then
   join the nearest-dated (then largest) timex-dated row of the same type whose date lies
   within :data:`ADOPT_DAYS` days and whose timex-dated events' actors overlap theirs (any
   such row when they have no actors): a report said when it happened, and the event takes that date (basis
   ``inferred``).  A definite verbal noun (التفجير، الزيارة) names a happening already told:
   it looks back up to :data:`~marsad.extract.events.annotate.CURRENT_DAYS` days (a report of
   the 11th on "the bombing" of the 6th).  Failing that they are grouped as in step 1 under
   their own date.
3. An undated event (told in a relative clause, the pluperfect or the future) joins the
   largest timex-dated row of its type whose actors overlap its own (any, when it has none)
   and takes its date; else it stays off the timeline.

Before that, a document dated only by when it was fetched (basis ``crawl``) may have been
written days earlier, and then its "today" and "yesterday" are off: when its events dated by
such words match, by type and actors, happenings that reliably dated reports of the story
put consistently 1 to :data:`~marsad.corpus.dates.CRAWL_DAYS` days earlier (and none on
the same day), every day-precision event of that document it dated by words relative to
the day of writing or by publication moves back by that many days (basis ``inferred``).

Rows are sorted by date, then by how many sources support them.  A row lists every source
span (each event's clause), the outlets that report it, its type and whether it is current
(any of its events is).  Its label is the clause of its best-supported event.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from marsad.corpus.dates import CRAWL_DAYS
from marsad.corpus.sentences import StorySentence
from marsad.extract.events.annotate import CURRENT_DAYS, date_range, deictic, is_current, publication_day
from marsad.model import Document, Event, SpanRef, TimelineRow
from marsad.text.clitics import ARTICLE_PREFIXES
from marsad.text.normalize import norm_key

ADOPT_DAYS = 2
LABEL_CHARS = 200


@dataclass(frozen=True)
class StoryEvent:
    """An event of a story with its document, its outlet (when known) and its publication day."""

    event: Event
    document: str
    outlet: str | None
    published: dt.date | None = None
    fetched: bool = False

    @property
    def actors(self) -> frozenset[str]:
        """The entities of its actors."""
        return frozenset(a.entity for a in self.event.actors)


@dataclass
class _Row:
    date: str
    type: str
    members: list[StoryEvent] = field(default_factory=list)

    @property
    def actors(self) -> frozenset[str]:
        return frozenset(a for m in self.members for a in m.actors)

    @property
    def told_actors(self) -> frozenset[str]:
        """The actors of its timex-dated members (those that said when it happened)."""
        return frozenset(a for m in self.members if m.event.date_basis == "timex" for a in m.actors)


def story_events(docs: dict[str, Document], sentences: list[StorySentence]) -> list[StoryEvent]:
    """The events whose trigger lies in one of the story's sentences, in text order (undated ones included)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for s in sentences:
        spans.setdefault(s.ref.document, []).append((s.ref.start, s.ref.end))
    out: list[StoryEvent] = []
    for doc_id in sorted(spans):
        for e in docs[doc_id].events:
            if e.trigger is None:
                continue
            if any(lo <= e.trigger.start < hi for lo, hi in spans[doc_id]):
                doc = docs[doc_id]
                crawl = doc.published is not None and doc.published.basis == "crawl"
                out.append(StoryEvent(e, doc_id, doc.outlet, publication_day(doc), crawl))
    return out


def _days_apart(a: str, b: str) -> int:
    """Days between two ISO dates' ranges (0 when they overlap)."""
    try:
        a0, a1 = date_range(a)
        b0, b1 = date_range(b)
    except ValueError:
        return 1 << 20
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


def _same(row: _Row, item: StoryEvent) -> bool:
    if row.type != item.event.type or row.date != item.event.date:
        return False
    return not row.actors or not item.actors or bool(row.actors & item.actors)


def definite(event: Event) -> bool:
    """Whether the event's trigger carries the article (التفجير، بالزيارة): a happening named as known."""
    key = norm_key(event.trigger.text) if event.trigger is not None else ""
    return key.startswith(ARTICLE_PREFIXES)


def _reach(row: _Row, item: StoryEvent, date: str) -> bool:
    """Whether a weakly dated event may take the row's date: within ADOPT_DAYS, or CURRENT_DAYS back when definite."""
    apart = _days_apart(row.date, date)
    if apart <= ADOPT_DAYS:
        return True
    return apart <= CURRENT_DAYS and definite(item.event) and row.date < date


def _adoptive(rows: list[_Row], item: StoryEvent) -> _Row | None:
    """The timex-dated row a weakly dated or undated event belongs to, if any (see the module docstring)."""
    date = item.event.date
    near = [r for r in rows if r.type == item.event.type and (date is None or _reach(r, item, date))]
    if item.actors:
        near = [r for r in near if item.actors & r.told_actors]
    if date is None:
        return max(near, key=lambda r: len(r.members), default=None)
    return min(near, key=lambda r: (_days_apart(r.date, date), -len(r.members)), default=None)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _relative(item: StoryEvent) -> bool:
    """Whether the event's date hangs on the day of writing: by publication, or by اليوم/أمس."""
    e = item.event
    return e.date_basis in ("publication", "inferred") or (e.date_basis == "timex" and e.timex is not None and deictic(e.timex.text))


def fetch_shifts(items: list[StoryEvent]) -> dict[str, int]:
    """Days to move back the relative dates of fetch-dated documents (see the module docstring)."""
    reliable = [i for i in items if not i.fetched and i.event.date_basis == "timex" and i.actors and _day(i.event.date)]
    votes: dict[str, Counter[int]] = {}
    for item in items:
        day = _day(item.event.date)
        if not item.fetched or day is None or not item.actors or item.event.date_basis != "timex" or not _relative(item):
            continue
        for other in reliable:
            other_day = _day(other.event.date)
            if other_day is None or other.event.type != item.event.type or not item.actors & other.actors:
                continue
            delta = (day - other_day).days
            if 0 <= delta <= CRAWL_DAYS:
                votes.setdefault(item.document, Counter())[delta] += 1
    shifts: dict[str, int] = {}
    for doc, counter in votes.items():
        delta = counter.most_common(1)[0][0]
        if delta and not counter[0]:
            shifts[doc] = delta
    return shifts


def _shift(items: list[StoryEvent], shifts: dict[str, int]) -> None:
    for item in items:
        back = shifts.get(item.document)
        day = _day(item.event.date)
        if back and day is not None and _relative(item):
            moved = (day - dt.timedelta(days=back)).isoformat()
            item.event.date, item.event.date_basis = moved, "inferred"
            item.event.current = is_current(moved, item.published)


def group_events(items: list[StoryEvent]) -> list[_Row]:
    """Group a story's events into happenings (timex-dated first; see the module docstring).

    A weakly dated event that joins a timex-dated row takes the row's date (basis
    ``inferred``): a report said when it happened.
    """
    _shift(items, fetch_shifts(items))
    rows: list[_Row] = []
    strong = [i for i in items if i.event.date_basis == "timex"]
    weak = [i for i in items if i.event.date_basis != "timex"]
    for item in strong:
        row = next((r for r in rows if _same(r, item)), None)
        if row is None:
            row = _Row(item.event.date or "", item.event.type)
            rows.append(row)
        row.members.append(item)
    anchored = list(rows)
    for item in weak:
        row = _adoptive(anchored, item)
        if row is not None and row.date != item.event.date:
            item.event.date, item.event.date_basis = row.date, "inferred"
            item.event.current = is_current(row.date, item.published)
        if item.event.date is None:
            continue  # undated and told by no dated report: not on the timeline
        row = row or next((r for r in rows if _same(r, item)), None)
        if row is None:
            row = _Row(item.event.date or "", item.event.type)
            rows.append(row)
        row.members.append(item)
    return rows


def _sort_key(row: _Row) -> tuple[dt.date, int]:
    try:
        first = date_range(row.date)[0]
    except ValueError:
        first = dt.date.max
    return first, -len(row.members)


def build_timeline(docs: dict[str, Document], sentences: list[StorySentence]) -> list[TimelineRow]:
    """One row per happening, sorted by date, with every supporting clause span and outlet."""
    out: list[TimelineRow] = []
    for row in sorted(group_events(story_events(docs, sentences)), key=_sort_key):
        best = max(row.members, key=lambda m: (m.event.date_basis == "timex", len(m.actors)))
        refs = [SpanRef(m.document, m.event.start, m.event.end, m.event.text) for m in row.members]
        outlets = sorted({m.outlet for m in row.members if m.outlet})
        current = any(m.event.current for m in row.members)
        out.append(TimelineRow(row.date, best.event.text[:LABEL_CHARS], refs, row.type, outlets, current))
    return out

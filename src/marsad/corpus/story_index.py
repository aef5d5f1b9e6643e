"""An incremental story index: new units join existing stories without re-clustering.

Each story keeps a centroid (the sum of its members' tf-idf vectors, cut to its
heaviest terms) and posts its top terms in an inverted index.  A new unit looks up
candidate stories through its own top terms (only the most recent postings of each
term are scanned, so the cost per unit stays bounded) and through copied passages it
shares with already placed units; it joins the best candidate whose cosine score,
plus a bonus for a copied passage, minus a penalty growing with the days between
them beyond a window and a small one growing with the story's size (so that a broad
topic does not swallow every story near it),
reaches the threshold, else it opens a new story.  The story it joined is then
consolidated: merged into a close story (centroid cosine over ``merge_threshold``) when
the unit brought the two together.  The index (document frequencies, centroids, members)
saves to and loads from JSON, so that a later batch continues it.

Units are placed one by one in arrival order, each with the document frequencies of the
units before it and itself, and each followed by its consolidation: how a stream of units
is cut into batches does not change the stories (one batch of 3,000 SaudiNewsNet articles
and 47 batches of 64 give the same stories), which a batch-level sort, batch-level
frequencies or batch-level consolidation would (BCubed F1 0.92 between the two).  The
order of the stream still matters, as for any single-pass clustering.

An index may instead be backed by a :class:`IndexSource` (the store's story tables,
:mod:`marsad.store.indexes`): it then holds only what the batch at hand touches (the
document frequencies of its terms, the recent postings of its query terms, the stories it
scores, the stories of its units and of the units it shares a copied passage with), loads
them on demand, and records what changed (:class:`IndexChanges`) for the source to save,
so that the cost of a new unit does not grow with the corpus.  Such an index may also be
kept for the next batch (:meth:`StoryIndex.keep`), so that what it holds is not loaded
again: its source decides whether it is still current (no other writer, no rolled-back
batch), and :meth:`StoryIndex.shrink` bounds what it holds (the stories least recently
scored are dropped and loaded again when needed).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol

from marsad.corpus.background import Background, shipped_background
from marsad.corpus.terms import UnitTerms, Vector, Weights, dot, heaviest, normalised

FORMAT_VERSION = 1


@dataclass(frozen=True)
class StoryParams:
    """Clustering knobs.

    ``threshold`` and ``merge_threshold`` were chosen on the ``tune`` half of the
    SaudiNewsNet story gold; ``size_penalty`` bounds topic-sized clusters on the full
    31k-article run (it costs 0.01 BCubed F1 on the tune half); ``undated_penalty``
    asks more textual similarity of an undated unit joining a dated story (and of a
    dated one joining an undated story), since time cannot confirm the match; for the
    same reason consolidation never merges a dated story with an undated one.
    """

    threshold: float = 0.2
    merge_threshold: float = 0.2
    copy_bonus: float = 0.25
    window_days: int = 3
    far_penalty: float = 0.5
    far_days: int = 30
    size_penalty: float = 0.2
    size_free: int = 10
    undated_penalty: float = 0.25
    query_terms: int = 10
    posted_terms: int = 15
    posting_scan: int = 200
    max_candidates: int = 50
    centroid_size: int = 200
    member_terms: int = 30
    background: bool = True


@dataclass
class Member:
    """A unit placed in a story, with its (trimmed) vector for choosing the central title."""

    unit: str
    document: str
    outlet: str | None
    day: int | None
    title: str
    vector: Vector
    titled: bool = True


@dataclass
class StoryState:
    """A story as the index keeps it."""

    id: str
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    members: list[Member] = field(default_factory=list)
    first_day: int | None = None
    last_day: int | None = None
    posted: set[str] = field(default_factory=set)
    size: int = 0

    def day_gap(self, day: int | None) -> int:
        """Days between ``day`` and the story's date range (0 inside it or when undated)."""
        if day is None or self.first_day is None or self.last_day is None:
            return 0
        if day < self.first_day:
            return self.first_day - day
        return max(0, day - self.last_day)

    def central(self) -> Member:
        """The member closest to the centroid, preferring members with a real title."""
        return max(self.members, key=lambda m: (m.titled, dot(m.vector, self.centroid)))


class IndexSource(Protocol):
    """Where a store-backed :class:`StoryIndex` loads the part of the index a batch needs."""

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """The stored document frequency of each of ``terms`` that has one."""

    def postings(self, terms: Iterable[str], scan: int) -> dict[str, list[int]]:
        """The last ``scan`` stories posted under each term, oldest first (merged-away stories already redirected)."""

    def states(self, sidxs: Iterable[int]) -> dict[int, StoryState]:
        """The stored stories of these numbers (centroid, size, dates, posted terms; members are not loaded)."""

    def unit_stories(self, units: Iterable[str]) -> dict[str, int]:
        """The story number of each of ``units`` already placed."""


@dataclass
class IndexChanges:
    """What a store-backed index changed since it was loaded, for its source to save."""

    df: Counter[str] = field(default_factory=Counter)
    stories: set[int] = field(default_factory=set)
    postings: list[tuple[str, int]] = field(default_factory=list)
    members: list[tuple[int, Member]] = field(default_factory=list)
    merges: list[tuple[int, int]] = field(default_factory=list)


class StoryIndex:
    """Stories built incrementally over batches of units (all in memory, or the needed part of a stored index)."""

    def __init__(
        self, params: StoryParams | None = None, source: IndexSource | None = None, n_units: int = 0, count: int = 0
    ) -> None:
        self.params = params or StoryParams()
        self.background = shipped_background() if self.params.background else Background()
        self.source = source
        self.df: Counter[str] = Counter()
        self.n_units = n_units
        self.count = count
        self.states: dict[int, StoryState] = {}
        self.postings: dict[str, list[int]] = {}
        self.unit_story: dict[str, int] = {}
        self.merged: dict[int, int] = {}
        self.changes = IndexChanges()
        self.batches = 0  # batches placed (for a kept index, the age of what it holds)
        self._used: dict[int, int] = {}  # story number -> the batch that last scored or changed it

    @property
    def stories(self) -> list[StoryState]:
        """The stories held in memory (every story unless the index is store-backed), by number."""
        return [self.states[k] for k in sorted(self.states)]

    def add(self, units: list[UnitTerms], links: dict[str, set[str]] | None = None) -> list[str]:
        """Place a batch of units one by one in the order given and return each unit's story id, in that order.

        ``links`` maps a unit id to the ids of units it shares a copied passage with.
        Each unit is counted in the document frequencies just before it is placed and its
        story is consolidated just after, so that any cut of a stream into batches gives
        the same stories.
        """
        links = links or {}
        self.batches += 1
        if self.source is not None:
            self._load_units([u.id for u in units] + [x for u in units for x in links.get(u.id, ())])
            terms = {t for u in units for t in u.counts}
            self.df.update(self.source.document_frequencies(t for t in terms if t not in self.df))
        for u in units:
            if u.id in self.unit_story:
                continue
            self.df.update(u.counts.keys())
            self.changes.df.update(u.counts.keys())
            self.n_units += 1
            self._consolidate({self._place(u, links.get(u.id, set()))})
        return [self._story(self._alive(self.unit_story[u.id])).id for u in units]

    def _load_units(self, units: list[str]) -> None:
        assert self.source is not None
        self.unit_story.update(self.source.unit_stories(u for u in dict.fromkeys(units) if u not in self.unit_story))

    def _postings(self, term: str) -> list[int]:
        """The stories posted under ``term`` (loaded from the source the first time)."""
        posted = self.postings.get(term)
        if posted is None:
            loaded = self.source.postings([term], self.params.posting_scan) if self.source is not None else {}
            posted = self.postings[term] = loaded.get(term, [])
        return posted

    def _story(self, sidx: int) -> StoryState:
        """The story numbered ``sidx`` (loaded from the source the first time)."""
        state = self.states.get(sidx)
        if state is None:
            self._load_states([sidx])
            state = self.states[sidx]
        return state

    def _load_states(self, sidxs: Iterable[int]) -> None:
        wanted = dict.fromkeys(sidxs, self.batches)
        self._used.update(wanted)
        missing = [s for s in wanted if s not in self.states]
        if missing and self.source is not None:
            self.states.update(self.source.states(missing))

    def _hits(self, terms: list[str]) -> Counter[int]:
        """How many of ``terms`` post each (living) story, over each term's recent postings."""
        scan = self.params.posting_scan
        if self.source is not None:
            wanted = [t for t in terms if t not in self.postings]
            if wanted:
                loaded = self.source.postings(wanted, scan)
                for t in wanted:
                    self.postings[t] = loaded.get(t, [])
        posted: Counter[int] = Counter()
        for term in terms:
            posted.update(self._postings(term)[-scan:])  # counted in C
        if self.merged.keys().isdisjoint(posted.keys()):
            return posted
        # Each merged-away story counted as the one it lives in; a story's first sight (the order of equal counts
        # in ``most_common``) is that of the first of the stories it stands for, so taking them in their own order
        # keeps it.
        hits: Counter[int] = Counter()
        for sidx, n in posted.items():
            hits[self._alive(sidx)] += n
        return hits

    def _place(self, unit: UnitTerms, linked: set[str]) -> int:
        p = self.params
        vec = self._weigh(unit.counts, unit.weights)
        query = list(islice(vec, p.query_terms))  # a vector is heaviest first
        hits = self._hits(query)
        copied = {self._alive(self.unit_story[u]) for u in linked if u in self.unit_story}
        candidates = {sidx for sidx, _ in hits.most_common(p.max_candidates)} | copied
        self._load_states(candidates)
        best, best_score = -1, p.threshold
        for sidx in sorted(candidates):
            story = self.states[sidx]
            if not story.size:
                continue
            score = dot(vec, story.centroid) / story.norm if story.norm else 0.0
            if sidx in copied:
                score += p.copy_bonus
            score -= self._time_penalty(story.day_gap(unit.day)) + self._size_penalty(story.size)
            score -= self._undated_penalty(unit.day, story.first_day)
            if score >= best_score:
                best, best_score = sidx, score
        if best < 0:
            best = self.count
            self.count += 1
            self.states[best] = StoryState(f"story-{best + 1}")
            self._used[best] = self.batches
        self._join(best, unit, vec)
        return best

    def _alive(self, sidx: int) -> int:
        """The story a (possibly merged-away) story index now lives in."""
        while sidx in self.merged:
            sidx = self.merged[sidx]
        return sidx

    def _size_penalty(self, size: int) -> float:
        """Nothing up to ``size_free`` members, then ``size_penalty`` per tenfold growth."""
        p = self.params
        return p.size_penalty * max(0.0, math.log10(size / p.size_free))

    def _undated_penalty(self, day: int | None, other: int | None) -> float:
        """When one side is dated and the other is not, time cannot vouch for the match: ask more of the text."""
        return self.params.undated_penalty if (day is None) != (other is None) else 0.0

    def _time_penalty(self, gap: int) -> float:
        """No penalty within ``window_days``, then growing to ``far_penalty`` over ``far_days``."""
        p = self.params
        if gap <= p.window_days:
            return 0.0
        return p.far_penalty * min(1.0, (gap - p.window_days) / p.far_days)

    def _consolidate(self, touched: set[int]) -> None:
        """Merge the ``touched`` stories into close ones (centroid cosine over ``merge_threshold``), and on."""
        p = self.params
        queue = sorted(touched)
        while queue:
            sidx = queue.pop()
            story = self._story(sidx)
            if not story.size or not story.norm:
                continue
            hits = self._hits(_top(story.centroid, p.posted_terms))
            hits.pop(sidx, None)
            best, best_score = -1, p.merge_threshold
            top = [other for other, _ in hits.most_common(p.max_candidates)]
            self._load_states(top)
            for other in top:
                o = self.states[other]
                if not o.size or not o.norm:
                    continue
                if (story.first_day is None) != (o.first_day is None):
                    continue  # a dated and an undated story: only units joining one by one may bridge them
                gap = min(o.day_gap(story.first_day), o.day_gap(story.last_day))
                score = dot(story.centroid, o.centroid) / (story.norm * o.norm) - self._time_penalty(gap)
                score -= self._size_penalty(story.size + o.size)
                if score >= best_score:
                    best, best_score = other, score
            if best >= 0:
                keep, drop = (best, sidx) if self.states[best].size >= story.size else (sidx, best)
                self._merge(keep, drop)
                queue.append(keep)

    def _merge(self, keep: int, drop: int) -> None:
        a, b = self.states[keep], self.states[drop]
        for t, w in b.centroid.items():
            a.centroid[t] = a.centroid.get(t, 0.0) + w
        self._trim(a)
        for m in b.members:
            a.members.append(m)
            self.unit_story[m.unit] = keep
        for day in (b.first_day, b.last_day):  # the dropped story's dates span all its members', loaded or not
            if day is not None:
                a.first_day = day if a.first_day is None else min(a.first_day, day)
                a.last_day = day if a.last_day is None else max(a.last_day, day)
        a.size += b.size
        b.members, b.centroid, b.norm, b.size = [], {}, 0.0, 0
        self.merged[drop] = keep
        self.changes.merges.append((drop, keep))
        self.changes.stories.update((keep, drop))
        self._post(keep)

    def _trim(self, story: StoryState) -> None:
        size = self.params.centroid_size
        if len(story.centroid) > size:
            story.centroid = dict(heaviest(story.centroid)[:size])
        story.norm = math.sqrt(sum(w * w for w in story.centroid.values()))

    def _post(self, sidx: int) -> None:
        story = self.states[sidx]
        for term in _top(story.centroid, self.params.posted_terms):
            if term not in story.posted:
                story.posted.add(term)
                self._postings(term).append(sidx)
                self.changes.postings.append((term, sidx))

    def _weigh(self, counts: Mapping[str, float], weights: Weights | None = None) -> Vector:
        """A unit's tf-idf vector (:func:`~marsad.corpus.terms.normalised`) as the index stands: each term's count,
        sublinear, times its smoothed idf, ``log((n + 1) / (df + 1)) + 1``, over the background corpus plus the index;
        entity ids (absent from the background) over the index alone.  Written out in one loop: the hottest loop of
        the writing process.  ``weights``: what of it depends on the unit alone (:func:`unit_weights`, made by a
        worker; used when the index weighs over the shipped background): the same expression on the same numbers."""
        own, background, log = self.df.get, self.background.df.get, math.log
        units, everything = self.n_units + 1, self.n_units + self.background.n + 1
        raw: dict[str, float] = {}
        if weights is not None and self.params.background:
            for term, tf, seen in zip(counts, weights.tf, weights.seen, strict=True):
                if seen:
                    raw[term] = tf * (log(everything / (own(term, 0) + seen)) + 1.0)
                else:
                    raw[term] = tf * (log(units / (own(term, 0) + 1)) + 1.0)
            return normalised(raw)
        for term, count in counts.items():
            if count >= 1:
                if term.startswith("@"):
                    raw[term] = (1.0 + log(count)) * (log(units / (own(term, 0) + 1)) + 1.0)
                else:
                    raw[term] = (1.0 + log(count)) * (log(everything / (own(term, 0) + background(term, 0) + 1)) + 1.0)
        return normalised(raw)

    def _join(self, sidx: int, unit: UnitTerms, vec: Vector) -> None:
        p = self.params
        story = self.states[sidx]
        for t, w in vec.items():
            story.centroid[t] = story.centroid.get(t, 0.0) + w
        self._trim(story)
        trimmed = dict(islice(vec.items(), p.member_terms))  # a vector is heaviest first
        member = Member(unit.id, unit.document, unit.outlet, unit.day, unit.title, trimmed, unit.titled)
        story.members.append(member)
        story.size += 1
        if unit.day is not None:
            story.first_day = unit.day if story.first_day is None else min(story.first_day, unit.day)
            story.last_day = unit.day if story.last_day is None else max(story.last_day, unit.day)
        self.unit_story[unit.id] = sidx
        self.changes.members.append((sidx, member))
        self.changes.stories.add(sidx)
        self._post(sidx)

    def redirects(self, drops: Iterable[int] | None = None) -> dict[str, str]:
        """The id of every story merged into another (of ``drops``, the numbers of some of them, when given), mapped
        to the id of the story it lives on in."""
        merged = sorted(self.merged if drops is None else set(drops))
        return {self._story(drop).id: self._story(self._alive(drop)).id for drop in merged}

    def story_ids(self, sidxs: Iterable[int]) -> dict[int, str]:
        """The id of each of these stories (loaded from the source when not held)."""
        wanted = list(dict.fromkeys(sidxs))
        self._load_states(wanted)
        return {sidx: self.states[sidx].id for sidx in wanted}

    def keep(self, saved: IndexChanges) -> None:
        """The source has stored ``saved``, what this store-backed index changed: keep the index for the next batch.

        What the source holds need not be held here: the members of the changed stories are dropped (a story loaded
        from the source has none), and the postings the changes grew are cut to the ``posting_scan`` most recent (all
        that is ever scanned)."""
        scan = self.params.posting_scan
        for sidx in saved.stories:
            self.states[sidx].members = []
        for term in {term for term, _sidx in saved.postings}:
            posted = self.postings.get(term)
            if posted is not None and len(posted) > scan:
                del posted[:-scan]

    def shrink(self, max_states: int, max_terms: int) -> None:
        """Bound what a kept index holds: at most ``max_states`` stories (the most recently scored or changed; the
        others are loaded again from the source when needed), and the postings and document frequencies of at most
        ``max_terms`` terms (all forgotten when there are more)."""
        if len(self.states) > max_states:
            ranked = sorted(self.states, key=lambda sidx: (self._used.get(sidx, -1), sidx))
            for sidx in ranked[: len(ranked) - max_states]:
                del self.states[sidx]
                self._used.pop(sidx, None)
        if len(self.postings) > max_terms:
            self.postings = {}
        if len(self.df) > max_terms:
            self.df = Counter()

    def story_of(self, unit_id: str) -> StoryState | None:
        """The story a unit was placed in, if any (the story it lives on in, when that one was merged)."""
        sidx = self.unit_story.get(unit_id)
        return None if sidx is None else self._story(self._alive(sidx))

    def to_json(self) -> str:
        """Serialise the index (parameters, document frequencies, stories)."""
        stories = [
            {
                "id": s.id,
                "centroid": s.centroid,
                "members": [asdict(m) for m in s.members],
                "first_day": s.first_day,
                "last_day": s.last_day,
                "posted": sorted(s.posted),
            }
            for s in self.stories
        ]
        payload = {
            "version": FORMAT_VERSION,
            "params": asdict(self.params),
            "n_units": self.n_units,
            "df": dict(self.df),
            "stories": stories,
            "merged": {str(k): v for k, v in sorted(self.merged.items())},
        }
        return json.dumps(payload, ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> StoryIndex:
        """Rebuild an index saved by :meth:`to_json`."""
        raw = json.loads(data)
        if raw.get("version") != FORMAT_VERSION:
            raise ValueError(f"unsupported story index version: {raw.get('version')!r}")
        index = cls(StoryParams(**raw["params"]), n_units=int(raw["n_units"]), count=len(raw["stories"]))
        index.df = Counter(raw["df"])
        index.merged = {int(k): int(v) for k, v in raw.get("merged", {}).items()}
        for sidx, s in enumerate(raw["stories"]):
            state = StoryState(
                id=s["id"],
                centroid={str(k): float(v) for k, v in s["centroid"].items()},
                members=[Member(**m) for m in s["members"]],
                first_day=s["first_day"],
                last_day=s["last_day"],
                posted=set(s["posted"]),
            )
            state.size = len(state.members)
            state.norm = math.sqrt(sum(w * w for w in state.centroid.values()))
            index.states[sidx] = state
            for term in sorted(state.posted):
                index.postings.setdefault(term, []).append(sidx)
            for m in state.members:
                index.unit_story[m.unit] = sidx
        return index

    def save(self, path: Path) -> None:
        """Write the index as JSON to ``path``."""
        path.write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> StoryIndex:
        """Read an index written by :meth:`save`."""
        return cls.from_json(path.read_text(encoding="utf-8"))


def unit_weights(counts: Mapping[str, float]) -> Weights | None:
    """What :meth:`StoryIndex._weigh` takes of a unit's term ``counts`` alone, over the shipped background (None when a
    count is under one: such a term is left out of the weighing, which the unit's counts then decide)."""
    if min(counts.values(), default=1) < 1:
        return None
    background, log = shipped_background().df.get, math.log
    return Weights([1.0 + log(count) for count in counts.values()],
                   [0 if term.startswith("@") else background(term, 0) + 1 for term in counts])


def _top(weights: dict[str, float], n: int) -> list[str]:
    """The ``n`` heaviest terms of ``weights``, equal weights in the dict's order (a stable sort on the weight in C)."""
    return sorted(weights, key=weights.__getitem__, reverse=True)[:n]

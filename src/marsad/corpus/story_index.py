"""An incremental story index: new units join existing stories without re-clustering.

Each story keeps a centroid (the sum of its members' tf-idf vectors, cut to its
heaviest terms) and posts its top terms in an inverted index.  A new unit looks up
candidate stories through its own top terms (only the most recent postings of each
term are scanned, so the cost per unit stays bounded) and through copied passages it
shares with already placed units; it joins the best candidate whose cosine score,
plus a bonus for a copied passage and minus a penalty when the dates are far apart,
reaches the threshold, else it opens a new story.  The index (document frequencies,
centroids, members) saves to and loads from JSON, so that a later batch continues it.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from marsad.corpus.terms import UnitTerms, Vector, dot, weigh

FORMAT_VERSION = 1


@dataclass(frozen=True)
class StoryParams:
    """Clustering knobs (tuned on the tuning half of the SaudiNewsNet gold)."""

    threshold: float = 0.3
    copy_bonus: float = 0.25
    window_days: int = 3
    far_penalty: float = 0.5
    query_terms: int = 10
    posted_terms: int = 15
    posting_scan: int = 200
    centroid_size: int = 200
    member_terms: int = 30


@dataclass
class Member:
    """A unit placed in a story, with its (trimmed) vector for choosing the central title."""

    unit: str
    document: str
    outlet: str | None
    day: int | None
    title: str
    vector: Vector


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

    def day_gap(self, day: int | None) -> int:
        """Days between ``day`` and the story's date range (0 inside it or when undated)."""
        if day is None or self.first_day is None or self.last_day is None:
            return 0
        if day < self.first_day:
            return self.first_day - day
        return max(0, day - self.last_day)

    def central(self) -> Member:
        """The member closest to the centroid (first placed on ties)."""
        return max(self.members, key=lambda m: dot(m.vector, self.centroid))


class StoryIndex:
    """Stories built incrementally over batches of units."""

    def __init__(self, params: StoryParams | None = None) -> None:
        self.params = params or StoryParams()
        self.df: Counter[str] = Counter()
        self.n_units = 0
        self.stories: list[StoryState] = []
        self.postings: dict[str, list[int]] = {}
        self.unit_story: dict[str, int] = {}

    def add(self, units: list[UnitTerms], links: dict[str, set[str]] | None = None) -> list[str]:
        """Place a batch of units (in date order) and return each unit's story id, in input order.

        ``links`` maps a unit id to the ids of units it shares a copied passage with.
        """
        links = links or {}
        fresh = [u for u in units if u.id not in self.unit_story]
        for u in fresh:
            self.df.update(u.counts.keys())
        self.n_units += len(fresh)
        for u in sorted(fresh, key=lambda u: (u.day if u.day is not None else -1, u.id)):
            self._place(u, links.get(u.id, set()))
        return [self.stories[self.unit_story[u.id]].id for u in units]

    def _place(self, unit: UnitTerms, linked: set[str]) -> None:
        p = self.params
        vec = weigh(unit.counts, self.df, self.n_units)
        query = sorted(vec, key=lambda t: -vec[t])[: p.query_terms]
        candidates: set[int] = set()
        for term in query:
            candidates.update(self.postings.get(term, ())[-p.posting_scan :])
        copied = {self.unit_story[u] for u in linked if u in self.unit_story}
        candidates |= copied
        best, best_score = -1, p.threshold
        for sidx in sorted(candidates):
            story = self.stories[sidx]
            score = dot(vec, story.centroid) / story.norm if story.norm else 0.0
            if sidx in copied:
                score += p.copy_bonus
            if story.day_gap(unit.day) > p.window_days:
                score -= p.far_penalty
            if score >= best_score:
                best, best_score = sidx, score
        if best < 0:
            best = len(self.stories)
            self.stories.append(StoryState(f"story-{best + 1}"))
        self._join(best, unit, vec)

    def _join(self, sidx: int, unit: UnitTerms, vec: Vector) -> None:
        p = self.params
        story = self.stories[sidx]
        for t, w in vec.items():
            story.centroid[t] = story.centroid.get(t, 0.0) + w
        if len(story.centroid) > p.centroid_size:
            keep = sorted(story.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[: p.centroid_size]
            story.centroid = dict(keep)
        story.norm = math.sqrt(sum(w * w for w in story.centroid.values()))
        trimmed = dict(sorted(vec.items(), key=lambda kv: -kv[1])[: p.member_terms])
        story.members.append(Member(unit.id, unit.document, unit.outlet, unit.day, unit.title, trimmed))
        if unit.day is not None:
            story.first_day = unit.day if story.first_day is None else min(story.first_day, unit.day)
            story.last_day = unit.day if story.last_day is None else max(story.last_day, unit.day)
        self.unit_story[unit.id] = sidx
        top = sorted(story.centroid, key=lambda t: -story.centroid[t])[: p.posted_terms]
        for term in top:
            if term not in story.posted:
                story.posted.add(term)
                self.postings.setdefault(term, []).append(sidx)

    def story_of(self, unit_id: str) -> StoryState | None:
        """The story a unit was placed in, if any."""
        sidx = self.unit_story.get(unit_id)
        return None if sidx is None else self.stories[sidx]

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
        }
        return json.dumps(payload, ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> StoryIndex:
        """Rebuild an index saved by :meth:`to_json`."""
        raw = json.loads(data)
        if raw.get("version") != FORMAT_VERSION:
            raise ValueError(f"unsupported story index version: {raw.get('version')!r}")
        index = cls(StoryParams(**raw["params"]))
        index.df = Counter(raw["df"])
        index.n_units = int(raw["n_units"])
        for sidx, s in enumerate(raw["stories"]):
            state = StoryState(
                id=s["id"],
                centroid={str(k): float(v) for k, v in s["centroid"].items()},
                members=[Member(**m) for m in s["members"]],
                first_day=s["first_day"],
                last_day=s["last_day"],
                posted=set(s["posted"]),
            )
            state.norm = math.sqrt(sum(w * w for w in state.centroid.values()))
            index.stories.append(state)
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

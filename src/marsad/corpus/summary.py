"""A story's extractive summary: 3-6 source sentences chosen for coverage across outlets.

Each term weighs as many as the outlets (units when there is one outlet) using it, so
sentences about what several sources report score highest.  Sentences that report a
current event (one dated within days of publication) come first: they are picked before
any background sentence.  Sentences are picked greedily: the best-scoring one, preferring
an outlet not yet quoted, skipping any sentence too close to one already chosen (no
repeats, near-duplicates included).  Each is cited as a span of its document.
"""

from __future__ import annotations

import math
from collections import Counter

from marsad.corpus.sentences import StorySentence
from marsad.corpus.terms import jaccard
from marsad.model import Document, SpanRef

MIN_SENTENCES = 3
MAX_SENTENCES = 6
MIN_TERMS = 4
MAX_TERMS = 60
NEAR_DUPLICATE = 0.35
NEW_OUTLET_BONUS = 1.25


def _weights(sentences: list[StorySentence]) -> Counter[str]:
    by_outlet = len({s.outlet for s in sentences}) > 1
    users: dict[str, set[str]] = {}
    for s in sentences:
        who = (s.outlet or s.unit) if by_outlet else s.unit
        for t in s.terms:
            users.setdefault(t, set()).add(who)
    return Counter({t: len(u) for t, u in users.items()})


def current_sentences(docs: dict[str, Document], sentences: list[StorySentence]) -> frozenset[tuple[str, int]]:
    """The (document, start) keys of the sentences holding the trigger of a current event."""
    out: set[tuple[str, int]] = set()
    for s in sentences:
        doc = docs.get(s.ref.document)
        if doc is None:
            continue
        if any(e.current and e.trigger and s.ref.start <= e.trigger.start < s.ref.end for e in doc.events):
            out.add((s.ref.document, s.ref.start))
    return frozenset(out)


def summarize(
    sentences: list[StorySentence], size: int | None = None, current: frozenset[tuple[str, int]] = frozenset()
) -> list[SpanRef]:
    """Pick the summary sentences of a story (3-6, fewer only when the story has fewer), current ones first."""
    units = len({s.unit for s in sentences})
    want = size or max(MIN_SENTENCES, min(MAX_SENTENCES, units + 2))
    weights = _weights(sentences)
    pool = [s for s in sentences if MIN_TERMS <= len(s.terms) <= MAX_TERMS]
    base = {id(s): sum(weights[t] for t in s.terms) / math.sqrt(len(s.terms)) for s in pool}
    chosen: list[StorySentence] = []
    used: set[str | None] = set()
    while pool and len(chosen) < want:
        best = max(pool, key=lambda s: (
            (s.ref.document, s.ref.start) in current,
            base[id(s)] * (NEW_OUTLET_BONUS if s.outlet not in used else 1.0),
        ))
        pool = [s for s in pool if s is not best and jaccard(s.terms, best.terms) < NEAR_DUPLICATE]
        chosen.append(best)
        used.add(best.outlet)
    return [s.ref for s in chosen]

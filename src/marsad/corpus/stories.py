"""Stories across outlets: cluster article units, then give each story its timeline, claims, summary.

The corpus step :func:`cluster_stories` runs after copied-passage detection (it uses
``result.duplicates`` as links between units) and after entity resolution and date
inference when those stages are registered (entity ids and dates sharpen the terms and
the time windows; without them the clustering degrades to terms alone).
"""

from __future__ import annotations

from collections import Counter

from marsad.corpus.claims import find_claims
from marsad.corpus.duplicates import Spot, arrival_group_sizes
from marsad.corpus.result import CorpusResult
from marsad.corpus.sentences import unit_sentences
from marsad.corpus.story_index import StoryIndex, StoryParams, StoryState
from marsad.corpus.summary import current_sentences, summarize
from marsad.corpus.terms import unit_terms
from marsad.corpus.timeline import build_timeline
from marsad.corpus.titles import choose_title
from marsad.corpus.units import Unit, units_of
from marsad.model import Document, Duplicate, Story

MAX_LINK_DOCUMENTS = 10


def unit_links(
    docs: dict[str, Document], duplicates: list[Duplicate], pair_sizes: dict[tuple[Spot, Spot], int] | None = None
) -> dict[str, set[str]]:
    """Unit ids linked by a copied passage between outlets (boilerplate-sized groups left out).

    A copy links its units unless its group held more than :data:`MAX_LINK_DOCUMENTS`
    documents once its later document had come (a group that grows past it later keeps
    the links it gave, as when the stream came in batches).  ``pair_sizes``: those sizes
    (:func:`~marsad.corpus.duplicates.arrival_group_sizes`) when ``duplicates`` are only a
    batch's new copies; without them they are counted over ``duplicates``, whose documents
    came in the order of ``docs``.
    """
    if pair_sizes is None:
        order = {doc_id: n for n, doc_id in enumerate(docs)}
        spots = [sorted(((d.a.document, d.a.start), (d.b.document, d.b.start)), key=lambda s: (order.get(s[0], -1), s))
                 for d in duplicates]
        pair_sizes = arrival_group_sizes((a, b) for a, b in sorted(spots, key=lambda ab: order.get(ab[1][0], -1)))
    links: dict[str, set[str]] = {}
    for d in duplicates:
        a, b = (d.a.document, d.a.start), (d.b.document, d.b.start)
        if pair_sizes.get((a, b) if a <= b else (b, a), 0) > MAX_LINK_DOCUMENTS:
            continue
        da, db = docs.get(d.a.document), docs.get(d.b.document)
        if da is None or db is None or (da.outlet and da.outlet == db.outlet):
            continue
        ua, ub = da.article_at(d.a.start), db.article_at(d.b.start)
        if ua is None or ub is None:
            continue
        links.setdefault(ua.id, set()).add(ub.id)
        links.setdefault(ub.id, set()).add(ua.id)
    return links


def place_units(
    docs: list[Document], duplicates: list[Duplicate], index: StoryIndex | None = None
) -> tuple[StoryIndex, list[Unit]]:
    """Add every article unit of ``docs`` to ``index`` (a fresh one by default)."""
    index = index or StoryIndex(StoryParams())
    by_id = {d.id: d for d in docs}
    units: list[Unit] = []
    terms = []
    for doc in docs:
        for unit in units_of(doc):
            units.append(unit)
            terms.append(unit_terms(doc, unit))
    index.add(terms, unit_links(by_id, duplicates))
    return index, units


def describe(
    state: StoryState, units: list[Unit], docs: dict[str, Document], duplicates: list[Duplicate]
) -> Story:
    """The :class:`Story` record of one indexed story, with timeline, claims and summary."""
    documents = list(dict.fromkeys(m.document for m in state.members))
    outlets = sorted(Counter(m.outlet for m in state.members if m.outlet))
    sentences = [s for u in units for s in unit_sentences(docs[u.document], u)]
    return Story(
        id=state.id,
        title=choose_title(state),
        segments=[m.unit for m in state.members],
        documents=documents,
        outlets=outlets,
        timeline=build_timeline(docs, sentences),
        claims=find_claims(sentences, docs, duplicates),
        summary=summarize(sentences, current=current_sentences(docs, sentences)),
    )


def build_stories(
    docs: list[Document], duplicates: list[Duplicate], index: StoryIndex | None = None
) -> list[Story]:
    """Cluster the units of ``docs`` into stories (largest first) and describe each."""
    return _describe_touched(docs, duplicates, index or StoryIndex(StoryParams()), everything=True)


def _describe_touched(docs: list[Document], duplicates: list[Duplicate], index: StoryIndex, everything: bool) -> list[Story]:
    """Place the units of ``docs`` and describe the stories new units joined (all stories of ``docs`` if ``everything``)."""
    placed = set(index.unit_story)
    index, units = place_units(docs, duplicates, index)
    by_id = {d.id: d for d in docs}
    members: dict[str, list[Unit]] = {}
    touched: set[str] = set()
    for unit in units:
        state = index.story_of(unit.id)
        if state is not None:
            members.setdefault(state.id, []).append(unit)
            if everything or unit.id not in placed:
                touched.add(state.id)
    states = [s for s in index.stories if s.id in touched]
    states.sort(key=lambda s: (-len(s.members), s.id))
    return [describe(s, members[s.id], by_id, duplicates) for s in states]


def cluster_stories(docs: list[Document], result: CorpusResult) -> None:
    """Corpus step: fill ``result.stories`` from the article units of ``docs``, continuing ``result.story_index``.

    With a continued index, only the stories that new units joined are described (the
    others are unchanged); ``result.merged_stories`` names the stories merged away.
    """
    index = result.story_index or StoryIndex(StoryParams())
    result.stories.extend(_describe_touched(docs, result.duplicates, index, everything=result.story_index is None))
    result.story_index = index
    result.merged_stories = index.redirects()

"""The corpus steps batch by batch against the store: each batch relates only its new documents.

Every committed document is queued (``corpus_queue``); :func:`relate_queued` takes the
queue in batches, each in one write transaction, so that a killed run loses at most the
batch in flight and the next run takes up what is left.  A batch:

1. loads its new documents as the per-document pipeline made them (and, for documents
   that only gained a source, as the corpus steps left them);
2. runs the corpus steps of :func:`marsad.pipeline.corpus_steps` over them, with what
   they need of the store: the stored publication days as date anchors, the stored
   passages sharing an LSH band with the batch's (:class:`~marsad.store.indexes.PassageTables`),
   the registry entries of the spelling keys of the batch's entities;
3. places its article units in the stored story index (:class:`~marsad.store.indexes.StoryTables`,
   which loads only the terms, postings and stories the batch scores);
4. writes the documents back, folds the batch's entities into the stored ones (a stored entity the batch found
   to be one with another leaves a redirect, and the stored documents naming it are rewritten to the id it lives
   on as), files its units' stories (merged stories leave redirects) and marks the stories it touched as due.

:func:`describe_due` then describes again (title, timeline, claims, summary) only the
stories marked due, from their members' stored documents and copies, a few hundred
stories per transaction (in the run's workers when it has them); a run does it when its
queue is done (and on the way when many stories are due), so that a story that every
batch of a run touches is described once, not once a batch.

The cost of a batch grows with the batch and with the stories it touches, not with the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable

from marsad.corpus.prepare import Prepared
from marsad.corpus.registry import apply_ids, entity_keys
from marsad.corpus.result import CorpusResult
from marsad.corpus.sources import apply_sources
from marsad.corpus.stories import describe, unit_links
from marsad.corpus.story_index import StoryParams, StoryState
from marsad.corpus.terms import UnitTerms, unit_terms
from marsad.corpus.units import Unit, units_of
from marsad.heap import release_memory
from marsad.model import Document, Duplicate, SpanRef, Story
from marsad.pipeline import Pool
from marsad.store.indexes import PassageTables, StoryTables
from marsad.store.store import DocumentRecord, Store, _chunks, _marks, document_of

DESCRIBE_CHUNK = 200
# at most this many article units (about as many documents) described in one transaction, however big the stories
DESCRIBE_MEMBERS = 2000
STORIES = "stories"
ENTITY_IDS = "entity_ids"


def relate_queued(
    store: Store, run: int, params: StoryParams, batch_size: int, fresh: dict[str, Document] | None = None,
    prepared: dict[str, Prepared] | None = None,
) -> list[str]:
    """Run the corpus steps over every queued document, ``batch_size`` at a time; return the stories touched.

    ``fresh``: the documents of the batch just written as the pipeline made them (they are used, and changed,
    instead of being read back from the store); ``prepared``: what their workers computed for the corpus steps."""
    touched: list[str] = []
    while True:
        done = relate_batch(store, run, params, batch_size, fresh, prepared)
        if done is None:
            return list(dict.fromkeys(touched))
        touched.extend(done)


def relate_batch(
    store: Store, run: int, params: StoryParams, batch_size: int, fresh: dict[str, Document] | None = None,
    prepared: dict[str, Prepared] | None = None,
) -> list[str] | None:
    """Relate the next ``batch_size`` queued documents in one transaction; None when nothing is queued."""
    from marsad.pipeline import corpus_steps

    with store.write():
        queued = store.queued(batch_size)
        if not queued:
            return None
        docs = store.load_batch([d for d, kind in queued if kind == "new"], fresh=fresh)
        again = store.load_batch([d for d, kind in queued if kind != "new"], analysis=False)
        passages = PassageTables(store)
        stored_keys: dict[str, str] = {}
        result = CorpusResult(next_entity=store.next_entity_number(), anchor_days=store.anchor_days(), passages=passages,
                              prepared=prepared or {})
        for step in corpus_steps():
            if step.name == STORIES:
                continue  # placed below, in the stored index
            if step.name == ENTITY_IDS:
                result.entity_keys = {e.id: entity_keys(e) for e in result.entities}
                result.entity_registry = store.entity_keys(k for keys in result.entity_keys.values() for k in keys)
                stored_keys = dict(result.entity_registry)
            step.run(docs, result)
        dated = {d.id: d.published for d in again}
        apply_sources(again, CorpusResult())  # a new source may give an earlier publication
        tables = StoryTables(store)
        index = tables.open(params)
        by_id = {d.id: d for d in docs}
        renamed = _renamed(store, result.merged_entities, set(by_id) | {d.id for d in again})
        apply_ids(again, [], result.merged_entities)
        copied = {d.id: d for d in store.outlines(_copy_documents(result.duplicates) - set(by_id))}
        links = unit_links(by_id | copied, result.duplicates, passages.pair_documents)
        index.add([_unit_terms(result, doc, unit) for doc in docs for unit in units_of(doc)], links)
        merges = [drop for drop, _keep in index.changes.merges]
        tables.save(index)
        store.update_documents([*docs, *again, *renamed], unfiled=[d for d, kind in queued if kind == "new"])
        passages.redate({d.id for d in again if d.published != dated[d.id]})
        store.merge_entities(result.entities, result.entity_registry, result.next_entity, result.merged_entities,
                             stored_keys)
        placed = tables.unit_stories(u.id for doc in [*docs, *again] for u in units_of(doc))
        ids = index.story_ids(placed.values())
        store.file_members({unit: ids[sidx] for unit, sidx in placed.items()})
        for old, new in index.redirects(merges).items():
            store.move_story(old, new)
        tables.mark_due(ids)
        store.unqueue(d for d, _kind in queued)
    return sorted(set(ids.values()))


def describe_due(store: Store, run: int, chunk: int = DESCRIBE_CHUNK, pool: Pool | None = None) -> int:
    """Describe the stories marked due, ``chunk`` stories (and at most :data:`DESCRIBE_MEMBERS` of their article units)
    per transaction (their records made by ``pool``'s workers when given); return how many were described."""
    tables = StoryTables(store)
    described = 0
    while True:
        with store.write():
            due = tables.due(chunk, DESCRIBE_MEMBERS)
            if not due:
                return described
            stories = _describe(store, tables, set(due), pool)
            store.save_stories(stories, {}, run)
            tables.undue(due)
            described += len(stories)
        release_memory()  # the members' documents loaded for the chunk


def _unit_terms(result: CorpusResult, doc: Document, unit: Unit) -> UnitTerms:
    """A unit's terms, with the counts and weights its document's worker found when it did (counted here when not)."""
    prepared = result.prepared.get(doc.id)
    if prepared is None or unit.id not in prepared.terms:
        return unit_terms(doc, unit)
    return unit_terms(doc, unit, prepared.terms[unit.id], prepared.weights[unit.id])


def _renamed(store: Store, merged: dict[str, str], batch: set[str]) -> list[Document]:
    """The stored documents outside the batch that name an entity the batch merged into another, with the merged
    ids rewritten to the ids they now live on as (so no layer names an entity the store no longer has)."""
    if not merged:
        return []
    renamed = _documents(store, set(store.documents_naming(merged)) - batch)
    apply_ids(renamed, [], merged)
    return renamed


def _copy_documents(duplicates: list[Duplicate]) -> set[str]:
    return {ref.document for d in duplicates for ref in (d.a, d.b)}


def _documents(store: Store, ids: Iterable[str]) -> list[Document]:
    return store.load_batch(sorted(set(ids)), analysis=False)


# A story to describe: its state (members set), its documents in arrival order and their copied passages.
Describing = tuple[StoryState, list[str], list[Duplicate]]


def describe_stories(jobs: list[Describing], records: dict[str, DocumentRecord]) -> list[Story]:
    """The records of stories, each from its state, documents (decoded here from their stored ``records``, so that a
    worker does it, not the writer) and copied passages (a worker's share)."""
    docs: dict[str, Document] = {}
    out: list[Story] = []
    for state, ids, copies in jobs:
        for doc_id in ids:
            if doc_id not in docs:
                docs[doc_id] = document_of(*records[doc_id])
        own = {m.unit for m in state.members}
        units: list[Unit] = [u for doc_id in ids for u in units_of(docs[doc_id]) if u.id in own]
        out.append(describe(state, units, {doc_id: docs[doc_id] for doc_id in ids}, copies))
    release_memory()
    return out


def _describe(store: Store, tables: StoryTables, sidxs: set[int], pool: Pool | None = None) -> list[Story]:
    """The records of these stories, from all their members' documents."""
    members = tables.members(sidxs)
    states = tables.states(members)
    wanted = {m.document for ms in members.values() for m in ms}
    records = store.document_records(wanted)
    order = _arrival(store, wanted)
    copies = _copies(store, sorted(wanted))
    jobs: list[Describing] = []
    for sidx, state in states.items():
        state.members = members.get(sidx, [])
        if not state.members:
            continue
        state_docs = {m.document for m in state.members}
        ids = sorted(state_docs, key=lambda d: (order.get(d, 0), d))
        mine = [d for d in copies if d.a.document in state_docs or d.b.document in state_docs]
        jobs.append((state, ids, mine))
    if pool is None or len(jobs) < 2:
        out = describe_stories(jobs, records)
    else:
        shares = [jobs[i :: pool.workers] for i in range(pool.workers)]
        needed = [{doc_id: records[doc_id] for _state, ids, _copies in share for doc_id in ids} for share in shares]
        out = [story for done in pool.map(describe_stories, shares, needed) for story in done]
    out.sort(key=lambda s: (-len(s.segments), s.id))
    return out


def _arrival(store: Store, documents: set[str]) -> dict[str, int]:
    """Each document's arrival number (the order the unbatched corpus steps read documents in)."""
    out: dict[str, int] = {}
    for chunk in _chunks(sorted(documents)):
        out.update((str(d), int(n or 0)) for d, n in store._rows(
            f"SELECT id, seq FROM documents WHERE id IN ({_marks(chunk)})", chunk))
    return out


def _copies(store: Store, documents: list[str]) -> list[Duplicate]:
    """The stored copied passages of ``documents`` (either side)."""
    out: dict[int, Duplicate] = {}
    for chunk in _chunks(documents):
        for row in store._rows(
            "SELECT seq, a_document, a_start, a_end, a_text, b_document, b_start, b_end, b_text, similarity, "
            f"copy_group, earliest FROM passages WHERE a_document IN ({_marks(chunk)}) "
            f"OR b_document IN ({_marks(chunk)})", [*chunk, *chunk],
        ):
            seq, ad, as_, ae, at, bd, bs, be, bt, sim, group, earliest = row
            out[int(seq)] = Duplicate(SpanRef(ad, as_, ae, at), SpanRef(bd, bs, be, bt), float(sim), group, earliest)
    return [out[k] for k in sorted(out)]

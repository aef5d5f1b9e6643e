"""The library entry point: analyse inputs into the store, batch by batch, then relate them across documents.

:func:`run` is what ``marsad analyze`` does.  Inputs are read lazily and analysed in
batches of ``options.batch_size`` documents (in ``options.workers`` processes); each
batch is committed to the store as soon as it is done (documents with every layer, every
source, the chrome lines learnt per site, the input errors; the rows of the layer tables are
filed by the batch's corpus steps, with the entity ids they give), so that a kill loses at most
the batch in flight and a re-run skips what is stored.  A text already stored, or seen
earlier in the run, is not analysed again: its input is kept as one more source of the
document.  A fault in any component stays with its document (one error naming the
input and the component).  After each batch is committed, the corpus steps relate its
documents to the stored ones (:mod:`marsad.store.relate`: the story index, the copied-passage
index and the entity registry live in the store, and a batch loads only what it needs of
them), in a transaction of their own, so that two runs writing one store at once continue
each other's work instead of overwriting it, and a killed run leaves at most one batch's
corpus steps due (the next run does them first).

What does not need the store runs in the workers: with each document they compute its
stored form (:func:`~marsad.store.store.stored_form`) and its part of the corpus steps
(:mod:`marsad.corpus.prepare`), and they describe the touched stories.  The corpus steps of
a batch run while the workers analyse the next one, and the memory a run holds is bounded
by the batch (the report is written from the store record by record).

:func:`analyze` is the same run into a given store (a temporary one by default),
returning the run's report as records.
"""

from __future__ import annotations

import gc
import signal
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from marsad.corpus.known import use_registry
from marsad.corpus.prepare import Prepared, prepare
from marsad.corpus.result import CorpusResult
from marsad.heap import fewer_collections, release_memory, set_aside_survivors
from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.model import Document, DocumentSource, Duplicate, Entity, InputError, Story
from marsad.options import Options
from marsad.page.build import build_document, content_id
from marsad.page.chrome import chrome_of, line_keys, site_key
from marsad.pipeline import Job, Pool, analyze_batch
from marsad.store.codec import from_json
from marsad.store.export import Selection, build_report
from marsad.store.indexes import StoryTables
from marsad.store.relate import describe_due, relate_queued
from marsad.store.store import Store, StoredForm, source_of, stored_form

Progress = Callable[[int], None]
_T = TypeVar("_T")
ErrorSink = Callable[[InputError], None]


@dataclass
class RunSummary:
    """What a run did: inputs read (documents and rejected inputs), distinct documents (new and already stored),
    repeated texts kept as extra sources, errors, and the stories the run touched.

    ``timings``: wall seconds per phase of the run (:data:`PHASES`): ``read`` (reading and
    parsing inputs), ``prepare`` (looking up stored texts and sources, chrome lines, repeats),
    ``analyse`` (the per-document stage, in this process or waiting on the workers), ``write``
    (committing batches) and ``corpus`` (the corpus steps after each batch).  Everything but
    ``analyse`` runs in the one main process: it is the run's serial part.  ``cpu_timings``:
    the same phases in CPU seconds of the main process (what other processes' load on the
    machine does not inflate; with workers, ``analyse`` there is only the main process's share).
    """

    run: int
    inputs: int = 0
    documents: int = 0
    added: int = 0
    repeats: int = 0
    errors: int = 0
    stories_touched: list[str] = field(default_factory=list)
    interrupted: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    cpu_timings: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def timed(self, phase: str) -> Iterator[None]:
        """Add the wall and CPU time of the ``with`` block to ``timings[phase]`` and ``cpu_timings[phase]``."""
        began, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.timings[phase] = self.timings.get(phase, 0.0) + time.perf_counter() - began
            self.cpu_timings[phase] = self.cpu_timings.get(phase, 0.0) + time.process_time() - cpu


PHASES = ("read", "prepare", "analyse", "write", "corpus")


@dataclass
class Analysis:
    """What one run found: the run's documents, its corpus findings and rejected inputs (the run's report)."""

    documents: list[Document] = field(default_factory=list)
    corpus: CorpusResult = field(default_factory=CorpusResult)
    errors: list[InputError] = field(default_factory=list)
    summary: RunSummary | None = None

    def report(self) -> dict[str, Any]:
        """The ``marsad.report/1`` object."""
        from marsad.report.build import build_report as report_of

        return report_of(self.documents, self.corpus, self.errors)


def analyze(
    inputs: Iterable[str],
    options: Options,
    on_error: ErrorSink | None = None,
    progress: Progress | None = None,
    store: Store | None = None,
    read: Iterable[RawDocument | InputError] | None = None,
) -> Analysis:
    """Analyse ``inputs`` into ``store`` (a temporary store when None) and return the run's report as records.

    ``read`` gives the inputs' documents already read (such as a record posted to the
    server); ``inputs`` then only names them in the run's record.
    """
    if store is not None:
        return _analysis(store, run(inputs, options, store, on_error, progress, read))
    with tempfile.TemporaryDirectory(prefix="marsad-") as tmp, Store(Path(tmp) / "marsad.db", options.lock_wait) as temp:
        return _analysis(temp, run(inputs, options, temp, on_error, progress, read))


def _analysis(store: Store, summary: RunSummary) -> Analysis:
    report = build_report(store, Selection(run=summary.run))
    corpus = CorpusResult(
        entities=[from_json(Entity, e) for e in report["entities"]],
        duplicates=[from_json(Duplicate, d) for d in report["duplicates"]],
        stories=[from_json(Story, s) for s in report["stories"]],
    )
    return Analysis(
        documents=[from_json(Document, d) for d in report["documents"]],
        corpus=corpus,
        errors=[InputError(e["input"], e["reason"]) for e in report["errors"]],
        summary=summary,
    )


def run(
    inputs: Iterable[str],
    options: Options,
    store: Store,
    on_error: ErrorSink | None = None,
    progress: Progress | None = None,
    read: Iterable[RawDocument | InputError] | None = None,
) -> RunSummary:
    """Analyse ``inputs`` into ``store`` in committed batches, then run the corpus steps over the store.

    ``read``: the inputs' documents already read (see :func:`analyze`).

    On Ctrl-C the documents analysed so far are committed, the run is recorded as
    interrupted, and :class:`KeyboardInterrupt` propagates (the CLI exits 130).
    """
    names = list(inputs)
    use_registry(options.registry_file)  # the corpus steps resolve entities with it (workers set it per batch)
    summary = RunSummary(
        store.start_run(names), timings=dict.fromkeys(PHASES, 0.0), cpu_timings=dict.fromkeys(PHASES, 0.0)
    )
    state = _Seen()
    # The documents of a batch live while it is related: collected young, they would trigger full collections.
    with fewer_collections() as collections:
        pool = _pool(options, collections)
        try:
            items = read_inputs(names, options) if read is None else iter(read)
            fresh = _Fresh()
            while True:
                with summary.timed("read"):
                    batch = list(islice(items, options.batch_size))
                if not batch:
                    break
                # The corpus steps of the batch before run while the workers analyse this one.
                fresh = _batch(batch, options, store, summary, state, pool, on_error, progress,
                               partial(_corpus, store, summary, options, fresh, pool))
            _corpus(store, summary, options, fresh, pool)
            summary.documents = len(state.documents)
            _corpus(store, summary, options, _Fresh(), pool, final=True)
            if pool is not None:
                pool.shutdown(wait=True)
                pool = None
        except KeyboardInterrupt:  # the corpus steps of the batch in flight roll back and stay due: the next run does them
            summary.interrupted = True
            store.finish_run(summary.run, "interrupted", len(state.documents), summary.added)
            raise
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
    store.finish_run(summary.run, "done", summary.documents, summary.added)
    return summary


def _start_worker(collections: tuple[int, ...]) -> None:
    """A worker ignores Ctrl-C and collects garbage as the process did before the run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*collections)


class _Processes:
    """Worker processes on this machine that ignore Ctrl-C (the main process commits and exits)."""

    def __init__(self, workers: int, collections: tuple[int, ...]) -> None:
        self._executor = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(collections,))
        self.workers = workers

    def map(self, function: Callable[..., _T], *iterables: Iterable[Any]) -> Iterator[_T]:
        """``function`` over the zipped iterables in the processes, results in input order."""
        return self._executor.map(function, *iterables)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        """Stop the processes."""
        self._executor.shutdown(wait=wait, cancel_futures=cancel_futures)


def _pool(options: Options, collections: tuple[int, ...]) -> Pool | None:
    if options.cluster:
        from marsad.cluster import Cluster

        return Cluster(options.cluster)
    if options.workers <= 1:
        return None
    return _Processes(options.workers, collections)


@dataclass
class _Seen:
    """The documents and (document, input) pairs a run has met so far."""

    documents: set[str] = field(default_factory=set)
    sources: set[tuple[str, str]] = field(default_factory=set)


@dataclass
class _Fresh:
    """A committed batch's new documents as the pipeline made them, and what their workers prepared for the corpus
    steps (both by id)."""

    documents: dict[str, Document] = field(default_factory=dict)
    prepared: dict[str, Prepared] = field(default_factory=dict)


@dataclass
class _Pending:
    """A batch on its way to the store."""

    docs: list[Document] = field(default_factory=list)
    sources: list[tuple[str, DocumentSource]] = field(default_factory=list)
    extra_sources: list[tuple[str, DocumentSource]] = field(default_factory=list)
    seen: list[tuple[str, str]] = field(default_factory=list)
    lines: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    stored: set[str] = field(default_factory=set)
    forms: dict[str, StoredForm] = field(default_factory=dict)
    prepared: dict[str, Prepared] = field(default_factory=dict)


def _batch(
    items: list[RawDocument | InputError],
    options: Options,
    store: Store,
    summary: RunSummary,
    state: _Seen,
    pool: Pool | None,
    on_error: ErrorSink | None,
    progress: Progress | None,
    meanwhile: Callable[[], None],
) -> _Fresh:
    """Analyse the new documents of one batch and commit it (also when interrupted half-way); return its new
    documents as the pipeline made them, with what their workers prepared for the corpus steps.

    ``meanwhile`` runs once the batch is with the workers, before its results are collected (the corpus steps of
    the batch before: they read nothing the preparation of this batch writes, nor the reverse).
    """
    with summary.timed("prepare"):
        pending, new, keys, jobs = _prepare(items, options, store, summary, state, on_error, progress)
    failed: dict[str, str] = {}
    try:
        results = _analyse(jobs, options, pool)
        meanwhile()
        with summary.timed("analyse"):
            for (doc_id, raw), result in zip(new, results, strict=True):
                if isinstance(result, InputError):
                    state.documents.discard(doc_id)
                    failed[doc_id] = result.input
                    _error(pending, summary, result, on_error)
                else:
                    doc, form, prepared = result
                    pending.docs.append(doc)
                    pending.forms[doc_id] = form
                    pending.prepared[doc_id] = prepared
                    pending.sources.append((doc_id, doc.sources[0]))
                    site = site_key(raw)
                    if site is not None:
                        pending.lines.setdefault(site, Counter()).update(keys.get(doc_id, ()))
                if progress is not None:
                    progress(1)
    finally:
        with summary.timed("write"):
            # A repeat of a text that failed in this batch has no document to join: it fails with it.
            kept = pending.stored | {d.id for d in pending.docs}
            extra = [(doc_id, source) for doc_id, source in pending.extra_sources if doc_id in kept]
            for doc_id, source in pending.extra_sources:
                if doc_id not in kept and doc_id in failed:
                    _error(pending, summary, InputError(source.input, f"same text as {failed[doc_id]}, which failed"),
                           on_error)
            summary.added += store.write_batch(
                summary.run, pending.docs, pending.sources + extra, pending.lines, pending.errors, pending.seen,
                pending.forms, layers=False,
            )
    return _Fresh({doc.id: doc for doc in pending.docs}, pending.prepared)


def _prepare(
    items: list[RawDocument | InputError],
    options: Options,
    store: Store,
    summary: RunSummary,
    state: _Seen,
    on_error: ErrorSink | None,
    progress: Progress | None,
) -> tuple[_Pending, list[tuple[str, RawDocument]], dict[str, set[str]], list[Job]]:
    """Sort a batch into new documents (their jobs) and repeats of stored or earlier texts (extra sources)."""
    pending = _Pending()
    raws = [r for r in items if isinstance(r, RawDocument)]
    for item in items:
        if isinstance(item, InputError):
            _error(pending, summary, item, on_error)
    summary.inputs += len(items)
    ids = [content_id(r.text) for r in raws]
    stored = pending.stored = store.stored(ids)
    known = store.stored_sources(i for i in ids if i in stored) | state.sources
    new: list[tuple[str, RawDocument]] = []
    for doc_id, raw in zip(ids, raws, strict=True):
        if doc_id in state.documents or doc_id in stored:
            if (doc_id, raw.source) not in known:
                summary.repeats += 1
                _extra_source(pending, doc_id, raw, options)
            elif doc_id in stored:
                pending.seen.append((doc_id, raw.source))
        else:
            new.append((doc_id, raw))
        state.documents.add(doc_id)
        state.sources.add((doc_id, raw.source))
    if progress is not None:
        progress(len(raws) - len(new))
    keys = {doc_id: line_keys(raw) for doc_id, raw in new if site_key(raw)}
    chrome = _chrome(store, new, keys)
    jobs = [Job(raw, chrome.get(site_key(raw) or "", frozenset())) for _, raw in new]
    return pending, new, keys, jobs


def _error(pending: _Pending, summary: RunSummary, error: InputError, on_error: ErrorSink | None) -> None:
    pending.errors.append(error)
    summary.errors += 1
    if on_error is not None:
        on_error(error)


def _extra_source(pending: _Pending, doc_id: str, raw: RawDocument, options: Options) -> None:
    """Record a repeated text's input as one more source (its publication and outlet from the page stage)."""
    try:
        source = source_of(build_document(raw, options))
    except Exception:
        published = raw.published
        source = DocumentSource(raw.source, raw.format, raw.url, raw.outlet or raw.sitename,
                                published.value if published else None, published.basis if published else None)
    pending.extra_sources.append((doc_id, source))


def _chrome(store: Store, new: list[tuple[str, RawDocument]], keys: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Chrome lines per site for this batch: short lines on two pages or more, counting the stored pages."""
    batch: dict[str, Counter[str]] = {}
    for doc_id, raw in new:
        site = site_key(raw)
        if site is not None:
            batch.setdefault(site, Counter()).update(keys.get(doc_id, ()))
    stored = {site: store.site_line_pages(site, counter) for site, counter in batch.items()}
    return chrome_of(batch, stored)


Analysed = tuple[Document, StoredForm, Prepared] | InputError


def _analyse(jobs: list[Job], options: Options, pool: Pool | None) -> Iterator[Analysed]:
    """The batch's results in order: handed to the workers now (they start at once), or, without workers,
    analysed here as they are read."""
    if pool is None or len(jobs) < 2:
        return _with_forms(analyze_batch(jobs, options))
    size = -(-len(jobs) // pool.workers)
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    return (item for done in pool.map(_analyse_chunk, chunks, [options] * len(chunks)) for item in done)


def _analyse_chunk(jobs: list[Job], options: Options) -> list[Analysed]:
    # the worker's lasting state is set aside from collections: at CPython's thresholds, full collections walking the
    # models, lexicons and caches again and again took about an eighth of a worker's CPU
    set_aside_survivors()
    done = list(_with_forms(analyze_batch(jobs, options)))
    release_memory()  # what analysing the chunk took and freed goes back to the system, not kept for the run
    return done


def _with_forms(results: Iterable[Document | InputError]) -> Iterator[Analysed]:
    """Each analysed document with its own source, its stored form and its part of the corpus steps (computed in
    the worker, not by the writer)."""
    for result in results:
        if isinstance(result, InputError):
            yield result
        else:
            result.sources = [source_of(result)]
            yield result, stored_form(result), prepare(result)


DUE_STORIES = 5000  # a long run describes its touched stories on the way when this many are due


def _corpus(
    store: Store, summary: RunSummary, options: Options, fresh: _Fresh, pool: Pool | None,
    final: bool = False,
) -> None:
    """Relate the documents whose corpus steps are due (the batch just committed, whose documents ``fresh`` are
    used as they are, or a killed run's last one); describe the touched stories (in the workers) at the end of the
    run, or earlier when many are due."""
    with summary.timed("corpus"):
        touched = relate_queued(store, summary.run, options.stories, options.batch_size, fresh.documents,
                                fresh.prepared)
        release_memory()
        if final or StoryTables(store).due_count() >= DUE_STORIES:
            describe_due(store, summary.run, pool=pool)
    summary.stories_touched = list(dict.fromkeys([*summary.stories_touched, *touched]))
    if final:  # stories merged during the run are counted once, under the id they live on as
        summary.stories_touched = list(dict.fromkeys(store.resolve_id("story", s) for s in summary.stories_touched))

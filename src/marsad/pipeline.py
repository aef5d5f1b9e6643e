"""The pipeline, assembled in one place: the page stage, named document components, then corpus steps.

As in spaCy, a :class:`Component` is a named function over one document that declares
the layers it ``requires`` and ``assigns``; a component may instead (or also) run over a
batch of documents at once (the NER tagger can batch sentences across documents).  The
CLI, the library (:mod:`marsad.api`), the evals and the benchmarks all build the pipeline
here, so that they run the same components.

Faults stay with their document: :func:`analyze_batch` turns an exception in any
component into one :class:`InputError` naming the input and the component, and the
batch goes on.  Corpus steps are functions over all documents that fill a
:class:`~marsad.corpus.result.CorpusResult`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from marsad.corpus.known import use_registry
from marsad.corpus.result import CorpusResult
from marsad.corpus.story_index import StoryIndex
from marsad.ingest.raw import RawDocument
from marsad.model import Document, InputError
from marsad.options import Options
from marsad.page.build import build_document

DocumentFunction = Callable[[Document], None]
BatchFunction = Callable[[list[Document]], None]
CorpusFunction = Callable[[list[Document], CorpusResult], None]
PAGE = "page"
T = TypeVar("T")


@dataclass(frozen=True)
class Component:
    """A named document component: what it needs, what it adds, and how it runs (per document or per batch)."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: DocumentFunction
    run_batch: BatchFunction | None = None


@dataclass(frozen=True)
class CorpusStep:
    """A named cross-document step and the document or corpus layers it reads and writes."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: CorpusFunction


def components() -> list[Component]:
    """The document components, in order (each one's ``requires`` are assigned before it)."""
    from marsad.extract.entities import annotate as entities
    from marsad.extract.entities import annotate_batch as entities_batch
    from marsad.extract.events import annotate as events
    from marsad.extract.quotes import annotate as quotes
    from marsad.extract.time import annotate as timexes

    return [
        Component("time", ("segments", "published"), ("timexes",), timexes),
        # The tagger batches sentences across the documents of a batch (same tags, larger products).
        Component("entities", ("segments",), ("mentions",), entities, entities_batch),
        # Quotes stay after entities: they link speakers to the entities found before them.
        Component("quotes", ("segments", "mentions"), ("quotes",), quotes),
        # Events read the timexes that date them and the mentions of their actors.
        Component("events", ("segments", "published", "timexes", "mentions"), ("events",), events),
    ]


def corpus_steps() -> list[CorpusStep]:
    """The cross-document steps, in order."""
    from marsad.corpus.dates import infer_dates
    from marsad.corpus.duplicates import detect_duplicates
    from marsad.corpus.entities import resolve as resolve_entities
    from marsad.corpus.registry import stabilise_ids
    from marsad.corpus.sources import apply_sources
    from marsad.corpus.stories import cluster_stories
    from marsad.extract.events import relink as relink_events

    # Sources and date inference first (dates feed copies' "earliest" and story windows); stories last.
    return [
        CorpusStep("sources", ("sources",), ("published", "outlet", "timexes"), apply_sources),
        CorpusStep("dates", ("published", "timexes"), ("published", "timexes"), infer_dates),
        CorpusStep("duplicates", ("segments", "published"), ("duplicates",), detect_duplicates),
        CorpusStep("entities", ("mentions", "quotes"), ("entities",), resolve_entities),
        CorpusStep("entity_ids", ("entities",), ("entities",), stabilise_ids),
        # Event actors take their mentions' stable ids; events of newly dated documents are read again.
        CorpusStep("event_actors", ("events", "mentions", "published"), ("events",), relink_events),
        CorpusStep("stories", ("segments", "entities", "duplicates"), ("stories",), cluster_stories),
    ]


def component(name: str) -> Component:
    """The document component called ``name`` (evals and benchmarks run it as the pipeline does)."""
    for step in components():
        if step.name == name:
            return step
    raise KeyError(f"no component {name!r}")


def corpus_step(name: str) -> CorpusStep:
    """The corpus step called ``name``."""
    for step in corpus_steps():
        if step.name == name:
            return step
    raise KeyError(f"no corpus step {name!r}")


def check_order(steps: Sequence[Component]) -> None:
    """Raise ``ValueError`` when a component requires a layer that neither the page stage nor an earlier one assigns."""
    available = {"text", "segments", "published", "outlet", "title", "agencies"}
    for step in steps:
        missing = [r for r in step.requires if r not in available]
        if missing:
            raise ValueError(f"component {step.name} requires {', '.join(missing)}, which nothing before it assigns")
        available.update(step.assigns)


class Pool(Protocol):
    """Where chunks of work (a batch's documents, stories to describe) run in parallel: local processes or a Dask
    cluster."""

    workers: int

    def map(self, function: Callable[..., T], *iterables: Iterable[Any]) -> Iterator[T]:
        """``function`` over the zipped iterables, every call submitted at once, results in input order."""

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        """Stop the workers."""


@dataclass(frozen=True)
class Job:
    """One raw document to analyse, with the chrome lines learnt across its site's pages."""

    raw: RawDocument
    chrome: frozenset[str] = frozenset()


def _failure(raw: RawDocument, component: str, exc: Exception) -> InputError:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return InputError(raw.source, f"{component} failed: {type(exc).__name__}: {reason}"[:300])


def analyze_batch(jobs: Sequence[Job], options: Options, disable: Sequence[str] = ()) -> Iterator[Document | InputError]:
    """Analyse a batch, yielding each job's document or error in order; a fault stays with its document.

    Per-document components run document by document (results come out as they are
    done); a component with ``run_batch`` runs over the batch's documents at once, and
    when it fails there, document by document to find the one at fault.
    """
    use_registry(options.registry_file)
    steps = [c for c in components() if c.name not in disable]
    check_order(steps)
    if not any(c.run_batch for c in steps):
        for job in jobs:
            yield _analyze_one(job, steps, options)
        return
    results: list[Document | InputError] = []
    for job in jobs:
        try:
            results.append(build_document(job.raw, options, job.chrome))
        except Exception as exc:
            results.append(_failure(job.raw, PAGE, exc))
    for step in steps:
        docs = [r for r in results if isinstance(r, Document)]
        if step.run_batch is not None:
            try:
                step.run_batch(docs)
                continue
            except Exception:  # find the document at fault, one at a time
                pass
        for i, (job, item) in enumerate(zip(jobs, results, strict=True)):
            if isinstance(item, Document):
                try:
                    step.run(item)
                except Exception as exc:
                    results[i] = _failure(job.raw, step.name, exc)
    yield from results


def _analyze_one(job: Job, steps: Sequence[Component], options: Options) -> Document | InputError:
    try:
        doc = build_document(job.raw, options, job.chrome)
    except Exception as exc:
        return _failure(job.raw, PAGE, exc)
    for step in steps:
        try:
            step.run(doc)
        except Exception as exc:
            return _failure(job.raw, step.name, exc)
    return doc


def analyze_raw(raw: RawDocument, options: Options, known_chrome: frozenset[str] = frozenset()) -> Document:
    """Run the page stage and every component on one raw document (an exception propagates)."""
    use_registry(options.registry_file)
    doc = build_document(raw, options, known_chrome)
    for step in components():
        step.run(doc)
    return doc


def annotate_documents(docs: list[Document]) -> None:
    """Run every document component on documents already built (batched where the pipeline batches).

    For evals whose gold documents are built from a dataset rather than by the page stage.
    """
    for step in components():
        if step.run_batch is not None:
            step.run_batch(docs)
        else:
            for doc in docs:
                step.run(doc)


def analyze_corpus(
    docs: list[Document], story_index: StoryIndex | None = None, result: CorpusResult | None = None
) -> CorpusResult:
    """Run the cross-document steps over analysed documents (continuing ``story_index`` if given)."""
    result = result or CorpusResult(story_index=story_index)
    for step in corpus_steps():
        step.run(docs, result)
    return result

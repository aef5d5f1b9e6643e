"""The library entry point: analyse inputs into documents, corpus findings and errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from marsad.corpus.story_index import StoryIndex
from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.model import Document, InputError
from marsad.options import Options
from marsad.page.chrome import repeated_lines, site_key
from marsad.pipeline import CorpusResult, analyze_corpus, analyze_raw
from marsad.report.build import build_report

Progress = Callable[[int], None]
CHUNK = 16


@dataclass
class Analysis:
    """What one run found: analysed documents, cross-document findings and rejected inputs."""

    documents: list[Document] = field(default_factory=list)
    corpus: CorpusResult = field(default_factory=CorpusResult)
    errors: list[InputError] = field(default_factory=list)

    def report(self) -> dict[str, Any]:
        """The ``marsad.report/1`` object."""
        return build_report(self.documents, self.corpus, self.errors)


@dataclass(frozen=True)
class _Job:
    raw: RawDocument
    options: Options
    chrome: frozenset[str]


def _process(job: _Job) -> Document:
    return analyze_raw(job.raw, job.options, job.chrome)


def analyze(
    inputs: Iterable[str],
    options: Options,
    on_error: Callable[[InputError], None] | None = None,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
    story_index: StoryIndex | None = None,
) -> Analysis:
    """Read, segment, extract and relate every input; bad inputs become errors and the rest go on.

    ``story_index`` (from an earlier run) is continued: new articles join its stories.
    """
    return analyze_items(read_inputs(inputs, options), options, on_error, progress, on_total, story_index)


def analyze_items(
    items: Iterable[RawDocument | InputError],
    options: Options,
    on_error: Callable[[InputError], None] | None = None,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
    story_index: StoryIndex | None = None,
) -> Analysis:
    """:func:`analyze` over documents already read (such as a record posted to the server)."""
    result = Analysis()
    raws: list[RawDocument] = []
    for item in items:
        if isinstance(item, InputError):
            result.errors.append(item)
            if on_error is not None:
                on_error(item)
        else:
            raws.append(item)
    chrome = repeated_lines(raws)
    jobs = [_Job(raw, options, chrome.get(site_key(raw) or "", frozenset())) for raw in raws]
    if on_total is not None:
        on_total(len(jobs))
    result.documents = _unique(_process_all(jobs, options, progress))
    result.corpus = analyze_corpus(result.documents, story_index)
    return result


def _unique(docs: Iterable[Document]) -> list[Document]:
    """Drop documents whose text repeats an earlier one's (same content id)."""
    seen: set[str] = set()
    out: list[Document] = []
    for doc in docs:
        if doc.id not in seen:
            seen.add(doc.id)
            out.append(doc)
    return out


def _process_all(jobs: list[_Job], options: Options, progress: Progress | None) -> Iterable[Document]:
    if options.workers <= 1 or len(jobs) < 2:
        for job in jobs:
            yield _process(job)
            if progress is not None:
                progress(1)
        return
    with ProcessPoolExecutor(max_workers=options.workers) as pool:
        for doc in pool.map(_process, jobs, chunksize=CHUNK):
            yield doc
            if progress is not None:
                progress(1)

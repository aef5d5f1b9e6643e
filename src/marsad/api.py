"""The library entry point: analyse inputs into documents, corpus findings and errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.model import Document, InputError
from marsad.options import Options
from marsad.page.build import build_document
from marsad.page.chrome import repeated_lines
from marsad.pipeline import CorpusResult, analyze_corpus, extractors
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


def extract(doc: Document) -> Document:
    """Run every per-document extractor on ``doc`` and return it."""
    for component in extractors():
        component(doc)
    return doc


def page_stage(raws: list[RawDocument], options: Options) -> list[Document]:
    """Build documents, then rebuild those whose outlet repeats chrome lines across pages."""
    docs = [build_document(raw, options) for raw in raws]
    chrome = repeated_lines(docs)
    for i, (raw, doc) in enumerate(zip(raws, docs, strict=True)):
        known = chrome.get(doc.outlet or "")
        if known:
            docs[i] = build_document(raw, options, known)
    return docs


def analyze(
    inputs: Iterable[str],
    options: Options,
    on_error: Callable[[InputError], None] | None = None,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
) -> Analysis:
    """Read, segment, extract and relate every input; bad inputs become errors and the rest go on."""
    result = Analysis()
    raws: list[RawDocument] = []
    for item in read_inputs(inputs, options):
        if isinstance(item, InputError):
            result.errors.append(item)
            if on_error is not None:
                on_error(item)
        else:
            raws.append(item)
    docs = _unique(page_stage(raws, options))
    if on_total is not None:
        on_total(len(docs))
    result.documents = list(_extract_all(docs, options, progress))
    result.corpus = analyze_corpus(result.documents)
    return result


def _unique(docs: list[Document]) -> list[Document]:
    seen: set[str] = set()
    out: list[Document] = []
    for doc in docs:
        if doc.id not in seen:
            seen.add(doc.id)
            out.append(doc)
    return out


def _extract_all(docs: list[Document], options: Options, progress: Progress | None) -> Iterable[Document]:
    if options.workers <= 1 or len(docs) < 2:
        for doc in docs:
            yield extract(doc)
            if progress is not None:
                progress(1)
        return
    with ProcessPoolExecutor(max_workers=options.workers) as pool:
        for doc in pool.map(extract, docs, chunksize=CHUNK):
            yield doc
            if progress is not None:
                progress(1)

"""CPU cost of each per-document step alone, one process, on SaudiNewsNet articles.

Usage: ``python benchmarks/bench_stages.py [N_ARTICLES]`` (default 2000; the first N articles).

Each article becomes a document with one main segment anchored to its ``date_extracted`` day
(no page stage).  As :func:`marsad.pipeline.analyze_batch` and a run's workers do, the documents
go in batches of ``Options.batch_size``: over each batch, the pipeline's components in order (the
entity component over the whole batch at once), then what a worker computes for the writer: the
stored form (:func:`marsad.store.store.stored_form`) and the per-document part of the corpus
steps (:func:`marsad.corpus.prepare.prepare`).  Each step's CPU time is summed over the batches.  The
baseline, measured in the same run over the same documents, is tokenisation
(marsad.text.tokens).  Times are CPU seconds of this process (``time.process_time``): the
machine's cores are shared, and wall time counts other processes' load.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from saudinewsnet import documents

from marsad.corpus.prepare import prepare
from marsad.model import Document
from marsad.options import Options
from marsad.pipeline import components
from marsad.store.store import source_of, stored_form
from marsad.text.tokens import tokenize


def _stored(doc: Document) -> None:
    doc.sources = [source_of(doc)]
    stored_form(doc)


def _cpu(step: Callable[[list[Document]], object], docs: list[Document]) -> float:
    """CPU seconds of ``step`` over ``docs``."""
    began = time.process_time()
    step(docs)
    return time.process_time() - began


def main() -> None:
    """Time the baseline and each step over the first N articles and print the rates."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    docs = documents(n)
    warm = documents(1)
    chars = sum(len(d.text) for d in docs)
    batch = Options().batch_size
    steps: list[tuple[str, Callable[[list[Document]], object]]] = [
        ("tokenise (baseline)", lambda ds: [tokenize(d.text) for d in ds]),
    ]
    for comp in components():
        run_batch = comp.run_batch
        if run_batch is not None:
            steps.append((comp.name, run_batch))
        else:
            steps.append((comp.name, lambda ds, f=comp.run: [f(d) for d in ds]))
    steps += [("stored form", lambda ds: [_stored(d) for d in ds]), ("prepare", lambda ds: [prepare(d) for d in ds])]
    cpu = dict.fromkeys((name for name, _ in steps), 0.0)
    for _name, step in steps:
        _cpu(step, warm)  # load lexicons and models outside the timing
    for i in range(0, len(docs), batch):
        for name, step in steps:
            cpu[name] += _cpu(step, docs[i:i + batch])
    print(f"{len(docs)} documents, {chars / len(docs):.0f} characters/document, batches of {batch}")
    baseline = cpu.pop("tokenise (baseline)")
    total = sum(cpu.values())
    for name, secs in [("tokenise (baseline)", baseline), *cpu.items(), ("all but the baseline", total)]:
        print(f"  {name:20} {1000 * secs / len(docs):7.2f} ms/document {len(docs) / secs:9.1f} documents/CPU-s  "
              f"x{baseline / secs:.3f} of baseline")


if __name__ == "__main__":
    main()

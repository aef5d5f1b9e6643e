"""Documents per second of each per-document extractor alone, one process, on SaudiNewsNet articles.

Usage: ``python benchmarks/bench_stages.py [N_ARTICLES]`` (default 2000; the first N articles).

Each article becomes a document with one main segment anchored to its ``date_extracted`` day
(no page stage), so each figure is the cost of that pipeline component itself.  The baseline,
measured in the same run over the same documents, is tokenisation (marsad.text.tokens), and
every stage is also given as a ratio against it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from saudinewsnet import documents

from marsad.model import Document
from marsad.pipeline import component
from marsad.text.tokens import tokenize


def _rate(stage: Callable[[Document], object], docs: list[Document]) -> float:
    stage(docs[0])  # load lexicons and models outside the timing
    began = time.perf_counter()
    for doc in docs:
        stage(doc)
    return len(docs) / (time.perf_counter() - began)


def main() -> None:
    """Time the baseline and each stage over the first N articles and print the rates."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    docs = documents(n)
    chars = sum(len(d.text) for d in docs)
    baseline = _rate(lambda d: tokenize(d.text), docs)
    print(f"{len(docs)} documents, {chars / len(docs):.0f} characters/document")
    print(f"  tokenise (baseline) {baseline:9.1f} documents/s")
    for name, layer in (("time", "timexes"), ("quotes", "quotes")):
        rate = _rate(component(name).run, docs)
        found = sum(len(getattr(d, layer)) for d in docs) / len(docs)
        print(f"  {name:19} {rate:9.1f} documents/s  x{rate / baseline:.3f} of baseline  "
              f"{chars * rate / len(docs) / 1000:.0f} k characters/s  {found:.2f} {layer}/document")


if __name__ == "__main__":
    main()

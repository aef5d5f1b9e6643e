"""Documents per second of the event stage alone, one process, on SaudiNewsNet articles.

Usage: ``python benchmarks/bench_events.py [N_ARTICLES]`` (default 500; the first N articles).

Each article becomes a document with one main segment anchored to its ``date_extracted`` day
(no page stage); the stages the event stage reads (time expressions, entity mentions) run
first, outside the timing, so the figure is the cost of ``marsad.extract.events.annotate``
itself.  The baseline, measured in the same run over the same documents, is tokenisation
(marsad.text.tokens); the event stage is also given as a ratio against it.  Each rate is the
best of three runs, since other work on the machine only ever slows a run down.  Issue 12 asks
for at least 200 documents/s.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from marsad.extract.entities import annotate as entities
from marsad.extract.events import annotate as events
from marsad.extract.time import annotate as timexes
from marsad.model import Document, Published, Segment
from marsad.text.tokens import tokenize

REPEAT = 3
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def _documents(n: int) -> list[Document]:
    docs: list[Document] = []
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            text = rec["content"]
            docs.append(Document(id=str(len(docs)), source="saudinewsnet", format="txt", text=text,
                                 published=Published(rec["date_extracted"][:10], "metadata"),
                                 segments=[Segment("main", "main", 0, len(text))]))
            if len(docs) >= n:
                break
    return docs


def _rate(stage: Callable[[Document], object], docs: list[Document], repeat: int = REPEAT) -> float:
    """Documents per second over ``docs``: the best of ``repeat`` runs (the machine is shared)."""
    stage(docs[0])  # load lexicons and models outside the timing
    best = 0.0
    for _ in range(repeat):
        began = time.perf_counter()
        for doc in docs:
            stage(doc)
        best = max(best, len(docs) / (time.perf_counter() - began))
    return best


def main() -> None:
    """Prepare N articles (time, entities), then time the baseline and the event stage."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    docs = _documents(n)
    for doc in docs:
        timexes(doc)
        entities(doc)
    chars = sum(len(d.text) for d in docs)
    baseline = _rate(lambda d: tokenize(d.text), docs)
    rate = _rate(events, docs)
    found = sum(len(d.events) for d in docs) / len(docs)
    print(f"{len(docs)} documents, {chars / len(docs):.0f} characters/document")
    print(f"  tokenise (baseline) {baseline:9.1f} documents/s")
    print(f"  events              {rate:9.1f} documents/s  x{rate / baseline:.3f} of baseline  "
          f"{chars * rate / len(docs) / 1000:.0f} k characters/s  {found:.2f} events/document")


if __name__ == "__main__":
    main()

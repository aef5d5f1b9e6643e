"""Documents per second of the event stage alone, one process, on SaudiNewsNet articles.

Usage: ``python benchmarks/bench_events.py [N_ARTICLES]`` (default 500; the first N articles).

Each article becomes a document with one main segment anchored to its ``date_extracted`` day
(no page stage); the stages the event stage reads (time expressions, entity mentions) run
first, outside the timing, so the figure is the cost of ``marsad.extract.events.annotate``
itself; the components come from :mod:`marsad.pipeline`, as the product runs them.  The
baseline, measured in the same run over the same documents, is tokenisation
(marsad.text.tokens); the event stage is also given as a ratio against it.  Rates are given in
wall-clock and in CPU time of this process, each the best of three runs, since other work on
a shared machine only ever slows a run down.  Issue 12 asks
for at least 200 documents/s.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from saudinewsnet import documents

from marsad.model import Document
from marsad.pipeline import component
from marsad.text.tokens import tokenize

REPEAT = 3




def _rate(stage: Callable[[Document], object], docs: list[Document], repeat: int = REPEAT) -> tuple[float, float]:
    """Documents per second over ``docs`` in wall-clock and in CPU time: the best of ``repeat`` runs each."""
    stage(docs[0])  # load lexicons and models outside the timing
    wall = cpu = 0.0
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        for doc in docs:
            stage(doc)
        wall = max(wall, len(docs) / (time.perf_counter() - began))
        cpu = max(cpu, len(docs) / max(time.process_time() - began_cpu, 1e-9))
    return wall, cpu


def main() -> None:
    """Prepare N articles (time, entities), then time the baseline and the event stage."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    docs = documents(n)
    time_stage, entities = component("time"), component("entities")
    for doc in docs:
        time_stage.run(doc)
    if entities.run_batch is not None:
        entities.run_batch(docs)
    chars = sum(len(d.text) for d in docs)
    base_wall, base_cpu = _rate(lambda d: tokenize(d.text), docs)
    wall, cpu = _rate(component("events").run, docs)
    found = sum(len(d.events) for d in docs) / len(docs)
    print(f"{len(docs)} documents, {chars / len(docs):.0f} characters/document")
    print(f"  tokenise (baseline) {base_wall:9.1f} documents/s wall  {base_cpu:9.1f} documents/s CPU")
    print(f"  events              {wall:9.1f} documents/s wall  {cpu:9.1f} documents/s CPU  "
          f"x{cpu / base_cpu:.3f} of baseline (CPU)  {chars * cpu / len(docs) / 1000:.0f} k characters/s  "
          f"{found:.2f} events/document")


if __name__ == "__main__":
    main()

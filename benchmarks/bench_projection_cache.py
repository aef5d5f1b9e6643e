"""Hit rate of the NER networks' projection cache over a long run, for several ageing periods (not a test).

Usage: ``python benchmarks/bench_projection_cache.py [N_ARTICLES] [PERIOD ...]`` (default 8000 articles; periods
0 (no ageing), 2, 4, 8, 16, 32 and 64 calls).

The first N SaudiNewsNet articles go through the entity component in batches of
``Options.batch_size``, as a run's workers send them, with the networks replaced by a recorder:
each batch's distinct input rows (:func:`marsad.extract.ner.neural.input_rows`, what the networks
look up in the cache) are noted, and the networks' tags are all ``O``.  The recorded stream of rows
is then replayed through :class:`marsad.extract.ner.neural._ProjectionCache` (the shipped class,
:data:`~marsad.extract.ner.neural.PROJECTION_ROWS` slots) with each halving period, and, for each
tenth of the run, the share of a batch's distinct rows found in the cache is printed (the rows not
found are the ones the networks project).  Rows are replayed as 64-bit hashes of their bytes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from saudinewsnet import documents

from marsad.extract.entities import annotate_batch
from marsad.extract.ner.neural import PROJECTION_ROWS, Encoded, _ProjectionCache, input_rows
from marsad.extract.ner.tagger import shipped_tagger
from marsad.options import Options

PERIODS = (0, 2, 4, 8, 16, 32, 64)


def record(n: int) -> list[list[int]]:
    """Each batch's distinct input rows (as hashes) over the first ``n`` articles."""
    stream: list[list[int]] = []

    def recorder(sentences: Sequence[Encoded]) -> list[list[str]]:
        kept = [s for s in sentences if len(s.words)]
        if kept:
            stream.append(list(map(hash, input_rows(kept)[1])))
        return [["O"] * len(s.words) for s in sentences]

    model = shipped_tagger().model
    model.tag = recorder  # type: ignore[method-assign]
    docs = documents(n)
    batch = Options().batch_size
    for i in range(0, len(docs), batch):
        annotate_batch(docs[i:i + batch])
    return stream


def replay(stream: list[list[int]], period: int) -> list[tuple[int, int]]:
    """(rows found, rows met) of each batch, replayed through the cache with halving every ``period`` calls."""
    cache = _ProjectionCache(1, PROJECTION_ROWS, halve_every=period)
    out: list[tuple[int, int]] = []
    for keys in stream:
        slots = cache.find(keys)  # type: ignore[arg-type]
        new = np.flatnonzero(slots < 0)
        cache.keep([keys[i] for i in new.tolist()], np.zeros((len(new), 1), dtype=np.float32))  # type: ignore[misc]
        out.append((len(keys) - len(new), len(keys)))
    return out


def main() -> None:
    """Record the row stream of the first N articles and print the hit rate of each halving period by tenth."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    periods = [int(p) for p in sys.argv[2:]] or list(PERIODS)
    began = time.process_time()
    stream = record(n)
    rows = sum(map(len, stream))
    print(f"{n} articles, {len(stream)} batches, {rows} distinct rows a batch summed "
          f"({rows / len(stream):.0f} a batch); recorded in {time.process_time() - began:.1f} CPU s", file=sys.stderr)
    tenths = [len(stream) * k // 10 for k in range(11)]
    print("halve every | hit rate by tenth of the run (share of a batch's distinct rows found) | all | rows projected")
    for period in periods:
        counts = replay(stream, period)
        shares = []
        for a, b in pairwise(tenths):
            found, met = (sum(c[i] for c in counts[a:b]) for i in (0, 1))
            shares.append(f"{found / met:.3f}" if met else "-")
        found, met = sum(c[0] for c in counts), sum(c[1] for c in counts)
        label = "never" if period == 0 else f"{period} calls"
        print(f"{label:>11} | {' '.join(shares)} | {found / met:.3f} | {met - found}")


if __name__ == "__main__":
    main()

"""Throughput of ``marsad analyze`` on the first N SaudiNewsNet articles, with 1 and 2 worker processes.

Run on demand (not a test):  .venv/bin/python benchmarks/bench_analyze.py [--n 5000]

Prints documents/s and peak memory for: reading only (the baseline measured in the
same run), the whole per-document pipeline with 1 worker, and with 2 workers, each
as a ratio against the baseline and the 1-worker run.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import sys
import tempfile
import time
from pathlib import Path

from marsad.api import analyze
from marsad.ingest.read import read_inputs
from marsad.options import Options

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def _peak_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    """Run the benchmark and print one line per configuration."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with gzip.open(DATA, "rt", encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= args.n:
                    break
                dst.write(line)
        start = time.perf_counter()
        read = sum(1 for _ in read_inputs([str(sample)], Options()))
        baseline = read / (time.perf_counter() - start)
        print(f"read only        {read} docs  {baseline:8.1f} docs/s  (baseline)  peak {_peak_mib():.0f} MiB")
        single = 0.0
        for workers in (1, 2):
            start = time.perf_counter()
            result = analyze([str(sample)], Options(workers=workers))
            elapsed = time.perf_counter() - start
            rate = len(result.documents) / elapsed
            single = single or rate
            print(
                f"analyze w={workers}      {len(result.documents)} docs  {rate:8.1f} docs/s  "
                f"x{rate / baseline:.3f} of baseline  x{rate / single:.2f} of 1 worker  "
                f"{elapsed:.1f} s  peak {_peak_mib():.0f} MiB"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()

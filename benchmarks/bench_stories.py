"""Story clustering at scale: SaudiNewsNet's first 5k, 10k and all 31,030 articles.

Each size runs in its own process (so that peak memory is that size's own): the
articles are read and turned into documents, copied passages are found (MinHash LSH),
then every article unit is placed in a fresh story index.  Prints one JSON line per
size (seconds per stage, peak resident memory, stories) and the growth of the time.

    nice -n 10 .venv/bin/python benchmarks/bench_stories.py [--sizes 5000 10000 31030]

Measured 2026-11-23 on the shared 2-core machine (single-threaded, nice 10):

    articles  duplicates_s  cluster_s  total_s  peak_rss_mb  copied_pairs  stories  largest
        5000           9.5       11.1     20.7        477        7158       2281       98
       10000          18.6       22.4     41.3        823       24309       3840      184
       31030          65.5       85.5    152.1       2589      177021       9669      474

    5k -> 10k: x2.00 articles, x2.00 time; 5k -> 31k: x6.21 articles, x7.36 time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

DATASET = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def run_size(size: int, dataset: Path) -> dict[str, float | int]:
    """Cluster the first ``size`` articles; return timings and memory."""
    from marsad.corpus.duplicates import find_duplicates
    from marsad.corpus.stories import place_units
    from marsad.eval.stories import article_document, iter_records

    t0 = time.perf_counter()
    docs = [article_document(i, rec) for i, rec in islice(iter_records(dataset), size)]
    t1 = time.perf_counter()
    duplicates = find_duplicates(docs)
    t2 = time.perf_counter()
    index, units = place_units(docs, duplicates)
    t3 = time.perf_counter()
    stories = [s for s in index.stories if s.members]
    return {
        "articles": len(docs),
        "units": len(units),
        "load_s": round(t1 - t0, 2),
        "duplicates_s": round(t2 - t1, 2),
        "cluster_s": round(t3 - t2, 2),
        "total_s": round(t3 - t0, 2),
        "copied_pairs": len(duplicates),
        "stories": len(stories),
        "multi_article_stories": sum(1 for s in stories if len(s.members) > 1),
        "largest_story": max((len(s.members) for s in stories), default=0),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    """Run every size in a child process and print the growth of the time."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 31030])
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        sys.stdout.write(json.dumps(run_size(args.one, args.dataset)) + "\n")
        return
    rows = []
    for size in args.sizes:
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--dataset", str(args.dataset)],
            check=True, capture_output=True, text=True,
        )
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(row)
        sys.stdout.write(json.dumps(row) + "\n")
        sys.stdout.flush()
    base = rows[0]
    for row in rows[1:]:
        ratio_n = row["articles"] / base["articles"]
        ratio_t = row["total_s"] / base["total_s"]
        sys.stdout.write(f"{base['articles']} -> {row['articles']}: x{ratio_n:.2f} articles, x{ratio_t:.2f} time\n")


if __name__ == "__main__":
    main()

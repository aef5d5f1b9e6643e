"""Milliseconds per document of the page stage on flat-text pages, with the line-role model and rules alone.

Usage: ``python benchmarks/bench_pages.py [PAGES_PER_OUTLET]`` (default 20): synthetic pages of the dev and
held-out outlets (``marsad.train.page_synth``, 40 to 120 lines each) through ``build_document``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from marsad.eval.shared import find_shared
from marsad.ingest.raw import RawDocument
from marsad.options import Options
from marsad.page.build import build_document
from marsad.train.page_synth import synthetic_pages


def main() -> None:
    """Print ms/document and lines/document for both formats (learnt roles for txt, rules only for records)."""
    per_outlet = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    shared = find_shared(Path(__file__).resolve())
    pages = [p.text for p in synthetic_pages(shared, {"dev", "heldout"}, per_outlet, 99)]
    lines = sum(t.count("\n") for t in pages) / len(pages)
    for fmt, what in (("txt", "line-role model + rules"), ("json", "rules only")):
        raws = [RawDocument(source=str(i), format=fmt, text=t) for i, t in enumerate(pages)]
        build_document(raws[0], Options())  # load the model
        started = time.perf_counter()
        for raw in raws:
            build_document(raw, Options())
        elapsed = time.perf_counter() - started
        print(f"{what}: {1000 * elapsed / len(raws):.2f} ms/document over {len(raws)} pages ({lines:.0f} lines each)")


if __name__ == "__main__":
    main()

"""Documents per second of the time stage alone, one process, on SaudiNewsNet articles.

Usage: ``python benchmarks/bench_time.py [N_ARTICLES]`` (default 2000; the first N articles).
Each article becomes a document with one main segment anchored to its ``date_extracted``
day (no page stage), so the figure is the cost of :func:`marsad.extract.time.annotate`
itself; also printed: expressions per document and characters per second.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

from marsad.extract.time import annotate
from marsad.model import Document, Published, Segment

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


def main() -> None:
    """Time the time stage over the first N articles and print the rates."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    docs = _documents(n)
    annotate(docs[0])  # load the lexicons outside the timing
    chars = sum(len(d.text) for d in docs)
    began = time.perf_counter()
    for doc in docs:
        annotate(doc)
    elapsed = time.perf_counter() - began
    found = sum(len(d.timexes) for d in docs)
    print(f"time stage: {len(docs)} documents, {chars} characters in {elapsed:.2f} s")
    print(f"  {len(docs) / elapsed:.1f} documents/s, {chars / elapsed / 1000:.0f} k characters/s, "
          f"{found / len(docs):.2f} expressions/document")


if __name__ == "__main__":
    main()

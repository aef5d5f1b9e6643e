"""Documents per second of the quotes stage alone, one process, on SaudiNewsNet articles.

Usage: ``python benchmarks/bench_quotes.py [N_ARTICLES]`` (default 2000; the first N articles).
Each article becomes a document with one main segment (no page stage, no NER), so the
figure is the cost of :func:`marsad.extract.quotes.annotate` itself; also printed: quotes
per document and characters per second.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

from marsad.extract.quotes import annotate
from marsad.model import Document, Segment

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def _documents(n: int) -> list[Document]:
    docs: list[Document] = []
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["content"]
            docs.append(Document(id=str(len(docs)), source="saudinewsnet", format="txt", text=text,
                                 segments=[Segment("main", "main", 0, len(text))]))
            if len(docs) >= n:
                break
    return docs


def main() -> None:
    """Time the quotes stage over the first N articles and print the rates."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    docs = _documents(n)
    annotate(docs[0])  # load the lexicons outside the timing
    chars = sum(len(d.text) for d in docs)
    began = time.perf_counter()
    for doc in docs:
        annotate(doc)
    elapsed = time.perf_counter() - began
    quotes = sum(len(d.quotes) for d in docs)
    print(f"quotes stage: {len(docs)} documents, {chars} characters in {elapsed:.2f} s")
    print(f"  {len(docs) / elapsed:.1f} documents/s, {chars / elapsed / 1000:.0f} k characters/s, "
          f"{quotes / len(docs):.2f} quotes/document")


if __name__ == "__main__":
    main()

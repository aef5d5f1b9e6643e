"""The SaudiNewsNet articles the benchmarks run on (from ../shared/datasets; never shipped)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from marsad.model import Document, Published, Segment

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def documents(n: int) -> list[Document]:
    """The first ``n`` articles as documents with one main segment, anchored to their ``date_extracted`` day."""
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

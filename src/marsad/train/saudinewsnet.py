"""SaudiNewsNet records outside its held-out third, the one split every corpus-mining script uses.

The held-out third (``crc32(url) % 3 == 0``) holds the held-out gold articles (quotes, entities) and is never
mined for lexicons, so that a figure on held-out gold is not a figure on mined data."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path


def held_out(url: str) -> bool:
    """True for an article of the held-out third of SaudiNewsNet (crc32 of its url % 3 == 0)."""
    return zlib.crc32(url.encode("utf-8")) % 3 == 0


def mining_records(path: str | Path) -> Iterator[dict[str, str]]:
    """The records of a SaudiNewsNet jsonl.gz, in file order, leaving out the held-out third."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not held_out(record.get("url") or ""):
                yield record

"""SaudiNewsNet records outside its held-out third, the one split every corpus-mining script uses.

The held-out third (``crc32(url) % 3 == 0``) holds the held-out gold articles (quotes, entities) and is never
mined for lexicons, so that a figure on held-out gold is not a figure on mined data."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from marsad.text.normalize import norm_key

# an Arabic word (tatweel and diacritics inside) or any other single character but a space
_TOKEN = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652]+|[^\s\u0621-\u064a\u0640\u064b-\u0652]")


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


def content_words(record: dict[str, str]) -> list[str]:
    """A record's content as written, Arabic words and single other characters, in order."""
    return _TOKEN.findall(record.get("content") or "")


def content_keys(record: dict[str, str]) -> list[str]:
    """The keys (:func:`marsad.text.normalize.norm_key`) of a record's content, Arabic words and single other
    characters, in order: what the word-pair mining scripts count."""
    return [norm_key(t) for t in content_words(record)]

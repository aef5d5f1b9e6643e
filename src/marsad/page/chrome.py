"""Chrome learnt across pages: short lines that recur on several pages of the same site."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from urllib.parse import urlparse

from marsad.ingest.raw import RawDocument
from marsad.text.normalize import norm_key

CHROME_MAX_WORDS = 12
SENTENCE_WORDS = 6
_SENTENCE_END = re.compile(r"[.:!؟?]\s*$")
MIN_PAGES = 2


def site_key(raw: RawDocument) -> str | None:
    """The site a raw page comes from (its site name or URL host), when the container says."""
    if raw.sitename:
        return raw.sitename.strip()
    if raw.url:
        host = urlparse(raw.url).netloc.lower().removeprefix("www.")
        return host or None
    return None


def repeated_lines(raws: list[RawDocument]) -> dict[str, frozenset[str]]:
    """Per site, the keys of short lines found on at least two of its pages (titles excluded)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for raw in raws:
        site = site_key(raw)
        if site is None:
            continue
        title = norm_key(raw.title) if raw.title else None
        keys = set()
        for line in raw.text.split("\n"):
            words = len(line.split())
            if words and words <= CHROME_MAX_WORDS and not (words >= SENTENCE_WORDS and _SENTENCE_END.search(line)):
                key = norm_key(line)
                if key != title:
                    keys.add(key)
        counts[site].update(keys)
    out: dict[str, frozenset[str]] = {}
    for site, counter in counts.items():
        repeated = frozenset(k for k, n in counter.items() if n >= MIN_PAGES)
        if repeated:
            out[site] = repeated
    return out

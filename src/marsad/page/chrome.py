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


def line_keys(raw: RawDocument) -> set[str]:
    """The keys of a page's short lines (chrome candidates; its title and sentence-like lines excluded)."""
    title = norm_key(raw.title) if raw.title else None
    keys = set()
    for line in raw.text.split("\n"):
        words = len(line.split())
        if words and words <= CHROME_MAX_WORDS and not (words >= SENTENCE_WORDS and _SENTENCE_END.search(line)):
            key = norm_key(line)
            if key != title:
                keys.add(key)
    return keys


def repeated_lines(raws: list[RawDocument]) -> dict[str, frozenset[str]]:
    """Per site, the keys of short lines found on at least two of its pages (titles excluded)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for raw in raws:
        site = site_key(raw)
        if site is not None:
            counts[site].update(line_keys(raw))
    return chrome_of(counts, {})


def chrome_of(batch: dict[str, Counter[str]], stored: dict[str, dict[str, int]]) -> dict[str, frozenset[str]]:
    """Per site, the batch's line keys found on at least :data:`MIN_PAGES` pages, counting ``stored`` pages too.

    ``batch`` counts the pages of a batch carrying each key; ``stored`` the pages seen
    before (in the store), so that chrome is learnt across batches as pages stream in.
    """
    out: dict[str, frozenset[str]] = {}
    for site, counter in batch.items():
        before = stored.get(site, {})
        repeated = frozenset(k for k, n in counter.items() if n + before.get(k, 0) >= MIN_PAGES)
        if repeated:
            out[site] = repeated
    return out

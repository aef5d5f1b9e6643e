"""Chrome learnt across pages: short lines that recur on several pages of the same outlet."""

from __future__ import annotations

from collections import Counter, defaultdict

from marsad.model import Document
from marsad.page.lines import split_lines

CHROME_MAX_WORDS = 12
MIN_PAGES = 2


def repeated_lines(docs: list[Document]) -> dict[str, frozenset[str]]:
    """Per outlet, the keys of short lines found on at least two of its pages.

    Titles are excluded (two pages of one outlet never share a title unless they
    are the same article, which the store already deduplicates).
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        if not doc.outlet:
            continue
        title_key = doc.title_span.text if doc.title_span else None
        keys = {
            ln.key for ln in split_lines(doc.text)
            if ln.words <= CHROME_MAX_WORDS and ln.text != title_key
        }
        counts[doc.outlet].update(keys)
    return {
        outlet: frozenset(k for k, n in counter.items() if n >= MIN_PAGES)
        for outlet, counter in counts.items()
        if any(n >= MIN_PAGES for n in counter.values())
    }

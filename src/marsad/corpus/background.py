"""Background document frequencies for story terms, so that idf means something on small batches.

A batch of five pages cannot tell a distinctive term (``كيم``) from a common one
(``السعودية``) by itself.  ``models/story_df.tsv`` holds the document frequency of each
story term over a news corpus (rebuilt by ``marsad train stories`` from SaudiNewsNet,
leaving out the days of the story gold); the story index adds its own counts to these.
The file stores term statistics only, no article text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.corpus.terms import unit_terms
from marsad.corpus.units import units_of
from marsad.model import Document

FILE_NAME = "story_df.tsv"
MIN_DF = 3


@dataclass(frozen=True)
class Background:
    """Document count and per-term document frequency of a reference corpus."""

    n: int = 0
    df: dict[str, int] = field(default_factory=dict)


def parse_background(text: str) -> Background:
    """Read the TSV form: a ``#n<TAB>N`` line, then ``term<TAB>df`` lines."""
    n = 0
    df: dict[str, int] = {}
    for line in text.splitlines():
        if not line:
            continue
        key, _, value = line.partition("\t")
        if key == "#n":
            n = int(value)
        elif not key.startswith("#"):
            df[key] = int(value)
    return Background(n, df)


@cache
def shipped_background() -> Background:
    """The background frequencies shipped in ``marsad/models`` (empty when absent)."""
    path = resources.files("marsad.models").joinpath(FILE_NAME)
    if not path.is_file():
        return Background()
    return parse_background(path.read_text(encoding="utf-8"))


def count_background(docs: Iterable[Document]) -> Background:
    """Document frequencies of the story terms of every article unit of ``docs``."""
    df: Counter[str] = Counter()
    n = 0
    for doc in docs:
        for unit in units_of(doc):
            df.update(k for k in unit_terms(doc, unit).counts if not k.startswith("@"))
            n += 1
    return Background(n, dict(df))


def write_background(bg: Background, path: Path, min_df: int = MIN_DF) -> int:
    """Write ``bg`` (terms with ``df >= min_df``, most frequent first); return the terms written."""
    rows = sorted(((t, c) for t, c in bg.df.items() if c >= min_df), key=lambda kv: (-kv[1], kv[0]))
    lines = [f"#n\t{bg.n}", *(f"{t}\t{c}" for t, c in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)

"""Tokens of a normalised key text, with clitic-stripped readings for lexicon look-ups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+|[\u0621-\u064a]+|\S")
_BREAKS = frozenset(".!?;\n")


@dataclass(frozen=True, slots=True)
class Tok:
    """One token of the key text: its form, key offsets, kind and whether a sentence break precedes it."""

    text: str
    start: int
    end: int
    kind: str  # "d" digits, "w" word, "p" punctuation
    brk: bool

    @property
    def is_int(self) -> bool:
        """Whether the token is a plain run of digits."""
        return self.kind == "d" and self.text.isdecimal()


def tokenize_key(key: str) -> list[Tok]:
    """Split a normalised key text into tokens; ``brk`` marks a newline or sentence mark before a token."""
    toks: list[Tok] = []
    last = 0
    prev_punct = ""
    for m in _TOKEN.finditer(key):
        t = m.group()
        kind = "d" if t[0].isdecimal() else ("w" if t[0].isalpha() else "p")
        gap = key[last : m.start()]
        toks.append(Tok(t, m.start(), m.end(), kind, "\n" in gap or (prev_punct in _BREAKS and bool(prev_punct))))
        prev_punct = t if kind == "p" else ""
        last = m.end()
    return toks


@lru_cache(maxsize=1 << 16)
def readings(word: str) -> tuple[tuple[int, str], ...]:
    """Readings of a word with its proclitics stripped: ``(chars stripped, rest)``, the whole word first.

    و/ف (conjunction) then ب/ل/ك (preposition); ``لل`` + noun is ``ل`` + ``ال`` + noun.
    Cached: a text repeats its words.
    """
    out = [(0, word)]
    cut = 0
    rest = word
    if len(rest) > 2 and rest[0] in "وف":
        cut, rest = 1, rest[1:]
        out.append((cut, rest))
    if len(rest) > 3 and rest.startswith("لل"):
        out.append((cut + 1, "ا" + rest[1:]))
    elif len(rest) > 2 and rest[0] in "بلك":
        out.append((cut + 1, rest[1:]))
    return tuple(out)

"""Tokens of a normalised key text (their clitic-stripped readings: :func:`marsad.text.clitics.readings`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

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

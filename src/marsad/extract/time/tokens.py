"""Tokens of a normalised key text (their clitic-stripped readings: :func:`marsad.text.clitics.readings`)."""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+|[\u0621-\u064a]+|\S")
_BREAKS = frozenset(".!?;\n")


class Tok(NamedTuple):
    """One token of the key text: its form, key offsets, kind and whether a sentence break precedes it.

    A named tuple (built in less than half a frozen dataclass's time: a segment makes thousands).
    """

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
    after_break = False  # the token before is a sentence mark
    for m in _TOKEN.finditer(key):
        t = m.group()
        start, end = m.span()
        first = t[0]
        kind = "d" if first.isdecimal() else ("w" if first.isalpha() else "p")
        toks.append(Tok(t, start, end, kind, after_break or key.find("\n", last, start) >= 0))
        after_break = kind == "p" and t in _BREAKS
        last = end
    return toks

"""Tokens of a normalised key text (their clitic-stripped readings: :func:`marsad.text.clitics.readings`)."""

from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import chain, repeat
from operator import itemgetter, or_
from typing import NamedTuple

from marsad.text.tokens import split_matches

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+|[\u0621-\u064a]+|\S")
_SPLIT = re.compile(f"({_TOKEN.pattern})")  # the same matches, with the gaps between them
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


_make_tok = partial(tuple.__new__, Tok)  # a Tok from a tuple of its fields, without a Python call


@lru_cache(maxsize=256)
def _kind(first: str) -> str:
    """A token's kind from its first character: ``d`` digits, ``w`` word, ``p`` punctuation."""
    return "d" if first.isdecimal() else ("w" if first.isalpha() else "p")


def tokenize_key(key: str) -> list[Tok]:
    """Split a normalised key text into tokens; ``brk`` marks a newline or sentence mark before a token.

    One ``split`` gives the tokens and the gaps between them; offsets, kinds and breaks are
    mapped over them (no Python step per token).
    """
    parts, words, starts, ends = split_matches(_SPLIT, key)
    if not words:
        return []
    newline = map(str.__contains__, parts[0:-1:2], repeat("\n"))  # a newline in the gap before each token
    after_mark = chain((False,), map(_BREAKS.__contains__, words))  # the token before is a sentence mark
    kinds = map(_kind, map(itemgetter(0), words))
    return list(map(_make_tok, zip(words, starts, ends, kinds, map(or_, after_mark, newline), strict=True)))

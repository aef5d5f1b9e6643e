"""Tokens of a normalised key text (their clitic-stripped readings: :func:`marsad.text.clitics.readings`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain, repeat
from operator import or_

from marsad.text.tokens import split_matches

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+|[\u0621-\u064a]+|\S")
_SPLIT = re.compile(f"({_TOKEN.pattern})")  # the same matches, with the gaps between them
_BREAKS = frozenset(".!?;\n")


@dataclass(frozen=True, slots=True)
class KeyTokens:
    """The tokens of a key text as parallel lists: each token's form, key offsets, and whether a sentence break
    (a newline or a sentence mark) precedes it.

    No object per token: a segment makes thousands, and the grammar reads forms and breaks by position.
    """

    forms: list[str]
    starts: list[int]
    ends: list[int]
    breaks: list[bool]


def tokenize_key(key: str) -> KeyTokens:
    """Split a normalised key text into tokens (a run of digits is one token: its form ``isdecimal``).

    One ``split`` gives the tokens and the gaps between them; offsets and breaks are mapped
    over them (no Python step per token).
    """
    parts, words, starts, ends = split_matches(_SPLIT, key)
    newline = map(str.__contains__, parts[0:-1:2], repeat("\n"))  # a newline in the gap before each token
    after_mark = chain((False,), map(_BREAKS.__contains__, words))  # the token before is a sentence mark
    return KeyTokens(words, starts, ends, list(map(or_, after_mark, newline)))

"""Tokenisation with offsets, aware of Arabic clitics (و ف ب ك ل ال لل ...)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from marsad.text.clitics import strip_clitics
from marsad.text.normalize import norm_key

_TOKEN = re.compile(
    r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]+(?:[.'’][\w]+)*|[^\w\s]",
    re.UNICODE,
)

CACHE_SIZE = 1 << 18  # word types are few; the key splitter is a pure function of the word
# Texts whose whole tokenisation is kept: twice the default batch of documents (the components, then the store,
# run over a batch in turn); about 0.2 MiB a text of 3,800 characters.
TEXT_CACHE_SIZE = 128


class Token(NamedTuple):
    """A token: its offsets, its text, its key and its clitic-stripped key.

    A named tuple rather than a frozen dataclass: a document makes thousands, and a tuple is
    built in less than half the time.
    """

    start: int
    end: int
    text: str
    key: str
    stem: str

    @property
    def is_word(self) -> bool:
        """True when the token is a word or number rather than punctuation."""
        return self.key[:1].isalnum()


@lru_cache(maxsize=CACHE_SIZE)
def word_keys(word: str) -> tuple[str, str]:
    """A word's key and clitic-stripped key (cached: a text repeats its words)."""
    key = norm_key(word)
    return key, strip_clitics(key)[1] if key else ""


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise ``text[start:end]``; offsets refer to ``text``."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text, start, stop):
        word = m.group()
        key, stem = word_keys(word)
        if key:
            tokens.append(Token(m.start(), m.end(), word, key, stem))
    return tokens


@dataclass(frozen=True, slots=True)
class _Tokenised:
    """Every match of the token pattern in a text, in order: its offsets and its token (``None`` when keyless)."""

    starts: list[int]
    ends: list[int]
    tokens: list[Token | None]


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _tokenised(text: str) -> _Tokenised:
    starts: list[int] = []
    ends: list[int] = []
    tokens: list[Token | None] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        key, stem = word_keys(word)
        s, e = m.span()
        starts.append(s)
        ends.append(e)
        tokens.append(Token(s, e, word, key, stem) if key else None)
    return _Tokenised(starts, ends, tokens)


def text_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """``tokenize(text, start, end)``, cut from one tokenisation of the whole text kept for the next caller.

    The time, entity, quote and event components each read the same document: the whole
    text is tokenised once.  The tokens between ``start`` and ``end`` are those of
    :func:`tokenize` when no match of the whole text runs across either offset (the pattern
    looks neither behind nor ahead); when one does, the range is tokenised on its own.
    """
    stop = len(text) if end is None else end
    whole = _tokenised(text)
    first = bisect_left(whole.starts, start)
    last = bisect_left(whole.starts, stop)
    if (first and whole.ends[first - 1] > start) or (last and whole.ends[last - 1] > stop):
        return tokenize(text, start, stop)
    return [t for t in whole.tokens[first:last] if t is not None]

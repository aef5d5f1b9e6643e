"""Tokenisation with offsets, aware of Arabic clitics (و ف ب ك ل ال لل ...)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.clitics import strip_clitics
from marsad.text.normalize import norm_key

_TOKEN = re.compile(
    r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]+(?:[.'’][\w]+)*|[^\w\s]",
    re.UNICODE,
)

CACHE_SIZE = 1 << 18  # word types are few; the key splitter is a pure function of the word
# Texts whose whole tokenisation is kept: more than a batch of documents (Options.batch_size), as the
# per-document stages run stage by stage over a batch.
TEXTS_KEPT = 128


@dataclass(frozen=True, slots=True)
class Token:
    """A token: its offsets, its text, its key and its clitic-stripped key."""

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


def _scan(text: str, start: int, stop: int) -> tuple[list[Token], list[int], list[int]]:
    """The tokens of ``text[start:stop]``, and the start and end offsets of every match (kept or not)."""
    tokens: list[Token] = []
    starts: list[int] = []
    ends: list[int] = []
    keep, began, ended = tokens.append, starts.append, ends.append
    for m in _TOKEN.finditer(text, start, stop):
        word = m.group()
        first, last = m.span()
        began(first)
        ended(last)
        key, stem = word_keys(word)
        if key:
            keep(Token(first, last, word, key, stem))
    return tokens, starts, ends


@lru_cache(maxsize=TEXTS_KEPT)
def _whole(text: str) -> tuple[list[Token], list[int], list[int], list[int]]:
    """The whole text's tokens and their start offsets, and the start and end offsets of all its matches."""
    tokens, starts, ends = _scan(text, 0, len(text))
    return tokens, [t.start for t in tokens], starts, ends


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise ``text[start:end]``; offsets refer to ``text``.

    The stages tokenise the same document many times over (its sentences, regions, the
    whole text), so the whole text's tokens are kept for the last :data:`TEXTS_KEPT` texts and a stretch
    is cut from them.  That gives the tokens a scan of the stretch alone gives whenever
    no match of the whole text straddles either end of the stretch (the pattern looks
    neither behind nor ahead of what it matches); otherwise the stretch is scanned alone.
    """
    stop = len(text) if end is None else end
    if start < 0 or not start <= stop <= len(text):
        return _scan(text, start, stop)[0]
    tokens, token_starts, starts, ends = _whole(text)
    for offset in (start, stop):
        i = bisect_right(ends, offset)  # the first match ending after the offset
        if i < len(ends) and starts[i] < offset:
            return _scan(text, start, stop)[0]
    return tokens[bisect_left(token_starts, start):bisect_left(token_starts, stop)]

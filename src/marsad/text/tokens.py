"""Tokenisation with offsets, aware of Arabic clitics (و ف ب ك ل ال لل ...)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate, compress
from operator import itemgetter
from typing import NamedTuple

from marsad.text.clitics import strip_clitics
from marsad.text.normalize import norm_key

_TOKEN = re.compile(
    r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]+(?:[.'’][\w]+)*|[^\w\s]",
    re.UNICODE,
)
_SPLIT = re.compile(f"({_TOKEN.pattern})")  # the same matches, with the gaps between them

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


_make_token = partial(tuple.__new__, Token)  # a Token from a tuple of its fields, without a Python call
_first, _second = itemgetter(0), itemgetter(1)
token_key, token_stem = itemgetter(3), itemgetter(4)  # a Token's key and stem, taken without a Python call
_lead = itemgetter(slice(0, 1))  # a string's first character ('' when empty)


def word_tokens(tokens: list[Token]) -> list[Token]:
    """The tokens of ``tokens`` that are words (:attr:`Token.is_word`), tested without a Python call per token."""
    return list(compress(tokens, map(str.isalnum, map(_lead, map(token_key, tokens)))))


@lru_cache(maxsize=CACHE_SIZE)
def word_keys(word: str) -> tuple[str, str]:
    """A word's key and clitic-stripped key (cached: a text repeats its words)."""
    key = norm_key(word)
    return key, strip_clitics(key)[1] if key else ""


def split_matches(
    split: re.Pattern[str], text: str, base: int = 0
) -> tuple[list[str], list[str], list[int], list[int]]:
    """``split`` (a token pattern in one capturing group) over ``text``: the parts (gaps and matches in turn), the
    matches, and their start and end offsets plus ``base`` (from the running sum of the parts' lengths)."""
    parts = split.split(text)
    offsets = list(accumulate(map(len, parts), initial=base))
    return parts, parts[1::2], offsets[1:-1:2], offsets[2::2]


def _words(text: str, base: int = 0) -> tuple[list[int], list[int], list[Token | None]]:
    """Every match of the token pattern in ``text``: its offsets plus ``base``, and its token (``None`` when keyless).

    The matches come from one ``split`` (the gaps between them and the matches, alternately) and
    their offsets from the running sum of the parts' lengths: no Python step per match.
    """
    _parts, words, starts, ends = split_matches(_SPLIT, text, base)
    if not words:
        return starts, ends, []
    pairs = list(map(word_keys, words))
    keys = list(map(_first, pairs))
    tokens: list[Token | None] = list(map(_make_token, zip(starts, ends, words, keys, map(_second, pairs), strict=True)))
    if "" in keys:  # a word without a key (a lone bidi mark or diacritic) is no token
        for i, key in enumerate(keys):
            if not key:
                tokens[i] = None
    return starts, ends, tokens


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise ``text[start:end]``; offsets refer to ``text``."""
    stop = len(text) if end is None else end
    return list(filter(None, _words(text[start:stop], start)[2]))  # a Token, a non-empty tuple, is true


@dataclass(frozen=True, slots=True)
class _Tokenised:
    """Every match of the token pattern in a text, in order: its offsets and its token (``None`` when keyless)."""

    starts: list[int]
    ends: list[int]
    tokens: list[Token | None]


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _tokenised(text: str) -> _Tokenised:
    return _Tokenised(*_words(text))


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
    return list(filter(None, whole.tokens[first:last]))


_SPACE = re.compile(r"\s")


def last_token(text: str, start: int, end: int) -> Token | None:
    """The last of ``tokenize(text, start, end)`` (None when there is none), from the text's one tokenisation.

    The whole text's tokens give the same last token when no match runs across ``end`` and a
    space lies between ``start`` and that token (no match holds a space, so past it the two
    tokenisations meet): the word before an offset without tokenising the range again.
    """
    whole = _tokenised(text)
    i = bisect_left(whole.starts, end) - 1  # the last match beginning before ``end``
    if i >= 0 and whole.ends[i] <= end:
        while i > 0 and whole.tokens[i] is None and whole.starts[i] > start:  # keyless matches are no tokens
            i -= 1
        token, first = whole.tokens[i], whole.starts[i]
        if token is not None and first >= start and (start == 0 or _SPACE.search(text, start, first)):
            return token
    tokens = tokenize(text, start, end)
    return tokens[-1] if tokens else None

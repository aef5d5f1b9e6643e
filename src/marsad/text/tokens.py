"""Tokenisation with offsets, aware of Arabic clitics (و ف ب ك ل ال لل ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.clitics import strip_clitics
from marsad.text.normalize import norm_key

_TOKEN = re.compile(
    r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]+(?:[.'’][\w]+)*|[^\w\s]",
    re.UNICODE,
)

CACHE_SIZE = 1 << 18  # word types are few; the key splitter is a pure function of the word


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

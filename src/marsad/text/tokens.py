"""Tokenisation with offsets, aware of Arabic clitics (و ف ب ك ل ال لل ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import norm_key

_TOKEN = re.compile(
    r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]+(?:[.'’][\w]+)*|[^\w\s]",
    re.UNICODE,
)

# Proclitic sequences, longest first, in key form (after normalisation).
_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ك", "ل")
_MIN_STEM = 2
CACHE_SIZE = 1 << 18  # word types are few; both splitters are pure functions of the key


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
def strip_clitics(key: str) -> tuple[str, str]:
    """Split a normalised word key into (proclitics, stem); the stem keeps at least two letters.

    >>> strip_clitics("وبالكرملين")
    ('وبال', 'كرملين')
    """
    for pre in _PROCLITICS:
        if key.startswith(pre) and len(key) - len(pre) >= _MIN_STEM:
            return pre, key[len(pre):]
    return "", key


@lru_cache(maxsize=CACHE_SIZE)
def stem_variants(key: str) -> tuple[str, ...]:
    """All readings of a key with zero or more proclitics removed (the word itself first)."""
    out = [key]
    for pre in _PROCLITICS:
        if key.startswith(pre) and len(key) - len(pre) >= _MIN_STEM:
            rest = key[len(pre):]
            if rest not in out:
                out.append(rest)
            if pre in ("لل", "ولل", "فلل") and "ال" + rest not in out:
                out.append("ال" + rest)
    return tuple(out)


@lru_cache(maxsize=CACHE_SIZE)
def _word_keys(word: str) -> tuple[str, str]:
    """A word's key and clitic-stripped key (cached: a text repeats its words)."""
    key = norm_key(word)
    return key, strip_clitics(key)[1] if key else ""


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise ``text[start:end]``; offsets refer to ``text``."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text, start, stop):
        word = m.group()
        key, stem = _word_keys(word)
        if key:
            tokens.append(Token(m.start(), m.end(), word, key, stem))
    return tokens

"""Tokenisation with offsets, aware of Arabic clitics (و ف ب ك ل ال لل ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.clitics import strip_clitics
from marsad.text.normalize import norm_key

_TOKEN = re.compile(
    r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]+(?:[.'’][\w]+)*|[^\w\s]",
    re.UNICODE,
)

@dataclass(frozen=True)
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


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise ``text[start:end]``; offsets refer to ``text``."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text, start, stop):
        word = m.group()
        key = norm_key(word)
        if not key:
            continue
        tokens.append(Token(m.start(), m.end(), word, key, strip_clitics(key)[1]))
    return tokens

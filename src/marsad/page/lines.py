"""Lines of a page and the features the segmenter reads from them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.lexicons import load
from marsad.text.normalize import norm_key

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_ENDS_SENTENCE = re.compile(r"[.!:…»\"”)]\s*$")
_TITLE_END = re.compile(r"[.!:…]\s*$")
_BULLET = re.compile(r"^\s*(?:[•●▪◦·*]|-\s)")
_KEY_PUNCT = re.compile(r"[^\w\s]")
_NOT_ARABIC = re.compile(r"[^\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+")
_NOT_LETTERS = re.compile(r"[\W\d_]+")

BODY_MIN_WORDS = 14
TITLE_MAX_WORDS = 30
DUP_MAX_WORDS = 30


@dataclass(frozen=True)
class Line:
    """One non-blank line: its offsets (whitespace trimmed), text, key and bare key (no punctuation)."""

    index: int
    start: int
    end: int
    text: str
    key: str
    words: int
    bare: str

    @property
    def ends_sentence(self) -> bool:
        """True when the line ends like a sentence (period, colon, closing quote ...)."""
        return bool(_ENDS_SENTENCE.search(self.text))

    @property
    def is_body(self) -> bool:
        """True for a paragraph of running text."""
        return self.words >= BODY_MIN_WORDS or (self.words >= 6 and self.ends_sentence)

    @property
    def is_paragraph(self) -> bool:
        """True for a full paragraph (long enough that no headline or teaser title is one)."""
        return self.words >= BODY_MIN_WORDS

    @property
    def title_like(self) -> bool:
        """True for a line that can title an article (no final period or colon, not too long)."""
        return 3 <= self.words <= TITLE_MAX_WORDS and not _TITLE_END.search(self.text)

    @property
    def is_bullet(self) -> bool:
        """True for a list item (•, -, *)."""
        return bool(_BULLET.match(self.text))


def phrase_key(text: str) -> str:
    """Key of a phrase for lexicon matching: normalised, punctuation removed, spaces collapsed."""
    return " ".join(_KEY_PUNCT.sub(" ", norm_key(text)).split())


def split_lines(text: str) -> list[Line]:
    """Split ``text`` into its non-blank lines with trimmed offsets."""
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            body = text[start:end]
            key = norm_key(body)
            bare = " ".join(_KEY_PUNCT.sub(" ", key).split())
            lines.append(Line(len(lines), start, end, body, key, len(_WORD.findall(body)), bare))
    return lines


def arabic_ratio(text: str) -> float:
    """Share of Arabic letters among all letters of ``text``."""
    letters = len(_NOT_LETTERS.sub("", text))  # counted as what is left once everything else is removed
    if not letters:
        return 0.0
    return len(_NOT_ARABIC.sub("", text)) / letters


@cache
def phrases(name: str) -> tuple[str, ...]:
    """A lexicon's phrases as matching keys, longest first."""
    return tuple(sorted({phrase_key(p) for p in load(name)}, key=len, reverse=True))


@cache
def _phrases_by_first_word(name: str) -> dict[str, tuple[str, ...]]:
    """A lexicon's phrase keys grouped by their first word (longest first in each group)."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases(name):
        groups.setdefault(phrase.split(" ", 1)[0], []).append(phrase)
    return {word: tuple(group) for word, group in groups.items()}


def starts_with_phrase(line: Line, name: str) -> str | None:
    """The lexicon phrase the line starts with (word-bounded), if any."""
    bare = line.bare
    for phrase in _phrases_by_first_word(name).get(bare.split(" ", 1)[0], ()):
        if bare == phrase or bare.startswith(phrase + " "):
            return phrase
    return None

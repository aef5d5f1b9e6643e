"""Passages (paragraph-sized stretches of an article) and their word shingles."""

from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass

import numpy as np

from marsad.corpus.units import Unit
from marsad.text.tokens import text_tokens, token_stem, word_tokens

SHINGLE_SIZE = 3
MIN_WORDS = 8
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Passage:
    """One paragraph of a unit: its offsets in the document text and its hashed word shingles."""

    unit: str
    document: str
    start: int
    end: int
    text: str
    shingles: frozenset[int]


def word_stems(text: str, start: int, end: int) -> list[str]:
    """The clitic-stripped keys of the word tokens of ``text[start:end]`` (cut from the text's one tokenisation)."""
    return list(map(token_stem, word_tokens(text_tokens(text, start, end))))


def shingles(stems: list[str], size: int = SHINGLE_SIZE) -> frozenset[int]:
    """The ``size``-word shingles of a stem sequence, each hashed to 32 bits (CRC-32 of the joined words)."""
    if len(stems) < size:
        return frozenset()
    runs = zip(*(stems[k:] for k in range(size)), strict=False)  # each run of ``size`` stems (the shorter lists end it)
    joined = map(" ".join, runs)
    return frozenset(map(zlib.crc32, map(str.encode, joined)))


def passages_of(unit: Unit, text: str, min_words: int = MIN_WORDS) -> list[Passage]:
    """The lines of ``unit`` holding at least ``min_words`` words, with their shingles."""
    out: list[Passage] = []
    for piece in unit.pieces:
        for m in _LINE.finditer(text, piece.start, piece.end):
            start, end = m.start(), m.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            stems = word_stems(text, start, end)
            if len(stems) < min_words:
                continue
            out.append(Passage(unit.id, unit.document, start, end, text[start:end], shingles(stems)))
    return out


def encode_shingles(shingles: frozenset[int]) -> str:
    """A passage's shingles as the passage index stores them: sorted 32-bit values, base64 (a worker makes it)."""
    return base64.b64encode(np.array(sorted(shingles), dtype=np.uint32).tobytes()).decode("ascii")


def decode_shingles(text: str) -> frozenset[int]:
    """The shingles :func:`encode_shingles` stored."""
    return frozenset(np.frombuffer(base64.b64decode(text), dtype=np.uint32).tolist())

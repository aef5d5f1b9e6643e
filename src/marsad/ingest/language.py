"""Checks that a decoded text is worth analysing: not empty, and written in Arabic."""

from __future__ import annotations

from collections import Counter

from marsad.ingest.rejected import Rejected
from marsad.options import Options

_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def is_arabic_letter(ch: str) -> bool:
    """True for a letter of the Arabic script (any Arabic Unicode block)."""
    code = ord(ch)
    return ch.isalpha() and any(lo <= code <= hi for lo, hi in _ARABIC_RANGES)


def arabic_ratio(text: str) -> float:
    """Share of Arabic-script letters among all letters of ``text`` (0.0 when there are none)."""
    letters = 0
    arabic = 0
    for ch, n in Counter(text).items():  # a text has few distinct characters
        if ch.isalpha():
            letters += n
            if is_arabic_letter(ch):
                arabic += n
    return arabic / letters if letters else 0.0


def check_text(text: str, options: Options) -> None:
    """Raise :class:`Rejected` when ``text`` is empty or not Arabic enough for ``options``."""
    if not text.strip():
        raise Rejected("empty")
    ratio = arabic_ratio(text)
    if ratio < options.min_arabic_ratio:
        raise Rejected(f"not Arabic (Arabic letters {ratio:.0%} of letters, need {options.min_arabic_ratio:.0%})")

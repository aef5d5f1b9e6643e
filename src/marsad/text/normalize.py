"""Arabic normalisation for matching keys, with an offset map back to the original text.

Only keys are normalised: the document text is never rewritten.  :func:`normalize`
returns the key text plus, for each key character, the offset of the original
character it came from, so that a match found in the key maps back to a span of
the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Characters dropped from keys: harakat, superscript alef, Quranic marks, tatweel,
# bidi controls and zero-width characters, the BOM.
_DROP = set(
    [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(0x0670), chr(0x0640)]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u061c"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

_MAP: dict[str, str] = {
    # alef forms and hamza seats
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه",
    # Persian and Urdu letters
    "ی": "ي", "ې": "ي", "ۍ": "ي", "ے": "ي", "ک": "ك", "ڪ": "ك", "گ": "ك",
    "ۀ": "ه", "ہ": "ه", "ھ": "ه", "ە": "ه", "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف", "ڨ": "ق",
    # spaces and quote marks
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ", "\t": " ",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "″": '"', "‟": '"',
    "‘": "'", "’": "'", "‚": "'",
    # Arabic punctuation
    "،": ",", "؛": ";", "؟": "?",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits


_DROPPED = re.compile("[" + re.escape("".join(sorted(_DROP))) + "]+")
_TABLE: dict[int, str | None] = {ord(c): None for c in _DROP}
_TABLE.update({ord(k): v for k, v in _MAP.items()})
_TABLE.update({c: chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})  # ASCII lower case, length-preserving
# The table as (character, replacement) pairs: no replacement is itself a character of the table, so replacing
# them one after the other, in any order, is the table's translation.
_REPLACED = tuple((chr(c), r or "") for c, r in _TABLE.items())
_REPLACE_FROM = 100  # characters: from this length on, replacing pair by pair beats str.translate


def _translated(text: str) -> str:
    """``text.translate(_TABLE)``, computed faster on long texts.

    ``str.translate`` looks every character up in the table (about 0.15 µs a character of Arabic
    text); a search (and, where found, a replacement) per table entry runs in C at a few
    nanoseconds a character and costs about 10 µs whatever the length: about 7 times faster on
    a news article, slower on a word.
    """
    if len(text) < _REPLACE_FROM:
        return text.translate(_TABLE)
    for char, replacement in _REPLACED:
        if char in text:
            text = text.replace(char, replacement)
    return text


@dataclass(frozen=True)
class Normalized:
    """A normalised key text and the map from its characters to original offsets.

    ``offsets`` has ``len(text) + 1`` entries: ``offsets[i]`` is the original
    offset of key character ``i`` and the last entry is the original length.
    """

    text: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a key span ``[start, end)`` back to the original text's offsets."""
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


def key_text(text: str) -> str:
    """``normalize(text).text`` without the offset map: the key text alone (for storing or indexing it)."""
    return _translated(text)


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching and keep the offset map to the original.

    Every mapping is one character to one character or a deletion, so the key's
    characters are exactly the original's kept characters, in order.
    """
    key = _translated(text)
    if len(key) == len(text):
        return Normalized(key, tuple(range(len(text) + 1)))
    offsets: list[int] = []
    pos = 0
    for m in _DROPPED.finditer(text):  # the kept characters are the runs between dropped ones
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    offsets.extend(range(pos, len(text) + 1))
    return Normalized(key, tuple(offsets))


_SPACES = re.compile(r"\s+")
NORM_KEY_CACHE = 1 << 14  # strings, mostly words and names: a few MiB at most


@lru_cache(maxsize=NORM_KEY_CACHE)
def norm_key(text: str) -> str:
    """Return the matching key of ``text``: normalised, whitespace collapsed, stripped.

    Cached: the components key the same words and mention texts again and again (about 1,200 calls a
    news article, most of them repeats).
    """
    return _SPACES.sub(" ", _translated(text)).strip()

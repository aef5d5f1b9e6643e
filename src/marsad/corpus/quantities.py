"""Numbers in Arabic news text as value ranges with their unit: what claims compare.

A quantity is read from digits (Arabic-Indic too, thousands separators, a number glued to
a clitic such as «لـ31»), number words (``ثلاثة``, ``خمسة عشر``, ``ثلاثة وعشرين``,
``ثلاثة آلاف``, ``2.5 مليون``), vague words (``عشرات`` = 20..99, ``مئات``), fractions
(``ثلث`` = 33.3 %) and nouns in the dual (``شخصين`` = 2), from the ``claim_numbers.tsv``
lexicon.  Approximators (``claim_approximators.tsv``: «نحو», «أكثر من», «على الأقل»...) and
ranges («ما بين 20 و25») turn a value into an interval, so that two reports conflict only
when their intervals do not overlap (:func:`compatible`).  A unit after the number
(``claim_units.tsv``) normalises the value to its base: durations to months (90 days =
3 months), percentages, currencies, distances.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from marsad.lexicons import load_table
from marsad.text.clitics import stem_variants
from marsad.text.normalize import norm_key
from marsad.text.tokens import Token, tokenize

ABOUT = 0.1  # «نحو N» covers N +- 10 %
FRACTION_SLACK = 2.0  # «ثلث» covers 33.3 +- 2 percentage points
TEEN_BASE = 10
_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+(?:[.٫][0-9٠-٩۰-۹]+)?$")
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")
_ARABIC_PREFIX = re.compile(r"[\u0621-\u064a\u0640]+")  # «لـ31», «و25», «يوقع15» (a missing space)


@dataclass(frozen=True)
class Quantity:
    """A number in a text: its span (approximator included), interval, unit and token range.

    ``low``/``high`` bound the value (``high`` may be ``inf``); ``unit`` is a base unit
    (``month``, ``percent``, ``SAR``...) or None for a plain count; ``first``/``last`` are
    the indices of the number's first and last tokens in the tokenised range, ``after``
    the index of the first token after the number (and its unit).
    """

    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str | None
    exact: bool
    first: int
    last: int
    after: int

    @property
    def value(self) -> str:
        """The normalised value: ``27``, ``90..110``, ``30..`` (30 or more), with the unit if any."""
        if self.low == self.high:
            shown = _fmt(self.low)
        else:
            shown = f"{_fmt(self.low) if self.low > 0 else ''}..{'' if math.isinf(self.high) else _fmt(self.high)}"
        return f"{shown} {self.unit}" if self.unit else shown


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.2f}".rstrip("0").rstrip(".")


def compatible(a: Quantity, b: Quantity) -> bool:
    """True when two quantities can report the same value: same unit and overlapping intervals."""
    if a.unit != b.unit:
        return True  # not comparable, so not in conflict
    return a.low <= b.high * (1 + 1e-9) and b.low <= a.high * (1 + 1e-9)


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, tuple[str, float, float]]
    approximators: dict[tuple[str, ...], str]
    after: dict[tuple[str, ...], str]
    units: dict[str, tuple[str, float]]


@cache
def _lexicon() -> _Lexicon:
    words: dict[str, tuple[str, float, float]] = {}
    for row in load_table("claim_numbers.tsv"):
        value = float(row[2])
        words.setdefault(norm_key(row[0]), (row[1], value, float(row[3]) if len(row) > 3 else value))
    before: dict[tuple[str, ...], str] = {}
    after: dict[tuple[str, ...], str] = {}
    for row in load_table("claim_approximators.tsv"):
        target = after if len(row) > 2 and row[2] == "after" else before
        target[tuple(norm_key(row[0]).split())] = row[1]
    units = {norm_key(row[0]): (row[1], float(Fraction(row[2]))) for row in load_table("claim_units.tsv")}
    return _Lexicon(words, before, after, units)


def _word(tok: Token) -> tuple[str, float, float] | None:
    """The number word a token is, proclitics و ب ل ف ال allowed (not ك: «كمية» is no «مئة»)."""
    words = _lexicon().words
    for key in stem_variants(tok.key):
        if key in words and "ك" not in tok.key[: len(tok.key) - len(key)]:
            return words[key]
    return None


def _digits(tok: Token) -> tuple[float, int] | None:
    """The value of a token ending in digits, and the offset where the digits start."""
    m = _DIGITS.search(tok.text)
    if m is None:
        return None
    prefix = tok.text[: m.start()]
    if prefix and not _ARABIC_PREFIX.fullmatch(prefix):
        return None  # A320, F16: codes, not counts
    return float(m.group().translate(_TO_ASCII)), tok.start + m.start()


def unit_of(tok: Token) -> tuple[str, float] | None:
    """The (base unit, factor) a token names, if it is a unit word."""
    units = _lexicon().units
    if tok.text in units:
        return units[tok.text]
    for key in stem_variants(tok.key):
        if key in units:
            return units[key]
    return None


def word_start(tok: Token) -> int:
    """The offset where a token's stem starts (its proclitics و ب ل ... left out of a span)."""
    if tok.key == tok.stem:
        return tok.start
    for p in range(len(tok.text)):
        if norm_key(tok.text[p:]) == tok.stem:
            return tok.start + p
    return tok.start


def _skip_punct(tokens: list[Token], i: int, step: int) -> int:
    while 0 <= i < len(tokens) and not tokens[i].is_word and tokens[i].text in "«»()\"'“”[]":
        i += step
    return i


class _Reader:
    """Reads the number phrase starting at one token."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens

    def number(self, i: int) -> tuple[float, float, int, int, str] | None:
        """(low, high, start offset, index of the last token, kind) of a number at token ``i``."""
        tok = self.tokens[i]
        digits = _digits(tok)
        if digits is not None:
            value, start = digits
            j = i
            # thousands written 3,042 (three tokens, no spaces)
            while j + 2 < len(self.tokens) and self.tokens[j + 1].text in ",٬" and self._adjacent(j, j + 2):
                nxt = self.tokens[j + 2].text.translate(_TO_ASCII)
                if not (len(nxt) == 3 and nxt.isdigit()):
                    break
                value = value * 1000 + float(nxt)
                j += 2
            return self._multiplied(value, value, start, j, "card")
        word = _word(tok)
        if word is None or (word[0] == "mult" and tok.key != tok.stem and tok.stem not in ("الف", "مليون")):
            return None
        kind, low, high = word
        if kind == "frac" and tok.stem != tok.key and tok.key.endswith(tok.stem) and "ال" in tok.key[: -len(tok.stem)]:
            return None  # «الربع الثاني» is a quarter of the year, «النصف» a half of something named before
        if kind == "card":
            return self._compound(low, tok.start, i)
        if kind == "mult":
            return low, high, tok.start, i, "card"
        if kind == "vague":
            return self._multiplied(low, high, tok.start, i, "vague")
        return low, high, tok.start, i, kind

    def _adjacent(self, i: int, j: int) -> bool:
        return all(self.tokens[k].end == self.tokens[k + 1].start for k in range(i, j))

    def _compound(self, value: float, start: int, i: int) -> tuple[float, float, int, int, str]:
        j = i
        nxt = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        word = _word(nxt) if nxt is not None else None
        if word and word[0] == "card" and value < TEEN_BASE and word[1] == TEEN_BASE and nxt is not None:
            value, j = value + TEEN_BASE, j + 1  # خمسة عشر
        elif word and word[0] == "card" and value < TEEN_BASE and word[1] == 100:
            value, j = value * 100, j + 1  # ثلاث مئة
        nxt = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        if nxt is not None and nxt.key.startswith("و") and nxt.key != "و":
            word = _word(nxt)
            if word and word[0] == "card" and word[1] > value and word[1] < 100:
                value, j = value + word[1], j + 1  # ثلاثة وعشرين
        return self._multiplied(value, value, start, j, "card")

    def _multiplied(self, low: float, high: float, start: int, j: int, kind: str) -> tuple[float, float, int, int, str]:
        k = _skip_punct(self.tokens, j + 1, 1)
        if k < len(self.tokens):
            word = _word(self.tokens[k])
            if word and (word[0] == "mult" or (word[0] == "vague" and word[1] >= 1000)):
                factor = word[1] if word[0] == "mult" else 1000
                return low * factor, high * factor, start, k, kind
        return low, high, start, j, kind


def _approximator(tokens: list[Token], first: int) -> tuple[str, int] | None:
    """The approximator ending right before token ``first``: (kind, index of its first token)."""
    i = _skip_punct(tokens, first - 1, -1)
    for phrase, kind in sorted(_lexicon().approximators.items(), key=lambda kv: -len(kv[0])):
        n = len(phrase)
        start = i - n + 1
        if start < 0:
            continue
        keys = tuple(t.key for t in tokens[start : i + 1])
        stems = (tokens[start].stem, *keys[1:])
        if keys == phrase or stems == phrase:
            return kind, start
    return None


def _after_approximator(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """An approximator such as «على الأقل» within two tokens after index ``j``."""
    for phrase, kind in _lexicon().after.items():
        for start in range(j + 1, min(j + 3, len(tokens))):
            keys = tuple(t.key for t in tokens[start : start + len(phrase)])
            if keys == phrase:
                return kind, start + len(phrase) - 1
    return None


def _interval(low: float, high: float, kind: str | None) -> tuple[float, float]:
    if kind == "about":
        return math.floor(round(low * (1 - ABOUT), 3)), math.ceil(round(high * (1 + ABOUT), 3))
    if kind == "over":
        return low + (1 if float(low).is_integer() else 0.01), math.inf
    if kind == "least":
        return low, math.inf
    if kind == "under":
        return 0.0, high - (1 if float(high).is_integer() else 0.01)
    if kind == "most":
        return 0.0, high
    return low, high


def find_quantities(text: str, start: int = 0, end: int | None = None) -> tuple[list[Token], list[Quantity]]:
    """The tokens of ``text[start:end]`` and every quantity in it, in text order."""
    tokens = tokenize(text, start, end)
    reader = _Reader(tokens)
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        parsed = reader.number(i)
        if parsed is None:
            i += 1
            continue
        low, high, q_start, last, kind = parsed
        first = i
        unit: str | None = None
        k = _skip_punct(tokens, last + 1, 1)
        after = k
        if kind == "frac":
            low, high, unit = low - FRACTION_SLACK, high + FRACTION_SLACK, "percent"
        elif kind == "dual" and (found := unit_of(tokens[first])) is not None:
            unit, low = found  # «عامين»: the unit's dual, its factor counts both (24 months)
            high = low
        elif k < len(tokens) and (found := unit_of(tokens[k])) is not None:
            unit, factor = found
            low, high, after = round(low * factor, 6), round(high * factor, 6), k + 1
        elif k + 1 < len(tokens) and tokens[k].key == "في" and (found := unit_of(tokens[k + 1])) is not None:
            unit, factor = found  # 40 في المائة
            low, high, after = round(low * factor, 6), round(high * factor, 6), k + 2
        if kind == "dual":
            after = last  # the dual noun is also the counted noun
        # ranges: «بين 20 و25», «من 20 إلى 25»
        nxt = tokens[last + 1] if last + 1 < len(tokens) else None
        if nxt is not None and first > 0 and tokens[first - 1].key in ("بين", "وبين") and nxt.key.startswith("و"):
            second = _digits(nxt)
            if second is not None:
                high, last, after = max(high, second[0]), last + 1, max(after, last + 2)
        approx = _approximator(tokens, first)
        q_first = first
        if approx is not None:
            q_start, q_first = word_start(tokens[approx[1]]), approx[1]
        tail = max(last, after - 1)
        trailing = _after_approximator(tokens, tail)
        kind_of = approx[0] if approx else trailing[0] if trailing else "vague" if kind == "vague" else None
        lo, hi = _interval(low, high, kind_of if kind_of != "vague" else None)
        q_end = max(t.end for t in tokens[first : tail + 1] if t.is_word)
        out.append(Quantity(q_start, q_end, text[q_start:q_end], lo, hi, unit, kind_of is None and lo == hi,
                            q_first, last, after))
        i = max(last, after - 1) + 1 if after > last else last + 1
    return tokens, out

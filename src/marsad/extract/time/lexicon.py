"""The temporal lexicons (month names, weekdays, number words, units, temporal words) keyed for matching."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.lexicons import load_table
from marsad.text.normalize import norm_key


@dataclass(frozen=True)
class MonthName:
    """A month name: its calendar (``g`` Gregorian, ``h`` Hijri), number and strictness."""

    calendar: str
    month: int
    strict: str


@dataclass(frozen=True)
class Lexicon:
    """Every temporal table, keyed by the normalised form (tuples of tokens)."""

    months: dict[tuple[str, ...], MonthName]
    weekdays: dict[tuple[str, ...], int]
    numbers: dict[tuple[str, ...], tuple[float, str]]
    units: dict[tuple[str, ...], tuple[str, int]]
    words: dict[tuple[str, ...], tuple[str, str]]

    def longest(self) -> int:
        """The longest entry, in tokens, over every table."""
        tables: list[dict[tuple[str, ...], object]] = [
            dict(self.months), dict(self.weekdays), dict(self.numbers), dict(self.units), dict(self.words)
        ]
        return max(len(k) for table in tables for k in table)


def _key(form: str) -> tuple[str, ...]:
    return tuple(norm_key(form).split(" "))


@cache
def lexicon() -> Lexicon:
    """Load the ``time_*.tsv`` lexicons once."""
    months = {_key(r[0]): MonthName(r[1], int(r[2]), r[3]) for r in load_table("time_months.tsv")}
    weekdays = {_key(r[0]): int(r[1]) for r in load_table("time_weekdays.tsv")}
    numbers = {_key(r[0]): (float(r[1]), r[2]) for r in load_table("time_numbers.tsv")}
    units = {_key(r[0]): (r[1], int(r[2])) for r in load_table("time_units.tsv")}
    words = {_key(r[0]): (r[1], r[2]) for r in load_table("time_words.tsv")}
    return Lexicon(months, weekdays, numbers, units, words)

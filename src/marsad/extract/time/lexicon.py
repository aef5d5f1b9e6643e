"""The temporal lexicons (month names, weekdays, number words, units, temporal words) keyed for matching."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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
    _firsts: dict[int, dict[str, int]] = field(default_factory=dict, compare=False, repr=False)

    def firsts(self, table: Mapping[tuple[str, ...], object]) -> dict[str, int]:
        """The first words of ``table``'s entries (one of this lexicon's tables), each with its longest entry in tokens."""
        index = self._firsts.get(id(table))
        if index is None:
            index = {}
            for entry in table:
                index[entry[0]] = max(index.get(entry[0], 0), len(entry))
            self._firsts[id(table)] = index
        return index


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

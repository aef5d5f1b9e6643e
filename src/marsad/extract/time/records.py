"""The records the temporal grammar passes around: parts of a date, resolved points, finds and clues."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from marsad.model import TimexType


@dataclass(frozen=True)
class Clue:
    """What an expression says about the day it was written: today's weekday or date, the current month or year."""

    weekday: int | None = None
    date: dt.date | None = None
    month: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class Found:
    """An expression found at tokens ``[start, end)``; ``cut`` proclitic characters of the first are left out."""

    start: int
    end: int
    cut: int
    type: TimexType
    value: str | None
    end_value: str | None = None
    clues: tuple[Clue, ...] = ()


@dataclass(frozen=True)
class Parts:
    """The parts of a date before resolution; ``rel_month``/``rel_year`` are offsets from the anchor."""

    day: int | None = None
    month: int | None = None
    calendar: str = "g"
    year: int | None = None
    rel_year: int | None = None
    rel_month: int | None = None
    same_month: bool = False
    mod: int | None = None


@dataclass(frozen=True)
class Point:
    """A resolved date: its TIMEX3 value and, when it is a single day, the day."""

    value: str | None
    day: dt.date | None = None
    clues: tuple[Clue, ...] = ()

"""Calendar arithmetic for normalisation: the anchor, shifts, ISO weeks and Hijri conversion.

Only arithmetic lives here (Python ``datetime`` and ``hijridate``); the grammar decides
what is shifted and in which direction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hijridate import Gregorian, Hijri

_REFS = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}
UPCOMING_MONTHS = 2


@dataclass(frozen=True)
class Anchor:
    """The reference date (and time, when known) of a segment."""

    day: dt.date
    time: str | None = None

    @classmethod
    def parse(cls, value: str) -> Anchor:
        """Read an ISO-8601 date or date-time (``2024-06-18`` or ``2024-06-18T20:16``)."""
        day = dt.date.fromisoformat(value[:10])
        time = value[11:16] if len(value) >= 16 and value[10] == "T" else None
        return cls(day, time)


def ref(direction: int) -> str:
    """The TIMEX3 vague reference for a direction (-1 past, 0 present, 1 future)."""
    return _REFS[max(-1, min(1, direction))]


def day_value(day: dt.date) -> str:
    """ISO day."""
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    """ISO month."""
    return f"{year:04d}-{month:02d}"


def week_value(day: dt.date) -> str:
    """ISO week of a day (``2024-W24``)."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """Add ``delta`` months to a (year, month)."""
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def valid_day(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day, or ``None`` when it does not exist."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def hijri_to_date(year: int, month: int, day: int) -> dt.date | None:
    """Convert a Hijri (Umm al-Qura) date; a 30th that does not exist becomes the month's last day."""
    try:
        length = Hijri(year, month, 1).month_length()
        g = Hijri(year, month, min(day, length)).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def date_to_hijri(day: dt.date) -> tuple[int, int, int] | None:
    """Convert a Gregorian day to Hijri (year, month, day), ``None`` outside the supported range."""
    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def hijri_year_value(year: int) -> str | None:
    """A Hijri year alone: the Gregorian year of its 1 Rajab (the middle of the year)."""
    mid = hijri_to_date(year, 7, 1)
    return f"{mid.year:04d}" if mid else None


def nearest_hijri(anchor: dt.date, month: int, day: int, direction: int | None) -> dt.date | None:
    """The occurrence of Hijri month/day nearest the anchor, or the previous/next one for a direction."""
    h = date_to_hijri(anchor)
    if h is None:
        return None
    candidates = [d for y in (h[0] - 1, h[0], h[0] + 1) if (d := hijri_to_date(y, month, day)) is not None]
    if direction == -1:
        past = [d for d in candidates if d < anchor]
        return max(past) if past else None
    if direction == 1:
        future = [d for d in candidates if d > anchor]
        return min(future) if future else None
    return min(candidates, key=lambda d: abs((d - anchor).days)) if candidates else None


def hijri_month_start(anchor: dt.date, month: int, direction: int | None) -> dt.date | None:
    """The first day of a Hijri month without a year: the previous (-1), current (0), next (1) or nearest."""
    h = date_to_hijri(anchor)
    if h is None:
        return None
    if direction == 0:
        return hijri_to_date(h[0], month, 1)
    if direction == -1:
        return hijri_to_date(h[0] if month < h[1] else h[0] - 1, month, 1)
    if direction == 1:
        return hijri_to_date(h[0] if month > h[1] else h[0] + 1, month, 1)
    return nearest_hijri(anchor, month, 1, None)


def month_year(anchor: dt.date, month: int, direction: int | None, future: bool, since: bool) -> int:
    """The year of a Gregorian month named without one.

    ``direction`` -1 (الماضي) is strictly before the anchor's month, 1 (المقبل) strictly after,
    0 (الجاري) the anchor's year.  Without one: after منذ the last occurrence, in a future
    context the next; otherwise news speaks of the past, except of the next two months,
    which are upcoming (a fixture on 23 August written in July).
    """
    past = anchor.year if month <= anchor.month else anchor.year - 1
    upcoming = anchor.year if month >= anchor.month else anchor.year + 1
    if direction == -1:
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == 1:
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction == 0 or month == anchor.month:
        return anchor.year
    if since:
        return past
    if future or (month - anchor.month) % 12 <= UPCOMING_MONTHS:
        return upcoming
    return past


def weekday_date(base: dt.date, weekday: int, direction: int | None, future: bool) -> dt.date:
    """The day named by an ISO weekday relative to ``base``.

    With الماضي the previous one, with المقبل the next one; otherwise the base day itself when it
    is that weekday, else the next one in a future context and the previous one in the past.
    """
    delta = (weekday - base.isoweekday()) % 7
    if direction == -1:
        return base - dt.timedelta(days=7 - delta if delta else 7)
    if direction == 1:
        return base + dt.timedelta(days=delta or 7)
    if delta == 0:
        return base
    return base + dt.timedelta(days=delta) if future else base - dt.timedelta(days=7 - delta)


def nearest_weekday(base: dt.date, weekday: int) -> dt.date:
    """The day of ``weekday`` nearest ``base`` (ties go to the past)."""
    delta = (weekday - base.isoweekday()) % 7
    return base + dt.timedelta(days=delta) if delta < 4 else base - dt.timedelta(days=7 - delta)


def shift(anchor: Anchor, unit: str, amount: float) -> tuple[str, str]:
    """``amount`` units before (negative) or after the anchor, as (type, value) at the unit's granularity."""
    day = anchor.day
    if unit in ("Y", "DE", "CE"):
        years = round(amount * {"Y": 1, "DE": 10, "CE": 100}[unit])
        return "DATE", f"{day.year + years:04d}"
    n = round(amount)
    if unit == "M":
        y, m = shift_month(day.year, day.month, n)
        return "DATE", month_value(y, m)
    if unit == "W":
        return "DATE", week_value(day + dt.timedelta(weeks=n))
    if unit == "D":
        return "DATE", day_value(day + dt.timedelta(days=n))
    if anchor.time is None:
        return "DATE", day_value(day)
    base = dt.datetime.fromisoformat(f"{day.isoformat()}T{anchor.time}")
    step = {"H": dt.timedelta(hours=1), "MIN": dt.timedelta(minutes=1), "S": dt.timedelta(seconds=1)}[unit]
    moved = base + n * step
    return "TIME", moved.strftime("%Y-%m-%dT%H:%M")

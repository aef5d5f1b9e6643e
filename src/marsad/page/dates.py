"""Publication dates read from a page: explicit datelines and container metadata."""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache

from hijridate import Hijri

from marsad.ingest.dates import parse_date
from marsad.lexicons import load_table
from marsad.model import Document, Published
from marsad.page.lines import Line
from marsad.text.normalize import norm_key

DATELINE_MAX_WORDS = 16
DATELINE_EXTRA_WORDS = 8
HEADER_LINES = 8


@cache
def _months() -> dict[str, int]:
    """Gregorian month names in every system (the time stage's lexicon)."""
    return {norm_key(row[0]): int(row[2]) for row in load_table("time_months.tsv") if row[1] == "g"}


@cache
def _hijri_months() -> dict[str, int]:
    """Hijri month names (the time stage's lexicon)."""
    return {norm_key(row[0]): int(row[2]) for row in load_table("time_months.tsv") if row[1] == "h"}


@cache
def _hijri_re() -> re.Pattern[str]:
    months = "|".join(sorted((re.escape(m) for m in _hijri_months()), key=len, reverse=True))
    return re.compile(rf"(?P<day>\d{{1,2}})\s*(?P<month>{months})\s*(?P<year>1[34]\d\d)\s*(?:هـ|ه)(?!\w)")


@cache
def _weekdays() -> dict[str, int]:
    return {norm_key(row[0]): int(row[1]) for row in load_table("time_weekdays.tsv")}


@cache
def _dateline_re() -> re.Pattern[str]:
    months = "|".join(sorted((re.escape(m) for m in _months()), key=len, reverse=True))
    alternative = rf"(?:\s*/\s*(?:{months}))?"  # آب/أغسطس: two names of one month
    return re.compile(
        rf"(?P<day>\d{{1,2}})\s*(?:من\s+)?(?P<month>{months}){alternative}\s*[,،]?\s*(?P<year>\d{{4}})"
        rf"|(?P<month4>{months}){alternative}\s+(?P<day4>\d{{1,2}})\s*[,،]\s*(?P<year4>\d{{4}})"
        r"|(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4})"
        r"|(?P<y3>\d{4})\s*[/.-]\s*(?P<m3>\d{1,2})\s*[/.-]\s*(?P<d3>\d{1,2})"
    )


_TIME = re.compile(r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?\s*(?P<ampm>[مص]|مساء|صباحا|pm|am)?(?![\w])")


def parse_dateline(text: str) -> str | None:
    """The ISO date (with time when given) of a line that is a dateline, else None.

    >>> parse_dateline("الثلاثاء، 18 يونيو 2024 - 08:16 م")
    '2024-06-18T20:16'
    """
    key = norm_key(text)
    words = key.split()
    if len(words) > DATELINE_MAX_WORDS or key.endswith("."):
        return None
    match = _dateline_re().search(key) or _hijri_re().search(key)
    if match is None:
        return None
    date = _to_date(match)
    if date is None:
        return None
    rest = (key[: match.start()] + " " + key[match.end():]).split()
    extra = [w for w in rest if not _is_date_word(w)]
    if len(extra) > DATELINE_EXTRA_WORDS:
        return None
    time = _TIME.search(key, match.end())
    if time is None:
        return date
    hour, minute = int(time["h"]), int(time["mi"])
    ampm = time["ampm"] or ""
    if ampm in ("م", "مساء", "pm") and hour < 12:
        hour += 12
    elif ampm in ("ص", "صباحا", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return date
    return f"{date}T{hour:02d}:{minute:02d}"


def _to_date(match: re.Match[str]) -> str | None:
    if match.re is _hijri_re():
        try:
            hijri = Hijri(int(match["year"]), _hijri_months()[match["month"]], int(match["day"]))
            return hijri.to_gregorian().isoformat()
        except (ValueError, OverflowError):
            return None
    if match["day"]:
        day, month, year = int(match["day"]), _months()[match["month"]], int(match["year"])
    elif match["day4"]:
        day, month, year = int(match["day4"]), _months()[match["month4"]], int(match["year4"])
    elif match["d2"]:
        day, month, year = int(match["d2"]), int(match["m2"]), int(match["y2"])
    else:
        day, month, year = int(match["d3"]), int(match["m3"]), int(match["y3"])
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def _is_date_word(word: str) -> bool:
    word = word.strip(",،-–:|")
    return (
        not word
        or word.isdigit()
        or word in _weekdays()
        or word in _months()
        or word in _hijri_months()
        or "/" in word
        or word in ("م", "ص", "هـ", "ه", "مساء", "صباحا", "بتوقيت", "غرينتش")
        or bool(_TIME.fullmatch(word))
    )


_NOT_DATELINE = ("boiler", "related", "caption")


def find_datelines(doc: Document, lines: list[Line], roles: list[str] | None = None) -> None:
    """Set publication dates from datelines in the header of the main article and appended articles.

    A dateline counts for an article when it stands among the first lines of that
    article (or just above the main article); dates inside paragraphs never do. With the
    learnt line ``roles``, a line the role model calls a dateline comes first, and a date
    in navigation, widgets, teasers or captions (today's date in a menu bar) never counts.
    """
    for seg in doc.segments:
        if seg.kind not in ("main", "appended") or seg.parent is not None:
            continue
        header = [ln for ln in lines if seg.start <= ln.start < seg.end][:HEADER_LINES]
        if seg.kind == "main":
            header = [ln for ln in lines if ln.end <= seg.start][-HEADER_LINES:] + header
        if roles is not None:
            header = [ln for ln in header if roles[ln.index] == "dateline"] + [
                ln for ln in header if roles[ln.index] not in (*_NOT_DATELINE, "dateline")
            ]
        for line in header:
            value = parse_dateline(line.text)
            if value is not None:
                seg.published = Published(value, "explicit")
                if seg.kind == "main":
                    doc.published = seg.published
                break


def metadata_date(value: str | None) -> Published | None:
    """A publication date from container metadata (HTML meta tags, JSON fields), if it parses."""
    found = parse_date(value)
    return Published(found, "metadata") if found else None

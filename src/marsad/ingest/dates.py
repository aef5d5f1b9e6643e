"""Publication dates as records and URLs carry them, normalised to ISO 8601.

Values come as RFC 822/2822/1123 strings (RSS ``pubDate``: "Tue, 08 May 2018 17:14:59 GMT"),
ISO 8601 with or without a zone, compact GDELT stamps (``20180507``, ``20180507123000``),
epoch seconds or milliseconds, English month names and Arabic date strings (read by the
time grammar, Hijri included).  A date given with a zone keeps its wall-clock time in that
zone (the day the outlet dated it); epoch values are UTC.  The result is ``YYYY-MM-DD`` or
``YYYY-MM-DDTHH:MM[:SS]``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import math
import re
from urllib.parse import unquote, urlparse

from marsad.text.normalize import normalize

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
_EPOCH_MS_DIGITS = 13
_EPOCH_S_DIGITS = (9, 10)

_ISO = re.compile(
    r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"
    r"(?:(?:[T ]|\s*,?\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?)?",
    re.IGNORECASE,
)
_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)(?:\s*,?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?Z?$", re.IGNORECASE)
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$|^\d{13}$")
_ENGLISH_MONTHS = {
    name: n for n, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december"), 1)
    for name in names.split()
}
_MONTH = "|".join(sorted(_ENGLISH_MONTHS, key=len, reverse=True))
_ENGLISH = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))\b"
    r"(?:,?\s*(?:at\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?)?",
    re.IGNORECASE,
)
# /2018/05/07/, /2018-05-07/, /20180507/ (also as a file-name prefix: /20180507_x.html)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
    r"|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
_FULL_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$")


def parse_date(value: object) -> str | None:
    """The ISO date (with time when given) of a date value from a record or feed, else None.

    >>> parse_date("Tue, 08 May 2018 17:14:59 GMT")
    '2018-05-08T17:14:59'
    >>> parse_date(1525799699)
    '2018-05-08T17:14:59'
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _epoch(float(value))
    if not isinstance(value, str):
        return None
    text = normalize(value.strip()).text.strip()  # Arabic-Indic digits become ASCII, bidi marks go
    if not text:
        return None
    for parse in (_numeric, _iso, _english, _rfc822, _dmy, _arabic):
        found = parse(text)
        if found is not None:
            return found
    return None


def url_date(url: str | None) -> str | None:
    """The date a URL path states (``/2018/05/07/``, ``/20180507/``), else None."""
    if not url:
        return None
    try:
        path = unquote(urlparse(url).path)
    except ValueError:
        return None
    for match in _URL_DATE.finditer(path):
        year, month, day = (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
        found = _iso_day(int(year), int(month), int(day))
        if found is not None:
            return found
    return None


def _numeric(text: str) -> str | None:
    compact = _COMPACT.match(text)
    if compact is not None:
        day = _iso_day(int(compact[1]), int(compact[2]), int(compact[3]))
        if day is not None or len(text) != 8:  # eight digits that are no day may still be nothing else
            return _with_time(day, compact[4], compact[5], compact[6])
    if _EPOCH.match(text):
        return _epoch(float(text))
    return None


def _epoch(seconds: float) -> str | None:
    if not math.isfinite(seconds):  # NaN and Infinity are valid JSON numbers for Python's json module
        return None
    digits = len(str(int(abs(seconds))))
    if digits == _EPOCH_MS_DIGITS:
        seconds /= 1000
    elif digits not in _EPOCH_S_DIGITS:
        return None
    try:
        moment = dt.datetime.fromtimestamp(seconds, dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        return None
    return moment.replace(tzinfo=None).isoformat(timespec="seconds")


def _iso(text: str) -> str | None:
    match = _ISO.search(text)
    if match is None:
        return None
    return _with_time(_iso_day(int(match[1]), int(match[2]), int(match[3])), match[4], match[5], match[6])


def _dmy(text: str) -> str | None:
    match = _DMY.search(text)
    if match is None:
        return None
    return _with_time(_iso_day(int(match[3]), int(match[2]), int(match[1])), match[4], match[5], match[6])


def _rfc822(text: str) -> str | None:
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None or not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        return None
    return moment.replace(tzinfo=None).isoformat(timespec="seconds")


def _english(text: str) -> str | None:
    match = _ENGLISH.search(text)
    if match is None:
        return None
    if match["d1"]:
        day, month, year = match["d1"], match["m1"], match["y1"]
    else:
        day, month, year = match["d2"], match["m2"], match["y2"]
    date = _iso_day(int(year), _ENGLISH_MONTHS[month.lower()], int(day))
    hour = match["h"]
    if hour is not None and match["ampm"]:
        h = int(hour) % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
        hour = str(h)
    return _with_time(date, hour, match["mi"], match["s"])


def _arabic(text: str) -> str | None:
    """An Arabic date string read by the time grammar: the first expression naming a whole day."""
    # the grammar, imported when a record's date is Arabic text (not by ``marsad --help``)
    from marsad.extract.time.annotate import scan_text

    for _s, _e, found in scan_text(text, 0, len(text), None):
        if found.value and _FULL_VALUE.match(found.value) and _iso_day(*map(int, found.value[:10].split("-"))):
            return found.value
    return None


def _iso_day(year: int, month: int, day: int) -> str | None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _with_time(day: str | None, hour: str | None, minute: str | None, second: str | None) -> str | None:
    if day is None or hour is None or minute is None:
        return day
    h, m = int(hour), int(minute)
    if h > 23 or m > 59:
        return day
    value = f"{day}T{h:02d}:{m:02d}"
    if second is not None and int(second) <= 59:
        value += f":{int(second):02d}"
    return value

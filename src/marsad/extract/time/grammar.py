"""A hand-written grammar of Arabic temporal expressions over key tokens, with normalisation.

The grammar reads tokens of the normalised key text (see :mod:`.tokens`) left to right and,
at each position, keeps the longest expression any rule matches.  Rules first read the
parts of an expression (day, month name, year, weekday, unit...) and then resolve them
against the anchor with :mod:`.calendar`.  Words come from the ``time_*.tsv`` lexicons.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import TypeVar

from marsad.extract.time import calendar as cal
from marsad.extract.time.calendar import Anchor
from marsad.extract.time.lexicon import Lexicon, MonthName, lexicon
from marsad.extract.time.tokens import Tok, readings
from marsad.model import TimexType
from marsad.text.normalize import norm_key


def _k(*words: str) -> frozenset[str]:
    return frozenset(norm_key(w) for w in words)


@cache
def starters() -> frozenset[str]:
    """Every word an expression can start with: first words of lexicon entries, definite units, grammar words."""
    lex = lexicon()
    tables: list[Iterable[tuple[str, ...]]] = [lex.months, lex.weekdays, lex.numbers, lex.units, lex.words]
    firsts = {key[0] for table in tables for key in table}
    definite = {"ال" + key[0] for key in lex.units} | {"ال" + key[0] for key in lex.numbers}
    return frozenset(firsts | definite | _STARTERS)


_FROM = _k("من")
_RANGE_OPEN = _k("من", "بين")
_TO = _k("إلى", "حتى", "لغاية", "-", "–", "—")
_AND = _k("و")
_UNTIL = _k("حتى")
_YEAR_WORDS = _k("عام", "العام", "سنة", "السنة")
_YEARS_DUAL = _k("عامي", "سنتي")
_DAY_WORD = _k("يوم")
_DAYS_DUAL = _k("يومي")
_MONTH_WORD = _k("شهر")
_MONTH_LINK = _k("من")
_SEPS = frozenset("/-–.")
_HIJRI_MARK = _k("هـ", "ه")
_GREG_MARK = _k("م")
_SAME = _k("نفسه", "ذاته")
_EQUALS = _k("الموافق", "الموافقة")
_HOUR = _k("الساعة", "ساعة")
_EACH = _k("كل")
_ONE = _k("واحد", "واحدة")
_HALF = _k("نصف", "النصف")
_HALVES = _k("النصف")
_QUARTERS = _k("الربع")
_LAST_FIRST = _k("آخر", "أول")
_FIRST_ORD = _k("الأولى", "الأول")
_MONTHS_PL = _k("أشهر", "الأشهر")
_SIX = _k("الستة", "ستة")
_WEEK = _k("الأسبوع")
_LAST = _k("الأخير", "الأخيرة")
_WEEK_BARE = _k("أسبوع")
_ORD_TEN = _k("عشر", "عشرة")
_MINUTE_FRAC = {norm_key("الربع"): 15, norm_key("النصف"): 30, norm_key("الثلث"): 20}
_CALENDAR_SUFFIX = _k("ميلادي", "ميلادية", "هجري", "هجرية")
_BLESSED = _k("المبارك", "الكريم", "المعظم")
_SEASON_WORD = _k("فصل", "موسم")
_YEAR_CONTEXT = _k("في", "منذ", "حتى", "عام", "العام", "سنة", "بحلول", "خلال", "قبل", "بعد", "مطلع", "نهاية", "بداية", "لعام", "كأس", "مونديال", "أولمبياد")
_BARE_MONTH_CONTEXT = _k(
    "في", "منذ", "حتى", "خلال", "مطلع", "بداية", "نهاية", "أواخر", "أوائل", "منتصف", "قبل", "بعد", "طوال", "تسليم", "عقود", "شهر"
)
_CLOCK_PARTS = {"MO", "AF", "EV", "NI"}
# Words (besides lexicon entries) an expression can start with.
_STARTERS = (
    _RANGE_OPEN | _YEAR_WORDS | _YEARS_DUAL | _DAY_WORD | _DAYS_DUAL | _MONTH_WORD | _HOUR | _EACH | _HALVES
    | _QUARTERS | _LAST_FIRST | _SIX | _MONTHS_PL | _WEEK | _WEEK_BARE | _SEASON_WORD | _k("قبل", "ال")
)
_PREFIX_FUTURE = ("سي", "ست", "سن")

Rule = Callable[[int], "Found | None"]
V = TypeVar("V")


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


class Grammar:
    """The temporal grammar over the tokens of one segment."""

    def __init__(self, toks: list[Tok], anchor: Anchor | None) -> None:
        self.t = toks
        self.n = len(toks)
        self.anchor = anchor
        self.lex: Lexicon = lexicon()
        self.maxlen = self.lex.longest()
        self.sentence: list[int] = []
        count = 0
        for tok in toks:
            count += tok.brk
            self.sentence.append(count)
        self.future_sentences: set[int] = set()
        self.last_month: tuple[int, int] | None = None
        self.rules: list[Rule] = [self.r_range, self.r_time, self.r_date, self.r_duration, self.r_set, self.r_ref]
        self.reads = [readings(tok.text) for tok in toks]
        self.cache: dict[tuple[int, int, bool], object] = {}
        self.starters = starters()

    # ----------------------------------------------------------------- scanning
    def scan(self) -> list[Found]:
        """Every expression, left to right, longest match first."""
        out: list[Found] = []
        i = 0
        while i < self.n:
            best: Found | None = None
            if not self.may_start(i):
                i += 1
                continue
            skip = self.skip(i)
            if skip is not None:
                i = skip
                continue
            if True:
                for rule in self.rules:
                    found = rule(i)
                    if found is not None and found.end > i and (best is None or found.end > best.end):
                        best = found
            if best is None:
                i += 1
                continue
            out.append(best)
            self.note(best)
            i = best.end
        return out

    def note(self, found: Found) -> None:
        """Remember what later expressions lean on: the last month named, future sentences."""
        value = found.value or ""
        if len(value) >= 7 and value[:4].isdigit() and value[4] == "-" and value[5:7].isdigit():
            self.last_month = (int(value[:4]), int(value[5:7]))
        if self.anchor is not None and len(value) >= 10 and value[:4].isdigit():
            try:
                if dt.date.fromisoformat(value[:10]) > self.anchor.day:
                    self.future_sentences.add(self.sentence[found.start])
            except ValueError:
                return

    def may_start(self, i: int) -> bool:
        """Whether an expression can start at token ``i`` (digits or a known first word)."""
        tok = self.t[i]
        return tok.kind == "d" or any(form in self.starters for _cut, form in self.reads[i])

    def skip(self, i: int) -> int | None:
        """The end of a phrase where a temporal word is part of a name or another sense (عين اليوم، اليوم التالي)."""
        hit = self.look(i, self.lex.words)
        return hit[0] if hit is not None and hit[1][0] == "skip" else None

    # ----------------------------------------------------------------- token helpers
    def w(self, i: int) -> str:
        return self.t[i].text if 0 <= i < self.n else ""

    def is_(self, i: int, words: frozenset[str], strip: bool = False) -> int | None:
        """The proclitic cut with which token ``i`` is one of ``words`` (``None`` when it is not)."""
        if not 0 <= i < self.n:
            return None
        if strip:
            for cut, form in self.reads[i]:
                if form in words:
                    return cut
            return None
        return 0 if self.t[i].text in words else None

    def prev_is(self, i: int, words: frozenset[str]) -> bool:
        """Whether the token before ``i``, in the same sentence, is one of ``words`` (proclitics stripped)."""
        return i > 0 and not self.t[i].brk and self.is_(i - 1, words, strip=True) is not None

    def joined(self, i: int) -> bool:
        """Token ``i`` exists and does not start a new sentence."""
        return 0 <= i < self.n and not self.t[i].brk

    def look(self, i: int, table: Mapping[tuple[str, ...], V], strip: bool = True) -> tuple[int, V, int] | None:
        """The longest entry of ``table`` starting at token ``i``: (end, entry, proclitic cut)."""
        if not 0 <= i < self.n:
            return None
        key = (i, id(table), strip)
        if key in self.cache:
            return self.cache[key]  # type: ignore[return-value]
        found: tuple[int, V, int] | None = None
        forms = self.reads[i] if strip else self.reads[i][:1]
        for length in range(min(self.maxlen, self.n - i), 0, -1):
            if any(self.t[k].brk for k in range(i + 1, i + length)):
                continue
            rest = tuple(self.t[k].text for k in range(i + 1, i + length))
            for cut, first in forms:
                entry = table.get((first, *rest))
                if entry is not None:
                    found = (i + length, entry, cut)
                    break
            if found is not None:
                break
        self.cache[key] = found
        return found

    def word(self, i: int, category: str, strip: bool = True) -> tuple[int, str, int] | None:
        """A temporal word of ``category`` at ``i``: (end, value, cut)."""
        hit = self.look(i, self.lex.words, strip)
        if hit is None or hit[1][0] != category:
            return None
        return hit[0], hit[1][1], hit[2]

    def future(self, i: int) -> bool:
        """Whether the sentence before token ``i`` speaks of the future."""
        if self.sentence[min(i, self.n - 1)] in self.future_sentences:
            return True
        k = i - 1
        while k >= 0 and i - k <= 10:
            if self.word(k, "future") is not None:
                return True
            for _cut, form in self.reads[k]:
                if (
                    len(form) >= 5
                    and form.startswith(_PREFIX_FUTURE)
                    and (form,) not in self.lex.numbers
                    and (form,) not in self.lex.units
                ):
                    return True
            if self.t[k].brk:
                break
            k -= 1
        return False

    def since(self, i: int) -> bool:
        """Whether token ``i`` follows منذ."""
        return i > 0 and self.word(i - 1, "since") is not None

    # ----------------------------------------------------------------- numbers
    def card(self, i: int) -> tuple[int, float, int, bool] | None:
        """A cardinal: digits or words (خمس، خمسة عشر، خمسة وعشرين); (end, value, cut, vague)."""
        if 0 <= i < self.n and self.t[i].is_int:
            return i + 1, float(int(self.t[i].text)), 0, False
        hit = self.look(i, self.lex.numbers)
        if hit is None or hit[1][1] not in ("card", "vague"):
            return None
        j, (value, kind), cut = hit
        if kind == "vague":
            return j, value, cut, True
        if value < 10 and self.is_(j, _ORD_TEN) is not None:
            return j + 1, value + 10, cut, False
        if value < 10 and self.joined(j):
            tens = self.look(j, self.lex.numbers)
            if tens is not None and tens[2] == 1 and tens[1][1] == "card" and tens[1][0] >= 20:
                return tens[0], value + tens[1][0], cut, False
        return j, value, cut, False

    def ordinal(self, i: int) -> tuple[int, int, int] | None:
        """An ordinal word (الخامس عشر، الحادي والعشرين): (end, value, cut)."""
        hit = self.look(i, self.lex.numbers)
        if hit is None or hit[1][1] != "ord":
            return None
        j, (value, _kind), cut = hit
        n = int(value)
        if n < 10 and self.is_(j, _ORD_TEN) is not None:
            return j + 1, n + 10, cut
        if n < 10 and self.joined(j):
            tens = self.look(j, self.lex.numbers)
            if tens is not None and tens[2] == 1 and tens[1][1] == "ord" and tens[1][0] >= 20:
                return tens[0], n + int(tens[1][0]), cut
        return j, n, cut

    def day(self, i: int) -> tuple[int, int, int] | None:
        """A day of the month: 1-31 in digits, الـ15, or an ordinal word."""
        if not 0 <= i < self.n:
            return None
        tok = self.t[i]
        if tok.is_int and len(tok.text) <= 2 and 1 <= int(tok.text) <= 31:
            return i + 1, int(tok.text), 0
        if tok.text == "ال" and self.joined(i + 1) and self.t[i + 1].is_int and len(self.t[i + 1].text) <= 2:
            return i + 2, int(self.t[i + 1].text), 0
        hit = self.ordinal(i)
        if hit is not None and 1 <= hit[1] <= 31:
            return hit
        return None

    # ----------------------------------------------------------------- months and years
    def month(self, i: int, free: bool) -> tuple[int, MonthName, int, bool] | None:
        """A month name with an optional شهر before it and alternative names after it.

        Returns (end, month, cut, sure); ``sure`` is False when a strict name stands alone.
        """
        cut = self.is_(i, _MONTH_WORD, strip=True)
        j0 = i + 1 if cut is not None else i
        hit = self.look(j0, self.lex.months, strip=cut is None)
        if hit is None:
            return None
        j, name, mcut = hit
        sure = cut is not None or name.strict == "-"
        alt = self.alt_month(j)
        if alt is not None:
            j, sure = alt, True
        return j, name, cut if cut is not None else mcut, sure or free

    def alt_month(self, j: int) -> int | None:
        """An alternative name after a month: ``(أيار)``, ``/كانون الثاني`` or ``تموز`` directly."""
        if self.w(j) in ("(", "/") and self.joined(j):
            hit = self.look(j + 1, self.lex.months, strip=False)
            if hit is not None:
                end = hit[0]
                return end + 1 if self.w(end) == ")" and self.w(j) == "(" else end
        hit = self.look(j, self.lex.months, strip=False)
        if hit is not None and self.joined(j):
            return hit[0]
        return None

    def year_number(self, i: int) -> tuple[int, int, str | None] | None:
        """A year in digits with an optional era mark: (end, year, 'h'/'g'/None)."""
        if not (0 <= i < self.n) or not self.t[i].is_int or not 3 <= len(self.t[i].text) <= 4:
            return None
        year = int(self.t[i].text)
        j = i + 1
        mark: str | None = None
        if self.is_(j, _HIJRI_MARK) is not None:
            mark, j = "h", j + 1
        elif self.is_(j, _GREG_MARK) is not None:
            mark, j = "g", j + 1
        if mark is None and len(self.t[i].text) == 3:
            return None
        if mark is None:
            mark = "h" if 1300 <= year <= 1500 else None
        return j, year, mark

    def year_tail(self, i: int) -> tuple[int, Parts] | None:
        """The year after a month or day: من العام الماضي، لهذا العام، عام 2015م، 2024."""
        j = i
        if self.w(j) == ",":
            j += 1
        if self.is_(j, _FROM) is not None:
            j += 1
        this = self.word(j, "this")
        if this is not None and self.is_(this[0], _k("العام", "السنة")) is not None:
            return this[0] + 1, Parts(rel_year=0)
        cut = self.is_(j, _YEAR_WORDS, strip=True)
        if cut is not None:
            number = self.year_number(j + 1)
            if number is not None:
                return number[0], Parts(year=number[1], calendar="h" if number[2] == "h" else "g")
            if self.w(j) in (norm_key("العام"), norm_key("السنة")) or self.w(j).endswith(norm_key("العام")):
                mod = self.word(j + 1, "mod", strip=False)
                if mod is not None:
                    return mod[0], Parts(rel_year=int(mod[1]))
            return None
        number = self.year_number(j)
        if number is not None and j == i:
            return number[0], Parts(year=number[1], calendar="h" if number[2] == "h" else "g")
        return None

    def month_parts(self, i: int, day: int | None) -> tuple[int, Parts, int] | None:
        """A month name with its modifier and year: (end, parts, cut)."""
        hit = self.month(i, free=day is not None)
        if hit is None:
            return None
        j, name, cut, sure = hit
        parts = Parts(day=day, month=name.month, calendar=name.calendar)
        if name.calendar == "h" and self.is_(j, _BLESSED) is not None:
            j += 1
        mod = self.word(j, "mod", strip=False)
        if mod is not None:
            j, parts, sure = mod[0], replace(parts, mod=int(mod[1])), True
        tail = self.year_tail(j)
        if tail is not None:
            j, sure = tail[0], True
            parts = replace(parts, year=tail[1].year, rel_year=tail[1].rel_year)
            if tail[1].year is not None and tail[1].calendar == "h":
                parts = replace(parts, calendar="h") if name.calendar == "h" else parts
        if not sure and (not self.prev_is(i, _BARE_MONTH_CONTEXT) or name.strict == "never"):
            return None
        return j, parts, cut

    # ----------------------------------------------------------------- date parts
    def daymonth(self, i: int) -> tuple[int, Parts, int] | None:
        """A day with its month: 18 يونيو 2024، الثامن من أغسطس (آب) المقبل، 19 من الشهر الجاري, or numeric."""
        numeric = self.numeric(i)
        if numeric is not None:
            return numeric
        d = self.day(i)
        if d is None:
            return None
        j, day, cut = d
        k = j + 1 if self.is_(j, _MONTH_LINK) is not None else j
        parts = self.month_parts(k, day)
        if parts is not None:
            return parts[0], parts[1], cut
        rel = self.period_month(k)
        if rel is not None and k > j:
            return rel[0], replace(rel[1], day=day), cut
        return None

    def period_month(self, i: int) -> tuple[int, Parts] | None:
        """الشهر الجاري، هذا الشهر، الجاري (after من), الشهر الماضي, الشهر نفسه."""
        this = self.word(i, "this", strip=False)
        if this is not None and self.w(this[0]) == norm_key("الشهر"):
            return this[0] + 1, Parts(rel_month=0)
        if self.w(i) == norm_key("الشهر"):
            mod = self.word(i + 1, "mod", strip=False)
            if mod is not None:
                return mod[0], Parts(rel_month=int(mod[1]))
            if self.is_(i + 1, _SAME) is not None:
                return i + 2, Parts(same_month=True)
            return None
        mod = self.word(i, "mod", strip=False)
        if mod is not None and int(mod[1]) == 0:
            return mod[0], Parts(rel_month=0)
        return None

    def numeric(self, i: int) -> tuple[int, Parts, int] | None:
        """DD/MM/YYYY (or -, .), spaces allowed; a year of 1300-1500 or a هـ mark is Hijri."""
        if not (0 <= i < self.n) or not self.t[i].is_int or len(self.t[i].text) > 2:
            return None
        j = i + 1
        if self.w(j) not in _SEPS or not self.joined(j):
            return None
        sep = self.w(j)
        if not (self.joined(j + 1) and self.t[j + 1].is_int and len(self.t[j + 1].text) <= 2):
            return None
        if self.w(j + 2) not in _SEPS or (sep == "." and self.w(j + 2) != "."):
            return None
        year = self.year_number(j + 3)
        if year is None or not self.joined(j + 3):
            return None
        day, month = int(self.t[i].text), int(self.t[j + 1].text)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        calendar = "h" if year[2] == "h" else "g"
        return year[0], Parts(day=day, month=month, year=year[1], calendar=calendar), 0

    def partial_numeric(self, i: int) -> tuple[int, Parts] | None:
        """DD-MM without a year (the first end of ``من 26-4 إلى 11-5 -1437``)."""
        if not (0 <= i < self.n) or not self.t[i].is_int or len(self.t[i].text) > 2:
            return None
        if self.w(i + 1) not in ("-", "/") or not (self.joined(i + 2) and self.t[i + 2].is_int):
            return None
        day, month = int(self.t[i].text), int(self.t[i + 2].text)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        return i + 3, Parts(day=day, month=month)

    # ----------------------------------------------------------------- resolution
    def resolve(self, p: Parts, i: int) -> Point:
        """Resolve date parts against the anchor (the position ``i`` gives the tense context)."""
        a = self.anchor
        if p.same_month or p.rel_month is not None:
            if p.same_month:
                if self.last_month is None:
                    return Point(None)
                y, m = self.last_month
            elif a is None:
                return Point(cal.ref(p.rel_month or 0))
            else:
                y, m = cal.shift_month(a.day.year, a.day.month, p.rel_month or 0)
            if p.day is None:
                return Point(cal.month_value(y, m))
            d = cal.valid_day(y, m, p.day)
            return Point(cal.day_value(d), d) if d else Point(None)
        if p.month is None:
            if p.year is not None:
                if p.calendar == "h":
                    return Point(cal.hijri_year_value(p.year))
                return Point(f"{p.year:04d}")
            if p.rel_year is not None:
                return Point(f"{a.day.year + p.rel_year:04d}") if a else Point(cal.ref(p.rel_year))
            return Point(None)
        year = p.year
        if year is None and p.rel_year is not None and a is not None:
            year = a.day.year + p.rel_year
        if p.calendar == "h":
            return self.resolve_hijri(p, year, i)
        point = self.resolve_greg(p, year, i)
        if p.mod == 0 and p.year is None:
            return replace(point, clues=(Clue(month=p.month),))
        return point

    def resolve_greg(self, p: Parts, year: int | None, i: int) -> Point:
        """Resolve a Gregorian month or day (``year`` None: chosen from the anchor and the tense)."""
        a = self.anchor
        assert p.month is not None
        if year is None:
            if a is None:
                return Point(f"XXXX-{p.month:02d}" + (f"-{p.day:02d}" if p.day else ""))
            year = cal.month_year(a.day, p.month, p.mod, self.future(i), self.since(i))
        if p.day is None:
            return Point(cal.month_value(year, p.month))
        d = cal.valid_day(year, p.month, p.day)
        return Point(cal.day_value(d), d) if d else Point(None)

    def resolve_hijri(self, p: Parts, year: int | None, i: int) -> Point:
        """Resolve a Hijri date (converted to the Gregorian calendar)."""
        assert p.month is not None
        a = self.anchor
        if year is not None:
            d = cal.hijri_to_date(year, p.month, p.day or 1)
            if d is None:
                return Point(None)
            return Point(cal.day_value(d), d) if p.day else Point(cal.month_value(d.year, d.month))
        if a is None:
            return Point(None)
        start = cal.hijri_month_start(a.day, p.month, p.mod)
        if start is None:
            return Point(None)
        if p.day is None:
            return Point(cal.month_value(start.year, start.month))
        h = cal.date_to_hijri(start)
        d = cal.hijri_to_date(h[0], p.month, p.day) if h else None
        return Point(cal.day_value(d), d) if d else Point(None)

    # ----------------------------------------------------------------- date rules
    def r_date(self, i: int) -> Found | None:
        """The longest single date at ``i``."""
        best: tuple[int, Point, int] | None = None
        for rule in (self.d_full, self.d_month, self.d_year, self.d_weekday, self.d_relday, self.d_period,
                     self.d_part, self.d_season, self.d_decade, self.d_feast):
            hit = rule(i)
            if hit is not None and (best is None or hit[0] > best[0]):
                best = hit
        if best is None:
            return None
        return Found(i, best[0], best[2], "DATE", best[1].value, clues=best[1].clues)

    def d_full(self, i: int) -> tuple[int, Point, int] | None:
        """[يوم] [weekday،] day month [year] — or a numeric date."""
        j, cut = i, None
        c = self.is_(j, _DAY_WORD, strip=True)
        if c is not None:
            j, cut = j + 1, c
        wd = self.look(j, self.lex.weekdays, strip=cut is None)
        if wd is not None:
            cut = wd[2] if cut is None else cut
            j = wd[0] + (1 if self.w(wd[0]) == "," else 0)
        hit = self.daymonth(j)
        if hit is None:
            return None
        end, parts, dcut = hit
        return end, self.resolve(parts, i), dcut if cut is None else cut

    def d_month(self, i: int) -> tuple[int, Point, int] | None:
        """A month alone, with its modifier and year."""
        hit = self.month_parts(i, None)
        if hit is None:
            return None
        return hit[0], self.resolve(hit[1], i), hit[2]

    def d_year(self, i: int) -> tuple[int, Point, int] | None:
        """عام 2000، سنة 1945، العام ١٩٩٩م، 1433هـ، or a bare year in a year context."""
        cut = self.is_(i, _YEAR_WORDS, strip=True)
        if cut is not None:
            number = self.year_number(i + 1)
            if number is not None:
                return number[0], self.resolve(Parts(year=number[1], calendar="h" if number[2] == "h" else "g"), i), cut
            return None
        number = self.year_number(i)
        if number is None:
            return None
        j, year, mark = number
        if mark is None:
            if not 1900 <= year <= 2100:
                return None
            prev_ok = self.prev_is(i, _YEAR_CONTEXT)
            nxt = self.w(j)
            next_ok = j >= self.n or not self.joined(j) or nxt in (",", ".", ")", ";", ":")
            if not (prev_ok or next_ok):
                return None
        return j, self.resolve(Parts(year=year, calendar="h" if mark == "h" else "g"), i), 0

    def weekday_day(self, wd: int, i: int, mod: int | None, base: int | None) -> Point:
        """Resolve a weekday (with الماضي/المقبل, or next to اليوم/أمس/غدا which shift ``base`` days)."""
        a = self.anchor
        if a is None:
            if base is not None:
                return Point(cal.ref(base))
            return Point(cal.ref(mod) if mod is not None else None)
        if base is not None:
            d = cal.nearest_weekday(a.day + dt.timedelta(days=base), wd)
        else:
            d = cal.weekday_date(a.day, wd, mod, self.future(i))
        return Point(cal.day_value(d), d)

    def d_weekday(self, i: int) -> tuple[int, Point, int] | None:
        """[يوم] weekday [الماضي/المقبل] [الموافق date]."""
        j, cut = i, None
        c = self.is_(j, _DAY_WORD, strip=True)
        if c is not None:
            j, cut = j + 1, c
        wd = self.look(j, self.lex.weekdays, strip=cut is None)
        if wd is None:
            return None
        cut = wd[2] if cut is None else cut
        j = wd[0]
        mod = self.word(j, "mod", strip=False)
        m = int(mod[1]) if mod is not None and int(mod[1]) != 0 else None
        if mod is not None:
            j = mod[0]
        explicit = self.equal_date(j)
        if explicit is not None:
            return explicit[0], explicit[1], cut
        return j, self.weekday_day(wd[1], i, m, None), cut

    def equal_date(self, j: int) -> tuple[int, Point] | None:
        """``الموافق`` + a date, or a date right after (a weekday or اليوم then its date)."""
        k = j + 1 if self.is_(j, _EQUALS) is not None else j
        hit = self.daymonth(k)
        if hit is None:
            return None
        return hit[0], self.resolve(hit[1], k)

    def d_relday(self, i: int) -> tuple[int, Point, int] | None:
        """[هذا|يوم] اليوم/أمس/غدا/بعد غد [(weekday)] [date]."""
        j, cut = i, None
        lead = self.word(j, "this") or None
        if lead is not None:
            j, cut = lead[0], lead[2]
        elif self.is_(j, _DAY_WORD, strip=True) is not None:
            cut = self.is_(j, _DAY_WORD, strip=True)
            j += 1
        hit = self.word(j, "day", strip=cut is None)
        if hit is None:
            return None
        cut = hit[2] if cut is None else cut
        j, base = hit[0], int(hit[1])
        if base == 0 and self.joined(j) and (self.day(j) is not None and self.look(j, self.lex.weekdays) is None):
            return None
        k = j + 1 if self.w(j) in (",", "(") and self.joined(j) else j
        wd = self.look(k, self.lex.weekdays, strip=False) if self.joined(k) else None
        if wd is not None:
            end = wd[0] + 1 if self.w(wd[0]) == ")" and self.w(k - 1) == "(" else wd[0]
            explicit = self.equal_date(end)
            if explicit is not None:
                return explicit[0], self.today(explicit[1], base), cut
            clue = (Clue(weekday=wd[1]),) if base == 0 else ()
            return end, replace(self.weekday_day(wd[1], i, None, base), clues=clue), cut
        explicit = self.equal_date(j) if self.joined(j) else None
        if explicit is not None and base == 0:
            return explicit[0], self.today(explicit[1], base), cut
        if self.anchor is None or (base == 0 and self.prev_is(i, _UNTIL)):
            return j, Point(cal.ref(base)), cut
        d = self.anchor.day + dt.timedelta(days=base)
        return j, Point(cal.day_value(d), d), cut

    @staticmethod
    def today(point: Point, base: int) -> Point:
        """A date given for اليوم is a clue to the day of writing."""
        if base == 0 and point.day is not None:
            return replace(point, clues=(Clue(date=point.day),))
        return point

    def d_period(self, i: int) -> tuple[int, Point, int] | None:
        """الأسبوع الماضي، الشهر المقبل، العام الجاري، هذا الشهر، هذا العام [2015]، هذا الأسبوع."""
        this = self.word(i, "this")
        if this is not None:
            period = self.word(this[0], "period", strip=False)
            if period is None:
                return None
            j, unit, delta, cut = period[0], period[1], 0, this[2]
            if unit == "Y":
                number = self.year_number(j)
                if number is not None and number[2] != "h":
                    return number[0], Point(f"{number[1]:04d}", clues=(Clue(year=number[1]),)), cut
        else:
            period = self.word(i, "period")
            if period is None:
                return None
            mod = self.word(period[0], "mod", strip=False)
            if mod is None:
                return None
            j, unit, delta, cut = mod[0], period[1], int(mod[1]), period[2]
        return j, self.period_point(unit, delta), cut

    def period_point(self, unit: str, delta: int) -> Point:
        """The week, month or year ``delta`` periods from the anchor."""
        a = self.anchor
        if a is None:
            return Point(cal.ref(delta))
        if unit == "W":
            return Point(cal.week_value(a.day + dt.timedelta(weeks=delta)))
        if unit == "M":
            return Point(cal.month_value(*cal.shift_month(a.day.year, a.day.month, delta)))
        return Point(f"{a.day.year + delta:04d}")

    def d_part(self, i: int) -> tuple[int, Point, int] | None:
        """Part of a period (مطلع، نهاية، الأسبوع الثاني من، النصف الأول من، الربع الثاني)."""
        part = self.word(i, "part")
        if part is not None:
            j, cut = part[0], part[2]
            inner = self.best_inner(j)
            if inner is None:
                if self.is_(j, _WEEK) is not None:
                    return j + 1, self.period_point("W", 0), cut
                return None
            return inner[0], inner[1], cut
        wcut = self.is_(i, _WEEK, strip=True)
        if wcut is not None:
            j = i + 1
            ordn = self.ordinal(j)
            if ordn is not None:
                j = ordn[0]
            elif self.is_(j, _LAST) is not None:
                j += 1
            else:
                return None
            if self.is_(j, _FROM) is None:
                return None
            inner = self.best_inner(j + 1)
            return (inner[0], inner[1], wcut) if inner else None
        return self.d_fraction(i)

    def best_inner(self, j: int) -> tuple[int, Point] | None:
        """The period a part-of modifier applies to."""
        best: tuple[int, Point, int] | None = None
        for rule in (self.d_month, self.d_period, self.d_year, self.d_decade, self.d_fraction):
            hit = rule(j)
            if hit is not None and (best is None or hit[0] > best[0]):
                best = hit
        if best is None and self.is_(j, _MONTH_WORD) is not None:
            parts = self.month_parts(j, None)
            if parts is not None:
                best = (parts[0], self.resolve(parts[1], j), 0)
        return (best[0], best[1]) if best else None

    def d_fraction(self, i: int) -> tuple[int, Point, int] | None:
        """النصف الأول/الربع الثاني [من العام الحالي | من عام 2015]; الأشهر الستة الأولى من ...."""
        cut = self.is_(i, _HALVES | _QUARTERS, strip=True)
        j = i + 1
        if cut is not None:
            ordn = self.ordinal(j)
            if ordn is None:
                return None
            letter = "H" if self.w(i).endswith(norm_key("نصف")) else "Q"
            n = ordn[1]
            j = ordn[0]
            if (letter == "H" and n > 2) or n > 4:
                return None
        else:
            cut = self.is_(i, _SIX | _MONTHS_PL, strip=True)
            if cut is None:
                return None
            second = self.w(j)
            if not ((self.w(i) in _SIX and second in _MONTHS_PL) or (self.w(i) in _MONTHS_PL and second in _SIX)):
                return None
            if self.is_(j + 1, _FIRST_ORD) is None:
                return None
            letter, n, j = "H", 1, j + 2
        year: str | None = f"{self.anchor.day.year:04d}" if self.anchor else None
        if self.is_(j, _FROM) is not None:
            inner = self.d_year(j + 1) or self.d_period(j + 1)
            if inner is None and self.w(j + 1) in (norm_key("العام"), norm_key("السنة")):
                inner = (j + 2, Point(year), 0)
            if inner is not None and inner[1].value and len(inner[1].value) == 4:
                return inner[0], Point(f"{inner[1].value}-{letter}{n}"), cut
            if inner is not None:
                return None
        if letter == "H" and cut is not None and self.w(i) in _SIX | _MONTHS_PL:
            return None
        if year is None:
            return j, Point(None), cut
        return j, Point(f"{year}-{letter}{n}"), cut

    def d_season(self, i: int) -> tuple[int, Point, int] | None:
        """[فصل] الشتاء الماضي، صيف العام الماضي."""
        j, cut = i, None
        c = self.is_(j, _SEASON_WORD, strip=True)
        if c is not None:
            j, cut = j + 1, c
        season = self.word(j, "season", strip=cut is None)
        if season is None:
            return None
        cut = season[2] if cut is None else cut
        j = season[0]
        mod = self.word(j, "mod", strip=False)
        delta: int | None = None
        if mod is not None:
            j, delta = mod[0], int(mod[1])
        else:
            tail = self.year_tail(j)
            if tail is None:
                return None
            j = tail[0]
            if tail[1].year is not None:
                return j, Point(f"{tail[1].year:04d}-{season[1]}"), cut
            delta = tail[1].rel_year
        if self.anchor is None:
            return j, Point(cal.ref(delta or 0)), cut
        return j, Point(f"{self.anchor.day.year + (delta or 0):04d}-{season[1]}"), cut

    def d_decade(self, i: int) -> tuple[int, Point, int] | None:
        """التسعينات."""
        hit = self.word(i, "decade")
        return (hit[0], Point(hit[1]), hit[2]) if hit else None

    def d_feast(self, i: int) -> tuple[int, Point, int] | None:
        """عيد الفطر، عيد الأضحى: the occurrence nearest the anchor."""
        hit = self.word(i, "feast")
        if hit is None:
            return None
        j = hit[0] + (1 if self.is_(hit[0], _BLESSED) is not None else 0)
        if self.anchor is None:
            return j, Point(None), hit[2]
        month, day = (int(x) for x in hit[1].split("-"))
        d = cal.nearest_hijri(self.anchor.day, month, day, None)
        return j, Point(cal.day_value(d) if d else None, d), hit[2]

    # ----------------------------------------------------------------- ranges and lists
    def r_range(self, i: int) -> Found | None:
        """من 18 إلى 20 يونيو، بين الخامس عشر وحتى السابع عشر من نوفمبر، 19 و20 من الشهر الجاري،
        يومي الأربعاء والخميس، من 1990 وحتى 2011، بين عامي 2000 و2005، 1436-1437 هـ."""
        for rule in (self.range_days, self.range_weekdays, self.range_years):
            found = rule(i)
            if found is not None:
                return found
        return None

    def range_days(self, i: int) -> Found | None:
        """Two days (with months) joined by إلى/حتى/و/-, the first completed from the second."""
        opener = self.is_(i, _RANGE_OPEN, strip=True)
        j = i + 1 if opener is not None else i
        for k, first in self.range_starts(j):
            conn = self.connector(k, allow_and=True, allow_dash=True)
            if conn is None:
                continue
            dash = self.w(k) in ("-", "–", "—")
            if opener is None and not (self.w(k) in _AND or (dash and first.month is None)):
                continue
            second = self.daymonth(conn)
            if second is None:
                continue
            end, last, _ = second
            if first.month is None:
                first = replace(first, month=last.month, calendar=last.calendar, year=last.year, rel_year=last.rel_year,
                                rel_month=last.rel_month, same_month=last.same_month, mod=last.mod)
            elif first.year is None and first.rel_year is None and last.year is not None:
                year = last.year - 1 if (first.month or 0) > (last.month or 0) else last.year
                first = replace(first, year=year, calendar=last.calendar)
            a, b = self.resolve(first, i), self.resolve(last, i)
            return Found(i, end, opener or 0, "DATE", a.value, b.value, a.clues + b.clues)
        return None

    def range_starts(self, j: int) -> list[tuple[int, Parts]]:
        """Readings of a range's first end: a full date, DD-MM, a day with its month, a bare day."""
        out: list[tuple[int, Parts]] = []
        full = self.daymonth(j)
        if full is not None:
            out.append((full[0], full[1]))
        pn = self.partial_numeric(j)
        if pn is not None:
            out.append(pn)
        d = self.day(j)
        if d is not None:
            link = d[0] + (1 if self.is_(d[0], _MONTH_LINK) is not None else 0)
            mp = self.month_parts(link, d[1])
            if mp is not None and mp[1].year is None and mp[1].rel_year is None:
                out.append((mp[0], mp[1]))
            out.append((d[0], Parts(day=d[1])))
        return out

    def connector(self, k: int, allow_and: bool, allow_dash: bool) -> int | None:
        """After the first end of a range: إلى، حتى، وحتى، و (and a glued و20), -; returns where the second starts."""
        if not self.joined(k):
            return None
        word = self.w(k)
        if word in _TO and (allow_dash or word not in ("-", "–", "—")):
            return k + 1
        if word == norm_key("وحتى") or word == norm_key("وإلى"):
            return k + 1
        if allow_and and word in _AND:
            return k + 1
        if allow_and and word.startswith("و") and len(word) > 1:
            return None
        return None

    def range_weekdays(self, i: int) -> Found | None:
        cut = self.is_(i, _DAYS_DUAL, strip=True)
        if cut is None:
            return None
        a = self.look(i + 1, self.lex.weekdays, strip=False)
        if a is None:
            return None
        j = a[0]
        if self.is_(j, _AND) is not None:
            j += 1
        b = self.look(j, self.lex.weekdays, strip=True)
        if b is None:
            return None
        j = b[0]
        mod = self.word(j, "mod", strip=False)
        m = None
        if mod is not None:
            j, m = mod[0], int(mod[1]) or None
        first = self.weekday_day(a[1], i, m, None)
        second = self.weekday_day(b[1], i, m, None)
        if first.day and second.day and second.day < first.day:
            second = Point(cal.day_value(second.day + dt.timedelta(days=7)), second.day + dt.timedelta(days=7))
        return Found(i, j, cut, "DATE", first.value, second.value)

    def range_years(self, i: int) -> Found | None:
        opener = self.is_(i, _RANGE_OPEN, strip=True)
        j = i + 1 if opener is not None else i
        dual = self.is_(j, _YEARS_DUAL, strip=opener is None)
        if dual is not None:
            j += 1
        first = self.year_number(j)
        if first is None:
            return None
        if opener is None and dual is None and not (self.w(first[0]) == "-" and self.joined(first[0])):
            return None
        k = first[0]
        conn = self.connector(k, allow_and=True, allow_dash=True)
        if conn is None:
            return None
        second = self.year_number(conn)
        if second is None:
            return None
        if not (first[1] < second[1] <= first[1] + 200):
            return None
        hijri = "h" in (first[2], second[2])
        a = self.resolve(Parts(year=first[1], calendar="h" if hijri else "g"), i)
        b = self.resolve(Parts(year=second[1], calendar="h" if hijri else "g"), i)
        cut = opener if opener is not None else (dual or 0)
        return Found(i, second[0], cut, "DATE", a.value, b.value)

    # ----------------------------------------------------------------- durations and sets
    def amount(self, i: int) -> tuple[int, float | None, str, int] | None:
        """A quantity of a unit: 24 عاما، تسعة أشهر، يومين، ربع قرن، خمس سنوات ونصف، سنوات طويلة."""
        lead = self.is_(i, _LAST_FIRST, strip=True)
        j = i + 1 if lead is not None else i
        c = self.card(j)
        if c is not None:
            unit = self.look(c[0], self.lex.units, strip=False)
            if unit is None or unit[1][1] == 2:
                return None
            n: float | None = None if c[3] else c[1]
            end = unit[0]
            if n is not None and self.is_(end, _HALF, strip=True) is not None:
                n, end = n + 0.5, end + 1
                if self.joined(end) and self.w(end).startswith("ال") and (self.w(end)[2:],) in self.lex.units:
                    end += 1
            return end, n, unit[1][0], lead if lead is not None else c[2]
        frac = self.look(j, self.lex.numbers)
        if frac is not None and frac[1][1] == "frac":
            unit = self.look(frac[0], self.lex.units, strip=False)
            if unit is not None and unit[1][1] == 1:
                return unit[0], frac[1][0], unit[1][0], frac[2]
            return None
        unit = self.look(j, self.lex.units)
        if unit is None:
            return self.definite_amount(i)
        end, (u, count), cut = unit
        cut = lead if lead is not None else cut
        if count == 2:
            return end, 2.0, u, cut
        if count == 1 and self.is_(end, _ONE) is not None:
            return end + 1, 1.0, u, cut
        if count == 1 and self.w(j) in _WEEK_BARE and lead is None:
            return end, 1.0, u, cut
        if count == 0 and u in ("Y", "M", "W", "D", "H"):
            vague = self.word(end, "vague", strip=False)
            return (vague[0] if vague else end), None, u, cut
        return self.definite_amount(i)

    def definite_amount(self, i: int) -> tuple[int, float | None, str, int] | None:
        """اليومين الماضيين، الساعات المقبلة، السنوات السبع الأخيرة."""
        for cut, form in readings(self.w(i)):
            if not form.startswith("ال"):
                continue
            unit = self.lex.units.get((form[2:],))
            if unit is None or unit[1] == 1:
                continue
            j = i + 1
            n: float | None = 2.0 if unit[1] == 2 else None
            if n is None and self.w(j).startswith("ال"):
                number = self.lex.numbers.get((self.w(j)[2:],))
                if number is not None and number[1] == "card":
                    n, j = number[0], j + 1
            mod = self.word(j, "mod", strip=False)
            if mod is None or not self.joined(j):
                return None
            return mod[0], n, unit[0], cut
        return None

    @staticmethod
    def duration_value(n: float | None, unit: str) -> str:
        """ISO 8601 duration (P24Y, P9M, PT2H, PXY)."""
        amount = "X" if n is None else (str(int(n)) if n == int(n) else f"{n:g}")
        if unit == "DE":
            amount = "X" if n is None else f"{n * 10:g}"
            unit = "Y"
        elif unit == "CE":
            amount = "X" if n is None else f"{n * 100:g}"
            unit = "Y"
        if unit == "H":
            return f"PT{amount}H"
        if unit == "MIN":
            return f"PT{amount}M"
        return f"P{amount}{unit}"

    def r_duration(self, i: int) -> Found | None:
        """A duration, or منذ/قبل + a duration (a DATE counted back from the anchor)."""
        ago = self.word(i, "since") or (
            (i + 1, "-", 0) if self.w(i) == norm_key("قبل") else None
        )
        if ago is None and (hit := readings(self.w(i))) and any(f == norm_key("قبل") for _c, f in hit):
            ago = (i + 1, "-", next(c for c, f in hit if f == norm_key("قبل")))
        if ago is not None:
            j = ago[0]
            approx = self.word(j, "approx", strip=False)
            if approx is not None:
                j = approx[0]
            amount = self.amount(j)
            if amount is not None and self.joined(j):
                end, n, unit, _ = amount
                if n is None or self.anchor is None:
                    return Found(i, end, ago[2], "DATE", cal.ref(-1))
                typ, value = cal.shift(self.anchor, unit, -n)
                return Found(i, end, ago[2], "TIME" if typ == "TIME" else "DATE", value)
        amount = self.amount(i)
        if amount is None:
            return None
        end, n, unit, cut = amount
        return Found(i, end, cut, "DURATION", self.duration_value(n, unit))

    def r_set(self, i: int) -> Found | None:
        """كل يوم، كل عام ميلادي، يوميا، سنويا."""
        hit = self.word(i, "set")
        if hit is not None:
            return Found(i, hit[0], hit[2], "SET", hit[1])
        cut = self.is_(i, _EACH, strip=True)
        if cut is None:
            return None
        unit = self.look(i + 1, self.lex.units, strip=False)
        if unit is None or unit[1][1] != 1:
            return None
        j = unit[0] + (1 if self.is_(unit[0], _CALENDAR_SUFFIX) is not None else 0)
        return Found(i, j, cut, "SET", self.duration_value(1, unit[1][0]))

    def r_ref(self, i: int) -> Found | None:
        """الآن، حاليا، مؤخرا، قبل قليل، المستقبل، هذه الأيام."""
        hit = self.word(i, "ref")
        if hit is None:
            return None
        return Found(i, hit[0], hit[2], "DATE", hit[1])

    # ----------------------------------------------------------------- times
    def clock(self, i: int) -> tuple[int, int, int, int] | None:
        """HH:MM, or after الساعة a number (10، 0821، الـ12) or an ordinal (العاشرة والربع): (end, h, m, cut)."""
        if not 0 <= i < self.n:
            return None
        hour_word = self.is_(i, _HOUR, strip=True)
        j = i + 1 if hour_word is not None else i
        if self.w(j) == "ال" and self.joined(j + 1):
            j += 1
        if not 0 <= j < self.n:
            return None
        tok = self.t[j]
        if tok.is_int and self.w(j + 1) == ":" and self.joined(j + 2) and self.t[j + 2].is_int and len(self.t[j + 2].text) == 2:
            h, m, end = int(tok.text), int(self.t[j + 2].text), j + 3
        elif hour_word is not None and tok.is_int and len(tok.text) == 4:
            h, m, end = int(tok.text[:2]), int(tok.text[2:]), j + 1
        elif hour_word is not None and tok.is_int and len(tok.text) <= 2:
            h, m, end = int(tok.text), 0, j + 1
        else:
            o = self.ordinal(j)
            if o is None:
                return None
            h, m, end = o[1], 0, o[0]
            if hour_word is None and not (self.is_(end, _FROM) is not None and self.word(end + 1, "daypart") is not None):
                return None
        if not (0 <= h <= 24 and 0 <= m < 60):
            return None
        if self.joined(end):
            for cut, form in readings(self.w(end)):
                if cut == 1 and form in _MINUTE_FRAC:
                    m, end = _MINUTE_FRAC[form], end + 1
                    break
        return end, h, m, hour_word if hour_word is not None else 0

    def r_time(self, i: int) -> Found | None:
        """A time of day (with the day it belongs to), a day part with its day, or a date followed by a time."""
        c = self.clock(i)
        if c is not None:
            end, h, m, cut = c
            part, day, end = self.time_tail(end)
            return Found(i, end, cut, "TIME", self.time_value(day, h, m, part))
        dp = self.word(i, "daypart")
        if dp is not None and len(self.w(i)) > 1:
            j = dp[0] + (1 if self.is_(dp[0], _FROM) is not None else 0)
            owner = self.day_of(j)
            if owner is not None:
                return Found(i, owner[0], dp[2], "TIME", self.part_value(owner[1], dp[1]))
            if self.w(i).endswith(("ا", "ء")) and dp[2] == 0:
                return Found(i, dp[0], 0, "TIME", self.part_value(None, dp[1]))
            return None
        date = self.d_full(i) or self.d_weekday(i)
        if date is None or date[1].day is None:
            return None
        j = date[0] + (1 if self.w(date[0]) in ("-", ",", "–") and self.joined(date[0]) else 0)
        c = self.clock(j)
        if c is None:
            return None
        end, h, m, _ = c
        part, _day, end = self.time_tail(end)
        return Found(i, end, date[2], "TIME", self.time_value(date[1].day, h, m, part))

    def time_tail(self, j: int) -> tuple[str | None, dt.date | None, int]:
        """What follows a clock time: صباحا، م، صباح يوم الأحد، من مساء اليوم."""
        if not self.joined(j):
            return None, None, j
        k = j + 1 if self.is_(j, _FROM) is not None else j
        dp = self.word(k, "daypart", strip=False)
        if dp is None:
            return None, None, j
        end = dp[0]
        day = None if self.w(k).endswith("ا") else self.day_of(end + (1 if self.is_(end, _FROM) is not None else 0))
        if day is not None:
            return dp[1], day[1], day[0]
        if k > j:
            return None, None, j
        return dp[1], None, end

    def day_of(self, j: int) -> tuple[int, dt.date | None] | None:
        """The day a time or day part belongs to: اليوم، أمس، يوم الأربعاء المقبل، 18 يونيو."""
        if not self.joined(j):
            return None
        for rule in (self.d_relday, self.d_full, self.d_weekday):
            hit = rule(j)
            if hit is not None and (hit[1].day is not None or self.anchor is None):
                return hit[0], hit[1].day
        return None

    def time_value(self, day: dt.date | None, h: int, m: int, part: str | None) -> str:
        """ISO date-time with a 12-hour time moved by its day part."""
        if (part in ("EV", "NI") and h < 12) or (part == "AF" and 1 <= h <= 6):
            h += 12
        elif part == "MO" and h == 12:
            h = 0
        base = day or (self.anchor.day if self.anchor else None)
        prefix = base.isoformat() if base else "XXXX-XX-XX"
        return f"{prefix}T{h % 24:02d}:{m:02d}"

    def part_value(self, day: dt.date | None, part: str) -> str:
        """A day part: 2015-08-05TMO."""
        base = day or (self.anchor.day if self.anchor else None)
        prefix = base.isoformat() if base else "XXXX-XX-XX"
        return f"{prefix}T{part}" if part in _CLOCK_PARTS else prefix

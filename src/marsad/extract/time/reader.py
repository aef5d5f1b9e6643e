"""Reading the parts of temporal expressions from key tokens, and resolving date parts against the anchor.

:class:`Reader` holds one segment's tokens and anchor; it reads numbers, days, month names,
years and numeric dates (with proclitics stripped where Arabic attaches them) and turns the
parts of a date into a TIMEX3 value with :mod:`.calendar`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate
from typing import TypeVar

from marsad.extract.time import calendar as cal
from marsad.extract.time.calendar import Anchor
from marsad.extract.time.lexicon import Lexicon, MonthName, lexicon
from marsad.extract.time.records import Clue, Found, Parts, Point
from marsad.extract.time.tokens import KeyTokens
from marsad.extract.time.words import (
    BARE_MONTH_CONTEXT,
    BLESSED,
    FROM,
    GREG_MARK,
    HIJRI_MARK,
    MONTH_LINK,
    MONTH_WORD,
    ORD_TEN,
    PREFIX_FUTURE,
    SAME,
    SEPS,
    THE_MONTH,
    THE_YEAR,
    YEAR_NOUNS,
    YEAR_WORDS,
    YEARS_DUAL,
    keys,
    range_openers_only,
    starters,
    starters_but_words,
)
from marsad.text.clitics import readings

V = TypeVar("V")
_UNSEEN = object()  # a look-up not made yet (None is a cached "nothing here")


NO_START, RANGE_START, START = 0, 1, 2  # what can begin at a token: nothing, a range only, any expression


@lru_cache(maxsize=1 << 16)
def _may_start(form: str) -> int:
    """What can begin at a token: ``START`` for digits or a word with a reading without proclitics that can begin an
    expression, ``RANGE_START`` when every such reading is a range opener and nothing else (only the range rule can
    match there: :func:`~marsad.extract.time.words.range_openers_only`), ``NO_START`` otherwise.

    Cached: text repeats words.
    """
    if form[:1].isdecimal():
        return START
    first = starters()
    found = [reading for _cut, reading in readings(form) if reading in first]
    if not found:
        return NO_START
    return RANGE_START if all(reading in range_openers_only() for reading in found) else START


@lru_cache(maxsize=1 << 12)  # asked at range openers only: a small cache (every collection walks its entries)
def _may_open_range_end(form: str) -> bool:
    """Whether a token right after a range opener (من، بين) can begin the range's first end.

    The range rule reads there a day or a date (digits, الـ + digits, or a number word:
    :meth:`Reader.day`, :meth:`Reader.numeric`, :meth:`Reader.partial_numeric`) or a year (digits,
    perhaps in parentheses, or عامي + digits: :meth:`Reader.year_number`); each first asks for
    one of these tokens.  Cached: text repeats words.
    """
    if form[:1].isdecimal() or form in ("ال", "(") or form in YEARS_DUAL:
        return True
    firsts = lexicon().firsts(lexicon().numbers)
    return any(reading in firsts for _cut, reading in readings(form))


@lru_cache(maxsize=1 << 12)  # asked at possible starts only: a small cache (every collection walks its entries)
def word_entry_only(form: str) -> bool:
    """Whether an expression can begin at a token only as an entry of ``time_words.tsv`` (its readings that can
    start one are first words of such entries, and it is no digit): nothing begins there unless an entry matches.

    Proof, rule by rule at such a token: the range rule asks for a range opener, عامي/يومي, digits or a number
    word; the time rule for الساعة, digits, a number word or a weekday, else a day part (a temporal word); the
    date rules for يوم/شهر/عام and other grammar words, a month, weekday or number word, digits, else a temporal
    word (هذا، اليوم، الماضي، مطلع، الشتاء، التسعينات، عيد); the duration rule for منذ (a temporal word), قبل, a
    number or unit word or a definite unit; the set and reference rules and the skip phrases for a temporal word.
    None of the others is among the token's readings (:func:`~marsad.extract.time.words.starters_but_words`).
    """
    if form[:1].isdecimal():
        return False
    others = starters_but_words()
    return not any(reading in others for _cut, reading in readings(form))


class _Readings(dict[int, tuple[tuple[int, str], ...]]):
    """The clitic readings of a segment's tokens by position, each found when first asked for (the rules read them
    at a few tokens around the expressions' starts only)."""

    def __init__(self, forms: list[str]) -> None:
        super().__init__()
        self.forms = forms

    def __missing__(self, i: int) -> tuple[tuple[int, str], ...]:
        found = self[i] = readings(self.forms[i])
        return found


class Reader:
    """Token access, lexicon look-ups, date parts and their resolution for one segment."""


    def __init__(self, toks: KeyTokens, anchor: Anchor | None) -> None:
        self.forms = forms = toks.forms
        self.brk = toks.breaks
        self.n = len(forms)
        self.anchor = anchor
        self.lex: Lexicon = lexicon()
        # each token's sentence: the number of breaks up to it
        self.sentence: list[int] = list(accumulate(self.brk, initial=0))[1:]
        self.future_sentences: set[int] = set()
        self.last_month: tuple[int, int] | None = None
        self.reads = _Readings(forms)
        self.cache: dict[tuple[int, int, bool], object] = {}
        # what can start at each token (NO_START, RANGE_START or START: digits or a known first word)
        self.starts = list(map(_may_start, forms))


    def range_may_follow(self, i: int) -> bool:
        """Whether a range can follow the range opener at token ``i`` (see :func:`_may_open_range_end`)."""
        return i + 1 < self.n and _may_open_range_end(self.forms[i + 1])

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

    def skip(self, i: int) -> int | None:
        """The end of a phrase where a temporal word is part of a name or another sense (عين اليوم، اليوم التالي)."""
        hit = self.look(i, self.lex.words)
        return hit[0] if hit is not None and hit[1][0] == "skip" else None


    def w(self, i: int) -> str:
        """The form of token ``i`` ('' outside the text)."""
        return self.forms[i] if 0 <= i < self.n else ""

    def is_(self, i: int, words: frozenset[str], strip: bool = False) -> int | None:
        """The proclitic cut with which token ``i`` is one of ``words`` (``None`` when it is not)."""
        if not 0 <= i < self.n:
            return None
        if strip:
            for cut, form in self.reads[i]:
                if form in words:
                    return cut
            return None
        return 0 if self.forms[i] in words else None

    def prev_is(self, i: int, words: frozenset[str]) -> bool:
        """Whether the token before ``i``, in the same sentence, is one of ``words`` (proclitics stripped)."""
        return i > 0 and not self.brk[i] and self.is_(i - 1, words, strip=True) is not None

    def joined(self, i: int) -> bool:
        """Token ``i`` exists and does not start a new sentence."""
        return 0 <= i < self.n and not self.brk[i]

    def look(self, i: int, table: Mapping[tuple[str, ...], V], strip: bool = True) -> tuple[int, V, int] | None:
        """The longest entry of ``table`` starting at token ``i``: (end, entry, proclitic cut)."""
        if not 0 <= i < self.n:
            return None
        key = (i, id(table), strip)
        cached = self.cache.get(key, _UNSEEN)
        if cached is not _UNSEEN:
            return cached  # type: ignore[return-value]
        found: tuple[int, V, int] | None = None
        firsts = self.lex.firsts(table)
        forms = [(cut, form) for cut, form in (self.reads[i] if strip else self.reads[i][:1]) if form in firsts]
        if not forms:
            self.cache[key] = None
            return None
        longest = max(firsts[form] for _cut, form in forms)
        for length in range(min(longest, self.n - i), 0, -1):
            if any(self.brk[i + 1:i + length]):
                continue
            rest = tuple(self.forms[i + 1:i + length])
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
                    and form.startswith(PREFIX_FUTURE)
                    and (form,) not in self.lex.numbers
                    and (form,) not in self.lex.units
                ):
                    return True
            if self.brk[k]:
                break
            k -= 1
        return False

    def since(self, i: int) -> bool:
        """Whether token ``i`` follows منذ."""
        return i > 0 and self.word(i - 1, "since") is not None


    def card(self, i: int) -> tuple[int, float, int, bool] | None:
        """A cardinal: digits or words (خمس، خمسة عشر، خمسة وعشرين); (end, value, cut, vague)."""
        if 0 <= i < self.n and self.forms[i].isdecimal():
            return i + 1, float(int(self.forms[i])), 0, False
        hit = self.look(i, self.lex.numbers)
        if hit is None or hit[1][1] not in ("card", "vague"):
            return None
        j, (value, kind), cut = hit
        if kind == "vague":
            return j, value, cut, True
        if value < 10 and self.is_(j, ORD_TEN) is not None:
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
        if n < 10 and self.is_(j, ORD_TEN) is not None:
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
        form = self.forms[i]
        if form.isdecimal() and len(form) <= 2 and 1 <= int(form) <= 31:
            return i + 1, int(form), 0
        if form == "ال" and self.joined(i + 1) and self.forms[i + 1].isdecimal() and len(self.forms[i + 1]) <= 2:
            return i + 2, int(self.forms[i + 1]), 0
        hit = self.ordinal(i)
        if hit is not None and 1 <= hit[1] <= 31:
            return hit
        return None


    def month(self, i: int, free: bool) -> tuple[int, MonthName, int, bool] | None:
        """A month name with an optional شهر before it and alternative names after it.

        Returns (end, month, cut, sure); ``sure`` is False when a strict name stands alone.
        """
        cut = self.is_(i, MONTH_WORD, strip=True)
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

    def year_number(self, i: int, implicit_hijri: bool = True) -> tuple[int, int, str | None] | None:
        """A year in digits, perhaps in parentheses, with an optional era mark: (end, year, 'h'/'g'/None).

        Without a mark, 1300-1500 reads as Hijri unless ``implicit_hijri`` is false (then the
        caller decides from the context: a bare 1500 is as often a count as a year).
        """
        paren = self.w(i) == "(" and self.joined(i + 1) and self.w(i + 2) == ")"
        if paren:
            i += 1
        if not (0 <= i < self.n) or not self.forms[i].isdecimal() or not 3 <= len(self.forms[i]) <= 4:
            return None
        year = int(self.forms[i])
        j = i + 2 if paren else i + 1
        mark: str | None = None
        if self.is_(j, HIJRI_MARK) is not None:
            mark, j = "h", j + 1
        elif self.is_(j, GREG_MARK) is not None:
            mark, j = "g", j + 1
        if mark is None and len(self.forms[i]) == 3:
            return None
        if mark is None and implicit_hijri:
            mark = "h" if 1300 <= year <= 1500 else None
        return j, year, mark

    def year_tail(self, i: int) -> tuple[int, Parts] | None:
        """The year after a month or day: من العام الماضي، لهذا العام، عام 2015م، 2024."""
        j = i
        if self.w(j) == ",":
            j += 1
        if self.is_(j, FROM) is not None:
            j += 1
        this = self.word(j, "this")
        if this is not None and self.is_(this[0], keys("العام", "السنة")) is not None:
            return this[0] + 1, Parts(rel_year=0)
        cut = self.is_(j, YEAR_WORDS, strip=True)
        if cut is not None:
            number = self.year_number(j + 1)
            if number is not None:
                return number[0], Parts(year=number[1], calendar="h" if number[2] == "h" else "g")
            if self.w(j) in YEAR_NOUNS or self.w(j).endswith(THE_YEAR):
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
        if name.calendar == "h" and self.is_(j, BLESSED) is not None:
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
        if not sure and (not self.prev_is(i, BARE_MONTH_CONTEXT) or name.strict == "never"):
            return None
        return j, parts, cut


    def daymonth(self, i: int) -> tuple[int, Parts, int] | None:
        """A day with its month: 18 يونيو 2024، الثامن من أغسطس (آب) المقبل، 19 من الشهر الجاري, or numeric."""
        numeric = self.numeric(i)
        if numeric is not None:
            return numeric
        d = self.day(i)
        if d is None:
            return None
        j, day, cut = d
        k = j + 1 if self.is_(j, MONTH_LINK) is not None else j
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
        if this is not None and self.w(this[0]) == THE_MONTH:
            return this[0] + 1, Parts(rel_month=0)
        if self.w(i) == THE_MONTH:
            mod = self.word(i + 1, "mod", strip=False)
            if mod is not None:
                return mod[0], Parts(rel_month=int(mod[1]))
            if self.is_(i + 1, SAME) is not None:
                return i + 2, Parts(same_month=True)
            return None
        mod = self.word(i, "mod", strip=False)
        if mod is not None and int(mod[1]) == 0:
            return mod[0], Parts(rel_month=0)
        return None

    def numeric(self, i: int) -> tuple[int, Parts, int] | None:
        """DD/MM/YYYY (or -, .), spaces allowed; a year of 1300-1500 or a هـ mark is Hijri."""
        if not (0 <= i < self.n) or not self.forms[i].isdecimal() or len(self.forms[i]) > 2:
            return None
        j = i + 1
        if self.w(j) not in SEPS or not self.joined(j):
            return None
        sep = self.w(j)
        if not (self.joined(j + 1) and self.forms[j + 1].isdecimal() and len(self.forms[j + 1]) <= 2):
            return None
        if self.w(j + 2) not in SEPS or (sep == "." and self.w(j + 2) != "."):
            return None
        year = self.year_number(j + 3)
        if year is None or not self.joined(j + 3):
            return None
        day, month = int(self.forms[i]), int(self.forms[j + 1])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        calendar = "h" if year[2] == "h" else "g"
        return year[0], Parts(day=day, month=month, year=year[1], calendar=calendar), 0

    def partial_numeric(self, i: int) -> tuple[int, Parts] | None:
        """DD-MM without a year (the first end of ``من 26-4 إلى 11-5 -1437``)."""
        if not (0 <= i < self.n) or not self.forms[i].isdecimal() or len(self.forms[i]) > 2:
            return None
        if self.w(i + 1) not in ("-", "/") or not (self.joined(i + 2) and self.forms[i + 2].isdecimal()):
            return None
        day, month = int(self.forms[i]), int(self.forms[i + 2])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        return i + 3, Parts(day=day, month=month)


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


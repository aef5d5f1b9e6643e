"""Date rules: single dates (absolute, weekday, relative, period, part-of, season, decade, feast) and ranges."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from marsad.extract.time import calendar as cal
from marsad.extract.time.reader import Reader
from marsad.extract.time.records import Clue, Found, Parts, Point
from marsad.extract.time.words import (
    AGE_WORDS,
    AND,
    BLESSED,
    DAY_WORD,
    DAYS_DUAL,
    EQUALS,
    FIRST_ORD,
    FROM,
    HALF_WORD,
    HALVES,
    LAST,
    MONTH_LINK,
    MONTH_WORD,
    MONTHS_PL,
    QUARTERS,
    RANGE_OPEN,
    SEASON_WORD,
    SIX,
    TO,
    UNTIL,
    WEEK,
    YEAR_CONTEXT,
    YEAR_EVENTS,
    YEAR_NOUNS,
    YEAR_WORDS,
    YEARS_DUAL,
)


class DateRules(Reader):
    """The rules that find dates and date ranges."""


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
        c = self.is_(j, DAY_WORD, strip=True)
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
        cut = self.is_(i, YEAR_WORDS, strip=True)
        if cut is not None:
            number = self.year_number(i + 1)
            if number is not None:
                return number[0], self.resolve(Parts(year=number[1], calendar="h" if number[2] == "h" else "g"), i), cut
            return None
        number = self.year_number(i, implicit_hijri=False)
        if number is None:
            return None
        j, year, mark = number
        if mark is None:
            hijri = 1300 <= year <= 1500
            if not (1900 <= year <= 2100 or hijri):
                return None
            prev_ok = self.prev_is(i, YEAR_CONTEXT | YEAR_EVENTS) or (
                self.prev_is(i - 1, YEAR_EVENTS) and self.w(i - 1).startswith("ال") and not self.brk[i - 1]
            )
            nxt = self.w(j)
            next_ok = j >= self.n or not self.joined(j) or nxt in (",", ".", ")", ";", ":")
            # A bare 1300-1500 is a Hijri year only with both: counts and distances (1500 كيلومتر) are not.
            if not (prev_ok and next_ok if hijri else prev_ok or next_ok):
                return None
            mark = "h" if hijri else None
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
        c = self.is_(j, DAY_WORD, strip=True)
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
        k = j + 1 if self.is_(j, EQUALS) is not None else j
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
        elif self.is_(j, DAY_WORD, strip=True) is not None:
            cut = self.is_(j, DAY_WORD, strip=True)
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
        if self.anchor is None or (base == 0 and self.prev_is(i, UNTIL)):
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
                if self.is_(j, WEEK) is not None:
                    return j + 1, self.period_point("W", 0), cut
                return None
            return inner[0], inner[1], cut
        wcut = self.is_(i, WEEK, strip=True)
        if wcut is not None:
            j = i + 1
            ordn = self.ordinal(j)
            if ordn is not None:
                j = ordn[0]
            elif self.is_(j, LAST) is not None:
                j += 1
            else:
                return None
            if self.is_(j, FROM) is None:
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
        if best is None and self.is_(j, MONTH_WORD) is not None:
            parts = self.month_parts(j, None)
            if parts is not None:
                best = (parts[0], self.resolve(parts[1], j), 0)
        return (best[0], best[1]) if best else None

    def d_fraction(self, i: int) -> tuple[int, Point, int] | None:
        """النصف الأول/الربع الثاني [من العام الحالي | من عام 2015]; الأشهر الستة الأولى من ...."""
        cut = self.is_(i, HALVES | QUARTERS, strip=True)
        j = i + 1
        if cut is not None:
            ordn = self.ordinal(j)
            letter = "H" if self.w(i).endswith(HALF_WORD) else "Q"
            if ordn is None:
                mod = self.word(j, "mod", strip=False)
                return (mod[0], self.relative_part(letter, int(mod[1])), cut) if mod else None
            n = ordn[1]
            j = ordn[0]
            if (letter == "H" and n > 2) or n > 4:
                return None
        else:
            cut = self.is_(i, SIX | MONTHS_PL, strip=True)
            if cut is None:
                return None
            second = self.w(j)
            if not ((self.w(i) in SIX and second in MONTHS_PL) or (self.w(i) in MONTHS_PL and second in SIX)):
                return None
            if self.is_(j + 1, FIRST_ORD) is None:
                return None
            letter, n, j = "H", 1, j + 2
        year: str | None = f"{self.anchor.day.year:04d}" if self.anchor else None
        if self.is_(j, FROM) is not None:
            inner = self.d_year(j + 1) or self.d_period(j + 1)
            if inner is None and self.w(j + 1) in YEAR_NOUNS:
                inner = (j + 2, Point(year), 0)
            if inner is not None and inner[1].value and len(inner[1].value) == 4:
                return inner[0], Point(f"{inner[1].value}-{letter}{n}"), cut
            if inner is not None:
                return None
        if self.w(i) in SIX | MONTHS_PL:  # الأشهر الستة الأولى needs the year it belongs to
            return None
        if year is None:
            return j, Point(None), cut
        return j, Point(f"{year}-{letter}{n}"), cut

    def relative_part(self, letter: str, delta: int) -> Point:
        """الربع السابق، النصف الحالي: the quarter or half ``delta`` from the anchor's."""
        if self.anchor is None:
            return Point(cal.ref(delta))
        size = 3 if letter == "Q" else 6
        per_year = 12 // size
        index = self.anchor.day.year * per_year + (self.anchor.day.month - 1) // size + delta
        return Point(f"{index // per_year:04d}-{letter}{index % per_year + 1}")

    def d_season(self, i: int) -> tuple[int, Point, int] | None:
        """[فصل] الشتاء الماضي، صيف العام الماضي."""
        j, cut = i, None
        c = self.is_(j, SEASON_WORD, strip=True)
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
        """التسعينات — but not an age (في الخمسينات من عمره، في أواخر الخمسينيات من العمر)."""
        hit = self.word(i, "decade")
        if hit is None:
            return None
        j = hit[0]
        if self.is_(j, FROM, strip=True) is not None and self.is_(j + 1, AGE_WORDS, strip=True) is not None:
            return None
        return hit[0], Point(hit[1]), hit[2]

    def d_feast(self, i: int) -> tuple[int, Point, int] | None:
        """عيد الفطر، عيد الأضحى: the occurrence nearest the anchor."""
        hit = self.word(i, "feast")
        if hit is None:
            return None
        j = hit[0] + (1 if self.is_(hit[0], BLESSED) is not None else 0)
        if self.anchor is None:
            return j, Point(None), hit[2]
        month, day = (int(x) for x in hit[1].split("-"))
        d = cal.nearest_hijri(self.anchor.day, month, day, None)
        return j, Point(cal.day_value(d) if d else None, d), hit[2]


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
        opener = self.is_(i, RANGE_OPEN, strip=True)
        j = i + 1 if opener is not None else i
        for k, first in self.range_starts(j):
            conn = self.connector(k)
            if conn is None:
                continue
            dash = self.w(k) in ("-", "–", "—")
            if opener is None and not (self.w(k) in AND or (dash and first.month is None)):
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
            link = d[0] + (1 if self.is_(d[0], MONTH_LINK) is not None else 0)
            mp = self.month_parts(link, d[1])
            if mp is not None and mp[1].year is None and mp[1].rel_year is None:
                out.append((mp[0], mp[1]))
            out.append((d[0], Parts(day=d[1])))
        return out

    def connector(self, k: int) -> int | None:
        """After the first end of a range: إلى، حتى، وحتى، و، -; returns where the second end starts."""
        if not self.joined(k):
            return None
        if self.w(k) in TO or self.w(k) in AND:
            return k + 1
        if any(cut == 1 and form in TO for cut, form in self.reads[k]):
            return k + 1
        return None

    def range_weekdays(self, i: int) -> Found | None:
        """يومي الأربعاء والخميس [القادمين]: two weekdays as a list."""
        cut = self.is_(i, DAYS_DUAL, strip=True)
        if cut is None:
            return None
        a = self.look(i + 1, self.lex.weekdays, strip=False)
        if a is None:
            return None
        j = a[0]
        if self.is_(j, AND) is not None:
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
        """من 1990 وحتى 2011، بين عامي 2000 و2005، 1436-1437 هـ."""
        opener = self.is_(i, RANGE_OPEN, strip=True)
        j = i + 1 if opener is not None else i
        dual = self.is_(j, YEARS_DUAL, strip=opener is None)
        if dual is not None:
            j += 1
        first = self.year_number(j)
        if first is None:
            return None
        if opener is None and dual is None and not (self.w(first[0]) == "-" and self.joined(first[0])):
            return None
        k = first[0]
        conn = self.connector(k)
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


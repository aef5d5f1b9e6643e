"""A hand-written grammar of Arabic temporal expressions over key tokens, with normalisation.

The grammar reads tokens of the normalised key text (see :mod:`.tokens`) left to right and,
at each position, keeps the longest expression any rule matches.  Rules first read the
parts of an expression (day, month name, year, weekday, unit...) (:mod:`.reader`) and then
resolve them against the anchor with :mod:`.calendar`.  Date rules live in :mod:`.dates`;
durations, sets, vague references and times here.  Words come from the ``time_*.tsv`` lexicons.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from marsad.extract.time import calendar as cal
from marsad.extract.time.calendar import Anchor
from marsad.extract.time.dates import DateRules
from marsad.extract.time.reader import RANGE_START, word_entry_only
from marsad.extract.time.records import Clue, Found
from marsad.extract.time.tokens import KeyTokens
from marsad.extract.time.words import (
    ADVERB_PARTS,
    AMBIGUOUS_PLURAL,
    BEFORE,
    CALENDAR_SUFFIX,
    CLOCK_PARTS,
    EACH,
    FROM,
    HALF,
    HOUR,
    LAST_FIRST,
    MINUTE_FRAC,
    ONE,
    WEEK_BARE,
)
from marsad.text.clitics import readings

Rule = Callable[[int], "Found | None"]


class Grammar(DateRules):
    """The temporal grammar over the tokens of one segment."""

    def __init__(self, toks: KeyTokens, anchor: Anchor | None) -> None:
        super().__init__(toks, anchor)
        self.rules: list[Rule] = [self.r_range, self.r_time, self.r_date, self.r_duration, self.r_set, self.r_ref]


    def scan(self) -> list[Found]:
        """Every expression, left to right, longest match first."""
        out: list[Found] = []
        starts = self.starts
        i = 0
        while i < self.n:
            best: Found | None = None
            if not starts[i]:
                i += 1
                continue
            if starts[i] == RANGE_START:  # a range opener and nothing else (من، بين): only the range rule can match,
                # and only before a day, a date or a year
                found = self.r_range(i) if self.range_may_follow(i) else None
                best = found if found is not None and found.end > i else None
            else:
                if word_entry_only(self.forms[i]) and self.look(i, self.lex.words) is None:
                    i += 1  # only a temporal word's entry could begin here, and none does
                    continue
                skip = self.skip(i)
                if skip is not None:
                    i = skip
                    continue
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

    def amount(self, i: int, loose: bool = False) -> tuple[int, float | None, str, int] | None:
        """A quantity of a unit: 24 عاما، تسعة أشهر، يومين، ربع قرن، خمس سنوات ونصف، سنوات طويلة.

        ``loose`` accepts a bare plural that is also another word (after منذ/قبل: منذ أشهر).
        """
        lead = self.is_(i, LAST_FIRST, strip=True)
        j = i + 1 if lead is not None else i
        c = self.card(j)
        if c is not None:
            unit = self.look(c[0], self.lex.units, strip=False)
            if unit is None or unit[1][1] == 2:
                return None
            n: float | None = None if c[3] else c[1]
            end = unit[0]
            if n is not None and self.is_(end, HALF, strip=True) is not None:
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
        if count == 1 and self.is_(end, ONE) is not None:
            return end + 1, 1.0, u, cut
        if count == 1 and self.w(j) in WEEK_BARE and lead is None:
            return end, 1.0, u, cut
        if count == 0 and u in ("Y", "M", "W", "D", "H") and (loose or not self.ambiguous(j)):
            vague = self.word(end, "vague", strip=False)
            return (vague[0] if vague else end), None, u, cut
        return self.definite_amount(i)

    def ambiguous(self, j: int) -> bool:
        """Whether token ``j`` is a plural unit that is also another word (أشهر "most famous")."""
        return any(form in AMBIGUOUS_PLURAL for _cut, form in self.reads[j])

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
        if unit == "S":
            return f"PT{amount}S"
        return f"P{amount}{unit}"

    def r_duration(self, i: int) -> Found | None:
        """A duration, or منذ/قبل + a duration (a DATE counted back from the anchor)."""
        ago = self.word(i, "since") or (
            (i + 1, "-", 0) if self.w(i) == BEFORE else None
        )
        if ago is None and (hit := readings(self.w(i))) and any(f == BEFORE for _c, f in hit):
            ago = (i + 1, "-", next(c for c, f in hit if f == BEFORE))
        if ago is not None:
            j = ago[0]
            approx = self.word(j, "approx", strip=False)
            if approx is not None:
                j = approx[0]
            amount = self.amount(j, loose=True)
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
        cut = self.is_(i, EACH, strip=True)
        if cut is None:
            return None
        unit = self.look(i + 1, self.lex.units, strip=False)
        if unit is None or unit[1][1] != 1:
            return None
        j = unit[0] + (1 if self.is_(unit[0], CALENDAR_SUFFIX) is not None else 0)
        return Found(i, j, cut, "SET", self.duration_value(1, unit[1][0]))

    def r_ref(self, i: int) -> Found | None:
        """الآن، حاليا، مؤخرا، قبل قليل، المستقبل، هذه الأيام."""
        hit = self.word(i, "ref")
        if hit is None:
            return None
        return Found(i, hit[0], hit[2], "DATE", hit[1])


    def clock(self, i: int) -> tuple[int, int, int, int] | None:
        """HH:MM, or after الساعة a number (10، 0821، الـ12) or an ordinal (العاشرة والربع): (end, h, m, cut)."""
        if not 0 <= i < self.n:
            return None
        hour_word = self.is_(i, HOUR, strip=True)
        j = i + 1 if hour_word is not None else i
        if self.w(j) == "ال" and self.joined(j + 1):
            j += 1
        if not 0 <= j < self.n:
            return None
        form = self.forms[j]
        if form.isdecimal() and self.w(j + 1) == ":" and self.joined(j + 2) and self.forms[j + 2].isdecimal() and len(self.forms[j + 2]) == 2:
            h, m, end = int(form), int(self.forms[j + 2]), j + 3
        elif hour_word is not None and form.isdecimal() and len(form) == 4:
            h, m, end = int(form[:2]), int(form[2:]), j + 1
        elif (hour_word is not None and form.isdecimal() and len(form) <= 2) or (form.isdecimal() and len(form) <= 2 and self.w(j - 1) != ":" and self.adverb_part(j + 1)):
            h, m, end = int(form), 0, j + 1
        else:
            o = self.ordinal(j)
            if o is None:
                return None
            h, m, end = o[1], 0, o[0]
            if hour_word is None and not (self.is_(end, FROM) is not None and self.word(end + 1, "daypart") is not None):
                return None
        if not (0 <= h <= 24 and 0 <= m < 60):
            return None
        if self.joined(end):
            for cut, form in readings(self.w(end)):
                if cut == 1 and form in MINUTE_FRAC:
                    m, end = MINUTE_FRAC[form], end + 1
                    break
        return end, h, m, hour_word if hour_word is not None else 0

    def adverb_part(self, j: int) -> bool:
        """Whether token ``j`` is a spelled-out day-part adverb (صباحا، مساء، ظهرا، ليلا), not م/ص."""
        return self.joined(j) and self.w(j) in ADVERB_PARTS

    def r_time(self, i: int) -> Found | None:
        """A time of day (with the day it belongs to), a day part with its day, or a date followed by a time."""
        c = self.clock(i)
        if c is not None:
            end, h, m, cut = c
            part, day, end = self.time_tail(end)
            return Found(i, end, cut, "TIME", self.time_value(day, h, m, part))
        dp = self.word(i, "daypart")
        if dp is not None and len(self.w(i)) > 1:
            j = dp[0] + (1 if self.is_(dp[0], FROM) is not None else 0)
            owner = self.day_of(j)
            if owner is not None:
                return Found(i, owner[0], dp[2], "TIME", self.part_value(owner[1], dp[1]), clues=owner[2])
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
        k = j + 1 if self.is_(j, FROM) is not None else j
        dp = self.word(k, "daypart", strip=False)
        if dp is None:
            return None, None, j
        end = dp[0]
        day = None if self.w(k).endswith("ا") else self.day_of(end + (1 if self.is_(end, FROM) is not None else 0))
        if day is not None:
            return dp[1], day[1], day[0]
        if k > j:
            return None, None, j
        return dp[1], None, end

    def day_of(self, j: int) -> tuple[int, dt.date | None, tuple[Clue, ...]] | None:
        """The day a time or day part belongs to (اليوم، أمس، يوم الأربعاء المقبل، 18 يونيو) and its clues (مساء اليوم الاثنين)."""
        if not self.joined(j):
            return None
        for rule in (self.d_relday, self.d_full, self.d_weekday):
            hit = rule(j)
            if hit is not None and (hit[1].day is not None or self.anchor is None):
                return hit[0], hit[1].day, hit[1].clues
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
        return f"{prefix}T{part}" if part in CLOCK_PARTS else prefix

"""Function words of the temporal grammar (prepositions, connectors, markers) from ``time_grammar.tsv``, as keys."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from marsad.extract.time.lexicon import lexicon
from marsad.lexicons import load_table
from marsad.text.normalize import norm_key


def keys(*words: str) -> frozenset[str]:
    """The key forms of some words."""
    return frozenset(norm_key(w) for w in words)


def group(name: str) -> frozenset[str]:
    """The key forms of one group of ``time_grammar.tsv``."""
    return frozenset(norm_key(row[1]) for row in load_table("time_grammar.tsv") if row[0] == name)


def _definite() -> set[str]:
    """Definite units and numbers (اليومين، الستة): the article and a unit's or number's first word."""
    lex = lexicon()
    return {"ال" + key[0] for key in lex.units} | {"ال" + key[0] for key in lex.numbers}


def _firsts(tables: Iterable[Iterable[tuple[str, ...]]]) -> set[str]:
    return {key[0] for table in tables for key in table}


@cache
def _lexicon_starters() -> frozenset[str]:
    """First words of lexicon entries, and definite units and numbers (اليومين، الستة)."""
    lex = lexicon()
    return frozenset(_firsts([lex.months, lex.weekdays, lex.numbers, lex.units, lex.words]) | _definite())


@cache
def starters_but_words() -> frozenset[str]:
    """Every starter but the first words of ``time_words.tsv`` entries: first words of the other lexicons' entries,
    definite units and numbers, grammar words.

    At a word none of whose readings is one of these, every rule and skip phrase first asks for an entry of
    ``time_words.tsv`` starting there (:meth:`~marsad.extract.time.reader.Reader.look` in ``lex.words``, or
    :meth:`~marsad.extract.time.reader.Reader.word`), so nothing begins where none does (see
    :func:`~marsad.extract.time.reader.word_entry_only`).
    """
    lex = lexicon()
    return frozenset(_firsts([lex.months, lex.weekdays, lex.numbers, lex.units]) | _definite()) | STARTERS


@cache
def starters() -> frozenset[str]:
    """Every word an expression can start with: first words of lexicon entries, definite units, grammar words."""
    return _lexicon_starters() | STARTERS


@cache
def range_openers_only() -> frozenset[str]:
    """The range openers (من، بين) that are no other starter: no lexicon entry's first word, no other grammar word.

    Of the rules, only the range rule reads a range opener at an expression's start: at a word whose every reading
    that is a starter is one of these, the range rule alone can match (nor does a skip phrase start there).
    """
    return RANGE_OPEN - _lexicon_starters() - OTHER_STARTERS


FROM = group("from")
RANGE_OPEN = group("range_open")
TO = group("to")
AND = group("and")
UNTIL = group("until")
YEAR_WORDS = group("year_words")
YEARS_DUAL = group("years_dual")
DAY_WORD = group("day_word")
DAYS_DUAL = group("days_dual")
MONTH_WORD = group("month_word")
MONTH_LINK = group("month_link")
SEPS = frozenset("/-–.")
HIJRI_MARK = group("hijri_mark")
GREG_MARK = group("greg_mark")
SAME = group("same")
EQUALS = group("equals")
HOUR = group("hour")
EACH = group("each")
ONE = group("one")
HALF = group("half")
HALVES = group("halves")
QUARTERS = group("quarters")
LAST_FIRST = group("last_first")
FIRST_ORD = group("first_ord")
MONTHS_PL = group("months_pl")
SIX = group("six")
WEEK = group("week")
LAST = group("last")
WEEK_BARE = group("week_bare")
ORD_TEN = group("ord_ten")
MINUTE_FRAC = {norm_key("الربع"): 15, norm_key("النصف"): 30, norm_key("الثلث"): 20}
# single words some rules compare a token's form with (keyed once, not at every token)
BEFORE = norm_key("قبل")
THE_MONTH = norm_key("الشهر")
HALF_WORD = norm_key("نصف")
THE_YEAR = norm_key("العام")
YEAR_NOUNS = (THE_YEAR, norm_key("السنة"))
CALENDAR_SUFFIX = group("calendar_suffix")
BLESSED = group("blessed")
SEASON_WORD = group("season_word")
YEAR_CONTEXT = group("year_context")
BARE_MONTH_CONTEXT = group("bare_month_context")
AMBIGUOUS_PLURAL = group("ambiguous_plural")
YEAR_EVENTS = group("year_events")
AGE_WORDS = group("age_words")
ADVERB_PARTS = group("adverb_parts")
CLOCK_PARTS = {"MO", "AF", "EV", "NI"}
# Words (besides lexicon entries and range openers) an expression can start with.
OTHER_STARTERS = (
    YEAR_WORDS | YEARS_DUAL | DAY_WORD | DAYS_DUAL | MONTH_WORD | HOUR | EACH | HALVES
    | QUARTERS | LAST_FIRST | SIX | MONTHS_PL | WEEK | WEEK_BARE | SEASON_WORD | keys("قبل", "ال")
)
STARTERS = RANGE_OPEN | OTHER_STARTERS
PREFIX_FUTURE = ("سي", "ست", "سن")

"""Facts: a quantity in a sentence with the slot it fills (killed, injured, arrested, seats...).

A slot comes from the ``claim_slots.tsv`` lexicon: the counted noun after the number
(``27 قتيلا``), a trigger before it (``مقتل 27 شخصا``, ``القبض على 431``), a verb after the
counted noun (``30 شخصا قتلوا``), or, for a number coordinated with a previous fact of the
sentence (``استشهاد 10 رجال أمن و3 عمال``), the slot of that fact.  Units fill their own
slots: a duration governed by a sentence trigger is a ``sentence`` (in months), a percentage
of a counted noun is a share of that slot (``ثلث المقاعد``: seats, in percent).  Bare
percentages and money amounts are not facts: rates, prices and budgets fill every story, and
two of them are rarely the same fact.  The noun after the number gives the fact's ``qualifier``
(``claim_qualifiers.tsv``: security men, workers, militants...; generic when not listed),
so that 12 security men killed and 15 people killed are different facts.  Numbers that
count a generic part of a previous total («منهم 12») and numbers in sentences dated, but not to a
day near publication (background, aggregates), are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.corpus.quantities import Quantity, find_quantities, word_start
from marsad.corpus.sentences import StorySentence
from marsad.corpus.units import day_ordinal
from marsad.lexicons import load_table
from marsad.model import Document, Event, SpanRef
from marsad.text.clitics import stem_variants
from marsad.text.normalize import norm_key
from marsad.text.tokens import Token

TRIGGER_WINDOW = 4
RISE_WINDOW = 7
VERB_WINDOW = 3
COORDINATION_WINDOW = 10
SINCE_REACH = 8
CURRENT_DAYS = 3
_SINCE = frozenset({"منذ", "ومنذ"})
_STOPS = frozenset(".،,;؛:!?؟-–—")
_PARTS = frozenset({"بينهم", "منهم", "بينها", "منها", "بينهن", "منهن"})
_SKIP_AFTER = frozenset({"من", "علي", "الاقل", "اخرين", "اخرون", "اخري", "اخر"})
_PEOPLE = frozenset({"شخص", "شخصا", "اشخاص", "مواطن", "مواطنا", "مواطنين", "مدني", "مدنيا", "مدنيين"})
_TO = frozenset({"الي", "لـ", "ل"})
_COORDINATORS = frozenset({"و", "اضافه", "بالاضافه", "الي"})

@dataclass(frozen=True)
class Fact:
    """A quantity filling a slot: its span, its sentence, the event whose clause holds it, the sentence's places."""

    slot: str
    qualifier: str
    quantity: Quantity
    ref: SpanRef
    sentence: StorySentence
    event: Event | None = None
    places: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Slots:
    before: dict[tuple[str, ...], str]
    noun: dict[str, str]
    verb: dict[tuple[str, ...], str]
    unit: dict[str, str]
    qualifiers: dict[str, str]


@cache
def _slots() -> _Slots:
    before: dict[tuple[str, ...], str] = {}
    noun: dict[str, str] = {}
    verb: dict[tuple[str, ...], str] = {}
    unit: dict[str, str] = {}
    for word, slot, where in load_table("claim_slots.tsv"):
        key = tuple(norm_key(word).split())
        if where == "before":
            before[key] = slot
        elif where == "noun":
            noun[key[0]] = slot
        elif where == "verb":
            verb[key] = slot
        else:
            unit[word] = slot
    qualifiers = {norm_key(w): c for w, c in load_table("claim_qualifiers.tsv")}
    return _Slots(before, noun, verb, unit, qualifiers)


def _lookup(tok: Token, table: dict[str, str]) -> str | None:
    for key in stem_variants(tok.key):
        if key in table:
            return table[key]
    return None


def _phrase_at(tokens: list[Token], end: int, table: dict[tuple[str, ...], str]) -> tuple[str, int] | None:
    """A phrase of ``table`` ending at token ``end``: (slot, offset where the phrase starts)."""
    for phrase, slot in sorted(table.items(), key=lambda kv: -len(kv[0])):
        start = end - len(phrase) + 1
        if start < 0:
            continue
        keys = [t.key for t in tokens[start : end + 1]]
        if keys[1:] == list(phrase[1:]) and phrase[0] in stem_variants(keys[0]):
            first = tokens[start]
            return slot, first.start if phrase[0] == first.key else word_start(first)
    return None


def _conjoined(tok: Token) -> bool:
    """True when a word carries the conjunction و (it starts the next phrase: «مقتل 4 وإصابة 8»)."""
    return tok.key != tok.stem and tok.key.startswith("و")


def _skip_back(tokens: list[Token], i: int) -> int:
    """The index of the nearest word at or before ``i`` (punctuation such as «» skipped)."""
    while i >= 0 and not tokens[i].is_word and not _is_stop(tokens[i]):
        i -= 1
    return i


def _is_stop(tok: Token) -> bool:
    return not tok.is_word and any(c in _STOPS for c in tok.text)


def _trigger_before(tokens: list[Token], q: Quantity, numbers: frozenset[int]) -> tuple[str, int] | None:
    """The slot trigger governing ``q`` from before it; the search stops at punctuation and other numbers.

    A part of a total («استشهاد 15 منهم 12 من منسوبي القوات») takes the total's trigger.
    """
    slots = _slots()
    part = _is_part(tokens, q)
    i = q.first - 1
    seen = 0
    # «ارتفاع شهداء تفجير مسجد طوارئ عسير إلى 12»: a toll rising to a number reaches further back
    window = RISE_WINDOW if i >= 0 and tokens[i].key in _TO else TRIGGER_WINDOW
    while i >= 0 and seen < window:
        tok = tokens[i]
        if _is_stop(tok) or (i in numbers and not part):
            return None
        if tok.is_word:
            found = _phrase_at(tokens, i, slots.before)
            if found is not None:
                first = max(k for k in range(i + 1) if tokens[k].start <= found[1])
                j = _skip_back(tokens, first - 1)
                # «6 قتلى و4 مفقودين»: قتلى is the noun of 6, no trigger of 4 (but «شخصين وجرح 9» is one)
                return None if j in numbers and not part and not _conjoined(tokens[first]) else found
            seen += 1
        i -= 1
    return None


def _counted(tokens: list[Token], q: Quantity) -> int | None:
    """The index of the counted noun after the number (``من`` and «على الأقل» skipped)."""
    i = q.after
    while i < len(tokens) and ((not tokens[i].is_word and not _is_stop(tokens[i])) or tokens[i].key in _SKIP_AFTER):
        i += 1
    return i if i < len(tokens) and tokens[i].is_word else None


def _verb_after(tokens: list[Token], start: int) -> tuple[str, int] | None:
    slots = _slots()
    for i in range(start, min(start + VERB_WINDOW, len(tokens))):
        if _is_stop(tokens[i]):
            return None
        found = _phrase_at(tokens, i, slots.verb)
        if found is not None:
            return found[0], i
    return None


def _is_part(tokens: list[Token], q: Quantity) -> bool:
    i = q.first - 1
    while i >= 0 and not tokens[i].is_word and not _is_stop(tokens[i]):
        i -= 1
    return i >= 0 and (tokens[i].key in _PARTS or tokens[i].stem in _PARTS)


def _coordinated(tokens: list[Token], q: Quantity, previous: tuple[str, int] | None) -> bool:
    if previous is None or q.first - previous[1] > COORDINATION_WINDOW:
        return False
    first = tokens[q.first]
    if first.key != first.stem and first.key.startswith("و"):
        return True
    i = q.first - 1
    while i > previous[1] and not tokens[i].is_word and not _is_stop(tokens[i]):
        i -= 1
    return i > previous[1] and tokens[i].key in _COORDINATORS


def _background(doc: Document, s: StorySentence) -> bool:
    """True when the sentence is dated, but never to a day near publication: another happening.

    «قتل 33 شخصاً مطلع الشهر الحالي», «قرابة ألف قتلوا في الأشهر الأولى من العام الحالي», «عام 2012»:
    a count dated to a year, a month or a distant day is background or an aggregate, not the story's
    happening.  Dates after «منذ» start a period that runs to now and are left out.
    """
    published = day_ordinal(doc.published.value if doc.published else None)
    if published is None:
        return False
    dated = False
    for t in doc.timexes:
        if not (s.ref.start <= t.start < s.ref.end and t.type == "DATE" and t.value and t.value[:4].isdigit()):
            continue
        if _since(doc.text, t.start):
            continue
        day = day_ordinal(t.value)
        if day is not None and abs(day - published) <= CURRENT_DAYS:
            return False
        dated = True
    return dated


def _since(text: str, start: int) -> bool:
    """True when a date follows «منذ» (a count since then is about now, not background)."""
    before = text[max(0, start - SINCE_REACH) : start].split()
    return bool(before) and norm_key(before[-1]) in _SINCE


def _event_at(doc: Document, start: int, end: int) -> Event | None:
    """The event whose clause holds ``[start, end)`` (the shortest such clause)."""
    holding = [e for e in doc.events if e.start <= start and end <= e.end]
    return min(holding, key=lambda e: e.end - e.start) if holding else None


def sentence_facts(doc: Document, s: StorySentence) -> list[Fact]:
    """The facts stated in one sentence of ``doc``."""
    if _background(doc, s):
        return []
    tokens, quantities = find_quantities(doc.text, s.ref.start, s.ref.end)
    slots = _slots()
    places = frozenset(
        m.entity or norm_key(m.text) for m in doc.mentions if m.type == "LOC" and s.ref.start <= m.start < s.ref.end
    )
    numbers = frozenset(i for q in quantities for i in range(q.first, q.last + 1))
    out: list[Fact] = []
    previous: tuple[str, int] | None = None  # slot and last token of the previous fact
    for q in quantities:
        counted = _counted(tokens, q)
        noun = tokens[counted] if counted is not None else None
        if _is_part(tokens, q) and (noun is None or _lookup(noun, slots.qualifiers) is None):
            continue  # «استشهاد 15 منهم 12 من منسوبي القوات»: a generic part of a total is no fact of its own
        slot: str | None = None
        span_start, span_end = q.start, q.end
        if q.unit == "month":
            trigger = _trigger_before(tokens, q, numbers)
            slot = slots.unit.get("month") if trigger is not None and trigger[0] == "sentence" else None
            if slot is not None and trigger is not None:
                span_start = trigger[1]
        elif q.unit == "percent":
            # a share of a counted slot («ثلث المقاعد»); bare percentages and amounts are everywhere in
            # a story (rates, prices, budgets) and are not compared
            slot = _lookup(noun, slots.noun) if noun is not None else None
        elif q.unit is None:
            if noun is not None and not _conjoined(noun) and (found := _lookup(noun, slots.noun)) is not None:
                slot, span_end = found, noun.end
            elif (trigger := _trigger_before(tokens, q, numbers)) is not None:
                slot, span_start = trigger

                if noun is not None and counted is not None and counted - q.last <= 2:
                    span_end = noun.end
            elif counted is not None and (verb := _verb_after(tokens, counted + 1)) is not None:
                slot, span_end = verb[0], tokens[verb[1]].end
            elif _coordinated(tokens, q, previous) and previous is not None and (
                noun is None or _lookup(noun, slots.qualifiers) is not None or noun.stem in _PEOPLE
            ):  # «6 قتلى و4 مفقودين»: a number of another noun does not inherit the slot
                slot = previous[0]
                if noun is not None and counted is not None and counted - q.last <= 2:
                    span_end = noun.end
        if slot is None:
            continue
        qualifier = ""
        if noun is not None and slot != "sentence" and q.unit is None:
            qualifier = _lookup(noun, slots.qualifiers) or ""
        ref = SpanRef(doc.id, span_start, span_end, doc.text[span_start:span_end])
        event = _event_at(doc, span_start, span_end)
        if event is not None and event.current is False:
            continue  # the clause's event is background (dated away from publication)
        out.append(Fact(slot, qualifier, q, ref, s, event, places))
        previous = (slot, q.last)
    return out

"""The event extractor: trigger words per sentence, their clause, actors, place and governing date.

For each sentence of the document's articles (``main`` and ``appended`` segments with nested
captions and chrome cut out; the whole text when unsegmented):

* **Clauses.** Punctuation (، ؛ :) closes a clause; a relative pronoun (الذي، التي ...)
  opens a *relative* clause that runs to the next punctuation.  The clause of a trigger is its
  event's ``text``.
* **Triggers.** Each word whose form is in ``event_triggers.tsv`` (clitics and a future س
  stripped; a verb form never after the article) is an event of that form's type.  Two
  triggers of one type within :data:`MERGE_GAP` words of one clause (شن هجوماً) are one
  event; so are a fighting word and an assault word right after it (هجوم انتحاري: one
  ``18 ASSAULT``).
* **Actors.** Named mentions (the entity stage runs first) in the trigger's window — its
  clause before it, and up to :data:`ACTOR_WINDOW` words after it, stopping at a relative
  pronoun or another trigger.  The source is the nearest mention before the trigger in the
  clause (subject-first order), else the first after it (verb-first order; the genitive of a
  verbal noun); the target is the next one after that.  A place name right after a locative
  (في، بـ) is the ``place``, not an actor.
* **Date.** The governing timex is the calendar-valued DATE/TIME expression of the trigger's
  own clause (a clock time alone, الساعة 12:40 ظهرا, names no day and dates nothing), else the nearest one in the sentence's non-relative clauses; a timex inside a
  relative clause dates only the events of that clause ("the deal signed in 2015" does not
  date the sentence's main event), and an event in a relative clause takes no timex from
  outside it.  A relative clause that describes an event noun (التفجير الغاشم *الذي استهدف*
  المسجد: the targeting is the bombing) takes that event's date when it has no timex of its
  own (the noun at most :data:`ANTECEDENT_GAP` words before the pronoun).  Without one, an
  event in a relative clause (the martyrs *who died* in the bombing: a happening told before), in the pluperfect (كان ... قد) or in the future (سـ)
  gets no date; any other event is dated by the publication day (basis ``publication``).  ``current`` is true when the date lies within :data:`CURRENT_DAYS` days of
  publication.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, TypeVar

from marsad.extract.events.lexicon import EventLexicon, TriggerForm, event_lexicon, type_label
from marsad.extract.time.lexicon import lexicon as time_lexicon
from marsad.model import Actor, Document, Event, EventDateBasis, Mention, Segment, Span, Timex
from marsad.text.clitics import stem_variants
from marsad.text.normalize import norm_key
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, text_tokens, token_key

if TYPE_CHECKING:
    from marsad.corpus.result import CorpusResult

_T = TypeVar("_T")

CURRENT_DAYS = 7
MERGE_GAP = 2
ACTOR_WINDOW = 12
PLUPERFECT_GAP = 4
ANTECEDENT_GAP = 3
# A trigger of the first type followed closely by one of the second is one event of the second,
# more specific type (CAMEO codes suicide, car and roadside bombings as 18x, not 19 fighting).
SPECIFIC = frozenset({("19", "18")})
LOOKAHEAD = 500
_PUNCT = frozenset(",;:")
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_FUTURE = frozenset({"سوف"})
_SINCE = frozenset({"منذ"})
_COLON = ":"


@dataclass(frozen=True)
class Clause:
    """A run of a sentence's tokens ``[lo, hi)``; ``relative`` when opened by a relative pronoun."""

    lo: int
    hi: int
    relative: bool


def clauses(tokens: list[Token], lex: EventLexicon) -> list[Clause]:
    """Split a sentence's tokens at punctuation and before relative pronouns."""
    out: list[Clause] = []
    lo, relative = 0, False
    for i, tok in enumerate(tokens):
        if tok.key in _PUNCT:
            if i > lo:
                out.append(Clause(lo, i, relative))
            lo, relative = i + 1, False
        elif tok.key in lex.relatives and i > lo:
            out.append(Clause(lo, i, relative))
            lo, relative = i, True
        elif tok.key in lex.relatives:
            relative = True
    if lo < len(tokens):
        out.append(Clause(lo, len(tokens), relative))
    return out


def calendar_date(t: Timex) -> str | None:
    """The ISO calendar date (year, month or day precision) a DATE or TIME timex gives, if any."""
    if t.type not in ("DATE", "TIME") or not t.value:
        return None
    m = _ISO.match(t.value)
    if m is None or (len(t.value) > m.end() and t.value[m.end()] not in "T"):
        return None
    return m.group()


@lru_cache(maxsize=1)
def day_words() -> frozenset[str]:
    """Keys of the words that name a day or a longer period in a time expression (اليوم، أمس، الاثنين، يوليو)."""
    lex = time_lexicon()
    return frozenset(key[0] for table in (lex.months, lex.weekdays) for key in table if len(key) == 1) | _relative_days()


@lru_cache(maxsize=1)
def _relative_days() -> frozenset[str]:
    lex = time_lexicon()
    return frozenset(key[0] for key, (category, _value) in lex.words.items() if category == "day" and len(key) == 1)


def deictic(text: str) -> bool:
    """Whether a time expression counts days from the day of writing (اليوم، أمس، مساء البارحة)."""
    words = _relative_days()
    return any(v in words for w in norm_key(text).split() for v in stem_variants(w))


_DATE_DIGITS = re.compile(r"\d{4}|\d{1,2}\s*[/\-.]\s*\d{1,2}")


def clock_only(t: Timex) -> bool:
    """Whether a TIME expression gives only a time of day (الساعة الـ12:40 ظهرا), no day of its own."""
    if t.type != "TIME" or _DATE_DIGITS.search(t.text):
        return False
    words = day_words()
    return not any(v in words for w in norm_key(t.text).split() for v in stem_variants(w))


def date_range(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day an ISO date at year, month or day precision covers."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def is_current(date: str, published: dt.date | None) -> bool | None:
    """Whether an ISO date at day or month precision lies within :data:`CURRENT_DAYS` of publication."""
    if published is None:
        return None
    try:
        lo, hi = date_range(date)
    except ValueError:
        return False
    if (hi - lo).days > 31:
        return False
    window = dt.timedelta(days=CURRENT_DAYS)
    return lo <= published + window and hi >= published - window


def publication_day(doc: Document) -> dt.date | None:
    """The document's publication day, if it has a parseable one."""
    if doc.published is None:
        return None
    try:
        return dt.date.fromisoformat(doc.published.value[:10])
    except ValueError:
        return None


_START = attrgetter("start")


@lru_cache(maxsize=1 << 16)
def key_trigger(key: str) -> TriggerForm | None:
    """The trigger a token's key is, if any: ``None`` for punctuation (cached: word types repeat across a corpus)."""
    if not key[:1].isalnum():  # not a word (Token.is_word)
        return None
    return event_lexicon().trigger(key)


def _within(items: list[_T], starts: list[int], lo: int, hi: int) -> list[_T]:
    """The items (sorted by start, ``starts`` their starts) that start in ``[lo, hi)``."""
    return items[bisect_left(starts, lo) : bisect_left(starts, hi)]


class _Sentence:
    """One sentence being read: its tokens, clauses, timexes and mentions."""

    def __init__(
        self,
        doc: Document,
        span: Span,
        lex: EventLexicon,
        tokens: tuple[list[Token], list[TriggerForm | None]],
        timexes: list[Timex],
        mentions: list[Mention],
    ):
        self.doc = doc
        self.lex = lex
        self.tokens, self.triggers = tokens
        self.starts = [t.start for t in self.tokens]
        self.clauses = clauses(self.tokens, lex)
        self.timexes = [t for t in timexes if calendar_date(t) and not clock_only(t)]
        self.mentions = [m for m in mentions if m.end <= span.end]

    def clause_of(self, i: int) -> Clause:
        for c in self.clauses:
            if c.lo <= i < c.hi:
                return c
        return Clause(i, i + 1, False)

    def token_index(self, offset: int) -> int:
        return bisect_left(self.starts, offset)

    def governing(self, i: int, clause: Clause) -> Timex | None:
        """The timex of the trigger's clause, else the nearest in a neighbouring non-relative clause.

        A timex with منذ (since) before it or between it and the trigger bounds a span and
        dates nothing.  Across clauses, a colon (a quote or a list follows) is not crossed and a
        timex nearer another trigger belongs to that one.
        """
        best: tuple[int, int, Timex] | None = None
        here = self.clauses.index(clause) if clause in self.clauses else -1
        for t in self.timexes:
            j = min(self.token_index(t.start), len(self.tokens) - 1)
            between = range(min(i, j), max(i, j))
            if any(self.tokens[k].key in _SINCE for k in (*between, j - 1, j - 2) if k >= 0):
                continue
            own = clause.lo <= j < clause.hi
            other = self.clause_of(j)
            there = self.clauses.index(other) if other in self.clauses else -1
            if not own and (
                other.relative
                or clause.relative
                or abs(there - here) > 1
                or any(self.tokens[k].key == _COLON or self._other_trigger(k, i) for k in between)
            ):
                continue
            key = (0 if own else 1, abs(j - i))
            if best is None or key < best[:2]:
                best = (key[0], key[1], t)
        return best[2] if best else None

    def _other_trigger(self, k: int, i: int) -> bool:
        """Whether token ``k`` is another trigger than the one at ``i`` (a same-type neighbour merged with it is not)."""
        form, mine = self.triggers[k], self.triggers[i]
        if k == i or form is None:
            return False
        return mine is None or form.type != mine.type or abs(k - i) > MERGE_GAP

    def pluperfect(self, i: int, clause: Clause) -> bool:
        """Whether the clause reads كان ... قد before the trigger."""
        keys = [self.tokens[k].key for k in range(clause.lo, i + 1)]
        aux = self.lex.auxiliaries
        return any(
            (key in aux or (key[1:] in aux and key[0] in "وف"))
            and any(w in self.lex.pluperfect for w in keys[k + 1 : k + 1 + PLUPERFECT_GAP])
            for k, key in enumerate(keys)
        )

    def future(self, i: int) -> bool:
        """Whether the trigger verb carries the future prefix سـ or follows سوف."""
        key = self.tokens[i].key
        stem = key[1:] if key[:1] in "وف" else key
        if stem[:1] == "س" and stem[1:2] in ("ي", "ت", "ن") and self.lex.triggers.get(stem) is None:
            return True
        return i > 0 and self.tokens[i - 1].key in _FUTURE

    def actors(self, i: int, clause: Clause, verb: bool) -> tuple[list[Actor], str | None]:
        """Source and target actors and the place of the trigger at token ``i``."""
        start_at = self.tokens[clause.lo].start
        stop = min(len(self.tokens), i + 1 + ACTOR_WINDOW)
        for k in range(i + 1, stop):
            if self.tokens[k].key in self.lex.relatives or (self.triggers[k] is not None and self.triggers[k] != self.triggers[i]):
                stop = k
                break
        end_at = self.tokens[stop - 1].end if stop > i else self.tokens[i].end
        trig_start = self.tokens[i].start
        place: str | None = None
        before: list[Mention] = []
        after: list[Mention] = []
        for m in self.mentions:
            if m.end <= start_at or m.start >= end_at or trig_start <= m.start < self.tokens[i].end:
                continue
            if m.type == "LOC" and self._locative(m):
                if place is None:
                    place = m.entity or norm_key(m.text)
                continue
            (before if m.end <= trig_start else after).append(m)
        chosen: list[tuple[Mention, str]] = []
        if before and verb:
            chosen.append((before[-1], "source"))
            if after:
                chosen.append((after[0], "target"))
        elif after:
            chosen.append((after[0], "source"))
            if len(after) > 1:
                chosen.append((after[1], "target"))
        out = [
            Actor(m.entity or norm_key(m.text), "source" if role == "source" else "target", m.start, m.end, m.text)
            for m, role in chosen
        ]
        return out, place

    def _locative(self, m: Mention) -> bool:
        text = self.doc.text
        if m.start > 0 and text[m.start - 1] in "بف" and (m.start < 2 or not text[m.start - 2].isalpha()):
            return text[m.start - 1] == "ب"
        k = self.token_index(m.start)
        return k > 0 and self.tokens[k - 1].key in self.lex.locatives


def _events_in(sent: _Sentence, published: dt.date | None) -> list[Event]:
    doc = sent.doc
    out: list[Event] = []
    nouns: dict[int, Event] = {}
    last: tuple[int, str] | None = None
    for i, form in enumerate(sent.triggers):
        if form is None:
            continue
        if last is not None and i - last[0] <= MERGE_GAP and sent.clause_of(i) == sent.clause_of(last[0]):
            if last[1] == form.type:
                continue
            if (last[1], form.type) in SPECIFIC:  # هجوم انتحاري: the attack is a suicide bombing
                out[-1].type = type_label(form.type)
                last = (i, form.type)
                continue
        last = (i, form.type)
        event = _event(sent, i, form, published, doc)
        clause = sent.clause_of(i)
        if event.date is None and clause.relative and not sent.future(i):
            before = range(clause.lo - 1, max(clause.lo - 1 - ANTECEDENT_GAP, -1), -1)
            noun = next((nouns[k] for k in before if k in nouns), None)
            if noun is not None and noun.date is not None:
                event.date, event.date_basis, event.timex, event.current = noun.date, noun.date_basis, noun.timex, noun.current
        if not form.verb:
            nouns[i] = event
        out.append(event)
    return out


def _event(sent: _Sentence, i: int, form: TriggerForm, published: dt.date | None, doc: Document) -> Event:
    clause = sent.clause_of(i)
    tok = sent.tokens[i]
    lo, hi = sent.tokens[clause.lo].start, sent.tokens[clause.hi - 1].end
    actors, place = sent.actors(i, clause, form.verb)
    timex = sent.governing(i, clause)
    date: str | None = None
    basis: EventDateBasis | None = None
    if timex is not None:
        date, basis = calendar_date(timex), "timex"
    elif not clause.relative and not sent.pluperfect(i, clause) and not sent.future(i) and published is not None:
        date, basis = published.isoformat(), "publication"
    current = is_current(date, published) if date else (False if published else None)
    return Event(
        start=lo,
        end=hi,
        text=doc.text[lo:hi],
        type=type_label(form.type),
        date=date,
        participants=[a.entity for a in actors],
        trigger=doc.span(tok.start, tok.end),
        actors=actors,
        place=place,
        date_basis=basis,
        timex=doc.span(timex.start, timex.end) if timex is not None else None,
        current=current,
    )


def reference_days(doc: Document, pieces: list[Span], published: dt.date | None) -> list[tuple[int, str]]:
    """The (offset, day) of the article's day-precision timexes within days of publication."""
    out: list[tuple[int, str]] = []
    for t in doc.timexes:
        day = calendar_date(t)
        if day is None or len(day) != 10 or not any(p.start <= t.start < p.end for p in pieces):
            continue
        if is_current(day, published) and not doc.text[max(0, t.start - 6) : t.start].strip().endswith("منذ"):
            out.append((t.start, day))
    return sorted(out)


def narrative_dates(events: list[Event], anchors: list[tuple[int, str]]) -> None:
    """Date the events of one article reported without a timex by the article's reference day.

    News tells its main happening at one reference time: an event dated only by publication
    takes the day of the latest current day-precision timex before it (else of the first one
    within :data:`LOOKAHEAD` characters after it: a lead often names the day only in its
    next sentence), basis ``inferred``.
    """
    for e in events:
        if e.date_basis != "publication":
            continue
        before = [day for offset, day in anchors if offset < e.start]
        after = [day for offset, day in anchors if e.start <= offset < e.start + LOOKAHEAD]
        if before or after:
            e.date = before[-1] if before else after[0]
            e.date_basis = "inferred"


def annotate(doc: Document) -> None:
    """Fill ``doc.events`` from the document's articles (needs ``doc.timexes`` and ``doc.mentions``).

    Each article piece is tokenised once; only the sentences holding a trigger are read.
    """
    lex = event_lexicon()
    published = publication_day(doc)
    timexes = sorted(doc.timexes, key=lambda t: t.start)
    timex_starts = [t.start for t in timexes]
    mentions = sorted(doc.mentions, key=lambda m: m.start)
    mention_starts = [m.start for m in mentions]
    events: list[Event] = []
    articles: list[Segment | None] = list(doc.segments_of("main", "appended")) or [None]
    for article in articles:
        found: list[Event] = []
        pieces = doc.pieces(article) if article is not None else [doc.span(0, len(doc.text))]
        for region in pieces:
            tokens = text_tokens(doc.text, region.start, region.end)
            triggers = list(map(key_trigger, map(token_key, tokens)))
            if not any(triggers):
                continue
            starts = list(map(_START, tokens))
            for span in split_sentences(doc.text, region.start, region.end):
                lo, hi = bisect_left(starts, span.start), bisect_left(starts, span.end)
                if not any(triggers[lo:hi]):
                    continue
                sent = _Sentence(
                    doc, span, lex, (tokens[lo:hi], triggers[lo:hi]),
                    _within(timexes, timex_starts, span.start, span.end),
                    _within(mentions, mention_starts, span.start, span.end),
                )
                found.extend(_events_in(sent, published))
        narrative_dates(found, reference_days(doc, pieces, published))
        events.extend(found)
    doc.events = events


def relink(docs: list[Document], result: CorpusResult) -> None:
    """Corpus step after entity resolution: actors take their mention's resolved entity id.

    A document whose publication date was inferred after the per-document stage (see
    :func:`marsad.extract.time.published.infer_dates`) has its events read again first.
    """
    del result
    for doc in docs:
        if doc.published is not None and doc.published.basis == "inferred":
            annotate(doc)
        by_span = {(m.start, m.end): m.entity for m in doc.mentions if m.entity}
        for event in doc.events:
            for actor in event.actors:
                actor.entity = by_span.get((actor.start, actor.end), actor.entity)
            event.participants = [a.entity for a in event.actors]

"""Claims across outlets: facts compared slot by slot, and statements repeated by several outlets.

A fact (:mod:`marsad.corpus.facts`) is a slot (killed, injured, arrested, seats, sentence...)
of the event whose clause holds it, with a value interval; facts in background events are
left out.  Within a story, facts of one slot and one qualifier whose sentences tell the same
happening (their content terms overlap by :data:`SAME_FACT`) are one claim.
Two facts contest each other only when they come from different outlets and their
intervals do not overlap after unit normalisation (:func:`marsad.corpus.quantities.compatible`):
«نحو 100» and «100» agree, 27 and 30 do not.  A headline against its own lead is one
source, so never a conflict.  A claim with a conflict is ``contested`` and lists each value
with its spans, outlets and independent sources; one without is ``corroborated`` when two or
more independent sources state it.  Reports published days apart are updates, not conflicts,
and a figure given as risen (``claim_updates.txt``: ارتفع عدد القتلى إلى 38) updates every
figure published on an earlier day.

Sources are independent when they are different outlets whose passages do not copy each
other: an outlet repeating itself counts once, and documents sharing a copied passage (the
duplicates layer, :mod:`marsad.corpus.duplicates`) count as one source.  Whole sentences
repeated by independent outlets (content terms overlapping by :data:`SAME_STATEMENT`) are
corroborated ``statement`` claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import combinations

from marsad.corpus.facts import Fact, sentence_facts
from marsad.corpus.quantities import compatible
from marsad.corpus.sentences import StorySentence
from marsad.corpus.terms import jaccard
from marsad.corpus.unionfind import UnionFind
from marsad.corpus.units import day_ordinal
from marsad.lexicons import load
from marsad.model import Claim, ClaimValue, Document, Duplicate, SpanRef
from marsad.text.clitics import stem_variants
from marsad.text.normalize import norm_key

SAME_STATEMENT = 0.4
SAME_FACT = 0.3
MAX_DAYS_APART = 1
LEAD_FACT_SENTENCES = 3
MIN_TERMS = 7
MAX_SENTENCES = 600
LEAD_SENTENCES = 8
STATEMENT = "statement"

Copies = dict[str, list[tuple[int, int, str]]]


def copy_groups(duplicates: list[Duplicate]) -> Copies:
    """Per document, the (start, end, group) of every copied passage."""
    out: Copies = {}
    for d in duplicates:
        for ref in (d.a, d.b):
            out.setdefault(ref.document, []).append((ref.start, ref.end, d.group or ""))
    return out


def groups_of(ref: SpanRef, copies: Copies) -> frozenset[str]:
    """The copy groups of ``ref``'s document: two documents sharing a copied passage are one source.

    A headline or a lead an outlet rewrote over copied wire text still comes from that
    wire, so independence is judged per document, not per passage.
    """
    return frozenset(g for _, _, g in copies.get(ref.document, ()))


def independent_sources(sources: Sequence[tuple[str, frozenset[str]]]) -> int:
    """How many independent sources among (outlet, copy groups) items.

    Items of one outlet are one source, and items sharing a copy group are one source
    (copies of one passage), transitively.
    """
    same: UnionFind[int] = UnionFind(range(len(sources)))
    for i, j in combinations(range(len(sources)), 2):
        (oa, ga), (ob, gb) = sources[i], sources[j]
        if oa == ob or ga & gb:
            same.union(i, j)
    return len(same.groups())


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def same_happening(a: Fact, b: Fact) -> bool:
    """True when two facts' sentences tell the same happening.

    One sentence; or sentences whose content terms overlap by :data:`SAME_FACT` and whose
    places (LOC mentions), when both name some, share one.
    """
    if a.sentence.ref == b.sentence.ref:
        return True
    if a.places and b.places and not a.places & b.places:
        return False
    return _overlap(a.sentence.terms, b.sentence.terms) >= SAME_FACT


def _outlet(s: StorySentence) -> str:
    return s.outlet or s.ref.document


def _value_entries(facts: list[Fact], groups: dict[int, frozenset[str]]) -> list[ClaimValue]:
    by_value: dict[str, list[Fact]] = {}
    for f in facts:
        by_value.setdefault(f.quantity.value, []).append(f)
    out: list[ClaimValue] = []
    for value, members in by_value.items():
        sources = [(_outlet(f.sentence), groups[id(f)]) for f in members]
        out.append(ClaimValue(
            value, members[0].ref.text, sorted({o for o, _ in sources}), independent_sources(sources),
            [f.ref for f in members],
        ))
    out.sort(key=lambda v: (-v.independent_sources, -len(v.spans), v.value))
    return out


def _days_apart(a: Fact, b: Fact, days: dict[str, int | None]) -> int | None:
    da, db = days.get(a.ref.document), days.get(b.ref.document)
    return None if da is None or db is None else abs(da - db)


def _components(facts: list[Fact], days: dict[str, int | None]) -> list[list[Fact]]:
    """Facts linked by :func:`same_happening` and not :func:`_apart`, transitively."""
    same: UnionFind[int] = UnionFind(range(len(facts)))
    for i, j in combinations(range(len(facts)), 2):
        if same.find(i) != same.find(j) and not _apart(facts[i], facts[j], days) and same_happening(facts[i], facts[j]):
            same.union(i, j)
    return [[facts[i] for i in members] for members in same.groups().values()]


def _apart(a: Fact, b: Fact, days: dict[str, int | None]) -> bool:
    """Whether two facts are reports of different days: more than :data:`MAX_DAYS_APART`, or a risen figure a day off."""
    apart = _days_apart(a, b, days)
    return apart is not None and (apart > MAX_DAYS_APART or (apart > 0 and (is_update(a) or is_update(b))))


@cache
def _update_words() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("claim_updates.txt"))


def is_update(f: Fact) -> bool:
    """Whether the fact's sentence gives its figure as risen (a word of ``claim_updates.txt`` before it)."""
    s = f.sentence.ref
    words = _update_words()
    before = s.text[: max(0, f.ref.start - s.start)]
    return any(v in words for w in norm_key(before).split() for v in stem_variants(w))


def conflicting(a: Fact, b: Fact, days: dict[str, int | None], leads: frozenset[SpanRef]) -> bool:
    """True when two facts of one slot come from different outlets and report incompatible values.

    Reports published more than :data:`MAX_DAYS_APART` days apart are updates (a toll that
    rose), not conflicts, and so is a figure given as risen against one of another day
    (:func:`is_update`).  Two outlets running one wire text with different figures do
    conflict: one of them changed the number.  Only the figures each report leads with (its
    first :data:`LEAD_FACT_SENTENCES` sentences, title included) are compared, unless the two
    sentences state the same thing (:data:`SAME_STATEMENT`): figures further down a report are
    often those of another attack, another battle, an earlier toll.
    """
    if _outlet(a.sentence) == _outlet(b.sentence):
        return False
    if _apart(a, b, days):
        return False
    if not (a.sentence.ref in leads and b.sentence.ref in leads) and \
            jaccard(a.sentence.terms, b.sentence.terms) < SAME_STATEMENT:
        return False
    return not compatible(a.quantity, b.quantity) and same_happening(a, b)


def fact_claims(
    facts: list[Fact], copies: Copies, days: dict[str, int | None], leads: frozenset[SpanRef] = frozenset()
) -> list[Claim]:
    """Contested and corroborated claims from the facts of one story.

    ``days`` gives each document's publication day, ``leads`` the sentences reports lead with.
    """
    groups = {id(f): groups_of(f.ref, copies) for f in facts}
    by_slot: dict[tuple[str, str, str | None], list[Fact]] = {}
    for f in facts:
        by_slot.setdefault((f.slot, f.qualifier, f.quantity.unit), []).append(f)
    out: list[Claim] = []
    for (slot, _, _), members in sorted(by_slot.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")):
        for component in _components(members, days):
            values = _value_entries(component, groups)
            sources = [(_outlet(f.sentence), groups[id(f)]) for f in component]
            count = independent_sources(sources)
            outlets = sorted({o for o, _ in sources})
            spans = [f.ref for f in component]
            if any(conflicting(a, b, days, leads) for a, b in combinations(component, 2)):
                out.append(Claim("contested", values[0].text, count, spans, slot, None, outlets, count, values))
                continue
            for agreeing in _agreeing_groups(component):
                out.extend(_corroborated(slot, agreeing, groups))
    return out


def _agreeing_groups(facts: list[Fact]) -> list[list[Fact]]:
    """Facts split into groups whose intervals share a value (by increasing interval)."""
    out: list[list[Fact]] = []
    low = high = 0.0
    for f in sorted(facts, key=lambda f: (f.quantity.low, f.quantity.high)):
        q = f.quantity
        if out and q.low <= high:
            out[-1].append(f)
            low, high = max(low, q.low), min(high, q.high)
        else:
            out.append([f])
            low, high = q.low, q.high
    return out


def _corroborated(slot: str, facts: list[Fact], groups: dict[int, frozenset[str]]) -> list[Claim]:
    """A corroborated claim for agreeing facts stated by two or more independent sources (else none)."""
    sources = [(_outlet(f.sentence), groups[id(f)]) for f in facts]
    count = independent_sources(sources)
    if count < 2:
        return []
    values = _value_entries(facts, groups)
    exact = [f for f in facts if f.quantity.exact]
    value = (exact or facts)[0].quantity.value
    outlets = sorted({o for o, _ in sources})
    return [Claim("corroborated", values[0].text, count, [f.ref for f in facts], slot, value, outlets, count, values)]


def _leads(sentences: list[StorySentence]) -> list[StorySentence]:
    seen: dict[str, int] = {}
    out: list[StorySentence] = []
    for s in sentences:
        seen[s.unit] = seen.get(s.unit, 0) + 1
        if seen[s.unit] <= LEAD_SENTENCES:
            out.append(s)
    return out


def statement_claims(sentences: list[StorySentence], copies: Copies) -> list[Claim]:
    """Sentences stated by two or more independent sources (copies of one passage count once)."""
    usable = [s for s in sentences if len(s.terms) >= MIN_TERMS]
    if len(usable) > MAX_SENTENCES:
        usable = _leads(usable)
    groups = [groups_of(s.ref, copies) for s in usable]
    same: UnionFind[int] = UnionFind(range(len(usable)))
    for i, j in combinations(range(len(usable)), 2):
        a, b = usable[i], usable[j]
        if _outlet(a) == _outlet(b) or groups[i] & groups[j]:
            continue
        if jaccard(a.terms, b.terms) >= SAME_STATEMENT:
            same.union(i, j)
    out: list[Claim] = []
    for idxs in same.groups().values():
        sources = [(_outlet(usable[i]), groups[i]) for i in idxs]
        count = independent_sources(sources)
        if count < 2:
            continue
        best = max(idxs, key=lambda i: (len(usable[i].terms), -i))
        spans = [usable[i].ref for i in sorted(idxs)]
        outlets = sorted({o for o, _ in sources})
        out.append(Claim("corroborated", usable[best].ref.text, count, spans, STATEMENT, None, outlets, count))
    out.sort(key=lambda c: (-c.count, c.spans[0].document, c.spans[0].start))
    return out


def lead_sentences(sentences: list[StorySentence]) -> frozenset[SpanRef]:
    """The first :data:`LEAD_FACT_SENTENCES` sentences of each unit (its title and lead)."""
    seen: dict[str, int] = {}
    out: set[SpanRef] = set()
    for s in sentences:
        seen[s.unit] = seen.get(s.unit, 0) + 1
        if seen[s.unit] <= LEAD_FACT_SENTENCES:
            out.add(s.ref)
    return frozenset(out)


def find_claims(
    sentences: list[StorySentence], docs: dict[str, Document], duplicates: list[Duplicate]
) -> list[Claim]:
    """The claims of a story: contested facts first, then corroborated facts, then corroborated statements."""
    copies = copy_groups(duplicates)
    facts = [f for s in sentences for f in sentence_facts(docs[s.ref.document], s)]
    days = {d: day_ordinal(doc.published.value if doc.published else None) for d, doc in docs.items()}
    claims = fact_claims(facts, copies, days, lead_sentences(sentences))
    contested = [c for c in claims if c.status == "contested"]
    corroborated = [c for c in claims if c.status == "corroborated"]
    corroborated.sort(key=lambda c: (-c.count, c.spans[0].document, c.spans[0].start))
    return contested + corroborated + statement_claims(sentences, copies)

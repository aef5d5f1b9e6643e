"""Claims across outlets: statements corroborated by independent outlets, and contested details.

Two sentences of different outlets state the same thing when their content terms
overlap enough (:data:`SAME_STATEMENT`).  Copies are not independent: sentences inside
passages of one copy group (see :mod:`marsad.corpus.duplicates`) never corroborate each
other, and outlets that copied each other count once.  A statement backed by two or
more independent outlets is ``corroborated`` with that count.  Two sentences about the
same happening (:data:`SAME_HAPPENING` overlap) that give different numbers, dates or
places are ``contested``, with both spans.
"""

from __future__ import annotations

import re
from itertools import combinations

from marsad.corpus.sentences import StorySentence
from marsad.corpus.terms import jaccard
from marsad.model import Claim, Document, Duplicate

SAME_STATEMENT = 0.4
SAME_HAPPENING = 0.3
MIN_TERMS = 5
MAX_SENTENCES = 600
LEAD_SENTENCES = 8
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def copy_groups(duplicates: list[Duplicate]) -> dict[str, list[tuple[int, int, str]]]:
    """Per document, the (start, end, group) of every copied passage."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for d in duplicates:
        for ref in (d.a, d.b):
            out.setdefault(ref.document, []).append((ref.start, ref.end, d.group or ""))
    return out


def _groups_of(s: StorySentence, copies: dict[str, list[tuple[int, int, str]]]) -> set[str]:
    return {g for start, end, g in copies.get(s.ref.document, ()) if start <= s.ref.start and s.ref.end <= end}


def numbers(text: str) -> frozenset[str]:
    """The numbers written in ``text`` (Arabic-Indic digits read as ASCII)."""
    return frozenset(_NUMBER.findall(text.translate(_DIGITS)))


def _details(s: StorySentence, doc: Document) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    inside = [t for t in doc.timexes if s.ref.start <= t.start < s.ref.end and t.type == "DATE" and t.value]
    places = [m for m in doc.mentions if s.ref.start <= m.start < s.ref.end and m.type == "LOC"]
    dates = frozenset(t.value or "" for t in inside)
    where = frozenset(m.entity or m.text for m in places)
    return numbers(s.ref.text), dates, where


def _differs(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and not (a & b)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _leads(sentences: list[StorySentence]) -> list[StorySentence]:
    seen: dict[str, int] = {}
    out: list[StorySentence] = []
    for s in sentences:
        seen[s.unit] = seen.get(s.unit, 0) + 1
        if seen[s.unit] <= LEAD_SENTENCES:
            out.append(s)
    return out


def _independent_outlets(members: list[StorySentence], groups: list[set[str]]) -> int:
    """Distinct outlets among ``members``, outlets that copied each other counted once."""
    root = {s.outlet: s.outlet for s in members}

    def find(o: str | None) -> str | None:
        while root[o] != o:
            o = root[o]
        return o

    for (a, ga), (b, gb) in combinations(zip(members, groups, strict=True), 2):
        if ga & gb:
            ra, rb = find(a.outlet), find(b.outlet)
            if ra != rb:
                root[ra] = rb
    return len({find(o) for o in root})


def find_claims(
    sentences: list[StorySentence], docs: dict[str, Document], duplicates: list[Duplicate]
) -> list[Claim]:
    """Corroborated and contested claims among a story's sentences."""
    usable = [s for s in sentences if len(s.terms) >= MIN_TERMS and s.outlet]
    if len(usable) > MAX_SENTENCES:
        usable = _leads(usable)
    copies = copy_groups(duplicates)
    groups = [_groups_of(s, copies) for s in usable]
    parent = list(range(len(usable)))
    contested: list[Claim] = []
    for i, j in combinations(range(len(usable)), 2):
        a, b = usable[i], usable[j]
        if a.outlet == b.outlet or groups[i] & groups[j]:
            continue
        sim = jaccard(a.terms, b.terms)
        if sim >= SAME_STATEMENT:
            parent[_find(parent, i)] = _find(parent, j)
        if sim >= SAME_HAPPENING:
            da, db = _details(a, docs[a.ref.document]), _details(b, docs[b.ref.document])
            if any(_differs(x, y) for x, y in zip(da, db, strict=True)):
                contested.append(Claim("contested", a.ref.text, 2, [a.ref, b.ref]))
    members: dict[int, list[int]] = {}
    for i in range(len(usable)):
        members.setdefault(_find(parent, i), []).append(i)
    corroborated: list[Claim] = []
    for idxs in members.values():
        count = _independent_outlets([usable[i] for i in idxs], [groups[i] for i in idxs])
        if count < 2:
            continue
        best = max(idxs, key=lambda i: (len(usable[i].terms), -i))
        spans = [usable[i].ref for i in sorted(idxs)]
        corroborated.append(Claim("corroborated", usable[best].ref.text, count, spans))
    corroborated.sort(key=lambda c: (-c.count, c.spans[0].document, c.spans[0].start))
    return corroborated + contested

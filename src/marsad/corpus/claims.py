"""Claims across outlets: statements corroborated by independent outlets, and contested details.

Two sentences of different outlets state the same thing when their content terms
overlap enough (:data:`SAME_STATEMENT`).  Copies are not independent: sentences inside
passages of one copy group (see :mod:`marsad.corpus.duplicates`) never corroborate each
other, and outlets that copied each other count once.  A statement backed by two or
more independent outlets is ``corroborated`` with that count.  Two sentences about the
same happening (:data:`SAME_HAPPENING` overlap) that give different counts of the same
thing (the number before the same term), different dates (timex values) or different
places (LOC mentions) are ``contested``, with both spans.
"""

from __future__ import annotations

import re
from itertools import combinations

from marsad.corpus.sentences import StorySentence
from marsad.corpus.terms import content_term, jaccard
from marsad.corpus.unionfind import UnionFind
from marsad.lexicons import load_table
from marsad.model import Claim, Document, Duplicate
from marsad.text.tokens import Token, tokenize

SAME_STATEMENT = 0.4
SAME_HAPPENING = 0.3
MIN_TERMS = 7
MAX_SENTENCES = 600
LEAD_SENTENCES = 8
ROUNDING = 0.01
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


NUMBER_WORDS = {word: value for word, value in load_table("corpus_number_words.tsv")}
_PLURAL = ("ون", "ين", "ات")


def _number(tok: Token) -> str | None:
    value = tok.text.translate(_DIGITS)
    if _NUMBER.fullmatch(value):
        return value
    return NUMBER_WORDS.get(tok.key) or NUMBER_WORDS.get(tok.stem)


def _unit(term: str) -> str:
    for suffix in _PLURAL:
        if term.endswith(suffix) and len(term) - len(suffix) >= 3:
            return term[: -len(suffix)]
    return term


def quantities(text: str) -> dict[str, frozenset[str]]:
    """Numbers (digits or words) by what they count: the content term right after each (``7 آخرون``)."""
    out: dict[str, set[str]] = {}
    tokens = tokenize(text)
    for i, tok in enumerate(tokens):
        value = _number(tok)
        if value is None:
            continue
        for nxt in tokens[i + 1 : i + 3]:
            term = content_term(nxt)
            if term and _number(nxt) is None:
                out.setdefault(_unit(term), set()).add(value)
                break
    return {k: frozenset(v) for k, v in out.items()}


def _details(s: StorySentence, doc: Document) -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    inside = [t for t in doc.timexes if s.ref.start <= t.start < s.ref.end and t.type == "DATE" and t.value]
    places = [m for m in doc.mentions if s.ref.start <= m.start < s.ref.end and m.type == "LOC"]
    dates = frozenset(t.value or "" for t in inside)
    where = frozenset(m.entity or m.text for m in places)
    return quantities(s.ref.text), dates, where


def _differs(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and not (a & b)


def _counts_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when no count of ``a`` is within :data:`ROUNDING` of a count of ``b``."""
    va = [float(x.replace(",", ".")) for x in a]
    vb = [float(x.replace(",", ".")) for x in b]
    return not any(abs(x - y) <= ROUNDING * max(abs(x), abs(y), 1.0) for x in va for y in vb)


def _contested(a: tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]],
               b: tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]) -> bool:
    """Different counts of the same thing, different dates, or different places."""
    counts = any(_counts_differ(a[0][unit], b[0][unit]) for unit in a[0].keys() & b[0].keys())
    return counts or _differs(a[1], b[1]) or _differs(a[2], b[2])


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
    outlets: UnionFind[str] = UnionFind(s.outlet or "" for s in members)
    for (a, ga), (b, gb) in combinations(zip(members, groups, strict=True), 2):
        if ga & gb:
            outlets.union(a.outlet or "", b.outlet or "")
    return len(outlets.groups())


def find_claims(
    sentences: list[StorySentence], docs: dict[str, Document], duplicates: list[Duplicate]
) -> list[Claim]:
    """Corroborated and contested claims among a story's sentences."""
    usable = [s for s in sentences if len(s.terms) >= MIN_TERMS and s.outlet]
    if len(usable) > MAX_SENTENCES:
        usable = _leads(usable)
    copies = copy_groups(duplicates)
    groups = [_groups_of(s, copies) for s in usable]
    same: UnionFind[int] = UnionFind(range(len(usable)))
    contested: list[Claim] = []
    for i, j in combinations(range(len(usable)), 2):
        a, b = usable[i], usable[j]
        if a.outlet == b.outlet or groups[i] & groups[j]:
            continue
        sim = jaccard(a.terms, b.terms)
        if sim >= SAME_STATEMENT:
            same.union(i, j)
        if sim >= SAME_HAPPENING and _contested(_details(a, docs[a.ref.document]), _details(b, docs[b.ref.document])):
            contested.append(Claim("contested", a.ref.text, 2, [a.ref, b.ref]))
    corroborated: list[Claim] = []
    for idxs in same.groups().values():
        count = _independent_outlets([usable[i] for i in idxs], [groups[i] for i in idxs])
        if count < 2:
            continue
        best = max(idxs, key=lambda i: (len(usable[i].terms), -i))
        spans = [usable[i].ref for i in sorted(idxs)]
        corroborated.append(Claim("corroborated", usable[best].ref.text, count, spans))
    corroborated.sort(key=lambda c: (-c.count, c.spans[0].document, c.spans[0].start))
    return corroborated + contested

"""Copied passages across documents: MinHash LSH candidates confirmed by exact shingle overlap.

Every paragraph of every article unit (``main``/``appended`` segment) is shingled
(word 3-grams of clitic-stripped keys) and hashed into a MinHash LSH index; each
candidate pair from two *different* documents is confirmed when the shingles they
share cover at least :data:`MIN_CONTAINMENT` of the shorter passage.  Lines repeated
inside one page (captions shown twice) are never reported.  Confirmed pairs are
grouped (copies of one passage) and each group names its earliest-published document
when the dates allow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from marsad.corpus.passages import Passage, passages_of
from marsad.corpus.result import CorpusResult
from marsad.corpus.unionfind import UnionFind
from marsad.corpus.units import units_of
from marsad.model import Document, Duplicate, SpanRef

NUM_PERM = 64
LSH_THRESHOLD = 0.2
MIN_CONTAINMENT = 0.5
MIN_SHARED = 6


@dataclass(frozen=True)
class CopyPair:
    """Two passages of different documents confirmed as copies, with their containment."""

    a: Passage
    b: Passage
    similarity: float


def _hash(shingle: int) -> int:
    return shingle  # shingles are already 32-bit hashes


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared shingles over the size of the smaller set (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def is_copy(a: Passage, b: Passage) -> float | None:
    """The containment of two passages when they are confirmed copies, else None."""
    if a.document == b.document:
        return None
    if len(a.shingles & b.shingles) < MIN_SHARED:
        return None
    sim = containment(a.shingles, b.shingles)
    return sim if sim >= MIN_CONTAINMENT else None


def all_passages(docs: Iterable[Document]) -> list[Passage]:
    """The shingled paragraphs of every article unit of ``docs``."""
    return [p for doc in docs for unit in units_of(doc) for p in passages_of(unit, doc.text)]


def copy_pairs(passages: list[Passage]) -> list[CopyPair]:
    """Confirmed copy pairs among ``passages`` (LSH candidates, then the exact check)."""
    usable = [p for p in passages if len(p.shingles) >= MIN_SHARED]
    if not usable:
        return []
    template = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_hash, scheme="affine32")
    hashes = MinHash.bulk(
        [sorted(p.shingles) for p in usable],
        num_perm=NUM_PERM,
        seed=1,
        hashfunc=_hash,
        permutations=template.permutations,
        scheme="affine32",
    )
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    pairs: list[CopyPair] = []
    for i, (passage, mh) in enumerate(zip(usable, hashes, strict=True)):
        for j in lsh.query(mh):
            other = usable[j]
            sim = is_copy(other, passage)
            if sim is not None:
                pairs.append(CopyPair(other, passage, sim))
        lsh.insert(i, mh)
    return pairs


def _ref(p: Passage) -> SpanRef:
    return SpanRef(p.document, p.start, p.end, p.text)


def _key(p: Passage) -> tuple[str, int]:
    return (p.document, p.start)


def _group_of(pairs: list[CopyPair]) -> dict[tuple[str, int], int]:
    copies: UnionFind[tuple[str, int]] = UnionFind()
    for pair in pairs:
        copies.union(_key(pair.a), _key(pair.b))
    roots = sorted(copies.groups())
    number = {r: n for n, r in enumerate(roots, 1)}
    return {k: number[copies.find(k)] for k in copies.parent}


def earliest_document(documents: Iterable[str], dates: dict[str, str | None]) -> str | None:
    """The document published first, when every one is dated and the first is unique."""
    ids = sorted(set(documents))
    values = [dates.get(d) for d in ids]
    if not ids or any(v is None for v in values):
        return None
    dated = sorted((v, d) for v, d in zip(values, ids, strict=True) if v is not None)
    if len(dated) > 1 and dated[0][0] == dated[1][0]:
        return None
    return dated[0][1]


def duplicates_from_pairs(pairs: list[CopyPair], dates: dict[str, str | None]) -> list[Duplicate]:
    """Turn confirmed pairs into grouped :class:`Duplicate` records (earlier copy as ``a``)."""
    groups = _group_of(pairs)
    members: dict[int, set[str]] = {}
    for pair in pairs:
        g = groups[_key(pair.a)]
        members.setdefault(g, set()).update((pair.a.document, pair.b.document))
    earliest = {g: earliest_document(docs, dates) for g, docs in members.items()}
    out: list[Duplicate] = []
    for pair in pairs:
        a, b = pair.a, pair.b
        if (dates.get(b.document) or "~") < (dates.get(a.document) or "~"):
            a, b = b, a
        g = groups[_key(a)]
        out.append(Duplicate(_ref(a), _ref(b), round(pair.similarity, 3), f"copy-{g}", earliest[g]))
    out.sort(key=lambda d: (int((d.group or "copy-0")[5:]), d.a.document, d.a.start, d.b.document, d.b.start))
    return out


def document_dates(docs: Iterable[Document]) -> dict[str, str | None]:
    """Each document's publication value (ISO-8601) or None."""
    return {d.id: d.published.value if d.published else None for d in docs}


def find_duplicates(docs: list[Document]) -> list[Duplicate]:
    """Every copied passage between two different documents of ``docs``."""
    return duplicates_from_pairs(copy_pairs(all_passages(docs)), document_dates(docs))


def detect_duplicates(docs: list[Document], result: CorpusResult) -> None:
    """Corpus step: fill ``result.duplicates`` with the copied passages of ``docs``."""
    result.duplicates.extend(find_duplicates(docs))

"""Copied passages across documents: MinHash LSH candidates confirmed by exact shingle overlap.

Every paragraph of every article unit (``main``/``appended`` segment) is shingled
(word 3-grams of clitic-stripped keys) and hashed into a MinHash LSH index (:data:`BANDS`
bands of :data:`ROWS` values, datasketch's optimum for a Jaccard threshold of 0.2 over 64
permutations: two passages are candidates when one band is equal); each
candidate pair from two *different* documents is confirmed when the shingles they
share cover at least :data:`MIN_CONTAINMENT` of the shorter passage.  The index may be a
stored one (:class:`PassageSource`, the store's band table): a batch then looks up only the
stored passages sharing a band with its own, and the source numbers the copy groups.  Lines repeated
inside one page (captions shown twice) are never reported.  Confirmed pairs are
grouped (copies of one passage) and each group names its earliest-published document
when the dates allow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import Protocol

import numpy as np

from marsad.corpus.passages import Passage, encode_shingles, passages_of
from marsad.corpus.result import CorpusResult
from marsad.corpus.unionfind import UnionFind
from marsad.corpus.units import units_of
from marsad.model import Document, Duplicate, SpanRef

NUM_PERM = 64
MIN_CONTAINMENT = 0.5
MIN_SHARED = 6
BANDS = 28
ROWS = 2
BandKey = tuple[int, int]  # (band number, the band's values as one signed 64-bit integer)


@dataclass(frozen=True)
class CopyPair:
    """Two passages of different documents confirmed as copies, with their containment."""

    a: Passage
    b: Passage
    similarity: float


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


class PassageSource(Protocol):
    """A stored passage index that a batch's passages are matched against and added to."""

    def matching(self, keys: set[BandKey]) -> dict[BandKey, list[int]]:
        """The stored passages (by number) filed under each of ``keys`` that has any."""

    def passages(self, numbers: Iterable[int]) -> dict[int, Passage]:
        """The stored passages of these numbers, with their shingles."""

    def add(self, passages: list[Passage], keys: list[list[BandKey]], shingles: list[str], pairs: list[CopyPair],
            dates: dict[str, str | None], matrix: np.ndarray | None = None) -> list[Duplicate]:
        """File the batch's passages (with their band keys and their shingles as stored,
        :func:`~marsad.corpus.passages.encode_shingles`), group its confirmed pairs with the stored copies; return the
        new records.  ``matrix``: the passages' band keys as a :func:`band_matrix`, when the workers made them."""


def usable_passages(passages: Iterable[Passage]) -> list[Passage]:
    """The passages long enough to be confirmed as copies."""
    return [p for p in passages if len(p.shingles) >= MIN_SHARED]


# The MurmurHash3 32-bit finaliser (shift, multiplier, shift, multiplier, shift) that datasketch's "affine32" MinHash
# scheme applies to each input hash before its permutations.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_EMPTY = np.uint32(0xFFFFFFFF)  # a MinHash value no shingle has lowered


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The :data:`NUM_PERM` affine permutations ``h -> a * h + b (mod 2**32)`` of datasketch's ``MinHash(num_perm=64,
    seed=1, scheme="affine32")``, drawn as it draws them: odd multipliers ``a``, then offsets ``b``, from one
    ``RandomState(1)`` (``tests/corpus/test_duplicates.py`` checks the keys against datasketch itself)."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(values: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    values = values ^ (values >> s1)
    values = values * m1
    values = values ^ (values >> s2)
    values = values * m2
    mixed: np.ndarray = values ^ (values >> s3)
    return mixed


def band_matrix(passages: list[Passage]) -> np.ndarray:
    """The LSH band keys of each passage (MinHash of its shingles, cut into :data:`BANDS` bands) as a
    (passages, :data:`BANDS`) array of signed 64-bit integers: row i holds passage i's key of each band.

    The MinHash is datasketch's ``affine32`` scheme over the shingles (already 32-bit hashes), computed for
    every passage at once in numpy: each shingle mixed (:func:`_fmix32`), permuted (``a * h + b`` wrapping at
    32 bits, one column per permutation) and the minimum taken over each passage's rows; integer arithmetic,
    so the keys are datasketch's bit for bit (a stored passage index stays valid), without building a
    ``MinHash`` per passage or importing datasketch (and scipy through it).
    """
    if not passages:
        return np.zeros((0, BANDS), dtype=np.int64)
    sizes = [len(p.shingles) for p in passages]
    hashes = np.fromiter(chain.from_iterable(p.shingles for p in passages), dtype=np.uint32, count=sum(sizes))
    a, b = _permutations()
    with np.errstate(over="ignore"):
        permuted = _fmix32(hashes)[:, None] * a + b  # (shingles, NUM_PERM), wrapping at 32 bits
    values = np.full((len(passages), NUM_PERM), _EMPTY, dtype=np.uint32)
    filled = np.flatnonzero(sizes)
    if len(filled):
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])[filled]
        values[filled] = np.minimum.reduceat(permuted, starts, axis=0)
    assert ROWS == 2  # two 32-bit values make one 64-bit key
    wide = values.astype(np.uint64)
    joined = (wide[:, 0 : 2 * BANDS : 2] << np.uint64(32)) | wide[:, 1 : 2 * BANDS : 2]
    matrix: np.ndarray = joined.view(np.int64)
    return matrix


def keys_of(matrix: np.ndarray) -> list[list[BandKey]]:
    """Each passage's band keys, (band number, key), from its row of a :func:`band_matrix`."""
    return [list(enumerate(row)) for row in matrix.tolist()]


def band_keys(passages: list[Passage]) -> list[list[BandKey]]:
    """The LSH band keys of each passage (:func:`band_matrix`), (band number, key) a band."""
    return keys_of(band_matrix(passages))


def copy_pairs(passages: list[Passage], source: PassageSource | None = None) -> list[CopyPair]:
    """Confirmed copy pairs among ``passages`` and with the stored ones (LSH candidates, then the exact check)."""
    usable = usable_passages(passages)
    matrix = band_matrix(usable)
    return _pairs(usable, keys_of(matrix), source, matrix)


def earlier_sharing(matrix: np.ndarray) -> dict[int, list[int]]:
    """For each row of a :func:`band_matrix` that shares a band's key with rows before it, those rows in order.

    Each band's column is sorted (stably, so equal keys stay in row order) and only the runs of equal keys are read:
    the batch's passages are bucketed in numpy, not key by key, and the Python loop is over the shared keys alone.
    """
    rows = matrix.shape[0]
    if rows < 2:
        return {}
    order = np.argsort(matrix, axis=0, kind="stable")
    ordered = np.take_along_axis(matrix, order, axis=0)
    same = np.zeros(ordered.shape, dtype=bool)
    same[1:] = ordered[1:] == ordered[:-1]  # the key of the row above it in the sorted column
    if not same.any():
        return {}
    # where each run of equal keys starts: the last position at or above that does not repeat the one above it
    starts = np.where(same, 0, np.arange(rows)[:, None])
    np.maximum.accumulate(starts, axis=0, out=starts)
    earlier: dict[int, set[int]] = {}
    columns, firsts = order.T.tolist(), starts.T.tolist()
    positions, bands = np.nonzero(same)
    for position, band in zip(positions.tolist(), bands.tolist(), strict=True):
        column = columns[band]
        earlier.setdefault(column[position], set()).update(column[firsts[band][position] : position])
    return {row: sorted(found) for row, found in earlier.items()}


def _pairs(usable: list[Passage], keys: list[list[BandKey]], source: PassageSource | None,
           matrix: np.ndarray) -> list[CopyPair]:
    """The confirmed pairs of the batch's ``usable`` passages (``keys``: their band keys, also as ``matrix``) with the
    stored ones and with the batch's earlier ones, passage by passage."""
    stored: dict[BandKey, list[int]] = source.matching({k for ks in keys for k in ks}) if source else {}
    known = source.passages({n for ns in stored.values() for n in ns}) if source and stored else {}
    earlier = earlier_sharing(matrix)
    pairs: list[CopyPair] = []
    for i, (passage, own) in enumerate(zip(usable, keys, strict=True)):
        if stored:
            for n in sorted({n for k in own for n in stored.get(k, ())}):
                other = known[n]
                sim = is_copy(other, passage)
                if sim is not None:
                    pairs.append(CopyPair(other, passage, sim))
        for j in earlier.get(i, ()):
            other = usable[j]
            sim = is_copy(other, passage)
            if sim is not None:
                pairs.append(CopyPair(other, passage, sim))
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


Spot = tuple[str, int]  # a passage's place: (document, start)


def arrival_group_sizes(
    pairs: Iterable[tuple[Spot, Spot]], known: dict[Spot, tuple[int, frozenset[str], int]] | None = None
) -> dict[tuple[Spot, Spot], int]:
    """How many documents each pair's copy group held once the pair's later document had come.

    ``pairs``: (earlier spot, later spot), in the arrival order of their later documents;
    ``known``: the spots of copy groups already filed before these pairs, each with its
    group's number, the group's documents that matter here (every one that the pairs or
    the other groups they join may share with it) and how many more documents it holds
    (shared with none of those, so they are only counted).  A pair is keyed by its two
    spots in sorted order.  The size of a group as each document comes does not depend on
    how the stream is cut into batches (unlike its size at the end of a batch), so the story
    links that leave out boilerplate-sized groups (:func:`marsad.corpus.stories.unit_links`)
    are the same either way.
    """
    union: UnionFind[Spot] = UnionFind()
    documents: dict[Spot, set[str]] = {}
    more: dict[Spot, int] = {}
    anchors: dict[int, Spot] = {}
    for spot, (group, docs, others) in sorted((known or {}).items()):
        anchor = anchors.setdefault(group, spot)
        documents.setdefault(anchor, set(docs))
        more.setdefault(anchor, others)
        union.union(anchor, spot)
    out: dict[tuple[Spot, Spot], int] = {}
    waiting: list[tuple[Spot, Spot]] = []

    def settle() -> None:
        for a, b in waiting:
            root = union.find(a)
            out[(a, b) if a <= b else (b, a)] = len(documents[root]) + more.get(root, 0)
        waiting.clear()

    for a, b in pairs:
        if waiting and waiting[-1][1][0] != b[0]:
            settle()
        ra, rb = union.find(a), union.find(b)
        merged = documents.pop(ra, set()) | documents.pop(rb, set()) | {a[0], b[0]}
        others = more.pop(ra, 0) + (more.pop(rb, 0) if rb != ra else 0)
        union.union(ra, rb)
        documents[union.find(ra)] = merged
        more[union.find(ra)] = others
        waiting.append((a, b))
    settle()
    return out


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
    """Corpus step: fill ``result.duplicates`` with the copied passages of ``docs``.

    With a stored passage index (``result.passages``), the passages of ``docs`` are also
    matched against the stored ones and filed in it; ``result.duplicates`` then holds the
    batch's new copies (with the copy groups they join).
    """
    source = result.passages
    if source is None:
        result.duplicates.extend(find_duplicates(docs))
        return
    usable: list[Passage] = []
    keys: list[list[BandKey]] = []
    stored: list[str] = []
    matrices: list[np.ndarray] = []
    for doc in docs:  # each document's passages, band keys and stored shingles, as its worker made them when it did
        prepared = result.prepared.get(doc.id)
        if prepared is not None:
            usable.extend(prepared.passages)
            keys.extend(prepared.bands)
            stored.extend(prepared.shingles)
            matrices.append(prepared.matrix)
        else:
            own = usable_passages(all_passages([doc]))
            matrix = band_matrix(own)
            usable.extend(own)
            keys.extend(keys_of(matrix))
            stored.extend(encode_shingles(p.shingles) for p in own)
            matrices.append(matrix)
    whole = np.concatenate(matrices) if matrices else band_matrix([])
    pairs = _pairs(usable, keys, source, whole)
    result.duplicates.extend(source.add(usable, keys, stored, pairs, document_dates(docs), whole))

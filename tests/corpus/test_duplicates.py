"""Copied passages between the seeds (real pages)."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from marsad.corpus.duplicates import (
    BANDS,
    NUM_PERM,
    all_passages,
    arrival_group_sizes,
    band_keys,
    band_matrix,
    earlier_sharing,
    find_duplicates,
    usable_passages,
)
from marsad.corpus.passages import Passage
from marsad.model import Document


def test_wire_paragraphs_shared_by_000_and_002(seed_docs: dict[str, Document]) -> None:
    docs = list(seed_docs.values())
    dups = find_duplicates(docs)
    ids = {d.id: p for p, d in seed_docs.items()}
    pairs = {(ids[d.a.document], ids[d.b.document]) for d in dups}
    assert pairs == {("000", "002")}
    for d in dups:
        for ref in (d.a, d.b):
            assert seed_docs[ids[ref.document]].text[ref.start : ref.end] == ref.text
        assert 0.5 <= d.similarity <= 1.0
        assert d.earliest == seed_docs["000"].id  # 09:00 before 12:00 the same day
    texts = [d.a.text + " || " + d.b.text for d in dups]
    for needle in ("أوشاكوف", "البيت الأبيض", "كيربي", "لافروف"):
        assert any(needle in t for t in texts), needle
    assert len(dups) >= 3
    assert len({d.group for d in dups}) == len(dups)  # one copied paragraph per group here


def test_lines_repeated_inside_one_page_are_not_copies(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["004"]
    caption = "الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون يفحصان منصة الإطلاق"
    assert doc.text.count(caption) == 2
    assert find_duplicates([doc]) == []


def test_group_sizes_as_each_document_comes_do_not_depend_on_batches() -> None:
    # d1..d4 copy one passage of d1, d5 another; one passage of d6 copies both (their groups become one)
    pairs = [(("d1", 0), ("d2", 0)), (("d1", 0), ("d3", 5)), (("d2", 0), ("d3", 5)), (("d3", 5), ("d4", 0)),
             (("d1", 90), ("d5", 0)), (("d4", 0), ("d6", 0)), (("d5", 0), ("d6", 0))]
    whole = arrival_group_sizes(pairs)
    assert [whole[a, b] for a, b in pairs] == [2, 3, 3, 4, 2, 6, 6]  # d3's two copies both count d3
    # the same stream cut after d3: the first batch's group is filed (its documents known)
    filed = frozenset({"d1", "d2", "d3"})
    later = arrival_group_sizes(pairs[3:], {("d1", 0): (1, filed, 0), ("d3", 5): (1, filed, 0)})
    assert later == {pair: whole[pair] for pair in pairs[3:]}
    # as the store gives it: of the filed group, only the documents the later pairs name (d1, d3), and a count of the rest
    counted = arrival_group_sizes(pairs[3:], {("d1", 0): (1, frozenset({"d1", "d3"}), 1),
                                              ("d3", 5): (1, frozenset({"d1", "d3"}), 1)})
    assert counted == later


def test_band_keys_are_datasketch_minhash_bands(seed_docs: dict[str, Document]) -> None:
    # band_keys computes datasketch's affine32 MinHash itself (all passages at once): the keys of a stored passage
    # index must stay those datasketch gives, passage by passage
    passages = all_passages(seed_docs.values())
    passages.append(Passage("u", "d", 0, 0, "", frozenset()))  # no shingle: every value stays the maximum
    assert len(passages) > 20
    expected = []
    for hashes in MinHash.bulk([sorted(p.shingles) for p in passages], num_perm=NUM_PERM, seed=1,
                               hashfunc=lambda h: h, scheme="affine32"):
        values = hashes.hashvalues.astype(np.uint64)
        joined = (values[0 : 2 * BANDS : 2] << np.uint64(32)) | values[1 : 2 * BANDS : 2]
        expected.append(list(enumerate(joined.view(np.int64).tolist())))
    assert band_keys(passages) == expected


def test_the_batch_passages_sharing_a_band_key_are_found_in_numpy_as_by_buckets(seed_docs: dict[str, Document]) -> None:
    # the seeds twice over (a page and its repeat share every band key) plus 000 and 002's wire paragraphs
    passages = usable_passages(all_passages(list(seed_docs.values()) * 2))
    matrix = band_matrix(passages)
    buckets: dict[tuple[int, int], list[int]] = {}
    expected: dict[int, list[int]] = {}
    for i, row in enumerate(matrix.tolist()):
        earlier = {j for band, key in enumerate(row) for j in buckets.get((band, key), [])}
        for band, key in enumerate(row):
            buckets.setdefault((band, key), []).append(i)
        if earlier:
            expected[i] = sorted(earlier)
    found = earlier_sharing(matrix)
    assert found == expected
    half = len(passages) // 2
    assert all(i - half in found[i] for i in range(half, len(passages)))  # each repeat finds its first
    ids = {d.id: p for p, d in seed_docs.items()}
    assert any({ids[passages[i].document], ids[passages[j].document]} == {"000", "002"}
               for i, js in found.items() if i < half for j in js)
    assert earlier_sharing(band_matrix(passages[:1])) == {}

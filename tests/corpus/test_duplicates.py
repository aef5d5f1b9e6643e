"""Copied passages between the seeds (real pages)."""

from __future__ import annotations

from marsad.corpus.duplicates import find_duplicates
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

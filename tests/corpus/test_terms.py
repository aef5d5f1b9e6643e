"""Distinctive terms of a unit: content stems, title boost, resolved entities when present."""

from __future__ import annotations

from dataclasses import replace

from marsad.corpus.terms import unit_terms
from marsad.corpus.units import units_of
from marsad.model import Document, Mention


def test_terms_without_and_with_entities(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["000"]
    unit = units_of(doc)[0]
    plain = unit_terms(doc, unit)
    assert "كيربي" in plain.counts or "يربي" in plain.counts  # the stem keeps the name
    assert not any(k.startswith("@") for k in plain.counts)
    assert "في" not in plain.counts and "الذي" not in plain.counts  # stopwords out
    start = doc.text.index("جون كيربي")
    mention = Mention(start, start + len("جون كيربي"), "جون كيربي", "PER", entity="Q-kirby")
    with_entity = replace(doc, mentions=[mention])
    counts = unit_terms(with_entity, units_of(with_entity)[0]).counts
    assert counts["@PER:جونكيربي"] > 0  # the name's spelling key, whatever entity id it was given
    assert plain.title.startswith("بوتين وكيم")

"""The sentences of a story's units, with their content terms (shared by timeline, claims, summary)."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.corpus.terms import span_terms
from marsad.corpus.units import Unit
from marsad.model import Document, SpanRef
from marsad.text.sentences import split_sentences


@dataclass(frozen=True)
class StorySentence:
    """One sentence of one unit of a story (``outlet`` falls back to the document id)."""

    ref: SpanRef
    unit: str
    outlet: str | None
    terms: frozenset[str]


def unit_sentences(doc: Document, unit: Unit) -> list[StorySentence]:
    """Every sentence of ``unit`` (captions and chrome already cut out), in text order."""
    out: list[StorySentence] = []
    for piece in unit.pieces:
        for s in split_sentences(doc.text, piece.start, piece.end):
            ref = SpanRef(doc.id, s.start, s.end, s.text)
            out.append(StorySentence(ref, unit.id, unit.outlet or doc.id, span_terms(doc.text, s.start, s.end)))
    return out

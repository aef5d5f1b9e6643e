"""The parts of the corpus steps that depend on one document alone, computed where it is analysed.

A run's workers analyse documents in parallel, but the corpus steps run in one process
beside the store.  What those steps compute from a document by itself — the clues its
main text gives to the day it was written (date inference), its usable passages with
their LSH band keys and their shingles as stored (copied passages), its entity keys with
their counts and the node each starts from (entity resolution), and the term counts of
its article units, content words and the names resolution will keep, with what weighing
each term takes of the unit alone (the story index) — is computed by the worker with the
document (:func:`prepare`) and handed to the corpus steps through
:attr:`~marsad.corpus.result.CorpusResult.prepared`; a step computes it itself for a
document without one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from marsad.corpus.dates import main_clues, needs_clues
from marsad.corpus.duplicates import BandKey, all_passages, band_matrix, keys_of, usable_passages
from marsad.corpus.entities import DocumentNames, document_names, named_mentions
from marsad.corpus.passages import Passage, encode_shingles
from marsad.corpus.story_index import unit_weights
from marsad.corpus.terms import Weights, term_counts
from marsad.corpus.units import units_of
from marsad.extract.time.records import Clue
from marsad.model import Document


@dataclass(frozen=True)
class Prepared:
    """One document's clues to its day (None when it did not need them as analysed), usable passages with their
    band keys (as lists and as one array) and their shingles as the passage index stores them, its part of entity
    resolution, and the term counts of each article unit with what weighing them takes of the unit alone (by unit
    id)."""

    clues: list[Clue] | None
    passages: list[Passage]
    bands: list[list[BandKey]]
    matrix: np.ndarray
    shingles: list[str]
    names: DocumentNames
    terms: dict[str, dict[str, float]]
    weights: dict[str, Weights | None]


def prepare(doc: Document) -> Prepared:
    """What the corpus steps need of ``doc`` alone."""
    usable = usable_passages(all_passages([doc]))
    matrix = band_matrix(usable)
    names = document_names(doc)
    named = named_mentions(doc, names)
    terms = {unit.id: term_counts(doc, unit, named) for unit in units_of(doc)}
    return Prepared(main_clues(doc) if needs_clues(doc) else None, usable, keys_of(matrix), matrix,
                    [encode_shingles(p.shingles) for p in usable], names, terms,
                    {unit: unit_weights(counts) for unit, counts in terms.items()})

"""The parts of the corpus steps that depend on one document alone, computed where it is analysed.

A run's workers analyse documents in parallel, but the corpus steps run in one process
beside the store.  What those steps compute from a document by itself — the clues its
main text gives to the day it was written (date inference) and its usable passages with
their LSH band keys (copied passages) — is computed by the worker with the document
(:func:`prepare`) and handed to the corpus steps through
:attr:`~marsad.corpus.result.CorpusResult.prepared`; a step computes it itself for a
document without one.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.corpus.dates import main_clues, needs_clues
from marsad.corpus.duplicates import BandKey, all_passages, band_keys, usable_passages
from marsad.corpus.passages import Passage
from marsad.extract.time.records import Clue
from marsad.model import Document


@dataclass(frozen=True)
class Prepared:
    """One document's clues to its day (None when it did not need them as analysed), usable passages and their
    band keys."""

    clues: list[Clue] | None
    passages: list[Passage]
    bands: list[list[BandKey]]


def prepare(doc: Document) -> Prepared:
    """What the corpus steps need of ``doc`` alone."""
    usable = usable_passages(all_passages([doc]))
    return Prepared(main_clues(doc) if needs_clues(doc) else None, usable, band_keys(usable))

"""The pipeline: page stage, then per-document extractors, then corpus steps.

Extractors are functions over one :class:`Document` that add a layer (as spaCy
components do); corpus steps are functions over all documents that fill a
:class:`CorpusResult`.  The order below is the order of the data flow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from marsad.ingest.raw import RawDocument
from marsad.model import Document, Duplicate, Entity, Story
from marsad.options import Options
from marsad.page.build import build_document

if TYPE_CHECKING:
    from marsad.corpus.story_index import StoryIndex

Extractor = Callable[[Document], None]


@dataclass
class CorpusResult:
    """Everything the corpus stage finds across documents.

    ``story_index`` carries the incremental story index between runs: given one, the
    story step continues it (a new batch joins existing stories) and leaves it updated.
    """

    entities: list[Entity] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    story_index: StoryIndex | None = None


CorpusStep = Callable[[list[Document], CorpusResult], None]


def extractors() -> list[Extractor]:
    """The per-document extractors, in order."""
    from marsad.extract.entities import annotate as entities
    from marsad.extract.events import annotate as events
    from marsad.extract.quotes import annotate as quotes
    from marsad.extract.time import annotate as timexes

    # Quotes link speakers to the entities found before them; events read timexes and mentions.
    return [timexes, entities, quotes, events]


def corpus_steps() -> list[CorpusStep]:
    """The cross-document steps, in order."""
    from marsad.corpus.duplicates import detect_duplicates
    from marsad.corpus.entities import resolve as resolve_entities
    from marsad.corpus.stories import cluster_stories
    from marsad.extract.events import relink as relink_events
    from marsad.extract.time.published import infer_dates

    # Date inference first; copied passages, then stories after entity resolution and date inference.
    return [infer_dates, detect_duplicates, resolve_entities, relink_events, cluster_stories]


def analyze_raw(raw: RawDocument, options: Options, known_chrome: frozenset[str] = frozenset()) -> Document:
    """Run the page stage (with chrome lines learnt across the site's pages) and every extractor on one raw document."""
    doc = build_document(raw, options, known_chrome)
    for extract in extractors():
        extract(doc)
    return doc


def analyze_corpus(docs: list[Document], story_index: StoryIndex | None = None) -> CorpusResult:
    """Run the cross-document steps over analysed documents (continuing ``story_index`` if given)."""
    result = CorpusResult(story_index=story_index)
    for step in corpus_steps():
        step(docs, result)
    return result

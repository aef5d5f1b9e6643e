"""What the corpus steps find across documents (filled step by step)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from marsad.corpus.story_index import StoryIndex
from marsad.model import Duplicate, Entity, Story

if TYPE_CHECKING:
    from marsad.corpus.duplicates import PassageSource
    from marsad.corpus.prepare import Prepared


@dataclass
class CorpusResult:
    """Everything the corpus stage finds across documents.

    ``story_index`` carries the incremental story index between runs: given one, the
    story step continues it (a new batch joins existing stories) and leaves it updated;
    ``merged_stories`` then maps the ids of stories merged away to the story they joined.
    ``entity_registry`` (spelling key -> stable entity id, from the store) and
    ``next_entity`` keep entity ids stable across runs; the entity-id step extends the
    registry and fills ``merged_entities`` with the ids merged away; ``entity_keys`` holds the registry keys of each
    resolved entity (by its run-local id) when they were computed to look the registry up.

    When the corpus steps run batch by batch against a store: ``anchor_days`` are the
    publication days (ISO dates) of the stored documents, which date inference uses as
    anchors beside the batch's own, and ``passages`` is the stored copied-passage index
    the batch's passages are matched against.  ``prepared`` holds, by document id, what the
    workers computed of the steps' per-document parts (:mod:`marsad.corpus.prepare`).
    """

    entities: list[Entity] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    story_index: StoryIndex | None = None
    merged_stories: dict[str, str] = field(default_factory=dict)
    entity_registry: dict[str, str] = field(default_factory=dict)
    next_entity: int = 1
    merged_entities: dict[str, str] = field(default_factory=dict)
    entity_keys: dict[str, list[str]] = field(default_factory=dict)
    anchor_days: set[str] = field(default_factory=set)
    passages: PassageSource | None = None
    prepared: dict[str, Prepared] = field(default_factory=dict)

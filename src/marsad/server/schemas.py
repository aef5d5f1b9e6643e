"""The API's answer types, so that ``/openapi.json`` describes every field.

They follow the read API's JSON (:mod:`marsad.server.reader`); spans keep
``text == document.text[start:end]``.  Fields a newer store adds are dropped from answers
until they are declared here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from marsad.model import Citation, Claim, Event, Mention, Published, Quote, Segment, Span, SpanRef, Timex

EntityType = Literal["PER", "LOC", "ORG", "MISC"]


class Paged(BaseModel):
    """A page of a list: its items follow, ``total`` counts them all."""

    total: int
    page: int
    per_page: int


class Health(BaseModel):
    """The server is up, with the counts of what the store holds."""

    status: Literal["ok"] = "ok"
    version: str
    documents: int
    stories: int = 0
    entities: int = 0
    quotes: int = 0
    events: int = 0
    passages: int = 0


class StoryCard(BaseModel):
    """A story as lists show it."""

    id: str
    title: str
    size: int = Field(description="Segments (articles) in the story.")
    documents: int
    outlets: list[str]
    first_published: str | None
    last_published: str | None


class StoryPage(Paged):
    """One page of stories, newest first."""

    items: list[StoryCard]


class SourceRecord(BaseModel):
    """One input a document came from."""

    input: str
    format: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    basis: str | None = None


class DocumentCard(BaseModel):
    """A document as a story cites it."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    source: str
    outlets: list[str] = []
    sources: list[SourceRecord] = []


class SourceSpan(BaseModel):
    """A cited span with its document's outlet and publication date."""

    document: str
    start: int
    end: int
    text: str
    outlet: str | None = None
    published: str | None = None


class TimelineEntry(BaseModel):
    """A dated entry of a story's timeline with the sentences that support it."""

    date: str
    label: str
    sources: list[SourceSpan]
    event_type: str | None = None
    outlets: list[str] = []
    current: bool | None = None


class QuoteItem(BaseModel):
    """A quote with its document, the speaker's name and the document's outlet and date."""

    start: int
    end: int
    text: str
    kind: Literal["direct", "indirect"]
    cue: Span | None = None
    speaker: str | None = None
    speaker_text: Span | None = None
    via: list[str] = []
    document: str
    seq: int
    speaker_name: str | None = None
    outlet: str | None = None
    published: str | None = None


class Passage(BaseModel):
    """A passage copied between two documents; ``earliest`` names the one that ran it first, when known."""

    group: str | None
    a: SourceSpan
    b: SourceSpan
    similarity: float
    earliest: str | None = None


class StoryDetail(BaseModel):
    """A story: timeline, claims, cited summary, documents, quotes in its segments and copied passages."""

    id: str
    title: str
    segments: list[str]
    documents: list[DocumentCard]
    outlets: list[str]
    timeline: list[TimelineEntry]
    claims: list[Claim]
    summary: list[SpanRef]
    first_published: str | None = None
    last_published: str | None = None
    quotes: list[QuoteItem] = []
    passages: list[Passage] = []
    redirected_from: str | None = None


class EntityCard(BaseModel):
    """An entity as lists show it."""

    id: str
    type: EntityType
    name: str
    mentions: int
    documents: int


class EntityPage(Paged):
    """One page of entities, most mentioned first."""

    items: list[EntityCard]


class DayCount(BaseModel):
    """Mentions on one day."""

    day: str
    count: int


class NearEntity(BaseModel):
    """An entity named in the same documents, with how many documents they share."""

    id: str
    name: str
    type: EntityType
    documents: int


class EntityStory(BaseModel):
    """A story naming the entity."""

    id: str
    title: str
    size: int
    last_published: str | None


class EntityDetail(BaseModel):
    """An entity: names, mentions by day, quotes by and about it, co-occurring entities, stories."""

    id: str
    type: EntityType
    name: str
    aliases: list[str]
    documents: list[str]
    mentions: int
    mentions_by_day: list[DayCount]
    quotes_by: list[QuoteItem]
    quotes_about: list[QuoteItem]
    cooccurring: list[NearEntity]
    stories: list[EntityStory]
    redirected_from: str | None = None


class DocumentStory(BaseModel):
    """A story one of the document's segments belongs to."""

    id: str
    title: str
    segment: str


class DocumentDetail(BaseModel):
    """A document with every layer as offsets into ``text``."""

    id: str
    source: str
    format: str
    text: str
    title: str | None = None
    title_span: Span | None = None
    byline: str | None = None
    byline_span: Span | None = None
    outlet: str | None = None
    url: str | None = None
    agencies: list[Citation] = []
    published: Published | None = None
    language: str | None = None
    segments: list[Segment] = []
    mentions: list[Mention] = []
    timexes: list[Timex] = []
    quotes: list[Quote] = []
    events: list[Event] = []
    metadata: dict[str, str] = {}
    sources: list[SourceRecord] = []
    stories: list[DocumentStory] = []


class QuotePage(Paged):
    """One page of quotes, newest first."""

    items: list[QuoteItem]


class EventItem(BaseModel):
    """An event with its document's outlet and date."""

    start: int
    end: int
    text: str
    type: str
    date: str | None = None
    participants: list[str] = []
    document: str
    seq: int
    outlet: str | None = None
    published: str | None = None


class EventPage(Paged):
    """One page of events, newest first."""

    items: list[EventItem]


class SearchHit(BaseModel):
    """A matching segment with a snippet of the original text (matching words in [brackets])."""

    document: str
    source: str
    title: str | None
    segment: str
    kind: str
    start: int
    end: int
    snippet: str
    story: str | None = None


class SearchAnswer(BaseModel):
    """Segments matching a query."""

    query: str
    hits: list[SearchHit]


class InputRejected(BaseModel):
    """An input that could not be read, and why."""

    input: str
    reason: str


class Posted(BaseModel):
    """What a post added: the first new document's id, every id, the story each joined, rejected inputs."""

    id: str
    documents: list[str]
    stories: dict[str, str]
    errors: list[InputRejected]


class ErrorBody(BaseModel):
    """An error: what went wrong."""

    detail: str

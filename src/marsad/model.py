"""The typed records that flow between marsad's stages.

One :class:`Document` carries every layer as character-offset spans into
``Document.text`` (the spaCy ``Doc`` idea): ``document.text[s.start:s.end] == s.text``
holds for every span item.  Stages add layers; none rewrites the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SegmentKind = Literal["main", "appended", "related", "caption", "boilerplate"]
DateBasis = Literal["explicit", "metadata", "url", "inferred", "crawl"]
EntityType = Literal["PER", "LOC", "ORG", "MISC"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect"]
ActorRole = Literal["source", "target"]
EventDateBasis = Literal["timex", "publication", "inferred"]


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Published:
    """A publication date: an ISO-8601 value and how it was established.

    ``basis``: ``metadata`` (a date field of the record or page markup), ``url`` (the date
    in the URL path), ``explicit`` (a dateline in the text), ``inferred`` (from the text's
    own clues, by the time stage), ``crawl`` (when the page was fetched, a record's
    ``date_extracted`` or ``crawled_at``: the page was published then or before).
    """

    value: str
    basis: DateBasis


@dataclass
class Segment:
    """A part of a page: the main article, an appended article, a teaser list, a caption or chrome.

    ``main`` and ``appended`` segments span a whole article, from its title to its last
    paragraph; ``caption``, ``boilerplate`` and ``related`` segments found inside an
    article name it as ``parent``.  :meth:`Document.pieces` gives an article's text
    without them.
    """

    id: str
    kind: SegmentKind
    start: int
    end: int
    title: Span | None = None
    published: Published | None = None
    parent: str | None = None


@dataclass(frozen=True)
class Citation:
    """A wire agency or medium cited in the text: its canonical name and where it is cited."""

    name: str
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A named-entity mention; ``entity`` is the resolved entity id once known."""

    start: int
    end: int
    text: str
    type: EntityType
    entity: str | None = None


@dataclass
class Timex:
    """A temporal expression normalised to a TIMEX3 type and ISO-8601 value."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str | None
    end_value: str | None = None


@dataclass
class Quote:
    """A quote (direct or reported) with its cue, its speaker and its attribution chain."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: Span | None = None
    speaker: str | None = None
    speaker_text: Span | None = None
    via: list[str] = field(default_factory=list)


@dataclass
class Actor:
    """A participant of an event: its entity (id once resolved, per-document key before), role and mention span."""

    entity: str
    role: ActorRole
    start: int
    end: int
    text: str


@dataclass
class Event:
    """A happening: its clause span, trigger, CAMEO-rooted type, actors, place and date.

    ``start``/``end``/``text`` span the clause that reports it; ``type`` is a CAMEO root
    ("04 CONSULT") or a documented non-CAMEO type ("ELECT"); ``date`` is ISO at its known
    precision (``2015``, ``2015-08``, ``2015-08-06``); ``date_basis`` says where it came from
    (``timex``: the expression in ``timex``; ``publication``: reported without one;
    ``inferred``: from the surrounding text); ``current`` is true when the date lies within
    days of publication.  ``participants`` lists the actors' entities (kept for old readers).
    """

    start: int
    end: int
    text: str
    type: str
    date: str | None = None
    participants: list[str] = field(default_factory=list)
    trigger: Span | None = None
    actors: list[Actor] = field(default_factory=list)
    place: str | None = None
    date_basis: EventDateBasis | None = None
    timex: Span | None = None
    current: bool | None = None


@dataclass(frozen=True)
class DocumentSource:
    """One input a document came from: a repeated text keeps one document with every source.

    ``published`` is the publication value (ISO-8601) that input carried or the page gave.
    """

    input: str
    format: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    basis: DateBasis | None = None


@dataclass
class Document:
    """One input document with every analysis layer as offset spans into ``text``.

    ``sources`` lists every input whose text was this one (the first is ``source``);
    ``published`` is the earliest publication among them.
    """

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
    agencies: list[Citation] = field(default_factory=list)
    published: Published | None = None
    language: str | None = None
    segments: list[Segment] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    sources: list[DocumentSource] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        """Return the :class:`Span` for ``text[start:end]``."""
        return Span(start, end, self.text[start:end])

    def segments_of(self, *kinds: SegmentKind) -> list[Segment]:
        """Return the segments whose kind is one of ``kinds``."""
        return [s for s in self.segments if s.kind in kinds]

    def segment_at(self, offset: int) -> Segment | None:
        """Return the innermost segment containing character ``offset``, if any."""
        found: Segment | None = None
        for seg in self.segments:
            if seg.start <= offset < seg.end and (found is None or seg.parent == found.id):
                found = seg
        return found

    def article_at(self, offset: int) -> Segment | None:
        """Return the ``main`` or ``appended`` segment containing ``offset``, if any."""
        for seg in self.segments:
            if seg.kind in ("main", "appended") and seg.start <= offset < seg.end:
                return seg
        return None

    def pieces(self, segment: Segment) -> list[Span]:
        """The spans of ``segment`` with its nested captions, chrome and teasers cut out."""
        holes = sorted((s.start, s.end) for s in self.segments if s.parent == segment.id)
        out: list[Span] = []
        pos = segment.start
        for start, end in holes:
            if start > pos:
                out.append(self.span(pos, start))
            pos = max(pos, end)
        if pos < segment.end:
            out.append(self.span(pos, segment.end))
        return [p for p in out if p.text.strip()]


@dataclass(frozen=True)
class SpanRef:
    """A span in a named document (for cross-document records)."""

    document: str
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """A resolved entity across documents."""

    id: str
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: int = 0
    roles: list[str] = field(default_factory=list)  # registry roles, role@from/to (marsad.corpus.registry)


@dataclass
class Duplicate:
    """A passage copied between two documents, with both spans and their similarity."""

    a: SpanRef
    b: SpanRef
    similarity: float
    group: str | None = None
    earliest: str | None = None


@dataclass
class TimelineRow:
    """One dated happening in a story, with every source span that supports it."""

    date: str
    label: str
    sources: list[SpanRef] = field(default_factory=list)
    event_type: str | None = None
    outlets: list[str] = field(default_factory=list)
    current: bool | None = None


@dataclass
class ClaimValue:
    """One value reported for a claim's slot, with the spans, outlets and independent sources behind it."""

    value: str
    text: str
    outlets: list[str] = field(default_factory=list)
    independent_sources: int = 0
    spans: list[SpanRef] = field(default_factory=list)


@dataclass
class Claim:
    """A fact (a slot with a value) or a statement, corroborated by independent sources or contested.

    ``slot`` names what is stated (``killed``, ``injured``, ``arrested``, ``seats``,
    ``sentence``..., or ``statement`` for a whole sentence repeated by several outlets) and
    ``value`` its normalised value (``27``, ``90..110``, ``30..``, ``3 month``); a contested
    claim has no single value and lists each one in ``values`` with its sources.
    ``independent_sources`` counts outlets, one outlet counted once and outlets whose
    passages copy each other counted as one source; ``count`` equals it.
    """

    status: Literal["corroborated", "contested"]
    text: str
    count: int
    spans: list[SpanRef] = field(default_factory=list)
    slot: str | None = None
    value: str | None = None
    outlets: list[str] = field(default_factory=list)
    independent_sources: int = 0
    values: list[ClaimValue] = field(default_factory=list)


@dataclass
class Story:
    """A cluster of segments across outlets telling one story."""

    id: str
    title: str
    segments: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    timeline: list[TimelineRow] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    summary: list[SpanRef] = field(default_factory=list)


@dataclass(frozen=True)
class InputError:
    """A rejected input: which one and why (one line)."""

    input: str
    reason: str

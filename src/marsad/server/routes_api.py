"""The REST API under ``/api``: typed answers (so ``/openapi.json`` describes them), JSON errors."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator

from marsad import __version__
from marsad.options import Options
from marsad.server.ingest import Ingest, posted_items
from marsad.server.reader import ReadAPI
from marsad.server.schemas import (
    DocumentDetail,
    EntityDetail,
    EntityPage,
    EntityType,
    ErrorBody,
    EventPage,
    Health,
    Posted,
    QuotePage,
    SearchAnswer,
    StoryDetail,
    StoryPage,
)
from marsad.store.codec import JSON

api_router = APIRouter(prefix="/api", tags=["api"])

Page = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
PerPage = Annotated[int, Query(ge=1, le=200, description="Items per page.")]
Text = Annotated[str | None, Query(max_length=200)]
NAME = re.compile(r"^[^/\\\x00]{1,200}$")
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "Not found"}}


class DocumentPost(BaseModel):
    """A document to analyse: its content with a file name telling the format, or an http(s) URL to fetch."""

    content: str | None = Field(None, description="A page (HTML), a text, a JSON record or JSON Lines of records.")
    name: str = Field("posted.txt", max_length=200,
                      description="File name whose extension tells the format: .txt .html .htm .json .jsonl.")
    url: str | None = Field(None, max_length=2000, description="An http(s) URL to fetch instead of content.")

    @model_validator(mode="after")
    def one_input(self) -> DocumentPost:
        """Exactly one of content and url; a plain file name (no path, not compressed)."""
        if (self.content is None) == (self.url is None):
            raise ValueError("give exactly one of content and url")
        if not NAME.match(self.name) or self.name.lower().endswith(".gz"):
            raise ValueError("name must be a plain file name (no path separators, not .gz)")
        return self


def reader_of(request: Request) -> ReadAPI:
    """The application's reader."""
    reader: ReadAPI = request.app.state.reader
    return reader


def _found(value: JSON | None, what: str, key: str) -> JSON:
    if value is None:
        raise HTTPException(404, f"no {what} {key!r}")
    return value


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


@api_router.get("/health", response_model=Health)
def health(request: Request) -> JSON:
    """Liveness, the version and the counts of what the store holds."""
    counts = reader_of(request).health()
    return {**counts, "status": "ok", "version": __version__}


@api_router.get("/stories", response_model=StoryPage)
def list_stories(
    request: Request, page: Page = 1, per_page: PerPage = 20,
    since: Annotated[date | None, Query(description="Stories running on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Stories starting on or before this day.")] = None,
    outlet: Text = None,
    entity: Annotated[str | None, Query(max_length=200, description="Entity id named in the story.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words of the story's text or title.")] = None,
) -> JSON:
    """Stories, newest first, filtered by date range, outlet, entity and words."""
    return reader_of(request).stories(page, per_page, _day(since), _day(until), outlet or None, entity or None, q or None)


@api_router.get("/stories/{story_id}", response_model=StoryDetail, responses=NOT_FOUND)
def get_story(request: Request, story_id: str) -> JSONResponse:
    """A story: timeline, claims, cited summary, documents, quotes in its segments and copied passages."""
    # The reader's answer is already JSON of this shape (tests check it against the schema); re-encoding a story of
    # hundreds of documents through the response model tripled its time (267 documents: 43 ms read, 277 ms served).
    return JSONResponse(_found(reader_of(request).story(story_id), "story", story_id))


@api_router.get("/entities", response_model=EntityPage)
def list_entities(
    request: Request, page: Page = 1, per_page: PerPage = 50, type: EntityType | None = None,
    q: Annotated[str | None, Query(max_length=200, description="Part of a name or alias.")] = None,
) -> JSON:
    """Entities, most mentioned first; of one type, or whose name or an alias contains ``q``."""
    return reader_of(request).entities(page, per_page, type, q or None)


@api_router.get("/entities/{entity_id}", response_model=EntityDetail, responses=NOT_FOUND)
def get_entity(request: Request, entity_id: str) -> JSON:
    """An entity: mentions by day, quotes by and about it, co-occurring entities and its stories."""
    return _found(reader_of(request).entity(entity_id), "entity", entity_id)


@api_router.get("/documents/{doc_id}", response_model=DocumentDetail, responses=NOT_FOUND)
def get_document(request: Request, doc_id: str) -> JSON:
    """A document with every layer (offsets into its text), its sources and its stories."""
    return _found(reader_of(request).document(doc_id), "document", doc_id)


@api_router.post(
    "/documents", status_code=201, response_model=Posted,
    responses={413: {"model": ErrorBody, "description": "Content over the size limit"},
               422: {"description": "Invalid request, or nothing could be read from the input"}},
)
def post_document(request: Request, body: DocumentPost) -> JSON:
    """Analyse a posted document (content or URL) with the product pipeline and join it to the stored stories."""
    options: Options = request.app.state.options
    max_bytes = options.max_bytes
    data = body.content.encode("utf-8") if body.content is not None else None
    if data is not None and len(data) > max_bytes:
        raise HTTPException(413, f"content too large ({len(data)} bytes, limit {max_bytes})")
    ingest: Ingest = request.app.state.ingest
    done = ingest(posted_items(data, body.name, body.url, options))
    if not done.documents:
        raise HTTPException(422, "; ".join(f"{e.input}: {e.reason}" for e in done.errors) or "no document read")
    errors = [{"input": e.input, "reason": e.reason} for e in done.errors]
    return {"id": done.documents[0], "documents": done.documents, "stories": done.stories, "errors": errors}


@api_router.get("/quotes", response_model=QuotePage)
def list_quotes(
    request: Request, page: Page = 1, per_page: PerPage = 50,
    speaker: Annotated[str | None, Query(max_length=200, description="Entity id of the speaker.")] = None,
    story: Annotated[str | None, Query(max_length=200, description="Story id.")] = None,
    about: Annotated[str | None, Query(max_length=200, description="Entity id named inside the quote.")] = None,
) -> JSON:
    """Quotes, newest first: by a speaker, in a story, or about an entity."""
    return reader_of(request).quotes(page, per_page, speaker or None, story or None, about or None)


@api_router.get("/events", response_model=EventPage)
def list_events(
    request: Request, page: Page = 1, per_page: PerPage = 50,
    type: Text = None,
    actor: Annotated[str | None, Query(max_length=200, description="Entity id of a participant.")] = None,
    since: date | None = None, until: date | None = None,
) -> JSON:
    """Events, newest first: of a type, with a participant, in a date range."""
    return reader_of(request).events(page, per_page, type or None, actor or None, _day(since), _day(until))


@api_router.get("/search", response_model=SearchAnswer)
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find, in any clitic form.")],
    limit: PerPage = 20,
) -> JSON:
    """Segments matching every word of ``q``: articles first, then by relevance."""
    return {"query": q, "hits": reader_of(request).search(q, limit)}

"""The reads the server makes, as a protocol shaped like the store's read API (:mod:`marsad.store.read`).

Every answer is a JSON-ready dict; lists are paged (``page`` from 1, ``per_page``) with
their ``total``.  :class:`marsad.server.backend.StoreReader` implements it over a store.
"""

from __future__ import annotations

from typing import Protocol
from urllib.parse import urlsplit

from marsad.store.codec import JSON


class ReadAPI(Protocol):
    """What the server asks of a store."""

    def health(self) -> JSON:
        """Counts of what is held."""
        ...

    def document_count(self) -> int:
        """How many documents are held."""
        ...

    def stories(self, page: int = 1, per_page: int = 20, since: str | None = None, until: str | None = None,
                outlet: str | None = None, entity: str | None = None, text: str | None = None) -> JSON:
        """Stories, newest first, filtered."""
        ...

    def story(self, story_id: str) -> JSON | None:
        """One story with its documents, quotes and copied passages."""
        ...

    def entities(self, page: int = 1, per_page: int = 20, type: str | None = None, q: str | None = None) -> JSON:
        """Entities, most mentioned first."""
        ...

    def entity(self, entity_id: str) -> JSON | None:
        """One entity with mentions by day, quotes by and about it, co-occurring entities and stories."""
        ...

    def entity_name(self, entity_id: str) -> JSON | None:
        """An entity's id (merged ids followed), type and name only."""
        ...

    def document(self, doc_id: str) -> JSON | None:
        """One document with every layer."""
        ...

    def quotes(self, page: int = 1, per_page: int = 20, speaker: str | None = None, story: str | None = None,
               about: str | None = None) -> JSON:
        """Quotes by a speaker, in a story or about an entity."""
        ...

    def events(self, page: int = 1, per_page: int = 20, type: str | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None) -> JSON:
        """Events by type, actor and date."""
        ...

    def search(self, q: str, limit: int = 20) -> list[JSON]:
        """Segments matching every word of ``q``."""
        ...


def outlet_label(outlet: str | None, url: str | None) -> str | None:
    """The outlet's name, else the site's host; ``None`` when the page names no publisher (no outlet field,
    address, masthead, copyright line or self-reference)."""
    if outlet:
        return outlet
    if url and (host := urlsplit(url).hostname):
        return str(host).removeprefix("www.")
    return None

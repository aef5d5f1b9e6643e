"""The store behind the server: its read API, one connection per server thread, and the ingest of posts.

SQLite connections stay in the thread that opened them, and FastAPI answers from a pool
of threads: :class:`StoreReader` opens one :class:`~marsad.store.read.Reader` per thread
(lazily, on its first request) and hands each read to the thread's own.  Posted documents
are analysed by :func:`marsad.api.analyze` into the same store, one post at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from marsad.api import analyze
from marsad.ingest.raw import RawDocument
from marsad.model import InputError
from marsad.options import Options
from marsad.server.ingest import Ingest, Ingested
from marsad.server.reader import ReadAPI
from marsad.store.codec import JSON
from marsad.store.read import Reader
from marsad.store.store import Store


class StoreReader:
    """The store's read API with one connection per thread."""

    def __init__(self, db: str | Path, lock_wait: float) -> None:
        self._db = db
        self._lock_wait = lock_wait
        self._local = threading.local()
        self._opened: list[Store] = []
        self._guard = threading.Lock()

    def _reader(self) -> Reader:
        reader: Reader | None = getattr(self._local, "reader", None)
        if reader is None:
            store = Store(self._db, self._lock_wait)
            with self._guard:
                self._opened.append(store)
            reader = self._local.reader = Reader(store)
        return reader

    def close(self) -> None:
        """Close every connection opened (for tests and shutdown)."""
        with self._guard:
            for store in self._opened:
                store.close()
            self._opened.clear()
        self._local = threading.local()

    def health(self) -> JSON:
        """Counts of what the store holds."""
        return self._reader().health()

    def document_count(self) -> int:
        """How many documents the store holds."""
        return self._reader().document_count()

    def stories(self, page: int = 1, per_page: int = 20, since: str | None = None, until: str | None = None,
                outlet: str | None = None, entity: str | None = None, text: str | None = None) -> JSON:
        """Stories, newest first, filtered."""
        return self._reader().stories(page, per_page, since, until, outlet, entity, text)

    def story(self, story_id: str) -> JSON | None:
        """One story."""
        return self._reader().story(story_id)

    def entities(self, page: int = 1, per_page: int = 20, type: str | None = None, q: str | None = None) -> JSON:
        """Entities, most mentioned first."""
        return self._reader().entities(page, per_page, type, q)

    def entity(self, entity_id: str) -> JSON | None:
        """One entity."""
        return self._reader().entity(entity_id)

    def entity_name(self, entity_id: str) -> JSON | None:
        """An entity's id, type and name."""
        return self._reader().entity_name(entity_id)

    def document(self, doc_id: str) -> JSON | None:
        """One document."""
        return self._reader().document(doc_id)

    def quotes(self, page: int = 1, per_page: int = 20, speaker: str | None = None, story: str | None = None,
               about: str | None = None) -> JSON:
        """Quotes by a speaker, in a story or about an entity."""
        return self._reader().quotes(page, per_page, speaker, story, about)

    def events(self, page: int = 1, per_page: int = 20, type: str | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None) -> JSON:
        """Events by type, actor and date."""
        return self._reader().events(page, per_page, type, actor, since, until)

    def search(self, q: str, limit: int = 20) -> list[JSON]:
        """Segments matching every word of ``q``."""
        return self._reader().search(q, limit)


class StoreIngest:
    """Analyse posted documents into the store with the product's run, and say which story each joined."""

    def __init__(self, db: str | Path, options: Options, reader: ReadAPI) -> None:
        self._db = db
        self._options = options
        self._reader = reader
        self._lock = threading.Lock()

    def __call__(self, items: Iterable[RawDocument | InputError]) -> Ingested:
        """Run the analysis over ``items`` into the store (one post at a time)."""
        read = list(items)
        names = [i.source if isinstance(i, RawDocument) else i.input for i in read]
        with self._lock, Store(self._db, self._options.lock_wait) as store:
            analysis = analyze(names, self._options, store=store, read=read)
        out = Ingested(documents=[d.id for d in analysis.documents], errors=analysis.errors)
        for doc_id in out.documents:
            doc = self._reader.document(doc_id)
            if doc and doc.get("stories"):
                out.stories[doc_id] = str(doc["stories"][0]["id"])
        return out


def open_backend(db: str | Path, options: Options) -> tuple[StoreReader, Ingest]:
    """The reader over the store ``db`` and the function that adds posted documents to it."""
    reader = StoreReader(db, options.lock_wait)
    return reader, StoreIngest(db, options, reader)

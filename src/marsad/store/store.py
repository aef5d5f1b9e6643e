"""The store: the source of truth for documents, every layer, their sources and the corpus findings.

One data-access layer over a :class:`~marsad.store.dialect.Dialect` (SQLite now; the SQL
is kept portable for PostgreSQL).  Writes happen in transactions that take the write
lock up front; when another program holds it, the store waits (the driver's busy timeout)
and retries with backoff up to ``lock_wait`` seconds, then raises :class:`StoreLocked`.

Each document is kept twice: ``analysis`` is the JSON of the document as the
per-document pipeline made it (the corpus steps always start again from it, so that the
order of batches does not change their outcome) and ``report`` the JSON after the
corpus steps (resolved entity ids, inferred dates, every source), which exports read through the view
``reports`` (kept in ``report_rows``, apart from the document's row, so that rewriting it does not copy the
text and analysis; a document not related yet reads its analysis).
The layers are also kept as rows (mentions, timexes, quotes, events, segments) for
queries.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from marsad.model import (
    Document,
    DocumentSource,
    Entity,
    InputError,
    Published,
    Segment,
    Story,
)
from marsad.store.codec import JSON, from_json, json_text, to_json
from marsad.store.dialect import Connection, Row, dialect_for
from marsad.store.schema import MIGRATIONS, VERSION
from marsad.store.search import (
    SearchHit,
    cut,
    indexed_segments,
    own_pieces,
    query_keys,
    segment_terms,
    snippet,
)
from marsad.text.normalize import key_text

DEFAULT_LOCK_WAIT = 30.0
_FIRST_PAUSE = 0.05
_MAX_PAUSE = 2.0
_IN_CHUNK = 500
ENTITY_COUNTER_KEY = "entity_counter"


# A stored document undecoded: its JSON and its sources (None: those of the JSON).
DocumentRecord = tuple[str, list[DocumentSource] | None]


@dataclass(frozen=True)
class StoredForm:
    """What the store writes of a new document that can be computed where it was analysed (in a worker): its JSON
    (``analysis``) and each indexed segment with its normalised text and its search terms."""

    analysis: str
    segments: list[tuple[Segment, str, str]]


def stored_form(doc: Document) -> StoredForm:
    """The :class:`StoredForm` of an analysed document (its sources already set)."""
    segments = [
        (seg, "\n".join(key_text(p.text) for p in own_pieces(doc, seg)), segment_terms(doc, seg))
        for seg in indexed_segments(doc)
    ]
    return StoredForm(json_text(to_json(doc)), segments)


class StoreError(Exception):
    """The store cannot be used (one line for the user)."""


class StoreLocked(StoreError):
    """Another program held the store's write lock for longer than we were willing to wait."""


class Store:
    """A store of analysed documents and corpus findings (a SQLite file by default)."""

    def __init__(self, target: str | Path, lock_wait: float = DEFAULT_LOCK_WAIT) -> None:
        self.target = str(target)
        try:
            self.dialect = dialect_for(self.target)
        except ValueError as exc:
            raise StoreError(str(exc)) from exc
        self.lock_wait = lock_wait
        self._lock = threading.RLock()  # one connection, shared by a server's threads one call at a time
        self._conn: Connection = self._retry(lambda: self.dialect.connect(self.target, lock_wait))
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self._conn.close()

    # -- transactions -----------------------------------------------------------------------------

    def _retry(self, action: Any) -> Any:
        """Run ``action`` until it no longer finds the store locked, backing off, up to ``lock_wait`` seconds."""
        deadline = time.monotonic() + self.lock_wait
        pause = _FIRST_PAUSE
        while True:
            try:
                return action()
            except Exception as exc:
                if not self.dialect.is_locked(exc):
                    raise StoreError(f"store {self.target}: {exc}") from exc
                if time.monotonic() + pause > deadline:
                    raise StoreLocked(
                        f"store {self.target} is locked by another program (waited {self.lock_wait:g} s)"
                    ) from exc
                time.sleep(pause)
                pause = min(pause * 2, _MAX_PAUSE)

    @contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction: the lock is taken on entry (retried), committed on exit, rolled back on error."""
        with self._lock:
            self._retry(lambda: self.dialect.begin_write(self._conn))
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _x(self, sql: str, params: Iterable[Any] = ()) -> Any:
        with self._lock:
            return self._conn.execute(self.dialect.sql(sql), tuple(params))

    def _xmany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """Run one statement over many rows of parameters."""
        if rows:
            with self._lock:
                self.dialect.execute_many(self._conn, self.dialect.sql(sql), rows)

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        with self._lock:
            rows: list[Row] = self._x(sql, params).fetchall()
        return rows

    def _one(self, sql: str, params: Iterable[Any] = ()) -> Row | None:
        with self._lock:
            row: Row | None = self._x(sql, params).fetchone()
        return row

    def _migrate(self) -> None:
        if self.schema_version() >= VERSION:
            return
        with self.write():
            self._x("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            current = self.schema_version()
            for step in MIGRATIONS:
                if step.version <= current:
                    continue
                for statement in step.statements:
                    self._x(statement.format(id=self.dialect.key_type, now=self.dialect.now))
                if step.full_text:
                    for statement in self.dialect.fts_schema():
                        self._x(statement)
                if step.upgrade is not None:
                    step.upgrade(self)
                self._x("INSERT INTO schema_version (version) VALUES (?)", (step.version,))

    def split_growing(self) -> None:
        """Schema step 4 for a store that has corpus findings: each entity's documents become rows of
        ``entity_documents`` and each copy group's count and first publication a row of ``copy_groups`` (the
        statements of the step filed the groups' documents)."""
        from marsad.store.indexes import PassageTables  # the copy-group index is built on the store

        rows: list[tuple[Any, ...]] = []
        records: list[tuple[Any, ...]] = []
        for ident, record in self._rows("SELECT id, record FROM entities"):
            whole = json.loads(record)
            rows.extend((ident, d) for d in dict.fromkeys(whole["documents"]))
            records.append((json_text(whole | {"documents": []}), ident))
        self._xmany("INSERT INTO entity_documents (entity, document) VALUES (?, ?)", rows)
        self._xmany("UPDATE entities SET record = ? WHERE id = ?", records)
        PassageTables(self).refile(int(g) for (g,) in self._rows("SELECT DISTINCT copy_group FROM copy_group_documents"))

    def schema_version(self) -> int:
        """The version the store's schema is at (0 for an empty file)."""
        try:
            row = self._one("SELECT max(version) FROM schema_version")
        except Exception as exc:
            if self.dialect.is_locked(exc):
                raise
            return 0
        return int(row[0]) if row and row[0] is not None else 0

    # -- meta ---------------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """A stored run-to-run value (such as the story index), if any."""
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Store a run-to-run value, replacing the previous one (inside the caller's transaction)."""
        self._x(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- runs and batches ---------------------------------------------------------------------------

    def start_run(self, inputs: list[str]) -> int:
        """Record a run and return its number."""
        with self.write():
            row = self._one(
                "INSERT INTO runs (status, inputs) VALUES ('running', ?) RETURNING id",
                (json_text(inputs),),
            )
        assert row is not None
        return int(row[0])

    def finish_run(self, run: int, status: str, documents: int, added: int) -> None:
        """Close a run's record with its outcome."""
        with self.write():
            self._x(
                "UPDATE runs SET status = ?, documents = ?, added = ?, finished = CURRENT_TIMESTAMP WHERE id = ?",
                (status, documents, added, run),
            )

    def stored(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored documents."""
        found: set[str] = set()
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ",".join("?" * len(chunk))
            found.update(str(r[0]) for r in self._rows(f"SELECT id FROM documents WHERE id IN ({marks})", chunk))
        return found

    def stored_sources(self, ids: Iterable[str]) -> set[tuple[str, str]]:
        """The (document, input) pairs already recorded for the documents ``ids``."""
        found: set[tuple[str, str]] = set()
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ",".join("?" * len(chunk))
            rows = self._rows(f"SELECT document, input FROM document_sources WHERE document IN ({marks})", chunk)
            found.update((str(d), str(i)) for d, i in rows)
        return found

    def site_line_pages(self, site: str, keys: Iterable[str]) -> dict[str, int]:
        """How many stored pages of ``site`` carry each of ``keys`` (short lines, as chrome candidates)."""
        out: dict[str, int] = {}
        for chunk in _chunks(sorted(set(keys))):
            marks = ",".join("?" * len(chunk))
            rows = self._rows(f"SELECT key, pages FROM site_lines WHERE site = ? AND key IN ({marks})", [site, *chunk])
            out.update((str(k), int(n)) for k, n in rows)
        return out

    def write_batch(
        self,
        run: int,
        docs: list[Document],
        sources: list[tuple[str, DocumentSource]],
        site_lines: dict[str, Counter[str]],
        errors: list[InputError],
        seen: Iterable[tuple[str, str]] = (),
        forms: dict[str, StoredForm] | None = None,
        layers: bool = True,
    ) -> int:
        """Commit one batch in one transaction; return how many documents were new.

        ``docs`` are analysed documents (already stored ones are left as they are),
        ``sources`` every new (document id, source) the batch read, ``site_lines`` the
        short-line counts of the batch's new pages per site, ``errors`` its rejected inputs,
        ``seen`` the (document id, input) pairs already stored that the run read again
        (they join the run, so that its report covers them), ``forms`` the documents' stored forms when a worker
        computed them (:func:`stored_form`; computed here otherwise).  ``layers=False`` leaves the rows of the new
        documents' layers to their corpus steps (:meth:`update_documents` files them with the entity ids those
        give), instead of filing them twice.
        """
        with self.write():
            row = self._one("SELECT COALESCE(max(seq), 0) FROM documents")
            first = int(row[0]) if row else 0
            inserted = self._insert_documents(docs, first, run, forms or {})
            if layers:
                self._write_layers(list(inserted.values()), new=True)
            queue = [(doc_id, "new") for doc_id in inserted]
            self._add_sources(sources, run)
            queue.extend((doc_id, "source") for doc_id, _source in sources if doc_id not in inserted)
            self._xmany("INSERT INTO corpus_queue (document, kind) VALUES (?, ?) ON CONFLICT (document) DO NOTHING",
                        queue)
            self._xmany("UPDATE document_sources SET run = ? WHERE document = ? AND input = ?",
                        [(run, doc_id, name) for doc_id, name in seen])
            self._xmany(
                "INSERT INTO site_lines (site, key, pages) VALUES (?, ?, ?) "
                "ON CONFLICT (site, key) DO UPDATE SET pages = site_lines.pages + excluded.pages",
                [(site, key, pages) for site, counts in site_lines.items() for key, pages in counts.items()],
            )
            self._xmany("INSERT INTO input_errors (input, reason, run) VALUES (?, ?, ?) "
                        "ON CONFLICT (input, reason) DO UPDATE SET run = excluded.run",
                        [(error.input, error.reason, run) for error in errors])
        return len(inserted)

    def add(self, doc: Document) -> bool:
        """Store one analysed document with its own source; False when it is already stored."""
        source = doc.sources[0] if doc.sources else source_of(doc)
        return self.write_batch(0, [doc], [(doc.id, source)], {}, []) == 1

    def _insert_documents(
        self, docs: list[Document], seq: int, run: int, forms: dict[str, StoredForm]
    ) -> dict[str, Document]:
        """Insert the documents not stored yet (numbered on from ``seq`` in list order, a stored one keeping its
        number's place), with their indexed segments and search terms, a statement per table; return those inserted.
        """
        stored = self.stored(doc.id for doc in docs)
        inserted: dict[str, Document] = {}
        made: dict[str, StoredForm] = {}
        rows: list[tuple[Any, ...]] = []
        for n, doc in enumerate(docs, seq + 1):
            if doc.id in stored or doc.id in inserted:
                continue
            inserted[doc.id] = doc
            form = made[doc.id] = forms.get(doc.id) or stored_form(doc)
            rows.append((doc.id, doc.source, doc.title, doc.outlet, _value(doc.published), doc.text, "",
                         form.analysis, n, doc.url, doc.language, run))
        self._xmany(
            "INSERT INTO documents (id, source, title, outlet, published, text, report, analysis, seq, url, "
            "language, first_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        # Numbered here as the store would number them (one past the highest), so that one statement files them all.
        row = self._one("SELECT COALESCE(max(rowid), 0) FROM segments")
        first = (int(row[0]) if row else 0) + 1
        segments = [(doc.id, seg, norm, terms) for doc in inserted.values()
                    for seg, norm, terms in made[doc.id].segments]
        self._xmany(
            'INSERT INTO segments (rowid, doc, segment, kind, parent, start, "end", text, norm) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(n, doc_id, seg.id, seg.kind, seg.parent, seg.start, seg.end, inserted[doc_id].text[seg.start:seg.end],
              norm) for n, (doc_id, seg, norm, _terms) in enumerate(segments, first)])
        if segments:
            with self._lock:
                self.dialect.ids_assigned(self._conn, "segments", first + len(segments) - 1, "rowid")
                self.dialect.index_terms(self._conn, [(n, terms) for n, (*_s, terms) in enumerate(segments, first)])
        return inserted

    def _add_sources(self, sources: list[tuple[str, DocumentSource]], run: int) -> None:
        """File each (document, source) (a source already filed joins ``run``), numbered after its document's last."""
        ids = sorted({doc_id for doc_id, _source in sources})
        last: dict[str, int] = {}
        filed: set[tuple[str, str]] = set()
        for chunk in _chunks(ids):
            for doc_id, name, seq in self._rows(
                f"SELECT document, input, seq FROM document_sources WHERE document IN ({_marks(chunk)})", chunk
            ):
                last[str(doc_id)] = max(last.get(str(doc_id), 0), int(seq))
                filed.add((str(doc_id), str(name)))
        rows: list[tuple[Any, ...]] = []
        for doc_id, source in sources:
            seq = last.get(doc_id, 0) + 1
            if (doc_id, source.input) not in filed:  # a new row takes the number; a filed one keeps its own
                filed.add((doc_id, source.input))
                last[doc_id] = seq
            rows.append((doc_id, source.input, source.format, source.url, source.outlet, source.published,
                         source.basis, run, seq))
        self._xmany(
            "INSERT INTO document_sources (document, input, format, url, outlet, published, basis, run, seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document, input) DO UPDATE SET run = excluded.run", rows)
        self._xmany("INSERT INTO anchor_days (day) VALUES (?) ON CONFLICT (day) DO NOTHING",
                    [(source.published[:10],) for _doc_id, source in sources if source.published])

    def _write_layers(self, docs: list[Document], new: bool = False) -> None:
        """Replace the rows of documents' layers (mentions, timexes, quotes, events), table by table (only insert
        them when the documents are ``new``)."""
        ids = [] if new else [doc.id for doc in docs]
        for table in _LAYER_TABLES:
            for chunk in _chunks(ids):
                self._x(f"DELETE FROM {table} WHERE document IN ({_marks(chunk)})", chunk)
        self._xmany(
            'INSERT INTO mentions (document, seq, start, "end", text, type, entity) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(doc.id, n, m.start, m.end, m.text, m.type, m.entity) for doc in docs for n, m in enumerate(doc.mentions)],
        )
        self._xmany(
            'INSERT INTO timexes (document, seq, start, "end", text, type, value, end_value) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, n, t.start, t.end, t.text, t.type, t.value, t.end_value)
             for doc in docs for n, t in enumerate(doc.timexes)],
        )
        self._xmany(
            'INSERT INTO quotes (document, seq, start, "end", text, kind, speaker, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            [(doc.id, n, q.start, q.end, q.text, q.kind, q.speaker, json_text(to_json(q)))
             for doc in docs for n, q in enumerate(doc.quotes)],
        )
        self._xmany(
            "INSERT INTO quote_via (document, seq, entity) VALUES (?, ?, ?)",
            [(doc.id, n, via) for doc in docs for n, q in enumerate(doc.quotes) for via in dict.fromkeys(q.via)],
        )
        events = []
        for doc in docs:
            for n, e in enumerate(doc.events):
                record = to_json(e)
                extra = {k: v for k, v in record.items() if k not in _EVENT_COLUMNS}
                events.append((doc.id, n, e.start, e.end, e.text, e.type, e.date,
                               json_text(e.participants), json_text(extra)))
        self._xmany(
            'INSERT INTO events (document, seq, start, "end", text, type, date, participants, extra) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            events,
        )
        self._xmany(
            "INSERT INTO event_participants (document, seq, participant) VALUES (?, ?, ?)",
            [(doc.id, n, who) for doc in docs for n, e in enumerate(doc.events) for who in dict.fromkeys(e.participants)],
        )

    # -- the corpus state (called inside one write transaction) --------------------------------------

    def update_documents(self, docs: Iterable[Document], unfiled: Iterable[str] = ()) -> int:
        """Rewrite the report JSON and layer rows of documents the corpus steps changed; return how many were rewritten.

        ``unfiled``: documents whose layer rows may not be filed yet (new documents written with
        ``write_batch(..., layers=False)``): they are rewritten, rows and report, whether or not the corpus steps
        changed them.
        """
        docs = list(docs)
        unfiled = set(unfiled)
        stored: dict[str, str] = {}
        # An unfiled document is rewritten whatever its stored report (so that is not read back): unchanged, the
        # rewrite stores the same values.
        for chunk in _chunks([doc.id for doc in docs if doc.id not in unfiled]):
            stored.update((str(i), str(r)) for i, r in self._rows(
                f"SELECT id, report FROM reports WHERE id IN ({_marks(chunk)})", chunk))
        # The document's own row is rewritten only when a column the corpus steps can change did (the report is
        # a row of ``report_rows``: rewriting the document's row would copy its text and analysis too).
        columns: dict[str, tuple[Any, ...]] = {}
        for chunk in _chunks([doc.id for doc in docs]):
            columns.update((str(row[0]), tuple(row[1:])) for row in self._rows(
                f"SELECT id, published, outlet, title FROM documents WHERE id IN ({_marks(chunk)})", chunk))
        reports: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        filed: list[Document] = []
        for doc in docs:
            report = json_text(to_json(doc))
            if doc.id in unfiled or stored.get(doc.id) != report:
                reports.append((doc.id, report))
                filed.append(doc)
                values = (_value(doc.published), doc.outlet, doc.title)
                if columns.get(doc.id) != values:
                    updates.append((*values, doc.id))
        self._xmany("INSERT INTO report_rows (id, report) VALUES (?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET report = excluded.report", reports)
        self._xmany("UPDATE documents SET published = ?, outlet = ?, title = ? WHERE id = ?", updates)
        self._write_layers(filed)
        return len(filed)

    def queued(self, limit: int | None = None) -> list[tuple[str, str]]:
        """The documents whose corpus steps are due, (id, kind) in arrival order (the first ``limit``)."""
        sql = "SELECT document, kind FROM corpus_queue ORDER BY seq"
        rows = self._rows(sql + (f" LIMIT {int(limit)}" if limit is not None else ""))
        return [(str(d), str(k)) for d, k in rows]

    def unqueue(self, ids: Iterable[str]) -> None:
        """Mark these documents' corpus steps as done (inside the corpus transaction)."""
        for chunk in _chunks(list(ids)):
            self._x(f"DELETE FROM corpus_queue WHERE document IN ({_marks(chunk)})", chunk)

    def load_batch(
        self, ids: list[str], analysis: bool = True, fresh: dict[str, Document] | None = None
    ) -> list[Document]:
        """These documents with all their sources, in arrival order: as the per-document pipeline made them
        (``analysis``) or as the corpus steps left them.

        ``fresh``: documents of the batch just written, as the pipeline made them; those of ``ids`` among them are
        taken (and removed) from it instead of being read back from their JSON.
        """
        fresh = fresh if analysis and fresh is not None else {}
        sources: dict[str, list[DocumentSource]] = {}
        found: list[tuple[int, str, Document]] = []
        column = "d.analysis" if analysis else "r.report"
        for chunk in _chunks(ids):
            for doc_id, inp, fmt, url, outlet, published, basis in self._rows(
                "SELECT document, input, format, url, outlet, published, basis FROM document_sources "
                f"WHERE document IN ({_marks(chunk)}) ORDER BY document, seq", chunk
            ):
                sources.setdefault(str(doc_id), []).append(DocumentSource(inp, fmt, url, outlet, published, basis))
            kept = [i for i in chunk if i in fresh]
            for doc_id, seq in self._rows(f"SELECT id, seq FROM documents WHERE id IN ({_marks(kept)})", kept):
                doc = fresh.pop(str(doc_id))
                doc.sources = sources.get(str(doc_id), doc.sources)
                found.append((int(seq or 0), str(doc_id), doc))
            read = [i for i in chunk if i not in fresh and i not in kept]
            for doc_id, seq, saved, report in self._rows(
                f"SELECT d.id, d.seq, {column}, r.report FROM documents d JOIN reports r ON r.id = d.id "
                f"WHERE d.id IN ({_marks(read)})", read
            ):
                found.append((int(seq or 0), str(doc_id), document_of(saved or report, sources.get(str(doc_id)))))
        return [doc for _seq, _id, doc in sorted(found, key=lambda x: (x[0], x[1]))]

    def document_records(self, ids: Iterable[str]) -> dict[str, DocumentRecord]:
        """These documents as the corpus steps left them, undecoded: their stored JSON and all their sources (for
        :func:`document_of`, which a worker can run)."""
        out: dict[str, DocumentRecord] = {}
        for chunk in _chunks(sorted(set(ids))):
            sources: dict[str, list[DocumentSource]] = {}
            for doc_id, inp, fmt, url, outlet, published, basis in self._rows(
                "SELECT document, input, format, url, outlet, published, basis FROM document_sources "
                f"WHERE document IN ({_marks(chunk)}) ORDER BY document, seq", chunk
            ):
                sources.setdefault(str(doc_id), []).append(DocumentSource(inp, fmt, url, outlet, published, basis))
            for doc_id, report in self._rows(f"SELECT id, report FROM reports WHERE id IN ({_marks(chunk)})", chunk):
                out[str(doc_id)] = (str(report), sources.get(str(doc_id)))
        return out

    def outlines(self, ids: Iterable[str]) -> list[Document]:
        """These documents reduced to what links their articles (:func:`~marsad.corpus.stories.unit_links`): id,
        outlet (as the corpus steps left it) and segments (id, kind, offsets, parent; without titles or dates), read
        from their columns and segment rows instead of decoding their reports, sorted by id.

        A document stored without segments has one segment row, a ``main`` one over its whole text
        (:func:`~marsad.store.search.indexed_segments`), and comes back with it: ask only for documents with
        articles of their own (as every party to a copied passage has: passages are cut from articles).
        """
        wanted = sorted(set(ids))
        out: dict[str, Document] = {}
        for chunk in _chunks(wanted):
            for doc_id, outlet in self._rows(f"SELECT id, outlet FROM documents WHERE id IN ({_marks(chunk)})", chunk):
                out[str(doc_id)] = Document(str(doc_id), "", "", "", outlet=outlet)
            for doc_id, segment, kind, parent, start, end in self._rows(
                f'SELECT doc, segment, kind, parent, start, "end" FROM segments WHERE doc IN ({_marks(chunk)}) '
                "ORDER BY rowid", chunk,
            ):
                out[str(doc_id)].segments.append(Segment(str(segment), kind, int(start), int(end), parent=parent))
        return [out[doc_id] for doc_id in wanted if doc_id in out]

    def documents_naming(self, entity_ids: Iterable[str]) -> list[str]:
        """The stored documents whose layers name any of these entities (a mention, a quote's speaker or via, an
        event's participant), sorted."""
        found: set[str] = set()
        for chunk in _chunks(sorted(set(entity_ids))):
            marks = _marks(chunk)
            found.update(str(r[0]) for r in self._rows(
                f"SELECT document FROM mentions WHERE entity IN ({marks}) "
                f"UNION SELECT document FROM quotes WHERE speaker IN ({marks}) "
                f"UNION SELECT document FROM quote_via WHERE entity IN ({marks}) "
                f"UNION SELECT document FROM event_participants WHERE participant IN ({marks})", chunk * 4))
        return sorted(found)

    def anchor_days(self) -> set[str]:
        """The distinct days (ISO dates) the stored documents' sources give as their publication (``anchor_days``,
        filed as each source is added, holds a row a day however many documents fall on it)."""
        return {str(r[0]) for r in self._rows("SELECT day FROM anchor_days")}

    def entity_keys(self, keys: Iterable[str] | None = None) -> dict[str, str]:
        """The spelling keys of stored entities (key -> entity id), which keep ids stable across runs: every key, or
        those of ``keys`` that are registered."""
        if keys is None:
            return {str(k): str(e) for k, e in self._rows("SELECT key, entity FROM entity_keys")}
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(keys))):
            out.update((str(k), str(e)) for k, e in self._rows(
                f"SELECT key, entity FROM entity_keys WHERE key IN ({_marks(chunk)})", chunk))
        return out

    def next_entity_number(self) -> int:
        """The number the next new entity id takes (ids are never reused)."""
        value = self.get_meta(ENTITY_COUNTER_KEY)
        return int(value) if value else 1

    def merge_entities(
        self, entities: list[Entity], keys: dict[str, str], next_number: int, merged: dict[str, str],
        stored_keys: dict[str, str] | None = None,
    ) -> None:
        """Add a batch's resolved entities (ids already stable) to the stored ones and extend the key registry.

        ``stored_keys``: what :meth:`entity_keys` gave for the batch's keys before it; a key still naming the entity it
        named there (one no redirect of ``merged`` moves) is not written again (most of a batch's keys are stored).

        An entity already stored keeps its name, type and roles; mentions add up and
        documents and aliases join.  ``merged`` maps stored ids that the batch found to be
        one entity with another to that one: their records fold into it and leave a redirect.
        An entity's documents are rows of ``entity_documents`` (only the batch's are added, however many the entity
        has: a country is named in thousands); its record keeps the rest, with ``documents`` empty
        (:meth:`entity_records` fills it).
        """
        batch: dict[str, JSON] = {e.id: _entity_record(e) for e in entities}
        documents: dict[str, set[str]] = {e.id: set(e.documents) for e in entities}
        counted: set[str] = set()  # entities whose documents are counted again (they took up a merged one's)
        for old, new in merged.items():
            was = self._entity_records([old])
            self._x("DELETE FROM entities WHERE id = ?", (old,))
            self._x("DELETE FROM entity_aliases WHERE entity = ?", (old,))
            self.add_redirect("entity", old, new)
            if old in was and new in batch:
                batch[new] = _combine(batch[new], was[old][0])
                self._x("INSERT INTO entity_documents (entity, document) SELECT CAST(? AS TEXT), document FROM entity_documents "
                        "WHERE entity = ? ON CONFLICT (entity, document) DO NOTHING", (new, old))
                counted.add(new)
            self._x("DELETE FROM entity_documents WHERE entity = ?", (old,))
        stored = self._entity_records(list(batch))
        filed: set[tuple[str, str]] = set()
        for chunk in _chunks(sorted({d for docs in documents.values() for d in docs})):
            filed.update((str(e), str(d)) for e, d in self._rows(
                f"SELECT entity, document FROM entity_documents WHERE document IN ({_marks(chunk)})", chunk))
        adding = [(ident, d) for ident in batch for d in sorted(documents[ident]) if (ident, d) not in filed]
        self._xmany("INSERT INTO entity_documents (entity, document) VALUES (?, ?)", adding)
        added = Counter(ident for ident, _d in adding)
        counts = {ident: n + added[ident] for ident, (_record, n) in stored.items()}
        for ident in counted:
            row = self._one("SELECT count(*) FROM entity_documents WHERE entity = ?", (ident,))
            counts[ident] = int(row[0]) if row else 0
        rows: list[tuple[Any, ...]] = []
        aliases: list[tuple[Any, ...]] = []
        dropped: list[tuple[Any, ...]] = []
        for ident, record in batch.items():
            whole = _combine(stored[ident][0], record) if ident in stored else record
            count = counts.get(ident, added[ident])
            rows.append((ident, whole["type"], whole["name"], whole["mentions"], count,
                         json_text(whole)))
            # An entity's alias rows are its record's name and aliases: only the difference is written (a stored
            # entity's names only grow, and a country's run to hundreds).
            names = _names(whole)
            had = _names(stored[ident][0]) if ident in stored else {}
            aliases.extend((ident, alias) for alias in names if alias not in had)
            dropped.extend((ident, alias) for alias in had if alias not in names)
        self._xmany("DELETE FROM entity_aliases WHERE entity = ? AND alias = ?", dropped)
        self._xmany("INSERT INTO entities (id, type, name, mentions, documents, record) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, "
                    "mentions = excluded.mentions, documents = excluded.documents, record = excluded.record", rows)
        self._xmany("INSERT INTO entity_aliases (entity, alias) VALUES (?, ?)", aliases)
        self._xmany("INSERT INTO entity_keys (key, entity) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET entity = excluded.entity",
                    [(key, ident) for key, ident in keys.items()
                     if stored_keys is None or stored_keys.get(key) != ident or ident in merged])
        self.set_meta(ENTITY_COUNTER_KEY, str(next_number))

    def _entity_records(self, ids: list[str]) -> dict[str, tuple[JSON, int]]:
        """The stored records of these entities (without their documents), each with its count of documents."""
        out: dict[str, tuple[JSON, int]] = {}
        for chunk in _chunks(ids):
            for ident, record, documents in self._rows(
                f"SELECT id, record, documents FROM entities WHERE id IN ({_marks(chunk)})", chunk
            ):
                out[str(ident)] = (json.loads(record), int(documents))
        return out

    def entity_records(self, ids: list[str]) -> Iterator[JSON]:
        """The whole records of these entities (those stored, in the order of ``ids``), documents included, read a
        few hundred at a time."""
        for chunk in _chunks(ids):
            records = {str(i): json.loads(r) for i, r in self.rows(
                f"SELECT id, record FROM entities WHERE id IN ({_marks(chunk)})", chunk)}
            documents: dict[str, list[str]] = {}
            for ident, document in self.rows(
                f"SELECT entity, document FROM entity_documents WHERE entity IN ({_marks(chunk)})", chunk
            ):
                documents.setdefault(str(ident), []).append(str(document))
            for ident in chunk:
                if ident in records:
                    records[ident]["documents"] = sorted(documents.get(ident, []))
                    yield records[ident]

    def add_redirect(self, kind: str, old: str, new: str) -> None:
        """Record that id ``old`` (of kind ``entity`` or ``story``) now lives on as ``new``."""
        if old == new:
            return
        self._x(
            "INSERT INTO redirects (kind, old, new) VALUES (?, ?, ?) ON CONFLICT (kind, old) DO UPDATE SET new = excluded.new",
            (kind, old, new),
        )
        self._x("UPDATE redirects SET new = ? WHERE kind = ? AND new = ?", (new, kind, old))
        if kind == "entity":
            self._x("UPDATE entity_keys SET entity = ? WHERE entity = ?", (new, old))

    def resolve_id(self, kind: str, ident: str) -> str:
        """Follow redirects from ``ident`` to the id it lives on as."""
        row = self._one("SELECT new FROM redirects WHERE kind = ? AND old = ?", (kind, ident))
        return str(row[0]) if row else ident

    def save_stories(self, stories: list[Story], removed: dict[str, str], run: int) -> None:
        """Replace the given stories' rows; ``removed`` maps merged-away story ids to the story they joined."""
        for old, new in removed.items():
            self._delete_story(old)
            self.add_redirect("story", old, new)
        # Every statement of the stories at once, in the order one story after another would run them.
        for table, column in _STORY_TABLES:
            self._xmany(f"DELETE FROM {table} WHERE {column} = ?", [(story.id,) for story in stories])
        published: dict[str, str] = {}
        for chunk in _chunks(sorted({doc_id for story in stories for doc_id in story.documents})):
            published.update((str(d), str(p)) for d, p in self._rows(
                f"SELECT id, published FROM documents WHERE id IN ({_marks(chunk)})", chunk) if p)
        rows: list[tuple[Any, ...]] = []
        for story in stories:
            dates = sorted(published[doc_id] for doc_id in story.documents if doc_id in published)
            rows.append((
                story.id, story.title, len(story.segments), len(story.documents), dates[0] if dates else None,
                dates[-1] if dates else None, json_text(story.outlets),
                json_text([to_json(s) for s in story.summary]),
                json_text(to_json(story)), run,
            ))
        self._xmany(
            "INSERT INTO stories (id, title, size, documents, first_published, last_published, outlets, summary, "
            "record, run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self._file([(story.id, seg) for story in stories for seg in dict.fromkeys(story.segments)])
        self._xmany(
            "INSERT INTO timeline_entries (story, seq, date, label, sources) VALUES (?, ?, ?, ?, ?)",
            [(story.id, n, row.date, row.label, json_text([to_json(s) for s in row.sources]))
             for story in stories for n, row in enumerate(story.timeline)],
        )
        self._xmany(
            "INSERT INTO claims (story, seq, status, text, count, spans) VALUES (?, ?, ?, ?, ?, ?)",
            [(story.id, n, claim.status, claim.text, claim.count,
              json_text([to_json(s) for s in claim.spans]))
             for story in stories for n, claim in enumerate(story.claims)],
        )

    def file_members(self, members: dict[str, str]) -> None:
        """Record each unit's story (unit id -> story id) before the stories are described."""
        self._file([(story, unit) for unit, story in members.items()])

    def _file(self, members: list[tuple[str, str]]) -> None:
        """File each (story id, unit id) in ``story_members`` (a unit filed before moves)."""
        self._xmany(
            "INSERT INTO story_members (story, segment, document) VALUES (?, ?, ?) "
            "ON CONFLICT (segment) DO UPDATE SET story = excluded.story, document = excluded.document",
            [(story, unit, unit.rsplit(":", 1)[0]) for story, unit in members],
        )

    def move_story(self, old: str, new: str) -> None:
        """Story ``old`` was merged into ``new``: its members move, its record goes, a redirect stays."""
        self._x("UPDATE story_members SET story = ? WHERE story = ?", (new, old))
        self._delete_story(old)
        self.add_redirect("story", old, new)

    def _delete_story(self, story_id: str) -> None:
        for table, column in _STORY_TABLES:
            self._x(f"DELETE FROM {table} WHERE {column} = ?", (story_id,))

    # -- reading --------------------------------------------------------------------------------------

    def count(self) -> int:
        """The number of stored documents."""
        row = self._one("SELECT count(*) FROM documents")
        return int(row[0]) if row else 0

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        """Run a read query (portable SQL, ``?`` placeholders) and return its rows."""
        with self._lock:
            return self._retry(lambda: self._rows(sql, params))  # type: ignore[no-any-return]

    def segment_hits(self, keys: list[str], limit: int) -> list[Row]:
        """Segments containing every key: (doc, source, title, segment, kind, start, end), best first."""
        with self._lock:
            return self._retry(lambda: self.dialect.search(self._conn, keys, limit))  # type: ignore[no-any-return]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Segments matching every word of ``query`` (in any clitic form): articles first, then by rank."""
        keys = query_keys(query)
        if not keys:
            return []
        hits: list[SearchHit] = []
        for doc_id, source, title, seg_id, kind, start, end in self.segment_hits(keys, limit):
            row = self.rows("SELECT text FROM documents WHERE id = ?", (doc_id,))
            text = str(row[0][0]) if row else ""
            holes = [
                (int(s), int(e))
                for s, e in self.rows(
                    'SELECT start, "end" FROM segments WHERE doc = ? AND parent = ? ORDER BY start', (doc_id, seg_id)
                )
            ]
            cut_snippet, first = snippet(text, cut(int(start), int(end), holes), set(keys))
            hits.append(SearchHit(doc_id, source, title, seg_id, kind, first[0], first[1], cut_snippet))
        return hits


_EVENT_COLUMNS = frozenset({"start", "end", "text", "type", "date", "participants"})
_LAYER_TABLES = ("mentions", "timexes", "quotes", "quote_via", "events", "event_participants")
_STORY_TABLES = (("stories", "id"), ("story_members", "story"), ("timeline_entries", "story"), ("claims", "story"))


def document_of(text: str, sources: list[DocumentSource] | None) -> Document:
    """A stored document from its JSON, with its sources (those of the JSON when None)."""
    doc = from_json(Document, json.loads(text))
    if sources is not None:
        doc.sources = sources
    return doc


def _value(published: Published | None) -> str | None:
    return published.value if published else None


def source_of(doc: Document) -> DocumentSource:
    """The source a document's own input gives (input, format, URL, outlet, publication)."""
    return DocumentSource(
        doc.source, doc.format, doc.url, doc.outlet, _value(doc.published),
        doc.published.basis if doc.published else None,
    )


def _combine(kept: JSON, other: JSON) -> JSON:
    """``kept`` (an entity record, its documents kept apart) with ``other``'s mentions and names added (``kept`` keeps
    its id, name, type and roles)."""
    aliases = (set(kept["aliases"]) | set(other["aliases"]) | {other["name"]}) - {kept["name"], ""}
    return {**kept, "aliases": sorted(aliases), "mentions": kept["mentions"] + other["mentions"],
            "roles": kept["roles"] or other["roles"]}


def _entity_record(entity: Entity) -> JSON:
    """``to_json(entity)`` with its documents left out (``documents`` empty: they are rows of ``entity_documents``),
    written out (a batch files thousands; the fields in their order, as ``to_json`` lists them)."""
    return {"id": entity.id, "type": entity.type, "name": entity.name, "aliases": list(entity.aliases),
            "documents": [], "mentions": entity.mentions, "roles": list(entity.roles)}


def _names(record: JSON) -> dict[str, None]:
    """The names an entity record files in ``entity_aliases``: its name, then its aliases."""
    return dict.fromkeys([record["name"], *record["aliases"]])


def _marks(items: list[Any]) -> str:
    return ",".join("?" * len(items)) or "NULL"


def _chunks(items: list[Any], size: int = _IN_CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]

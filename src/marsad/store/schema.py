"""The store's schema as ordered migrations, recorded in ``schema_version``.

Each step is portable SQL (SQLite and PostgreSQL alike): ``{id}`` stands for the
dialect's auto-numbered primary key and ``{now}`` for the current timestamp; full-text
search is the dialect's own (:meth:`marsad.store.dialect.Dialect.fts_schema`).  A store
is brought up to :data:`VERSION` when it is opened; steps are never edited once
released, only appended.  Columns named ``end`` are quoted (a reserved word in
PostgreSQL).

Step 1 is the first release's layout (documents and segments).  Step 2 makes the store
the source of truth: every layer, every source of a document, the corpus findings
(entities, stories, copied passages) with redirects for merged ids, the chrome lines
learnt per site, the runs and their input errors.  Step 3 makes the corpus stage
incremental: the queue of documents whose corpus steps are due, the story index as tables
(document frequencies, story centroids, postings, placed units) and the copied-passage
index (each passage's shingles and copy group, its MinHash LSH band keys), and the stories
whose description (title, timeline, claims, summary) is due.  A store of
layout 2 queues every document and has its corpus findings recomputed batch by batch on
the next run (entity ids are kept through the key registry; story ids are assigned anew).
Step 4 keeps what grows with the corpus in rows added batch by batch, so that a batch's
cost follows what it adds: each entity's documents (``entity_documents``; the stored
record keeps the rest, its ``documents`` left empty and filled when it is read), each copy
group's documents and first publication (``copy_group_documents``, ``copy_groups``; the
copied passages are kept in ``passage_rows`` and read through the view ``passages``, which
takes each passage's ``earliest`` from its group) and the days publications fall on
(``anchor_days``).  Its :attr:`Migration.upgrade` moves an existing store's findings there.
Step 5 keeps each document's report (the JSON after the corpus steps, which every batch that touches the document
writes again) in a row of its own (``report_rows``), read through the view ``reports`` (a document not related yet
reads its ``analysis``): rewriting a report in its ``documents`` row made the database copy the row's text and
analysis too.  ``documents.report`` stays, empty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.store.store import Store


@dataclass(frozen=True)
class Migration:
    """One schema step: its version number, what it does, and its statements."""

    version: int
    description: str
    statements: tuple[str, ...]
    full_text: bool = False
    upgrade: Callable[[Store], None] | None = None  # run with the store after the statements (data they cannot move)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents and segments",
        (
            """CREATE TABLE IF NOT EXISTS documents (
                id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT, outlet TEXT, published TEXT,
                text TEXT NOT NULL, report TEXT NOT NULL, added TEXT NOT NULL DEFAULT {now})""",
            """CREATE TABLE IF NOT EXISTS segments (
                rowid {id}, doc TEXT NOT NULL REFERENCES documents(id), segment TEXT NOT NULL,
                kind TEXT NOT NULL, parent TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                text TEXT NOT NULL, norm TEXT NOT NULL, UNIQUE (doc, segment))""",
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ),
        full_text=True,
    ),
    Migration(
        2,
        "every layer, sources, corpus findings, redirects, site lines, runs",
        (
            "ALTER TABLE documents ADD COLUMN analysis TEXT",
            "ALTER TABLE documents ADD COLUMN seq INTEGER",
            "ALTER TABLE documents ADD COLUMN url TEXT",
            "ALTER TABLE documents ADD COLUMN language TEXT",
            "ALTER TABLE documents ADD COLUMN first_run INTEGER",
            "CREATE INDEX documents_published ON documents (published)",
            "CREATE INDEX documents_outlet ON documents (outlet)",
            "CREATE INDEX documents_seq ON documents (seq)",
            "CREATE INDEX segments_doc ON segments (doc)",
            """CREATE TABLE runs (
                id {id}, started TEXT NOT NULL DEFAULT {now}, finished TEXT, status TEXT NOT NULL,
                inputs TEXT NOT NULL, documents INTEGER NOT NULL DEFAULT 0, added INTEGER NOT NULL DEFAULT 0)""",
            """CREATE TABLE document_sources (
                document TEXT NOT NULL REFERENCES documents(id), input TEXT NOT NULL, format TEXT NOT NULL,
                url TEXT, outlet TEXT, published TEXT, basis TEXT, run INTEGER, seq INTEGER NOT NULL,
                PRIMARY KEY (document, input))""",
            "CREATE INDEX document_sources_outlet ON document_sources (outlet)",
            "CREATE INDEX document_sources_run ON document_sources (run)",
            """CREATE TABLE mentions (
                document TEXT NOT NULL, seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                text TEXT NOT NULL, type TEXT NOT NULL, entity TEXT, PRIMARY KEY (document, seq))""",
            "CREATE INDEX mentions_entity ON mentions (entity)",
            """CREATE TABLE timexes (
                document TEXT NOT NULL, seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                text TEXT NOT NULL, type TEXT NOT NULL, value TEXT, end_value TEXT, PRIMARY KEY (document, seq))""",
            """CREATE TABLE quotes (
                document TEXT NOT NULL, seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                text TEXT NOT NULL, kind TEXT NOT NULL, speaker TEXT, record TEXT NOT NULL,
                PRIMARY KEY (document, seq))""",
            "CREATE INDEX quotes_speaker ON quotes (speaker)",
            """CREATE TABLE quote_via (document TEXT NOT NULL, seq INTEGER NOT NULL, entity TEXT NOT NULL,
                PRIMARY KEY (document, seq, entity))""",
            "CREATE INDEX quote_via_entity ON quote_via (entity)",
            """CREATE TABLE events (
                document TEXT NOT NULL, seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                text TEXT NOT NULL, type TEXT NOT NULL, date TEXT, participants TEXT NOT NULL,
                extra TEXT NOT NULL, PRIMARY KEY (document, seq))""",
            "CREATE INDEX events_type ON events (type)",
            "CREATE INDEX events_date ON events (date)",
            """CREATE TABLE event_participants (document TEXT NOT NULL, seq INTEGER NOT NULL, participant TEXT NOT NULL,
                PRIMARY KEY (document, seq, participant))""",
            "CREATE INDEX event_participants_participant ON event_participants (participant)",
            """CREATE TABLE entities (
                id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, mentions INTEGER NOT NULL,
                documents INTEGER NOT NULL, record TEXT NOT NULL)""",
            "CREATE INDEX entities_mentions ON entities (mentions)",
            "CREATE TABLE entity_aliases (entity TEXT NOT NULL, alias TEXT NOT NULL, PRIMARY KEY (entity, alias))",
            "CREATE TABLE entity_keys (key TEXT PRIMARY KEY, entity TEXT NOT NULL)",
            "CREATE TABLE redirects (kind TEXT NOT NULL, old TEXT NOT NULL, new TEXT NOT NULL, PRIMARY KEY (kind, old))",
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY, title TEXT NOT NULL, size INTEGER NOT NULL, documents INTEGER NOT NULL,
                first_published TEXT, last_published TEXT, outlets TEXT NOT NULL, summary TEXT NOT NULL,
                record TEXT NOT NULL, run INTEGER)""",
            "CREATE INDEX stories_last ON stories (last_published)",
            """CREATE TABLE story_members (story TEXT NOT NULL, segment TEXT NOT NULL, document TEXT NOT NULL,
                PRIMARY KEY (segment))""",
            "CREATE INDEX story_members_story ON story_members (story)",
            "CREATE INDEX story_members_document ON story_members (document)",
            """CREATE TABLE timeline_entries (story TEXT NOT NULL, seq INTEGER NOT NULL, date TEXT NOT NULL,
                label TEXT NOT NULL, sources TEXT NOT NULL, PRIMARY KEY (story, seq))""",
            """CREATE TABLE claims (story TEXT NOT NULL, seq INTEGER NOT NULL, status TEXT NOT NULL, text TEXT NOT NULL,
                count INTEGER NOT NULL, spans TEXT NOT NULL, PRIMARY KEY (story, seq))""",
            """CREATE TABLE passages (
                seq INTEGER PRIMARY KEY, copy_group TEXT, a_document TEXT NOT NULL, a_start INTEGER NOT NULL,
                a_end INTEGER NOT NULL, a_text TEXT NOT NULL, b_document TEXT NOT NULL, b_start INTEGER NOT NULL,
                b_end INTEGER NOT NULL, b_text TEXT NOT NULL, similarity REAL NOT NULL, earliest TEXT)""",
            "CREATE INDEX passages_a ON passages (a_document)",
            "CREATE INDEX passages_b ON passages (b_document)",
            """CREATE TABLE site_lines (site TEXT NOT NULL, key TEXT NOT NULL, pages INTEGER NOT NULL,
                PRIMARY KEY (site, key))""",
            """CREATE TABLE input_errors (input TEXT NOT NULL, reason TEXT NOT NULL, run INTEGER NOT NULL,
                PRIMARY KEY (input, reason))""",
            # Documents of an earlier layout have no corpus findings yet: the next run computes them.
            "INSERT INTO meta (key, value) VALUES ('corpus_stale', '1') ON CONFLICT (key) DO NOTHING",
        ),
    ),
    Migration(
        3,
        "incremental corpus stage: queue, story index tables, passage LSH bands",
        (
            "CREATE TABLE corpus_queue (seq {id}, document TEXT NOT NULL UNIQUE, kind TEXT NOT NULL)",
            "CREATE INDEX document_sources_published ON document_sources (published)",
            "CREATE TABLE story_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL)",
            """CREATE TABLE story_states (sidx INTEGER PRIMARY KEY, id TEXT NOT NULL, centroid TEXT NOT NULL,
                size INTEGER NOT NULL, first_day INTEGER, last_day INTEGER, posted TEXT NOT NULL, merged_into INTEGER)""",
            "CREATE TABLE story_postings (seq {id}, term TEXT NOT NULL, sidx INTEGER NOT NULL)",
            "CREATE INDEX story_postings_term ON story_postings (term, seq)",
            "CREATE INDEX story_postings_sidx ON story_postings (sidx)",
            """CREATE TABLE story_units (seq {id}, unit TEXT NOT NULL UNIQUE, sidx INTEGER NOT NULL,
                document TEXT NOT NULL, outlet TEXT, day INTEGER, title TEXT NOT NULL, vector TEXT NOT NULL,
                titled INTEGER NOT NULL)""",
            "CREATE INDEX story_units_sidx ON story_units (sidx)",
            "CREATE TABLE stories_due (sidx INTEGER PRIMARY KEY)",
            """CREATE TABLE passage_hashes (id {id}, unit TEXT NOT NULL, document TEXT NOT NULL, start INTEGER NOT NULL,
                "end" INTEGER NOT NULL, shingles TEXT NOT NULL, copy_group INTEGER)""",
            "CREATE INDEX passage_hashes_group ON passage_hashes (copy_group)",
            "CREATE INDEX passage_hashes_spot ON passage_hashes (document, start)",
            "CREATE TABLE passage_bands (key BIGINT NOT NULL, band INTEGER NOT NULL, passage BIGINT NOT NULL)",
            "CREATE INDEX passage_bands_key ON passage_bands (key)",
            "CREATE INDEX passages_group ON passages (copy_group)",
            # The findings of layout 2 came from one pass over every document: recompute them batch by batch.
            "INSERT INTO corpus_queue (document, kind) SELECT id, 'new' FROM documents ORDER BY seq, id",
            "UPDATE documents SET report = analysis WHERE analysis IS NOT NULL",
            "DELETE FROM entities",
            "DELETE FROM entity_aliases",
            "DELETE FROM stories",
            "DELETE FROM story_members",
            "DELETE FROM timeline_entries",
            "DELETE FROM claims",
            "DELETE FROM passages",
            "DELETE FROM redirects WHERE kind = 'story'",
            "DELETE FROM meta WHERE key IN ('story_index', 'corpus_stale')",
        ),
    ),
    Migration(
        4,
        "what grows with the corpus in rows: entity documents, copy groups, publication days",
        (
            """CREATE TABLE entity_documents (entity TEXT NOT NULL, document TEXT NOT NULL,
                PRIMARY KEY (entity, document))""",
            "CREATE INDEX entity_documents_document ON entity_documents (document)",
            """CREATE TABLE copy_groups (id INTEGER PRIMARY KEY, documents INTEGER NOT NULL, first_published TEXT,
                first_document TEXT, firsts INTEGER NOT NULL, undated INTEGER NOT NULL, earliest TEXT)""",
            """CREATE TABLE copy_group_documents (copy_group INTEGER NOT NULL, document TEXT NOT NULL,
                PRIMARY KEY (copy_group, document))""",
            "CREATE INDEX copy_group_documents_document ON copy_group_documents (document)",
            "ALTER TABLE passages RENAME TO passage_rows",
            "ALTER TABLE passage_rows DROP COLUMN earliest",
            """CREATE VIEW passages AS SELECT p.seq, p.copy_group, p.a_document, p.a_start, p.a_end, p.a_text,
                p.b_document, p.b_start, p.b_end, p.b_text, p.similarity, g.earliest FROM passage_rows p
                LEFT JOIN copy_groups g ON g.id = CAST(substr(p.copy_group, 6) AS INTEGER)""",
            """INSERT INTO copy_group_documents (copy_group, document)
                SELECT CAST(substr(copy_group, 6) AS INTEGER), a_document FROM passage_rows WHERE copy_group IS NOT NULL
                UNION SELECT CAST(substr(copy_group, 6) AS INTEGER), b_document FROM passage_rows
                WHERE copy_group IS NOT NULL""",
            "CREATE TABLE anchor_days (day TEXT PRIMARY KEY)",
            """INSERT INTO anchor_days (day) SELECT DISTINCT substr(published, 1, 10) FROM document_sources
                WHERE published IS NOT NULL AND published <> ''""",
        ),
        upgrade=lambda store: store.split_growing(),
    ),
    Migration(
        5,
        "each document's report in a row of its own",
        (
            "CREATE TABLE report_rows (id TEXT PRIMARY KEY, report TEXT NOT NULL)",
            "INSERT INTO report_rows (id, report) SELECT id, report FROM documents WHERE report <> ''",
            "UPDATE documents SET report = ''",
            """CREATE VIEW reports AS SELECT d.id, COALESCE(r.report, d.analysis) AS report FROM documents d
                LEFT JOIN report_rows r ON r.id = d.id""",
        ),
    ),
)

VERSION = MIGRATIONS[-1].version

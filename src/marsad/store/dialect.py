"""What differs between databases, kept behind a few small methods.

The store writes portable SQL with ``?`` placeholders and ``INSERT ... ON CONFLICT``
(both SQLite and PostgreSQL understand it); a :class:`Dialect` supplies the rest: how to
connect, the auto-numbered key type, how a write transaction takes its lock, how a
"locked" error looks, and full-text search (SQLite's FTS5; PostgreSQL's own text search).
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, cast

Row = tuple[Any, ...]
WAL_PAGES = 20_000  # pages (4 KiB) the SQLite write-ahead log holds before it is checkpointed

_SQLITE_SEARCH = """
SELECT s.doc, d.source, d.title, s.segment, s.kind, s.start, s."end"
FROM segment_terms JOIN segments s ON s.rowid = segment_terms.rowid JOIN documents d ON d.id = s.doc
WHERE segment_terms MATCH ?
ORDER BY CASE s.kind WHEN 'main' THEN 0 WHEN 'appended' THEN 1 WHEN 'caption' THEN 2 ELSE 3 END, rank
LIMIT ?
"""


class Connection(Protocol):
    """The DB-API connection methods the store uses."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any:
        """Run one statement."""

    def close(self) -> None:
        """Close the connection."""


class Dialect(Protocol):
    """The database-specific parts of the store."""

    name: str
    key_type: str
    now: str

    def connect(self, target: str, lock_wait: float) -> Connection:
        """Open a connection in autocommit mode (the store opens its transactions itself)."""

    def sql(self, query: str) -> str:
        """The store's portable query (``?`` placeholders) in the driver's own paramstyle."""

    def begin_write(self, conn: Connection) -> None:
        """Start a transaction that holds the write lock until it ends."""

    def is_locked(self, exc: BaseException) -> bool:
        """Whether ``exc`` says another writer holds the store."""

    def fts_schema(self) -> list[str]:
        """Statements creating the full-text index of segments."""

    def execute_many(self, conn: Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """Run one statement (already in the driver's placeholders) over many rows of parameters."""

    def ids_assigned(self, conn: Connection, table: str, last: int, column: str = "id") -> None:
        """Tell the database that rows of ``table`` up to ``last`` in its key ``column`` were inserted with ids the
        store chose, so that an insert without an id goes on after them."""

    def index_terms(self, conn: Connection, rows: list[tuple[int, str]]) -> None:
        """Index segments (each by its row id) under their terms: (row id, terms) pairs."""

    def search(self, conn: Connection, keys: list[str], limit: int) -> list[Row]:
        """Segments containing every key: (doc, source, title, segment, kind, start, end), best first."""


class SqliteDialect:
    """SQLite: a file in WAL mode (readers never wait for the writer), FTS5 for search."""

    name = "sqlite"
    key_type = "INTEGER PRIMARY KEY"
    now = "(CURRENT_TIMESTAMP)"

    def connect(self, target: str, lock_wait: float) -> Connection:
        """Open the file (created when missing) with a busy timeout, in WAL mode."""
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(target, timeout=min(lock_wait, 5.0), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # Checkpoint the log into the file every 80 MiB rather than every 4 MiB: a page that several batches change
        # is copied once per checkpoint (a third of the commits' CPU on 2,000 articles), and readers never wait.
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_PAGES}")
        return conn

    def sql(self, query: str) -> str:
        """SQLite's driver takes ``?`` placeholders as they are."""
        return query

    def begin_write(self, conn: Connection) -> None:
        """``BEGIN IMMEDIATE``: take the write lock now, so that reads inside see the last commit."""
        conn.execute("BEGIN IMMEDIATE")

    def is_locked(self, exc: BaseException) -> bool:
        """SQLite's ``database is locked`` / ``busy`` errors."""
        return isinstance(exc, sqlite3.OperationalError) and any(w in str(exc) for w in ("locked", "busy"))

    def execute_many(self, conn: Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """The driver's ``executemany``."""
        cast(sqlite3.Connection, conn).executemany(sql, rows)

    def ids_assigned(self, conn: Connection, table: str, last: int, column: str = "id") -> None:
        """Nothing: an ``INTEGER PRIMARY KEY`` goes on from the highest id by itself."""

    def fts_schema(self) -> list[str]:
        """An FTS5 table of segment terms (rowid = segments.rowid)."""
        return ["CREATE VIRTUAL TABLE IF NOT EXISTS segment_terms USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0')"]

    def index_terms(self, conn: Connection, rows: list[tuple[int, str]]) -> None:
        """Insert the rows into the FTS5 table (one statement)."""
        cast(sqlite3.Connection, conn).executemany("INSERT INTO segment_terms (rowid, terms) VALUES (?, ?)", rows)

    def search(self, conn: Connection, keys: list[str], limit: int) -> list[Row]:
        """An FTS5 phrase per key (AND), ranked articles first, then BM25."""
        match = " ".join('"' + k.replace('"', '""') + '"' for k in keys)
        rows: list[Row] = conn.execute(_SQLITE_SEARCH, (match, limit)).fetchall()
        return rows


_PG_SEARCH = """
SELECT s.doc, d.source, d.title, s.segment, s.kind, s.start, s."end"
FROM segment_terms t JOIN segments s ON s.rowid = t.rowid JOIN documents d ON d.id = s.doc
WHERE t.terms @@ CAST(? AS tsquery)
ORDER BY CASE s.kind WHEN 'main' THEN 0 WHEN 'appended' THEN 1 WHEN 'caption' THEN 2 ELSE 3 END,
    ts_rank(t.terms, CAST(? AS tsquery)) DESC, s.rowid
LIMIT ?
"""
# A writer holds this transaction-scoped advisory lock: writers queue one behind the other, as
# SQLite's BEGIN IMMEDIATE makes them, while readers never wait.
_PG_WRITE_LOCK = 7240841
_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\?|%")


@lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    """The store's ``?`` placeholders as psycopg's ``%s``; every literal ``%`` doubled, a ``?`` inside quotes kept."""
    def one(match: re.Match[str]) -> str:
        part = match.group()
        return "%s" if part == "?" else part.replace("%", "%%")

    return _PLACEHOLDER.sub(one, sql)


def _lexeme(key: str) -> str:
    """A key as a quoted tsquery lexeme (no parsing, no stemming: the keys are already normalised)."""
    return "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"


class PostgresDialect:
    """PostgreSQL through psycopg 3: identity keys, an advisory lock per write, full-text search on tsvectors.

    A segment's terms (its word keys and their clitic-stripped readings) are stored as a
    ``tsvector`` built from the term list with ``array_to_tsvector`` (no parser, no
    stemming: the keys are already normalised, and PostgreSQL's parser would not split
    Arabic as :mod:`marsad.text.tokens` does) under a GIN index; a query is the AND of its
    keys as a ``tsquery``, ranked articles first, then by ``ts_rank``.
    """

    name = "postgresql"
    key_type = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    now = "(CAST(CURRENT_TIMESTAMP AS TEXT))"

    def connect(self, target: str, lock_wait: float) -> Connection:
        """Connect in autocommit mode; a statement waiting for a lock gives up after ``lock_wait`` (at most 5 s) and is retried."""
        import psycopg

        conn = psycopg.connect(target, autocommit=True, connect_timeout=max(1, int(min(lock_wait, 30))))
        conn.execute(f"SET lock_timeout = '{int(min(lock_wait, 5.0) * 1000)}ms'")
        return conn

    def sql(self, query: str) -> str:
        """psycopg's ``%s`` placeholders for the store's ``?`` (every literal ``%`` doubled)."""
        return _pg_sql(query)

    def begin_write(self, conn: Connection) -> None:
        """``BEGIN``, then the store's advisory write lock (held to the end of the transaction)."""
        conn.execute("BEGIN")
        try:
            conn.execute(self.sql("SELECT pg_advisory_xact_lock(?)"), (_PG_WRITE_LOCK,))
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def is_locked(self, exc: BaseException) -> bool:
        """Lock time-outs, deadlocks and serialisation failures (SQLSTATE 55P03, 40P01, 40001)."""
        return getattr(exc, "sqlstate", None) in ("55P03", "40P01", "40001")

    def execute_many(self, conn: Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """A cursor's ``executemany`` (psycopg pipelines the rows)."""
        with cast(Any, conn).cursor() as cursor:
            cursor.executemany(sql, rows)

    def ids_assigned(self, conn: Connection, table: str, last: int, column: str = "id") -> None:
        """Move the identity column's sequence past ``last`` (explicit ids do not advance it)."""
        conn.execute("SELECT setval(pg_get_serial_sequence(%s, %s), %s)", (table, column, last))

    def fts_schema(self) -> list[str]:
        """A table of segment term vectors (rowid = segments.rowid) with a GIN index."""
        return [
            "CREATE TABLE IF NOT EXISTS segment_terms (rowid BIGINT PRIMARY KEY, terms tsvector NOT NULL)",
            "CREATE INDEX IF NOT EXISTS segment_terms_terms ON segment_terms USING GIN (terms)",
        ]

    def index_terms(self, conn: Connection, rows: list[tuple[int, str]]) -> None:
        """Store each segment's terms as a tsvector (one statement, the rows pipelined)."""
        self.execute_many(
            conn, self.sql("INSERT INTO segment_terms (rowid, terms) VALUES (?, array_to_tsvector(CAST(? AS text[])))"),
            [(rowid, sorted(set(terms.split()))) for rowid, terms in rows],
        )

    def search(self, conn: Connection, keys: list[str], limit: int) -> list[Row]:
        """Segments whose terms hold every key, articles first, then by ``ts_rank``."""
        query = " & ".join(_lexeme(k) for k in keys)
        rows: list[Row] = conn.execute(self.sql(_PG_SEARCH), (query, query, limit)).fetchall()
        return rows


def is_database_url(target: str) -> bool:
    """Whether a store address names a PostgreSQL database (``postgresql://...``) rather than a SQLite file."""
    return target.startswith(("postgresql://", "postgres://"))


def dialect_for(target: str) -> Dialect:
    """The dialect of a store address: ``postgresql://...`` (PostgreSQL), else a file path (SQLite)."""
    if is_database_url(target):
        return PostgresDialect()
    return SqliteDialect()

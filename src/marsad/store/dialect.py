"""What differs between databases, kept behind a few small methods.

The store writes portable SQL with ``?`` placeholders and ``INSERT ... ON CONFLICT``
(both SQLite and PostgreSQL understand it); a :class:`Dialect` supplies the rest: how to
connect, the auto-numbered key type, how a write transaction takes its lock, how a
"locked" error looks, and full-text search (FTS5 here; PostgreSQL's own machinery later).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Protocol

Row = tuple[Any, ...]

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

    def index_terms(self, conn: Connection, rowid: int, terms: str) -> None:
        """Index a segment (by its row id) under ``terms``."""

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

    def fts_schema(self) -> list[str]:
        """An FTS5 table of segment terms (rowid = segments.rowid)."""
        return ["CREATE VIRTUAL TABLE IF NOT EXISTS segment_terms USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0')"]

    def index_terms(self, conn: Connection, rowid: int, terms: str) -> None:
        """Insert one row into the FTS5 table."""
        conn.execute("INSERT INTO segment_terms (rowid, terms) VALUES (?, ?)", (rowid, terms))

    def search(self, conn: Connection, keys: list[str], limit: int) -> list[Row]:
        """An FTS5 phrase per key (AND), ranked articles first, then BM25."""
        match = " ".join('"' + k.replace('"', '""') + '"' for k in keys)
        rows: list[Row] = conn.execute(_SQLITE_SEARCH, (match, limit)).fetchall()
        return rows


def dialect_for(target: str) -> Dialect:
    """The dialect of a store address: a file path (SQLite); ``postgresql://`` is not supported yet."""
    if target.startswith(("postgresql://", "postgres://")):
        raise ValueError("PostgreSQL stores are not supported yet (use a SQLite file)")
    return SqliteDialect()

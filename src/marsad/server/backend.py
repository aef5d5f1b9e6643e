"""Open a store file as the server's catalog and ingest function."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pydantic import TypeAdapter

from marsad.model import Document
from marsad.options import Options
from marsad.server.ingest import Ingest, MemoryIngest
from marsad.server.reader import ReadAPI


def open_backend(db: Path, options: Options) -> tuple[ReadAPI, Ingest]:
    """The reader over the store ``db`` and the function that adds posted documents to it."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT report FROM documents ORDER BY rowid").fetchall()
    finally:
        conn.close()
    adapter = TypeAdapter(Document)
    ingest = MemoryIngest([adapter.validate_json(row[0]) for row in rows], options)
    return ingest.reader, ingest

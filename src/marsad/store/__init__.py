"""Store: SQLite persistence of documents and segments, with FTS5 search."""

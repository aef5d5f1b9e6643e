"""Ingest: turn files, HTML, JSON(L), stdin, URLs and feeds into raw documents."""

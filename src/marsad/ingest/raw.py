"""The record ingest hands to the page stage."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawDocument:
    """Decoded document text plus whatever metadata the container carried.

    ``text`` is the document text that every later offset indexes.  ``title`` and
    ``author`` are metadata strings (HTML ``<title>``/meta tags, JSON fields); the
    page stage locates them in ``text`` where they occur there.
    """

    source: str
    format: str
    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    date: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

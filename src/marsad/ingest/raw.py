"""The record ingest hands to the page stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.model import Published


@dataclass
class RawDocument:
    """Decoded document text plus whatever metadata the container carried.

    ``text`` is the document text that every later offset indexes.  ``title`` and
    ``author`` are metadata strings (HTML ``<title>``/meta tags, JSON fields); the
    page stage locates them in ``text`` where they occur there.  ``sitename`` and
    ``date`` are the container's raw values; ``outlet`` (canonical, from the outlet field
    or the URL's domain) and ``published`` (from a date field, basis ``metadata``, or the
    URL path, basis ``url``) are what ingest made of them.  ``input`` is the input the
    document was read from as the user named it (a file, folder, URL or ``-``); ``extra``
    keeps every other field of the record as a string.
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
    input: str = ""
    outlet: str | None = None
    published: Published | None = None

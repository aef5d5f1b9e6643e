"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import json
import re

from lxml.etree import LxmlError

from marsad.ingest.raw import RawDocument
from marsad.ingest.records import RecordFields, is_article_node, read_fields
from marsad.ingest.rejected import Rejected

_JSON_LD = re.compile(
    r"""<script[^>]*type\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script\s*>""", re.IGNORECASE | re.DOTALL
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HEAD_BYTES = 4096


def meta_charset(data: bytes) -> str | None:
    """Return the encoding declared by a ``<meta charset>`` or ``http-equiv`` tag, if any."""
    match = _META_CHARSET.search(data[:_HEAD_BYTES])
    return match.group(1).decode("ascii", errors="ignore").lower() if match else None


TITLE_SEARCH = 200
# Only dates the page states in its markup: htmldate's extensive search guesses from
# the URL and body and pads a bare year to January 1st, which is not a publication date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def html_document(html: str, source: str, url: str | None = None) -> RawDocument:
    """Extract the main text and metadata of an HTML page.

    The text is the page title, a blank line, then trafilatura's main text with paragraphs
    separated by blank lines (the title is left out when the main text already opens with
    it); title, author, site name, canonical URL and date come from the page metadata.
    """
    import trafilatura  # on first use: about a fifth of every command's start-up, and most commands read no HTML

    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (LxmlError, ValueError) as exc:
        raise Rejected(f"unparsable HTML ({exc})") from exc
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise Rejected("no main text found in HTML")
    paragraphs = [line.strip() for line in body.split("\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    title = _field(extracted, "title")
    if title and title not in text[: len(title) + TITLE_SEARCH]:
        text = f"{title}\n\n{text}"  # as for records: the title is a span of the document text
    extra: dict[str, str] = {}
    for key in ("description", "hostname", "language"):
        value = _field(extracted, key)
        if value:
            extra[key] = value
    linked = linked_data(html) or RecordFields({})
    # The JSON-LD datePublished is the page's own statement; a date read off its URL is left to ingest.
    published = linked.published if linked.date_field is not None else None
    if published is not None:
        extra["date_field"] = f"json-ld {linked.date_field}"
    return RawDocument(
        source=source,
        format="html",
        text=text,
        title=title,
        author=_field(extracted, "author") or linked.author,
        sitename=linked.outlet or _field(extracted, "sitename"),
        url=_field(extracted, "url") or linked.url or url,
        date=(linked.date if published else None) or _field(extracted, "date"),
        extra=extra,
        published=published,
    )


def linked_data(html: str) -> RecordFields | None:
    """The schema.org article (NewsArticle, Article, ReportageNewsArticle...) a page describes in JSON-LD."""
    for match in _JSON_LD.finditer(html):
        try:
            value = json.loads(match.group(1).strip().removeprefix("<!--").removesuffix("-->"))
        except (json.JSONDecodeError, RecursionError):
            continue
        for node in value if isinstance(value, list) else [value]:
            if isinstance(node, dict) and is_article_node(node):
                return read_fields(node)
    return None


def _field(extracted: object, name: str) -> str | None:
    value = getattr(extracted, name, None)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None

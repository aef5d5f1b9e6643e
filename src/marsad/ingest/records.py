"""News records as people have them, turned into raw documents.

Field names are read as the common formats spell them: news-please (``maintext``,
``date_publish``, ``source_domain``), newspaper3k/4k (``text``, ``publish_date``,
``meta_site_name``), trafilatura's JSON (``text``, ``date``, ``source`` = the URL,
``source-hostname``), RSS/Atom entries (``link``, ``pubDate``, ``updated``, feedparser's
``content``), schema.org NewsArticle JSON-LD (``headline``, ``articleBody``,
``datePublished``, nested ``publisher``/``author`` objects, ``@graph``), GDELT
(``seendate``, ``domain``) and Event Registry (``body``, ``dateTimePub``, ``source.title``)
exports, SaudiNewsNet (``content``, ``date_extracted``) and ``time``/``src`` style
records.  ``Options.field_map`` maps any other field name (dotted for nested fields).
Every field not used is kept as a string in ``extra`` (the document's metadata).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from marsad.ingest.dates import parse_date, url_date
from marsad.ingest.raw import RawDocument
from marsad.ingest.rejected import Rejected
from marsad.model import Published
from marsad.options import RECORD_FIELDS

FIELDS = RECORD_FIELDS

_BODY = ("maintext", "articleBody", "text", "content", "body", "article", "article_text", "full_text", "fulltext",
         "raw_text", "content_encoded", "content:encoded")
# A summary is the text only when the record has no body field at all (RSS items, GDELT-like lists).
_SUMMARY = ("summary", "description", "excerpt", "abstract", "lead", "meta_description")
_TITLE = ("title", "headline", "title_page", "title_rss", "name")
_URL = ("url", "link", "canonical_link", "canonical_url", "canonical", "mainEntityOfPage", "article_url",
        "guid", "id", "@id", "uri", "href", "source")
# Publication dates, in order of trust.  Modification and crawl dates come after the date in the URL.
_PUBLISHED = ("date_publish", "date_published", "datePublished", "publish_date", "published_date", "publishedAt",
              "published_at", "published", "pubDate", "pub_date", "pubdate", "dateTimePub", "dateTime",
              "date", "time", "created_at", "createdAt", "dateCreated", "created", "timestamp", "issued",
              "dc:date", "seendate", "DATEADDED", "SQLDATE")
_LATER = ("date_modify", "dateModified", "date_modified", "modified", "updated", "updated_at", "updatedAt",
          "date_extracted", "date_download", "date_crawled", "crawled_at", "scraped_at", "dateCrawled")
# Fetch times: the page was published then or before (basis ``crawl``; SaudiNewsNet's ``date_extracted``
# is often a day or more after the day its pages call today).
_CRAWLED = frozenset({"date_extracted", "date_download", "date_crawled", "crawled_at", "scraped_at", "dateCrawled"})
_OUTLET = ("source_domain", "source", "src", "site", "sitename", "site_name", "meta_site_name", "source-hostname",
           "source_name", "publisher", "outlet", "newspaper", "provider", "domain", "hostname", "source_url")
_AUTHOR = ("authors", "author", "byline", "creator", "dc:creator", "writer")
_LANGUAGE = ("language", "lang", "meta_lang", "inLanguage", "language_code")
_ALIASES: dict[str, tuple[str, ...]] = {
    "title": _TITLE, "text": _BODY, "url": _URL, "published": _PUBLISHED, "outlet": _OUTLET,
    "author": _AUTHOR, "language": _LANGUAGE,
}
# Keys of nested objects that hold the value: {"name": ...} (publisher, author), {"@id": ...}, {"value": ...}.
_NESTED = ("name", "title", "value", "rendered", "@id", "url", "href", "uri", "$date", "text")
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|NewsArticle|Report", re.IGNORECASE)
_CLOCK = re.compile(r"^(\d{1,2}):([0-5]\d)(?::[0-5]\d)?$")
_WEB = re.compile(r"^https?://", re.IGNORECASE)
# Record fields that carry HTML (RSS content:encoded, feedparser content, WordPress "rendered"): tags and entities.
_MARKUP = re.compile(r"<(?:p|div|br|span|a|b|i|strong|em|h[1-6]|ul|ol|li|img|figure|figcaption|blockquote|table|tr|td"
                     r"|script|style|iframe)\b[^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)
_DROPPED = re.compile(r"<(script|style|iframe)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote|figure|figcaption|tr|table|ul|ol)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def parse_field_map(pairs: list[str]) -> tuple[tuple[str, str], ...]:
    """``NAME=FIELD`` settings (``--field``) as (name, field) pairs; raise ValueError naming a bad one."""
    out: list[tuple[str, str]] = []
    for pair in pairs:
        name, sep, key = pair.partition("=")
        name, key = name.strip(), key.strip()
        if not sep or not key or name not in FIELDS:
            raise ValueError(f"--field {pair!r}: expected NAME=FIELD with NAME one of {', '.join(FIELDS)}")
        out.append((name, key))
    return tuple(out)


def record_document(
    record: object, source: str, fmt: str = "json", field_map: tuple[tuple[str, str], ...] = ()
) -> RawDocument:
    """Turn one article record into a :class:`RawDocument`.

    ``fmt`` is the container format (``json`` or ``jsonl``).  The text is ``title + "\\n\\n" +
    body`` when the record has a title, so that the title is a span of the text; a record with
    no body field at all is its summary (an RSS item), or its headline alone (a GDELT article
    list).  The publication date is the first date field that parses (basis ``metadata``), else the date
    in the URL path (basis ``url``), else a modification date (``metadata``) or a fetch time (``crawl``); the
    field that gave it is named in ``extra["date_field"]``.  ``field_map`` pairs marsad field
    names (:data:`FIELDS`) with the record's own field names and wins over the usual names.
    """
    if not isinstance(record, Mapping):
        raise Rejected(f"record is a JSON {_json_type(record)}, not an object")
    fields = read_fields(record, field_map)
    title, body = fields.title, fields.body
    if body is None:
        if fields.has_body_field:
            raise Rejected("empty (the record's text field is empty)")
        if title is None:
            raise Rejected("record has no text (no maintext/content field)")
        text = title
    else:
        text = f"{title}\n\n{body}" if title is not None else body
    extra = _metadata(fields.node, fields.used)
    if fields.published is not None:
        extra["date_field"] = fields.date_field or "url"
    if fields.language:
        extra["language"] = fields.language
    return RawDocument(
        source=source,
        format=fmt,
        text=text,
        title=title,
        author=fields.author,
        sitename=fields.outlet,
        url=fields.url,
        date=fields.date,
        extra=extra,
        published=fields.published,
    )


@dataclass
class RecordFields:
    """What a record (or a JSON-LD node) says about an article, and which of its fields said it."""

    node: Mapping[str, object]
    title: str | None = None
    body: str | None = None
    has_body_field: bool = False
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    date: str | None = None
    date_field: str | None = None
    published: Published | None = None
    used: set[str] = field(default_factory=set)


def read_fields(record: Mapping[str, object], field_map: tuple[tuple[str, str], ...] = ()) -> RecordFields:
    """Read an article's fields under the names the common formats give them (``field_map`` first)."""
    node = _article_node(record)
    mapped: dict[str, tuple[str, ...]] = {}
    for name, path in field_map:
        mapped[name] = (*mapped.get(name, ()), path)
    out = RecordFields(node)

    def pick(name: str, names: tuple[str, ...] | None = None, accept: re.Pattern[str] | None = None) -> str | None:
        for key in (*mapped.get(name, ()), *(names or _ALIASES[name])):
            value = _string(_lookup(node, key))
            if value and (accept is None or accept.match(value)):
                out.used.add(key.split(".", 1)[0])
                return value
        return None

    out.title = plain_text(pick("title"))
    out.body = plain_text(pick("text"))
    out.has_body_field = any(_lookup(node, name) is not None for name in (*mapped.get("text", ()), *_BODY))
    if out.body is None and not out.has_body_field:
        out.body = plain_text(pick("text", _SUMMARY))
    out.url = pick("url", accept=_WEB)
    url_fields = {k for k in out.used if k in _URL}
    out.outlet = pick("outlet", tuple(n for n in _OUTLET if n not in url_fields))
    out.author = pick("author")
    out.language = pick("language")
    _published(out, mapped)
    return out


def plain_text(value: str | None) -> str | None:
    """A record field's text without the HTML it may carry: block ends become line breaks, entities characters.

    Scripts, styles and comments go with their content; the text is never rendered.
    """
    if value is None or not _MARKUP.search(value):
        return value
    text = _DROPPED.sub("", value)
    text = _BREAK.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line) or None


def _published(out: RecordFields, mapped: dict[str, tuple[str, ...]]) -> None:
    """The publication date: publication fields, then the date in the URL path, then later dates."""
    for group in ((*mapped.get("published", ()), *_PUBLISHED), None, _LATER):
        if group is None:
            in_url = url_date(out.url)
            if in_url is not None:
                out.published = Published(in_url, "url")
                return
            continue
        for key in group:
            raw = _lookup(out.node, key)
            value = parse_date(_date_value(raw))
            if value is None:
                continue
            out.used.add(key.split(".", 1)[0])
            clock = _CLOCK.match(_string(out.node.get("time")) or "")
            if len(value) == 10 and key != "time" and clock and int(clock[1]) <= 23:
                value = f"{value}T{int(clock[1]):02d}:{clock[2]}"  # Event Registry: "date" and "time" apart
                out.used.add("time")
            out.date, out.date_field = _string(raw) or value, key
            out.published = Published(value, "crawl" if key in _CRAWLED else "metadata")
            return


def _date_value(value: object) -> object:
    """A date field's value: Mongo's {"$date": ...} and lists are unwrapped; numbers stay numbers (epochs)."""
    if isinstance(value, Mapping):
        value = value.get("$date", value.get("value"))
    if isinstance(value, list) and value:
        value = value[0]
    return value


def _article_node(record: Mapping[str, object]) -> Mapping[str, object]:
    """The article object of a JSON-LD document (``@graph`` lists hold it among other nodes)."""
    graph = record.get("@graph")
    if isinstance(graph, list):
        for node in graph:
            if isinstance(node, Mapping) and _ARTICLE_TYPES.search(str(node.get("@type", ""))):
                return node
    return record


def is_article_node(node: Mapping[str, object]) -> bool:
    """True for a JSON-LD article (an ``@type`` such as NewsArticle) or a ``@graph`` that holds one."""
    return _article_node(node) is not node or bool(_ARTICLE_TYPES.search(str(node.get("@type", ""))))


def _lookup(record: Mapping[str, object], key: str) -> object:
    """A field's value; a dotted ``key`` reaches into nested objects."""
    if key in record:
        return record[key]
    value: object = record
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _metadata(record: Mapping[str, object], used: set[str]) -> dict[str, str]:
    """Every field not used for the document, as a string (JSON for lists and objects)."""
    extra: dict[str, str] = {}
    for key, value in record.items():
        if key in used or value is None or value == "" or value == []:
            continue
        if isinstance(value, str):
            extra[key] = value
        else:
            extra[key] = json.dumps(value, ensure_ascii=False, default=str)
    return extra


def _string(value: object) -> str | None:
    """A non-empty stripped string from a JSON value.

    Lists of strings are joined with '، '; objects give their ``name``/``title``/``value``/``@id``
    (a schema.org publisher or author, feedparser's ``content``, a JSON-LD reference).
    """
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping):
        for key in _NESTED:
            found = _string(value.get(key))
            if found:
                return found
        return None
    if isinstance(value, list):
        parts = [s for s in (_string(v) for v in value) if s]
        return "، ".join(dict.fromkeys(parts)) or None
    return None


def _json_type(value: object) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    return "number" if isinstance(value, int | float) and not isinstance(value, bool) else type(value).__name__

"""JSON article records (news-please and SaudiNewsNet field names) turned into raw documents."""

from __future__ import annotations

from collections.abc import Mapping

from marsad.ingest.raw import RawDocument
from marsad.ingest.rejected import Rejected

_BODY_FIELDS = ("maintext", "content", "text", "body", "article")
# Publication dates first; an extraction or crawl date only when nothing better exists.
_DATE_FIELDS = ("date_publish", "date_published", "published", "date", "pubDate", "date_modify", "date_extracted",
                "date_download")
_OUTLET_FIELDS = ("source_domain", "source", "sitename", "outlet")
_AUTHOR_FIELDS = ("authors", "author", "byline")
_EXTRA_FIELDS = ("description", "language", "image_url", "filename")


def record_document(record: object, source: str, fmt: str = "json") -> RawDocument:
    """Turn one article record into a :class:`RawDocument`.

    ``fmt`` is the container format (``json`` or ``jsonl``).  The text is ``title + "\\n\\n" + body`` when the record has a title, so that the
    title is a span of the text; the body is the first non-empty of ``maintext``,
    ``content``, ``text``, ``body``, ``article``.  The field that gave the date is
    named in ``extra["date_field"]`` (``date_extracted`` is a crawl date, not a
    publication date).
    """
    if not isinstance(record, Mapping):
        raise Rejected(f"record is a JSON {_json_type(record)}, not an object")
    title = _string(record.get("title"))
    body = _first(record, _BODY_FIELDS)
    if body is None:
        if any(name in record for name in _BODY_FIELDS):
            raise Rejected("empty (the record's text field is empty)")
        raise Rejected("record has no text (no maintext/content field)")
    text = f"{title}\n\n{body}" if title else body
    extra: dict[str, str] = {}
    date = None
    for name in _DATE_FIELDS:
        date = _string(record.get(name))
        if date:
            extra["date_field"] = name
            break
    for name in _EXTRA_FIELDS:
        value = _string(record.get(name))
        if value:
            extra[name] = value
    return RawDocument(
        source=source,
        format=fmt,
        text=text,
        title=title,
        author=_first(record, _AUTHOR_FIELDS),
        sitename=_first(record, _OUTLET_FIELDS),
        url=_string(record.get("url")),
        date=date,
        extra=extra,
    )


def _first(record: Mapping[str, object], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = _string(record.get(name))
        if value:
            return value
    return None


def _string(value: object) -> str | None:
    """A non-empty stripped string from a JSON value (lists of strings are joined with '، ')."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        parts = [v.strip() for v in value if isinstance(v, str) and v.strip()]
        return "، ".join(parts) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _json_type(value: object) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    return "number" if isinstance(value, int | float) and not isinstance(value, bool) else type(value).__name__

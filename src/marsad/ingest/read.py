"""Read inputs (files, directories, stdin, URLs, feeds) into raw documents or input errors.

Every input yields either documents or one :class:`InputError` naming it and the
reason; a bad input never stops the others.  Sources are named as given: a file by
its path, a record of a JSON(L) file as ``path#N`` (1-based), a fetched page by its URL.
Reading is lazy: one document at a time, so that callers can stream in batches.  Only
``http(s)://`` addresses are ever fetched (a feed item pointing at ``file://`` is refused),
and no input is decompressed beyond ``Options.max_bytes`` (per record for JSON Lines).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from io import BufferedIOBase
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from marsad.ingest.dates import parse_date, url_date
from marsad.ingest.decode import decode_bytes, is_binary
from marsad.ingest.feeds import feed_items
from marsad.ingest.fetch import Fetched, fetch, is_url
from marsad.ingest.html import html_document, meta_charset
from marsad.ingest.language import check_text
from marsad.ingest.raw import RawDocument
from marsad.ingest.records import record_document
from marsad.ingest.rejected import Rejected
from marsad.ingest.sniff import Kind, sniff_text
from marsad.model import InputError, Published
from marsad.options import Options
from marsad.page.outlets import outlet_of_field, outlet_of_url, outlet_table

Item = RawDocument | InputError

_EXTENSIONS: dict[str, Kind] = {
    ".txt": "txt", ".html": "html", ".htm": "html", ".xhtml": "html", ".json": "json", ".jsonl": "jsonl",
    ".ndjson": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
KNOWN_EXTENSIONS = " ".join(_EXTENSIONS)
_GZIP = ".gz"
_PEEK = 4096


def read_inputs(inputs: Iterable[str], options: Options) -> Iterator[Item]:
    """Yield a :class:`RawDocument` for each readable document and an :class:`InputError` for each bad input.

    ``inputs`` are file paths, directories (read recursively, sorted; files of other
    types and unreadable folders each give an error), ``-`` for standard input, and
    ``http(s)://`` URLs of pages or RSS/Atom feeds.  Each document carries the input it
    came from, its canonical outlet and its publication date (see :func:`finish`).
    """
    for item in inputs:
        if item == "-":
            found = _read_stdin(options)
        elif is_url(item):
            found = _read_url(item, options)
        elif os.path.isdir(item):
            found = _read_directory(item, options)
        else:
            found = _read_file(item, options)
        for one in found:
            yield one if isinstance(one, InputError) else finish(one, item, options)


def finish(raw: RawDocument, input_name: str, options: Options) -> RawDocument:
    """Name the input of ``raw`` and resolve its outlet and publication date from its fields and URL.

    A URL that does not parse is moved to ``extra``.  The outlet is the canonical name of the
    outlet field (``sitename``), else of the URL's domain; the date is the ``date`` field when it parses (basis ``metadata``), else the
    date in the URL path (basis ``url``).  Records set their own date (see
    :func:`~marsad.ingest.records.record_document`).
    """
    raw.input = input_name
    if raw.url is not None and not _parsable_url(raw.url):
        raw.extra.setdefault("url", raw.url)  # kept as metadata, never used as an address
        raw.url = None
    table = outlet_table(options.outlets_file)
    if raw.outlet is None:
        if raw.sitename:
            raw.outlet = outlet_of_field(raw.sitename, raw.url, table)
        if raw.outlet is None:
            raw.outlet = outlet_of_url(raw.url, table)
    if raw.published is None:
        value = parse_date(raw.date)
        if value is not None:
            raw.published = Published(value, "metadata")
        else:
            in_url = url_date(raw.url)
            raw.published = Published(in_url, "url") if in_url else None
    return raw


def _parsable_url(url: str) -> bool:
    try:
        urlsplit(url)
    except ValueError:  # "http://[::1": an unclosed IPv6 bracket
        return False
    return True


def read_bytes(data: bytes, source: str, options: Options) -> Iterator[Item]:
    """Documents from content received whole (a posted record or page), its kind told by ``source``'s extension.

    The size limit of files applies; an unknown extension is sniffed from the content.
    """
    if len(data) > options.max_bytes:
        yield InputError(source, f"too large ({len(data)} bytes, limit {options.max_bytes})")
        return
    yield from _from_bytes(data, source, known_kind(source)[0], options)


def known_kind(name: str) -> tuple[Kind | None, bool]:
    """Return the document kind a file name announces (``None`` if unknown) and whether it is gzipped."""
    lower = name.lower()
    compressed = lower.endswith(_GZIP)
    if compressed:
        lower = lower[: -len(_GZIP)]
    return _EXTENSIONS.get(os.path.splitext(lower)[1]), compressed


def _read_directory(directory: str, options: Options) -> Iterator[Item]:
    """Every file under ``directory`` in sorted path order; hidden files and folders are left out.

    A file of an unknown type and a folder that cannot be listed each give one error.
    """
    found: list[tuple[tuple[str, ...], str, bool]] = []
    unreadable: list[InputError] = []

    def on_error(exc: OSError) -> None:
        unreadable.append(InputError(exc.filename or directory, f"unreadable folder ({_os_reason(exc)})"))

    for root, dirs, files in os.walk(directory, onerror=on_error):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = Path(root).relative_to(directory).parts
        for name in files:
            if not name.startswith("."):
                found.append(((*rel, name), os.path.join(root, name), known_kind(name)[0] is not None))
    yield from unreadable
    if not any(known for *_, known in found):
        if not unreadable:
            yield InputError(directory, f"no readable files ({KNOWN_EXTENSIONS}, optionally .gz)")
        return
    for _, path, known in sorted(found):
        if known:
            yield from _read_file(path, options)
        else:
            yield InputError(path, f"skipped: unknown file type (known: {KNOWN_EXTENSIONS}, optionally .gz)")


def _read_file(source: str, options: Options) -> Iterator[Item]:
    path = Path(source)
    kind, compressed = known_kind(path.name)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise Rejected("not a regular file")
        if size == 0:
            raise Rejected("empty")
        if kind == "jsonl":
            yield from _read_jsonl_file(path, source, compressed, options)
            return
        if size > options.max_bytes:
            raise Rejected(f"too large ({size} bytes, limit {options.max_bytes})")
        with _open(path, compressed) as stream:
            data = _read_limited(stream, options.max_bytes)
    except FileNotFoundError:
        yield InputError(source, "no such file or directory")
        return
    except Rejected as exc:
        yield InputError(source, exc.reason)
        return
    except OSError as exc:
        yield InputError(source, _os_reason(exc))
        return
    yield from _from_bytes(data, source, kind, options)


def _read_stdin(options: Options) -> Iterator[Item]:
    try:
        data = _read_limited(sys.stdin.buffer, options.max_bytes)
    except Rejected as exc:
        yield InputError("-", exc.reason)
        return
    yield from _from_bytes(data, "-", None, options)


def _read_url(url: str, options: Options) -> Iterator[Item]:
    try:
        fetched = fetch(url, options)
        text = _decode(fetched.data, None, fetched.charset)
        kind = _fetched_kind(fetched, text)
    except Rejected as exc:
        yield InputError(url, exc.reason)
        return
    if kind == "feed":
        yield from _read_feed(text, fetched.url, url, options)
    else:
        yield from _from_text(text, url, kind, options, url=fetched.url)


def _read_feed(text: str, base_url: str, source: str, options: Options) -> Iterator[Item]:
    """An item that carries its full text (content:encoded, Atom content) is a document as it stands;
    any other is fetched from its link (http(s) only) and its date fills in for a page that states none."""
    try:
        items = feed_items(text, base_url)
    except Rejected as exc:
        yield InputError(source, exc.reason)
        return
    if not items:
        yield InputError(source, "feed has no items with links")
        return
    for item in items:
        if item.content:
            yield _record(
                {"title": item.title, "content": item.content, "url": item.link, "published": item.date,
                 "author": item.author, "feed": source},
                item.link, "feed", options,
            )
            continue
        try:
            fetched = fetch(item.link, options)
            page = _decode(fetched.data, "html", fetched.charset)
            raw = _checked(html_document(page, item.link, fetched.url), options)
        except Rejected as exc:
            yield InputError(item.link, exc.reason)
            continue
        raw.title = raw.title or item.title
        if item.date and (raw.date is None or parse_date(raw.date) is None):
            raw.date = item.date
            raw.extra["date_field"] = "feed"
        raw.extra["feed"] = source
        yield raw


def _from_bytes(data: bytes, source: str, kind: Kind | None, options: Options) -> Iterator[Item]:
    try:
        if not data.strip():
            raise Rejected("empty")
        text = _decode(data, kind, None)
        if kind is None:
            kind = sniff_text(text)
    except Rejected as exc:
        yield InputError(source, exc.reason)
        return
    if kind == "feed":
        yield from _read_feed(text, "", source, options)
    else:
        yield from _from_text(text, source, kind, options)


def _from_text(text: str, source: str, kind: Kind, options: Options, url: str | None = None) -> Iterator[Item]:
    if kind == "json":
        yield from _json_records(text, source, options)
    elif kind == "jsonl":
        yield from _jsonl_records(enumerate(text.splitlines(), 1), source, options)
    else:
        try:
            if kind == "html":
                yield _checked(html_document(text, source, url), options)
            else:
                check_text(text, options)
                yield RawDocument(source=source, format="txt", text=text, url=url)
        except Rejected as exc:
            yield InputError(source, exc.reason)


def _json_records(text: str, source: str, options: Options) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(source, f"invalid JSON ({exc.msg} at line {exc.lineno})")
        return
    records = _record_list(value)
    if records is None:
        yield _record(value, source, "json", options)
        return
    if not records:
        yield InputError(source, "empty (JSON array has no records)")
    for n, record in enumerate(records, 1):
        yield _record(record, f"{source}#{n}", "json", options)


_WRAPPERS = ("articles", "results", "items", "entries", "data")
_RECORD_KEYS = ("title", "text", "content", "maintext", "body", "headline", "articleBody")


def _record_list(value: object) -> list[object] | None:
    """The records of a JSON array, or of an export that wraps them.

    GDELT and NewsAPI give ``{"articles": [...]}``, Event Registry ``{"articles": {"results": [...]}}``,
    feedparser dumps ``{"entries": [...]}``.
    """
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and not any(k in value for k in _RECORD_KEYS):
        for key in _WRAPPERS:
            inner = _record_list(value[key]) if isinstance(value.get(key), list | dict) else None
            if inner is not None:
                return inner
    return None


def _jsonl_records(lines: Iterable[tuple[int, str]], source: str, options: Options) -> Iterator[Item]:
    seen = False
    for n, line in lines:
        if not line.strip():
            continue
        seen = True
        where = f"{source}#{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg})")
            continue
        yield _record(record, where, "jsonl", options)
    if not seen:
        yield InputError(source, "empty (no JSON lines)")


def _read_jsonl_file(path: Path, source: str, compressed: bool, options: Options) -> Iterator[Item]:
    """Stream a JSON Lines file record by record: the size limit applies to each record."""
    try:
        with _open(path, compressed) as stream:
            head = _peek(stream)
            if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (head and is_binary(head)):
                data = _read_limited(stream, options.max_bytes)
                yield from _from_bytes(data, source, "jsonl", options)
                return
            yield from _jsonl_records(_decoded_lines(stream, source, options), source, options)
    except Rejected as exc:
        yield InputError(source, exc.reason)
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(source, _os_reason(exc))


def _decoded_lines(stream: BufferedIOBase, source: str, options: Options) -> Iterator[tuple[int, str]]:
    """The lines of a JSON Lines stream, each read no further than ``max_bytes`` (a gzip bomb stops there)."""
    n = 0
    while True:
        try:
            line = stream.readline(options.max_bytes + 1)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise Rejected(f"corrupt gzip data ({exc})") from exc
        if not line:
            return
        n += 1
        if len(line) > options.max_bytes:
            raise Rejected(f"line {n} too large (over {options.max_bytes} bytes)")
        if n == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        try:
            yield n, line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                yield n, decode_bytes(line)
            except Rejected:
                yield n, line.decode("utf-8", errors="replace")


def _record(record: object, source: str, fmt: str, options: Options) -> Item:
    try:
        return _checked(record_document(record, source, fmt, options.field_map), options)
    except Rejected as exc:
        return InputError(source, exc.reason)


def _checked(raw: RawDocument, options: Options) -> RawDocument:
    check_text(raw.text, options)
    return raw


def _decode(data: bytes, kind: Kind | None, declared: str | None) -> str:
    if not data.strip():
        raise Rejected("empty")
    if kind in ("html", None) and declared is None:
        declared = meta_charset(data)
    return decode_bytes(data, declared)


def _fetched_kind(fetched: Fetched, text: str) -> Kind:
    sniffed = sniff_text(text)
    if sniffed == "txt" and fetched.content_type == "text/html":
        return "html"
    return sniffed


def _open(path: Path, compressed: bool) -> BufferedIOBase:
    if compressed:
        return gzip.open(path, "rb")
    return path.open("rb")


def _peek(stream: BufferedIOBase) -> bytes:
    peek = getattr(stream, "peek", None)
    return bytes(peek(_PEEK)[:_PEEK]) if callable(peek) else b""


def _read_limited(stream: BufferedIOBase | BinaryIO, limit: int) -> bytes:
    try:
        data = stream.read(limit + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise Rejected(f"corrupt gzip data ({exc})") from exc
    if len(data) > limit:
        raise Rejected(f"too large (over {limit} bytes)")
    return data


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, gzip.BadGzipFile | EOFError | zlib.error):
        return f"corrupt gzip data ({exc})"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)

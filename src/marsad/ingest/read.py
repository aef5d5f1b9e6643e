"""Read inputs (files, directories, stdin, URLs, feeds) into raw documents or input errors.

Every input yields either documents or one :class:`InputError` naming it and the
reason; a bad input never stops the others.  Sources are named as given: a file by
its path, a record of a JSON(L) file as ``path#N`` (1-based), a fetched page by its URL.
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

from marsad.ingest.decode import decode_bytes, is_binary
from marsad.ingest.feeds import feed_items
from marsad.ingest.fetch import Fetched, fetch, is_url
from marsad.ingest.html import html_document, meta_charset
from marsad.ingest.language import check_text
from marsad.ingest.raw import RawDocument
from marsad.ingest.records import record_document
from marsad.ingest.rejected import Rejected
from marsad.ingest.sniff import Kind, sniff_text
from marsad.model import InputError
from marsad.options import Options

Item = RawDocument | InputError

_EXTENSIONS: dict[str, Kind] = {".txt": "txt", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
_GZIP = ".gz"
_PEEK = 4096


def read_inputs(inputs: Iterable[str], options: Options) -> Iterator[Item]:
    """Yield a :class:`RawDocument` for each readable document and an :class:`InputError` for each bad input.

    ``inputs`` are file paths, directories (read recursively, sorted, known extensions
    only), ``-`` for standard input, and ``http(s)://`` URLs of pages or RSS/Atom feeds.
    """
    for item in inputs:
        if item == "-":
            yield from _read_stdin(options)
        elif is_url(item):
            yield from _read_url(item, options)
        elif os.path.isdir(item):
            yield from _read_directory(item, options)
        else:
            yield from _read_file(item, options)


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
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = Path(root).relative_to(directory).parts
        for name in files:
            if not name.startswith(".") and known_kind(name)[0] is not None:
                found.append(((*rel, name), os.path.join(root, name)))
    if not found:
        yield InputError(directory, "no readable files (.txt .html .htm .json .jsonl, optionally .gz)")
    for _, path in sorted(found):
        yield from _read_file(path, options)


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
    try:
        items = feed_items(text, base_url)
    except Rejected as exc:
        yield InputError(source, exc.reason)
        return
    if not items:
        yield InputError(source, "feed has no items with links")
        return
    for item in items:
        try:
            fetched = fetch(item.link, options)
            page = _decode(fetched.data, "html", fetched.charset)
            raw = _checked(html_document(page, item.link, fetched.url), options)
        except Rejected as exc:
            yield InputError(item.link, exc.reason)
            continue
        raw.title = raw.title or item.title
        if raw.date is None and item.date:
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
    if isinstance(value, list):
        if not value:
            yield InputError(source, "empty (JSON array has no records)")
        for n, record in enumerate(value, 1):
            yield _record(record, f"{source}#{n}", "json", options)
    else:
        yield _record(value, source, "json", options)


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
    for n, line in enumerate(stream, 1):
        if len(line) > options.max_bytes:
            raise Rejected(f"line {n} too large ({len(line)} bytes, limit {options.max_bytes})")
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
        return _checked(record_document(record, source, fmt), options)
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

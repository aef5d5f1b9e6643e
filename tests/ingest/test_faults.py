"""Ingest faults: each bad input gives one error line and nothing else is read, lost or over-allocated."""

from __future__ import annotations

import gzip
import os
import tracemalloc
from pathlib import Path

import pytest

from marsad.ingest.raw import RawDocument
from marsad.ingest.read import KNOWN_EXTENSIONS, read_inputs
from marsad.model import InputError
from marsad.options import Options

OPTIONS = Options()
ARTICLE = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة بسعة مئتي سرير."


def read(*inputs: str | Path, options: Options = OPTIONS) -> list[RawDocument | InputError]:
    return list(read_inputs([str(i) for i in inputs], options))


def test_feed_item_pointing_at_a_local_file_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("كلمة السر المحلية: لا تقرأ هذا الملف", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        f"<item><title>خبر</title><link>file://{secret}</link></item>"
        "<item><title>نسبي</title><link>/relative.html</link></item>"
        "</channel></rss>", encoding="utf-8")
    items = read(feed)
    assert items == [
        InputError(f"file://{secret}", "refused: only http(s) URLs are fetched (file:)"),
        InputError("/relative.html", "refused: only http(s) URLs are fetched (no scheme)"),
    ]


def _bomb(path: Path, size: int, line: bytes = b"") -> None:
    """A gzip file that unpacks to ``size`` bytes of spaces (one line), written in chunks."""
    chunk = b" " * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as f:
        if line:
            f.write(line)
        for _ in range(size // len(chunk)):
            f.write(chunk)


@pytest.mark.parametrize("name", ["bomb.jsonl.gz", "bomb.json.gz", "bomb.txt.gz"])
def test_gzip_bomb_is_stopped_at_max_bytes_while_streaming(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _bomb(path, 64 << 20, line=b'{"content": "')
    assert path.stat().st_size < 200_000  # 64 MB packed in well under 200 kB
    limit = 1 << 20
    tracemalloc.start()
    try:
        items = read(path, options=Options(max_bytes=limit))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    [error] = items
    assert isinstance(error, InputError) and error.input == str(path)
    expected = "line 1 too large" if name.endswith(".jsonl.gz") else "too large"
    assert error.reason == f"{expected} (over {limit} bytes)"
    assert peak < 8 * limit  # never the 64 MB


def test_jsonl_gzip_lines_under_the_limit_still_stream(tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonl.gz"
    line = ('{"title": "عنوان", "content": "' + ARTICLE + '"}\n').encode()
    path.write_bytes(gzip.compress(line * 50))
    docs = [i for i in read(path, options=Options(max_bytes=len(line) + 1)) if isinstance(i, RawDocument)]
    assert len(docs) == 50  # the limit is per record for JSON Lines


def test_corrupt_gzip_stream_mid_file(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(('{"content": "' + ARTICLE + '"}\n').encode() * 2000)
    path.write_bytes(data[: len(data) // 2])
    items = read(path)
    assert isinstance(items[-1], InputError) and items[-1].input == str(path)
    assert items[-1].reason.startswith("corrupt gzip data")
    assert any(isinstance(i, RawDocument) for i in items)  # what came before the cut is kept


def test_unknown_file_types_in_a_folder_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "InputError"]
    reason = f"skipped: unknown file type (known: {KNOWN_EXTENSIONS}, optionally .gz)"
    assert items[1:] == [InputError(str(tmp_path / "image.png"), reason),
                         InputError(str(tmp_path / "notes.md"), reason)]


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(ARTICLE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str) -> object:  # as a folder without read permission answers (tests run as root)
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = read(tmp_path)
    assert items[0] == InputError(str(locked), "unreadable folder (permission denied)")
    assert [i.source for i in items[1:] if isinstance(i, RawDocument)] == [str(tmp_path / "a.txt")]


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    assert read(path) == [InputError(str(path), "permission denied")]


def test_read_inputs_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text(('{"content": "' + ARTICLE + '"}\n') * 10, encoding="utf-8")
    stream = read_inputs([str(path), str(tmp_path / "missing.txt")], Options())
    first = next(stream)
    assert isinstance(first, RawDocument) and first.source == f"{path}#1"
    assert first.input == str(path)
    rest = list(stream)
    assert rest[-1] == InputError(str(tmp_path / "missing.txt"), "no such file or directory")

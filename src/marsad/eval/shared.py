"""The ``shared`` data folder (real seeds and datasets) that gold files refer to, and reading from it."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.options import Options

if TYPE_CHECKING:
    from marsad.api import Analysis
    from marsad.model import Document

SAUDINEWSNET = Path("datasets") / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def find_shared(*starts: Path) -> Path:
    """The ``shared`` folder beside an ancestor of any start path or of the current folder."""
    for start in [*starts, Path.cwd()]:
        for parent in [start.resolve(), *start.resolve().parents]:
            for candidate in (parent / "shared", parent.parent / "shared"):
                if (candidate / "datasets").is_dir():
                    return candidate
    raise FileNotFoundError(f"no shared data folder (with datasets/) found above {', '.join(map(str, starts))}")


def saudinewsnet_records(shared: Path, urls: set[str]) -> dict[str, dict[str, str]]:
    """The SaudiNewsNet records with these urls (gold keeps urls and offsets, never text)."""
    found: dict[str, dict[str, str]] = {}
    if not urls:
        return found
    with gzip.open(shared / SAUDINEWSNET, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not any(u in line for u in urls - found.keys()):
                continue
            record = json.loads(line)
            if record.get("url") in urls:
                found[record["url"]] = record
            if not urls - found.keys():
                break
    return found


def record_article(record: dict[str, str], options: Options | None = None) -> tuple[Document, int]:
    """The document the product builds from a SaudiNewsNet record, and where the record's ``content`` starts in it.

    The record goes through the product's own reading (:func:`marsad.ingest.records.record_document`:
    title, blank line, stripped body; publication date from the URL path, else the crawl time)
    and page stage.  The offset is that of ``content[0]`` (leading blanks included, so that
    gold offsets into ``content`` shift by it); ValueError when the body is not found.
    """
    from marsad.ingest.records import record_document
    from marsad.page.build import build_document

    raw = record_document(record, record.get("url") or "record", "jsonl")
    doc = build_document(raw, options or Options(progress=False))
    content = record.get("content") or ""
    body = content.strip()
    at = doc.text.rfind(body) if body else -1
    if at < 0:
        raise ValueError(f"the content of {record.get('url')} is not in its document")
    return doc, at - (len(content) - len(content.lstrip()))


def saudinewsnet_texts(shared: Path, urls: set[str]) -> dict[str, str]:
    """The content of the SaudiNewsNet articles with these urls."""
    return {url: record.get("content") or "" for url, record in saudinewsnet_records(shared, urls).items()}


def analyze_like_cli(paths: list[Path], records: list[dict[str, str]], options: Options | None = None) -> Analysis:
    """Run what ``marsad analyze`` runs on these files and article records, in one run.

    The records are written to a temporary JSONL file (as a user would pass a dump) and
    everything goes through :func:`marsad.api.analyze` into a temporary store: the same
    reading, page stage, components, corpus steps and options as the CLI.
    """
    from marsad.api import analyze

    with tempfile.TemporaryDirectory(prefix="marsad-eval-") as tmp:
        inputs = [str(p) for p in paths]
        if records:
            dump = Path(tmp) / "records.jsonl"
            dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
            inputs.append(str(dump))
        return analyze(inputs, options or Options(progress=False))

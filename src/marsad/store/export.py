"""Exports of the store: the report (``marsad.report/1``), JSON Lines, CSV, events, CoNLL.

``report.json`` is an export like the others: what ``marsad analyze`` writes is the
report of the run's documents (:func:`select_documents` with ``run``), and
``marsad export --format report`` the report of the whole store (or of a story, or of
the documents published since a date).  A report holds the selected documents, the
entities they mention, the stories they belong to, the copied passages that touch them
and the input errors (of the run, or all of them).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, TextIO

from marsad import __version__
from marsad.report.build import SCHEMA_ID, dumps
from marsad.store.store import Store
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize

Format = Literal["report", "jsonl", "csv", "events", "conll"]
FORMATS: tuple[Format, ...] = ("report", "jsonl", "csv", "events", "conll")
CSV_COLUMNS = ("id", "published", "outlet", "title", "url", "source", "sources", "stories", "entities", "quotes")


@dataclass(frozen=True)
class Selection:
    """Which documents an export covers: those of a run, of a story, published since a date (all by default)."""

    run: int | None = None
    story: str | None = None
    since: str | None = None


def _where(selection: Selection, store: Store) -> tuple[str, list[str | int]]:
    """The ``WHERE`` clause (empty for the whole store) over ``documents`` that picks the selected documents."""
    where: list[str] = []
    params: list[str | int] = []
    if selection.run is not None:
        where.append("id IN (SELECT document FROM document_sources WHERE run = ?)")
        params.append(selection.run)
    if selection.story is not None:
        where.append("id IN (SELECT document FROM story_members WHERE story = ?)")
        params.append(store.resolve_id("story", selection.story))
    if selection.since is not None:
        where.append("published >= ?")
        params.append(selection.since)
    return (" WHERE " + " AND ".join(where) if where else ""), params


def select_documents(store: Store, selection: Selection) -> list[str]:
    """The ids of the selected documents, in arrival order."""
    where, params = _where(selection, store)
    return [str(r[0]) for r in store.rows("SELECT id FROM documents" + where + " ORDER BY seq, id", params)]


def _in(ids: list[str]) -> str:
    return ",".join("?" * len(ids)) or "NULL"


_CHUNK = 200


def _by_key(store: Store, select: str, keys: list[Any]) -> Iterator[tuple[Any, ...]]:
    """The rows of ``select`` (its first column the key, ending in ``WHERE key``) for ``keys``, in their order,
    read ``_CHUNK`` keys at a time (a key whose row another writer removed meanwhile is left out)."""
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]
        found = {r[0]: tuple(r[1:]) for r in store.rows(f"{select} IN ({_in(chunk)})", chunk)}
        yield from (found[key] for key in chunk if key in found)


def _documents(store: Store, ids: list[str]) -> Iterator[dict[str, Any]]:
    for (report,) in _by_key(store, "SELECT id, report FROM reports WHERE id", ids):
        loaded: dict[str, Any] = json.loads(report)
        yield loaded


def _stories(store: Store, ids: list[Any]) -> Iterator[Any]:
    """The parsed record of each of these stories, in the order of ``ids``."""
    for (record,) in _by_key(store, "SELECT id, record FROM stories WHERE id", ids):
        yield json.loads(record)


def report_sections(store: Store, selection: Selection = Selection()) -> Iterator[tuple[str, Any]]:
    """The ``marsad.report/1`` of the selected documents as (key, value) in order, each list value an iterator
    that reads its records from the store a few hundred at a time (so that a report is written in bounded memory).

    The report holds the selected documents, the entities they mention, the stories they
    belong to, the copied passages that touch them and the input errors (of the run, of the
    whole store, or none for a story or a date)."""
    where, params = _where(selection, store)
    ids = select_documents(store, selection)
    chosen = f"(SELECT id FROM documents{where})"
    if where:
        entity_sql = f" WHERE id IN (SELECT entity FROM mentions WHERE document IN {chosen})"
        passage_sql, passage_params = f" WHERE a_document IN {chosen} OR b_document IN {chosen}", [*params, *params]
    else:
        entity_sql, passage_sql, passage_params = "", "", []
    if selection.story is not None:
        story_ids = [str(r[0]) for r in store.rows(
            "SELECT id FROM stories WHERE id = ?", (store.resolve_id("story", selection.story),))]
    else:
        story_where = f" WHERE id IN (SELECT story FROM story_members WHERE document IN {chosen})" if where else ""
        story_ids = [str(r[0]) for r in store.rows(f"SELECT id FROM stories{story_where} ORDER BY size DESC, id", params)]
    entity_ids = [str(r[0]) for r in store.rows(f"SELECT id FROM entities{entity_sql} ORDER BY mentions DESC, id", params)]
    passage_seqs = [int(r[0]) for r in store.rows(f"SELECT seq FROM passages{passage_sql} ORDER BY seq", passage_params)]
    if selection.run is not None:
        error_rows = store.rows("SELECT input, reason FROM input_errors WHERE run = ? ORDER BY input, reason", (selection.run,))
    elif not where:
        error_rows = store.rows("SELECT input, reason FROM input_errors ORDER BY input, reason")
    else:
        error_rows = []
    yield "schema", SCHEMA_ID
    yield "generated_by", {"name": "marsad", "version": __version__}
    yield "documents", _documents(store, ids)
    yield "entities", store.entity_records(entity_ids)
    yield "stories", _stories(store, story_ids)
    yield "duplicates", (_duplicate(r) for r in _by_key(store, _PASSAGES + " WHERE seq", passage_seqs))
    yield "errors", ({"input": r[0], "reason": r[1]} for r in error_rows)


def build_report(store: Store, selection: Selection = Selection()) -> dict[str, Any]:
    """The ``marsad.report/1`` object of the selected documents, whole in memory (see :func:`write_report`)."""
    return {key: value if isinstance(value, str | dict) else list(value)
            for key, value in report_sections(store, selection)}


def write_report(store: Store, out: TextIO, selection: Selection = Selection()) -> int:
    """Write the ``marsad.report/1`` of the selected documents to ``out`` record by record, as they are read from
    the store (memory bounded by the largest record, not the corpus); return how many documents were written.

    The text is the one :func:`~marsad.report.build.dumps` gives for :func:`build_report`.
    """
    documents = 0
    out.write("{")
    for n, (key, value) in enumerate(report_sections(store, selection)):
        out.write(("," if n else "") + f"\n {json.dumps(key)}: ")
        if isinstance(value, str | dict):
            out.write(_indented(value, 1))
            continue
        count = 0
        for count, record in enumerate(value, 1):
            out.write(("[\n  " if count == 1 else ",\n  ") + _indented(record, 2))
        out.write("\n ]" if count else "[]")
        if key == "documents":
            documents = count
    out.write("\n}")
    return documents


def _indented(value: Any, depth: int) -> str:
    """``value`` as :func:`~marsad.report.build.dumps` writes it ``depth`` levels deep (JSON strings never hold a
    raw line break, so every line break is one of the layout's)."""
    return dumps(value).replace("\n", "\n" + " " * depth)


_PASSAGES = (
    "SELECT seq, a_document, a_start, a_end, a_text, b_document, b_start, b_end, b_text, similarity, copy_group, earliest "
    "FROM passages"
)


def _duplicate(r: tuple[Any, ...]) -> dict[str, Any]:
    """A stored copied passage (the columns of ``_PASSAGES`` after ``seq``) as its report object."""
    return {
        "a": {"document": r[0], "start": r[1], "end": r[2], "text": r[3]},
        "b": {"document": r[4], "start": r[5], "end": r[6], "text": r[7]},
        "similarity": r[8],
        "group": r[9],
        "earliest": r[10],
    }


def export(store: Store, fmt: Format, out: TextIO, selection: Selection = Selection()) -> int:
    """Write the selected documents in ``fmt`` to ``out``; return how many records were written."""
    if fmt == "report":
        return write_report(store, out, selection)
    ids = select_documents(store, selection)
    if fmt == "jsonl":
        n = 0
        for doc in _documents(store, ids):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        return _csv(store, ids, out)
    if fmt == "events":
        return _events(store, ids, out)
    return _conll(store, ids, out)


def _csv(store: Store, ids: list[str], out: TextIO) -> int:
    """One row per document: its metadata, every source, its stories and the entities it mentions."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    stories = _by_document(store, ids, "SELECT document, story FROM story_members WHERE document IN ({})")
    entities = _by_document(
        store, ids, "SELECT DISTINCT document, entity FROM mentions WHERE entity IS NOT NULL AND document IN ({})"
    )
    sources = _by_document(store, ids, "SELECT document, input FROM document_sources WHERE document IN ({}) ORDER BY seq")
    for doc in _documents(store, ids):
        writer.writerow(
            (
                doc["id"], (doc.get("published") or {}).get("value", ""), doc.get("outlet") or "", doc.get("title") or "",
                doc.get("url") or "", doc["source"], " ".join(sources.get(doc["id"], [])),
                " ".join(dict.fromkeys(stories.get(doc["id"], []))), " ".join(sorted(set(entities.get(doc["id"], [])))),
                len(doc["quotes"]),
            )
        )
    return len(ids)


def _by_document(store: Store, ids: list[str], sql: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for doc_id, value in store.rows(sql.format(_in(chunk)), chunk):
            out.setdefault(str(doc_id), []).append(str(value))
    return out


def _events(store: Store, ids: list[str], out: TextIO) -> int:
    """One JSON line per event: its span, type, date, participants (and any further fields), with its document's
    outlet and publication."""
    n = 0
    for doc in _documents(store, ids):
        published = (doc.get("published") or {}).get("value")
        for event in doc["events"]:
            record = {"document": doc["id"], "outlet": doc.get("outlet"), "published": published, **event}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def _conll(store: Store, ids: list[str], out: TextIO) -> int:
    """Token per line (text, start, end, IOB2 tag, entity id), a blank line between sentences, ``# doc`` headers.

    A token is tagged when it overlaps a mention (a clitic-prefixed word such as وكوريا
    carries its mention's tag; the offsets say where the mention starts inside it).
    """
    n = 0
    for doc in _documents(store, ids):
        text = doc["text"]
        out.write(f"# doc = {doc['id']}\n")
        mentions = sorted(doc["mentions"], key=lambda m: (m["start"], m["end"]))
        begun: set[int] = set()
        for sentence in split_sentences(text):
            buffer = io.StringIO()
            for token in tokenize(text, sentence.start, sentence.end):
                hit = next((i for i, m in enumerate(mentions) if m["start"] < token.end and token.start < m["end"]), None)
                if hit is None:
                    tag, entity = "O", "_"
                else:
                    mention = mentions[hit]
                    tag = f"{'I' if hit in begun else 'B'}-{mention['type']}"
                    entity = mention.get("entity") or "_"
                    begun.add(hit)
                buffer.write(f"{token.text}\t{token.start}\t{token.end}\t{tag}\t{entity}\n")
            if buffer.tell():
                out.write(buffer.getvalue() + "\n")
        n += 1
    return n

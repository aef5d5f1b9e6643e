"""``marsad analyze`` and ``marsad schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from marsad.api import analyze
from marsad.cli.apps import app
from marsad.corpus.story_index import StoryIndex
from marsad.ingest.records import FIELDS, parse_field_map
from marsad.model import InputError
from marsad.options import DEFAULT_MAX_BYTES, Options
from marsad.page.outlets import read_outlets_file
from marsad.report.build import document_json, dumps, schema
from marsad.store.sqlite import Store

err = Console(stderr=True)
STORY_INDEX_KEY = "story_index"


def _check_fields(values: list[str]) -> list[str]:
    try:
        parse_field_map(values)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    return values


def _check_outlets(path: Path | None) -> Path | None:
    if path is not None:
        try:
            read_outlets_file(str(path))
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
    return path


@app.command("analyze")
def analyze_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, '-' for stdin, http(s) URLs or feed URLs.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder for report.json.")] = Path("out"),
    db: Annotated[Path, typer.Option("--db", help="SQLite store.")] = Path("marsad.db"),
    no_store: Annotated[bool, typer.Option("--no-store", help="Do not write the SQLite store.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Parallel processes.")] = 1,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Largest input accepted.")] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    fields: Annotated[list[str] | None, typer.Option(
        "--field", callback=lambda values: _check_fields(values or []), help=f"NAME=FIELD: read marsad's NAME ({', '.join(FIELDS)}) from a record's FIELD "
        "(dotted for nested fields); repeatable.")] = None,
    outlets: Annotated[Path | None, typer.Option(
        "--outlets", exists=True, dir_okay=False, readable=True, callback=lambda path: _check_outlets(path),
        help="TSV of extra outlets: name, domains (comma-separated), other names.")] = None,
) -> None:
    """Analyse pages into OUT/report.json (schema marsad.report/1) and the store; exit 1 if any input failed."""
    options = Options(max_bytes=max_bytes, workers=workers, progress=not quiet,
                      field_map=parse_field_map(fields or []), outlets_file=str(outlets) if outlets else None)

    def on_error(error: InputError) -> None:
        err.print(f"[red]error[/red] {error.input}: {error.reason}", highlight=False, soft_wrap=True)

    store = None if no_store else Store(db)
    saved = store.get_meta(STORY_INDEX_KEY) if store is not None else None
    story_index = StoryIndex.from_json(saved) if saved else None
    with Progress(
        TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=quiet or not err.is_terminal,
    ) as bar:
        task = bar.add_task("analyse", total=None)
        result = analyze(
            inputs, options, on_error=on_error,
            progress=lambda n: bar.advance(task, n),
            on_total=lambda total: bar.update(task, total=total),
            story_index=story_index,
        )
    out.mkdir(parents=True, exist_ok=True)
    report = result.report()
    (out / "report.json").write_text(dumps(report), encoding="utf-8")
    if store is not None:
        with store:
            added = sum(store.add(doc, json.dumps(document_json(doc), ensure_ascii=False)) for doc in result.documents)
            if result.corpus.story_index is not None:
                store.set_meta(STORY_INDEX_KEY, result.corpus.story_index.to_json())
            total = store.count()
        err.print(f"store {db}: {added} new, {total} documents", highlight=False)
    err.print(
        f"{len(result.documents)} documents, {len(result.errors)} errors, "
        f"{len(report['stories'])} stories -> {out / 'report.json'}",
        highlight=False,
    )
    if result.errors:
        raise typer.Exit(1)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of report.json (marsad.report/1)."""
    typer.echo(json.dumps(schema(), ensure_ascii=False, indent=2))

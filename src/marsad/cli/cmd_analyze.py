"""``marsad analyze``, ``marsad export`` and ``marsad schema``."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from marsad.cli.apps import app
from marsad.corpus.known import read_registry_file
from marsad.ingest.records import FIELDS, parse_field_map
from marsad.model import InputError
from marsad.options import Options, OptionsError
from marsad.page.outlets import read_outlets_file
from marsad.report.build import schema
from marsad.store import Store, StoreError
from marsad.store.dialect import is_database_url
from marsad.store.export import FORMATS, Format, Selection, export, write_report
from marsad.store.read import Reader

if TYPE_CHECKING:
    from marsad.api import RunSummary

err = Console(stderr=True)
INTERRUPTED = 130
LARGEST = 5


def fail(message: str, code: int) -> typer.Exit:
    """Print one error line on stderr and return the exit to raise."""
    err.print(f"[red]error[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def check_output_file(path: Path) -> None:
    """Exit 2 (one line) unless ``path`` can be written: its folder exists or can be made, and is writable."""
    if path.is_dir():
        raise fail(f"{path} is a folder, not a file", 2)
    check_folder(path.parent)
    if path.exists() and not os.access(path, os.W_OK):
        raise fail(f"cannot write {path}: permission denied", 2)


def check_folder(folder: Path) -> None:
    """Exit 2 (one line) unless ``folder`` exists or can be made, and is writable."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fail(f"cannot create folder {folder}: {(exc.strerror or str(exc)).lower()}", 2) from exc
    if not os.access(folder, os.W_OK):
        raise fail(f"cannot write in folder {folder}: permission denied", 2)


def load_options(config: Path | None) -> Options:
    """The options of ``--config`` (defaults without one); exit 2 on a bad file."""
    try:
        return Options.from_toml(config) if config is not None else Options()
    except OptionsError as exc:
        raise fail(str(exc), 2) from exc


@contextmanager
def open_store(db: str | None, options: Options) -> Iterator[Store]:
    """The store at ``db`` (checked before any analysis; exit 2 when unusable), or a temporary one."""
    if db is None:
        with tempfile.TemporaryDirectory(prefix="marsad-") as tmp, Store(Path(tmp) / "marsad.db", options.lock_wait) as s:
            yield s
        return
    if not is_database_url(db):
        check_output_file(Path(db))
    try:
        store = Store(db, options.lock_wait)
    except StoreError as exc:
        raise fail(str(exc), 2) from exc
    with store:
        yield store


def _check_fields(values: list[str]) -> list[str]:
    try:
        parse_field_map(values)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    return values


def _checked_file(read: Callable[[str], object]) -> Callable[[Path | None], Path | None]:
    """A typer callback that reads a user's TSV with ``read`` and turns its error into a bad parameter."""

    def check(path: Path | None) -> Path | None:
        if path is not None:
            try:
                read(str(path))
            except ValueError as exc:
                raise typer.BadParameter(str(exc)) from exc
        return path

    return check


_check_registry = _checked_file(read_registry_file)
_check_outlets = _checked_file(read_outlets_file)


@app.command("analyze")
def analyze_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, '-' for stdin, http(s) URLs or feed URLs.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder for report.json.")] = Path("out"),
    db: Annotated[
        str, typer.Option("--db", help="The store (the source of truth): a SQLite file or a postgresql:// URL.")
    ] = "marsad.db",
    no_store: Annotated[bool, typer.Option("--no-store", help="Use a temporary store (only report.json stays).")] = False,
    config: Annotated[Path | None, typer.Option("--config", help="TOML file of options (see marsad.options).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1, help="Parallel processes.")] = None,
    batch_size: Annotated[
        int | None, typer.Option("--batch-size", min=1, help="Documents committed to the store together.")
    ] = None,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", min=1, help="Largest input accepted.")] = None,
    lock_wait: Annotated[
        float | None, typer.Option("--lock-wait", min=0, help="Seconds to wait for a store locked by another program.")
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option("--cluster", help="Analyse on a Dask cluster: local:N (N local workers) or tcp://HOST:PORT."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary table.")] = False,
    fields: Annotated[list[str] | None, typer.Option(
        "--field", callback=lambda values: _check_fields(values or []),
        help=f"NAME=FIELD: read the document's NAME ({', '.join(FIELDS)}) from a record's FIELD "
        "(dotted for nested fields); repeatable.")] = None,
    outlets: Annotated[Path | None, typer.Option(
        "--outlets", exists=True, dir_okay=False, readable=True, callback=lambda path: _check_outlets(path),
        help="TSV of extra outlets: name, domains (comma-separated), other names.")] = None,
    registry: Annotated[Path | None, typer.Option(
        "--registry", exists=True, dir_okay=False, readable=True, callback=lambda path: _check_registry(path),
        help="TSV of known entities (id, type, name, variants, roles) extending the shipped registry.")] = None,
) -> None:
    """Analyse inputs into the store, batch by batch, and write the run's report to OUT/report.json.

    Exit 1 if any input failed, 2 on unusable paths or options, 130 on Ctrl-C (what was done is kept).
    """
    try:
        options = load_options(config).replace(
            workers=workers, batch_size=batch_size, max_bytes=max_bytes, lock_wait=lock_wait, cluster=cluster,
            progress=False if quiet else None,
            field_map=parse_field_map(fields) if fields else None, outlets_file=str(outlets) if outlets else None,
            registry_file=str(registry) if registry else None,
        )
        if options.registry_file:  # also when a --config names it: a bad file stops the run before any input
            read_registry_file(options.registry_file)
    except ValueError as exc:  # an OptionsError, or a registry file that cannot be used
        raise fail(str(exc), 2) from exc
    check_folder(out)
    report_path = out / "report.json"
    check_output_file(report_path)

    def on_error(error: InputError) -> None:
        err.print(f"[red]error[/red] {escape(error.input)}: {escape(error.reason)}", highlight=False, soft_wrap=True)

    from marsad.api import run  # the pipeline, imported only to run it: ``marsad --help`` starts without it

    with open_store(None if no_store else db, options) as store:
        try:
            with Progress(
                SpinnerColumn(), TextColumn("analysing"), MofNCompleteColumn(), TimeElapsedColumn(),
                console=err, transient=True, disable=not options.progress or not err.is_terminal,
            ) as bar:
                task = bar.add_task("analyse", total=None)
                summary = run(inputs, options, store, on_error=on_error, progress=lambda n: bar.advance(task, n))
        except KeyboardInterrupt:
            err.print(f"interrupted: what was analysed is in {store.target}; run again to finish", highlight=False, markup=False)
            raise typer.Exit(INTERRUPTED) from None
        except StoreError as exc:
            raise fail(str(exc), 1) from exc
        _write_report(store, summary.run, report_path)
        if options.progress:
            _summary_table(Reader(store), summary)
        total = store.count()
    where = "" if no_store else f", store {db}: {summary.added} new, {total} documents"
    err.print(
        f"{summary.inputs} inputs, {summary.documents} documents, {summary.repeats} repeats kept as extra sources, "
        f"{summary.errors} errors, {len(summary.stories_touched)} stories touched{where} -> {report_path}",
        highlight=False,
        markup=False,
    )
    if summary.errors:
        raise typer.Exit(1)


def _write_report(store: Store, run_number: int, path: Path) -> None:
    """Write the run's report to ``path`` as it is read from the store (memory bounded by a record, not the run);
    it replaces ``path`` only once whole."""
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as stream:
        write_report(store, stream, Selection(run=run_number))
    partial.replace(path)


def _summary_table(reader: Reader, summary: RunSummary) -> None:
    """The run at a glance: new documents, stories touched, and the largest touched stories with their outlets."""
    largest = reader.largest_stories(summary.stories_touched, LARGEST)
    stories = [s for s in (reader.story(i) for i in largest) if s is not None]
    table = Table(
        title=f"{summary.added} new documents, {len(summary.stories_touched)} stories touched",
        title_justify="left",
    )
    for column in ("story", "articles", "outlets", "dates", "title"):
        table.add_column(column, overflow="fold")
    for story in stories:
        dates = " … ".join(dict.fromkeys(d[:10] for d in (story["first_published"], story["last_published"]) if d))
        cells = (story["id"], str(len(story["segments"])), ", ".join(story["outlets"]), dates, story["title"])
        table.add_row(*(Text(cell) for cell in cells))  # page text is never read as markup
    err.print(table)


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="report, jsonl, csv, events or conll.")] = "report",
    out: Annotated[Path | None, typer.Option("-o", "--out", help="Output file (standard output when absent).")] = None,
    db: Annotated[str, typer.Option("--db", help="The store to export: a SQLite file or a postgresql:// URL.")] = "marsad.db",
    story: Annotated[str | None, typer.Option("--story", help="Only this story's documents.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only documents published on or after DATE.")] = None,
    run_number: Annotated[
        int | None, typer.Option("--run", min=1, help="Only the documents an analyze run read (its report.json).")
    ] = None,
) -> None:
    """Export the store: the report (marsad.report/1), documents as JSON Lines or CSV, events, or CoNLL tokens."""
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})", 2)
    if not is_database_url(db) and not Path(db).is_file():
        raise fail(f"no store at {db} (run marsad analyze first)", 2)
    if out is not None:
        check_output_file(out)
    selection = Selection(run=run_number, story=story, since=since)
    try:
        with Store(db) as store:
            if story is not None and not store.rows("SELECT 1 FROM stories WHERE id = ?", (store.resolve_id("story", story),)):
                raise fail(f"no story {story} in {db}", 1)
            if out is None:
                n = export(store, _format(fmt), sys.stdout, selection)
            else:
                with out.open("w", encoding="utf-8", newline="") as stream:
                    n = export(store, _format(fmt), stream, selection)
    except StoreError as exc:
        raise fail(str(exc), 1) from exc
    err.print(f"{n} records ({fmt}) -> {out or 'stdout'}", highlight=False, markup=False)


def _format(name: str) -> Format:
    return next(f for f in FORMATS if f == name)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of report.json (marsad.report/1)."""
    typer.echo(json.dumps(schema(), ensure_ascii=False, indent=2))

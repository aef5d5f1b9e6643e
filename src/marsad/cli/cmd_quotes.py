"""``marsad quotes`` (who said what) and ``marsad eval quotes``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from marsad.cli.apps import app, eval_app

out = Console()
err = Console(stderr=True)
_SHOWN = 160


@app.command("quotes")
def quotes_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, '-' for stdin or URLs.")],
) -> None:
    """Print who said what: speaker, the quoted words, their attribution chain and the document."""
    from marsad.api import analyze
    from marsad.model import InputError
    from marsad.options import Options

    def on_error(error: InputError) -> None:
        err.print(f"[red]error[/red] {escape(error.input)}: {escape(error.reason)}", highlight=False, soft_wrap=True)

    result = analyze(inputs, Options(progress=False), on_error=on_error)
    names = {e.id: e.name for e in result.corpus.entities}
    table = Table("speaker", "said", "via", "document", show_lines=True)
    for doc in result.documents:
        title = doc.title or Path(doc.source).name
        for q in doc.quotes:
            said = q.text if len(q.text) <= _SHOWN else q.text[:_SHOWN] + "…"
            speaker = q.speaker_text.text if q.speaker_text else names.get(q.speaker or "", "?")
            via = "، ".join(names.get(v, v) for v in q.via)
            cells = (speaker, f"«{said}»" if q.kind == "direct" else said, via, title)
            table.add_row(*(Text(cell) for cell in cells))  # page text is never read as markup
    out.print(table)
    if result.errors:
        raise typer.Exit(1)


@eval_app.command("quotes")
def eval_quotes(
    gold: Annotated[Path, typer.Argument(exists=True, help="A gold .jsonl file or a folder of them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    shared: Annotated[
        Path | None, typer.Option("--shared", help="The shared data folder (default: found above GOLD).")
    ] = None,
    show_errors: Annotated[bool, typer.Option("--errors", help="List misses, extras and wrong speakers.")] = False,
) -> None:
    """Quote recall/precision (overlap ≥ 50% of the gold span) and speaker accuracy on matched quotes."""
    from marsad.eval.quotes import gold_files, load_gold, score
    from marsad.eval.shared import find_shared
    from marsad.pipeline import component

    docs = load_gold(gold_files(gold), shared or find_shared(gold))
    scores = score(docs, component("quotes").run)
    if show_errors:
        for line in scores.misses:
            err.print(line, highlight=False, soft_wrap=True)
    data = scores.as_dict()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table("metric", "value")
    for key, value in data.items():
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    out.print(table)

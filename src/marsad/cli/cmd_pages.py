"""``marsad eval pages`` and ``marsad train pages``: the line-role model of the page stage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from marsad.cli.apps import eval_app, train_app

_SHARED = Path("..") / "shared"
out = Console()


def _shared(path: Path) -> Path:
    if not (path / "datasets").is_dir():
        typer.echo(f"{path}: no datasets/ folder (give the shared folder with --shared)", err=True)
        raise typer.Exit(2)
    return path


@eval_app.command("pages")
def eval_pages(
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Gold page list (tests/gold/page/pages.json).")],
    shared: Annotated[Path, typer.Option("--shared", help="The shared folder (with datasets/).")] = _SHARED,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Main-text line F1, title, outlet and dateline accuracy on page sites never trained on (dev, held-out)."""
    from marsad.eval.pages import evaluate

    report = evaluate(gold, _shared(shared))
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    columns = ("pages", "sites", "main_lines", "main_P", "main_R", "main_F1", "title_acc", "outlet_acc", "date_acc")
    table = Table("set", "pages", "sites", "main lines", "P", "R", "F1", "title", "outlet", "date")
    for group, row in report.items():
        table.add_row(group, *(_cell(row.get(c)) for c in columns))
    Console(width=max(out.width, 110)).print(table)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "-" if value is None else str(value)


@train_app.command("pages")
def train_pages(
    shared: Annotated[Path, typer.Option("--shared", help="The shared folder (with datasets/).")] = _SHARED,
    out_dir: Annotated[Path, typer.Option("--out", help="Where to write page_roles.crfsuite.")] = Path("models-pages"),
    gold: Annotated[
        Path | None, typer.Option("--gold", dir_okay=False, help="Also write the gold page list (dev, held-out) here.")
    ] = None,
) -> None:
    """Rebuild the line-role CRF from ../shared/datasets into OUT (then copy it to marsad/models)."""
    from marsad.eval.pages import make_gold
    from marsad.train.pages import train

    data = _shared(shared)
    summary = train(data, out_dir)
    typer.echo(json.dumps(summary, ensure_ascii=False), err=True)
    if gold is not None:
        gold.write_text(json.dumps(make_gold(data), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        typer.echo(f"gold page list: {gold}", err=True)

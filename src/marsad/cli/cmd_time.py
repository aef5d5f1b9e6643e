"""``marsad eval timex``: temporal expressions against the hand-made gold, or span detection on Wojood."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from marsad.cli.apps import eval_app
from marsad.eval.shared import find_shared

out = Console()
err = Console(stderr=True)

_ROWS = ("span_f1_strict", "span_f1_overlap", "value_accuracy", "type_accuracy",
         "span_precision_strict", "span_recall_strict", "gold", "predicted")


@eval_app.command("timex")
def eval_timex(
    gold: Annotated[Path | None, typer.Argument(exists=True, dir_okay=False, help="Gold JSONL (tests/gold/timex/gold.jsonl).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    wojood: Annotated[
        Path | None, typer.Option("--wojood", exists=True, dir_okay=False, help="Score span detection on a Wojood CoNLL file.")
    ] = None,
    split: Annotated[list[str] | None, typer.Option("--split", help="Only these gold splits (seed, dev, heldout).")] = None,
    shared: Annotated[Path | None, typer.Option("--shared", help="The shared data folder (found beside the repo by default).")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="Also list misses, spurious spans and wrong values (stderr).")] = False,
) -> None:
    """Span precision/recall/F1 (strict and overlap) and value accuracy on matched spans."""
    # the time grammar, imported only to score it: ``marsad --help`` starts without it
    from marsad.eval.timex import evaluate, evaluate_wojood, load_gold

    if wojood is not None:
        data: dict[str, object] = {"wojood": evaluate_wojood(wojood)}
    else:
        if gold is None:
            err.print("give a GOLD file or --wojood FILE")
            raise typer.Exit(2)
        try:
            folder = shared or find_shared(gold)
        except FileNotFoundError as exc:
            err.print(f"{exc}: pass --shared")
            raise typer.Exit(2) from exc
        report, problems = evaluate(load_gold(gold, folder), set(split) if split else None)
        data = report
        if errors:
            for problem in problems:
                err.print(json.dumps(problem, ensure_ascii=False))
    if as_json:
        typer.echo(json.dumps(data.get("wojood", data), ensure_ascii=False, indent=2))
        return
    rows: dict[str, dict[str, object]] = {}
    if "wojood" in data:
        assert isinstance(data["wojood"], dict)
        rows["wojood"] = data["wojood"]
    else:
        splits = data.get("splits", {})
        assert isinstance(splits, dict)
        rows.update(splits)
        rows["overall"] = data
    table = Table("metric", *rows)
    for metric in _ROWS:
        if all(metric in r for r in rows.values()):
            table.add_row(metric, *(str(r[metric]) for r in rows.values()))
    out.print(table)

"""``marsad eval claims``: contested-pair precision/recall and corroboration checks on the claims gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from marsad.cli.apps import eval_app
from marsad.cli.datasets import DEFAULT_DATASET, DatasetOption, require_dataset

out = Console()
err = Console(stderr=True)


@eval_app.command("claims")
def eval_claims(
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Gold TSV (tests/gold/claims/).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    dataset: DatasetOption = DEFAULT_DATASET,
) -> None:
    """Run the pipeline on the gold articles; score contested pairs and corroboration (all and per split)."""
    from marsad.eval.claims import evaluate

    try:
        report = evaluate(gold, require_dataset(dataset))
    except ValueError as exc:
        err.print(f"{gold}: {exc}")
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    table = Table("set", "gold conflicts", "gold agreements", "predicted", "P", "R", "F1",
                  "agreeing contested", "corroboration R")
    for name in ("all", "dev", "test"):
        row = report.get(name)
        if not isinstance(row, dict):
            continue
        table.add_row(
            name, str(row["gold_conflicts"]), str(row["gold_agreements"]), str(row["predicted"]),
            f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}",
            str(row["agreeing_contested"]), f"{row['corroboration_recall']:.3f}",
        )
    out.print(table)
    violations = report["corroboration_violations"]
    assert isinstance(violations, list)
    out.print(f"corroboration violations: {len(violations)}")
    for line in violations:
        out.print(f"  {line}", markup=False)

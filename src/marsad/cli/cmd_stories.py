"""``marsad eval stories`` and ``marsad train stories``."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from marsad.cli.apps import eval_app, train_app
from marsad.cli.datasets import DEFAULT_DATASET, DatasetOption, require_dataset

out = Console()
err = Console(stderr=True)


@eval_app.command("stories")
def eval_stories(
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Gold TSV: url, story, split.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    dataset: DatasetOption = DEFAULT_DATASET,
) -> None:
    """Cluster the gold articles into stories with the product pipeline; BCubed and pairwise P/R/F1 (all, per split)."""
    from marsad.eval.stories import evaluate

    report = evaluate(gold, require_dataset(dataset))
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    table = Table("set", "articles", "gold", "predicted", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1")
    splits = report["splits"]
    assert isinstance(splits, dict)
    for name, row in [("all", report), *splits.items()]:
        table.add_row(
            name, str(row["articles"]), str(row["gold_stories"]), str(row["predicted_stories"]),
            *(f"{row[k]:.3f}" for k in (
                "bcubed_precision", "bcubed_recall", "bcubed_f1", "pairwise_precision", "pairwise_recall", "pairwise_f1",
            )),
        )
    out.print(table)


@train_app.command("stories")
def train_stories(
    dataset: DatasetOption = DEFAULT_DATASET,
    exclude_day: Annotated[
        list[str], typer.Option("--exclude-day", help="Leave out articles of this date_extracted day (the gold days).")
    ] = ["2015-08-07"],  # noqa: B006 (typer reads the default)
    output: Annotated[Path | None, typer.Option("--out", help="Where to write story_df.tsv.")] = None,
) -> None:
    """Rebuild the background term frequencies (models/story_df.tsv) from SaudiNewsNet."""
    from marsad.corpus.background import FILE_NAME, count_background, write_background
    from marsad.eval.stories import article_document, iter_records

    require_dataset(dataset)
    skip = set(exclude_day)
    docs = (article_document(i, r) for i, r in iter_records(dataset) if r.get("date_extracted", "")[:10] not in skip)
    bg = count_background(docs)
    target = output or Path(str(resources.files("marsad.models").joinpath(FILE_NAME)))
    written = write_background(bg, target)
    err.print(f"{bg.n} articles, {written} terms -> {target}")

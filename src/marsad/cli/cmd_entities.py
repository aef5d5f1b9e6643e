"""``marsad train names`` and ``marsad eval entities``."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from marsad.cli.apps import eval_app, train_app

_DATASET = Path("..") / "shared" / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
out = Console()
err = Console(stderr=True)


@train_app.command("names")
def train_names(
    dataset: Annotated[Path, typer.Option("--dataset", exists=True, dir_okay=False, help="SaudiNewsNet JSONL (gzip).")]
    = _DATASET,
    every: Annotated[int, typer.Option("--every", min=1, help="Read every N-th article.")] = 3,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Stop after this many articles.")] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Folder for the two tables (default: the package lexicons).")]
    = None,
    stats: Annotated[Path | None, typer.Option("--stats", dir_okay=False,
                                               help="Counts file: read it when it exists (no tagging), else write it.")]
    = None,
    contexts: Annotated[Path | None, typer.Option("--contexts", dir_okay=False,
                                                  help="Contexts file of the place/organisation variant test: read it "
                                                       "when it exists, else write it.")] = None,
) -> None:
    """Mine name-spelling variants and name-word rates from SaudiNewsNet into name_variants.tsv and name_words.tsv."""
    from marsad.train.names import ContextStats, NameStats, collect, collect_contexts, write_tables

    if out_dir is None:
        with resources.as_file(resources.files("marsad.lexicons")) as folder:
            out_dir = Path(folder)
    out_dir.mkdir(parents=True, exist_ok=True)
    if stats is not None and stats.exists():
        counts = NameStats.load(stats)
    else:
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("tagging", total=limit)
            counts = collect(dataset, every, limit, lambda n: bar.advance(task, n))
        if stats is not None:
            counts.save(stats)
    if contexts is not None and contexts.exists():
        found = ContextStats.load(contexts)
    else:
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("contexts", total=None)
            found = collect_contexts(dataset, counts, lambda n: bar.advance(task, n))
        if contexts is not None:
            found.save(contexts)
    command = f"marsad train names --every {every}" + (f" --limit {limit}" if limit else "")
    for path in write_tables(counts, out_dir, command, found):
        err.print(f"wrote {path}")


@eval_app.command("entities")
def eval_entities(
    gold: Annotated[Path, typer.Argument(exists=True, help="Gold TSV (split, url, cluster, name) or its folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List every error under the table.")] = False,
) -> None:
    """Resolution on multi-outlet news, run through the product pipeline: B-cubed and error counts per split."""
    from marsad.eval.entities import analyse, empty_names, read_gold, score
    from marsad.eval.shared import find_shared

    rows = read_gold(gold)
    docs, result = analyse(rows, find_shared(gold))
    scores = score(rows, docs, result)
    data = {"splits": {name: s.as_dict() for name, s in scores.items()}, "empty_names": len(empty_names(result))}
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table("split", "mentions", "B3 precision", "B3 recall", "B3 F1", "merged", "split", "missed", "span",
                  "spurious")
    for name, s in scores.items():
        table.add_row(name, str(s.mentions), f"{s.precision:.4f}", f"{s.recall:.4f}", f"{s.f1:.4f}", str(len(s.merged)),
                      str(len(s.split)), str(len(s.missed)), str(len(s.span)), str(len(s.spurious)))
    out.print(table)
    out.print(f"entities with an empty name: {data['empty_names']}")
    if errors:
        for name, s in scores.items():
            kinds = {"merged": s.merged, "split": s.split, "missed": s.missed, "span": s.span, "spurious": s.spurious}
            for kind, items in kinds.items():
                for item in items:
                    out.print(f"{name}\t{kind}\t{item}")

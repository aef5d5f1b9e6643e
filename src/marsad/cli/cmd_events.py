"""``marsad train events`` (the trigger lexicon), ``marsad eval events`` and ``marsad eval timeline``."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from marsad.cli.apps import eval_app, train_app
from marsad.cli.datasets import SharedOption, shared_folder

if TYPE_CHECKING:
    from marsad.corpus.result import CorpusResult
    from marsad.eval.events import GoldArticle

out = Console()
err = Console(stderr=True)

_SHARED = Path("../shared")
_GOLD_DAYS = ["2015-08-06", "2015-08-07", "2015-08-10", "2015-08-11"]


@train_app.command("events")
def train_events(
    shared: Annotated[Path, typer.Option("--shared", help="The shared data folder.")] = _SHARED,
    sample: Annotated[int, typer.Option("--sample", min=100, help="Count forms on this many SaudiNewsNet articles.")] = 2000,
    every: Annotated[int, typer.Option("--every", min=1, help="Take one article in this many.")] = 10,
    exclude_day: Annotated[
        list[str], typer.Option("--exclude-day", help="Leave out articles of this date_extracted day (the gold days).")
    ] = _GOLD_DAYS,
    output: Annotated[Path | None, typer.Option("--out", help="Where to write event_triggers.tsv.")] = None,
) -> None:
    """Rebuild lexicons/event_triggers.tsv from the Arabic CAMEO dictionaries, the seeds and SaudiNewsNet counts."""
    from marsad.eval.stories import iter_records
    from marsad.train.events import build, write_triggers

    cameo = shared / "datasets" / "cameo_arabic" / "CAMEO.ar.0.5.txt"
    dataset = shared / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    for need in (cameo, dataset):
        if not need.is_file():
            err.print(f"not found: {need}")
            raise typer.Exit(2)
    skip = set(exclude_day)

    def texts() -> list[str]:
        found: list[str] = []
        for i, rec in iter_records(dataset):
            if i % every or rec.get("date_extracted", "")[:10] in skip:
                continue
            found.append(rec.get("content") or "")
            if len(found) >= sample:
                break
        return found

    triggers, counts = build(cameo.read_text(encoding="utf-8"), texts())
    target = output or Path(str(resources.files("marsad.lexicons").joinpath("event_triggers.tsv")))
    write_triggers(triggers, counts, target, sample)
    by_origin = {o: sum(1 for t in triggers if t.origin == o) for o in ("seed", "cameo")}
    err.print(f"{len(triggers)} trigger forms ({by_origin['seed']} from seeds, {by_origin['cameo']} from CAMEO) -> {target}")


def _load(gold: Path, shared: Path | None) -> tuple[list[GoldArticle], CorpusResult]:
    """Load the gold articles and run the product pipeline over them."""
    from marsad.eval.events import load_gold, run

    articles = load_gold(gold, shared_folder(gold, shared))
    return articles, run(articles)


def _table(report: dict[str, object], metrics: tuple[str, ...]) -> Table:
    splits = report.get("splits", {})
    assert isinstance(splits, dict)
    rows: dict[str, dict[str, object]] = {**splits, "overall": report}
    table = Table("metric", *rows)
    for metric in metrics:
        table.add_row(metric, *(str(r.get(metric, "")) for r in rows.values()))
    return table


@eval_app.command("events")
def eval_events(
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Gold JSONL (tests/gold/events/gold.jsonl).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    shared: SharedOption = None,
    errors: Annotated[bool, typer.Option("--errors", help="Also list misses, spurious triggers, wrong types and dates (stderr).")] = False,
) -> None:
    """Trigger precision/recall/F1, type accuracy on found triggers, date accuracy at the gold's precision."""
    from marsad.eval.events import evaluate_events

    articles, _result = _load(gold, shared)
    report, problems = evaluate_events(articles)
    if errors:
        for problem in problems:
            typer.echo(json.dumps(problem, ensure_ascii=False), err=True)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    out.print(_table(report, ("trigger_precision", "trigger_recall", "trigger_f1", "type_accuracy", "date_accuracy",
                              "gold", "predicted", "matched", "dated")))


@eval_app.command("timeline")
def eval_timeline(
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Gold JSONL (tests/gold/events/gold.jsonl).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    shared: SharedOption = None,
) -> None:
    """Coverage and dates of hand-dated sentences by events or timeline rows; precision of timeline rows."""
    from marsad.eval.events import evaluate_timeline

    articles, result = _load(gold, shared)
    report = evaluate_timeline(articles, result)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    out.print(_table(report, ("coverage", "dated_right", "date_accuracy_covered", "row_precision", "sentences",
                              "covered", "rows")))

"""``marsad train events`` (the trigger lexicon), ``marsad eval events`` and ``marsad eval timeline``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from marsad.cli.apps import train_app

out = Console()
err = Console(stderr=True)

_SHARED = Path("../shared")
_GOLD_DAYS = ["2015-08-06", "2015-08-07"]


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

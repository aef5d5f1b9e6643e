"""The data options the eval and train commands share: the SaudiNewsNet dump and the shared folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from marsad.eval.shared import SAUDINEWSNET, find_shared

err = Console(stderr=True)

DEFAULT_DATASET = Path("..") / "shared" / SAUDINEWSNET
DatasetOption = Annotated[Path, typer.Option("--dataset", help="SaudiNewsNet JSONL (gzip) dump.")]
SharedOption = Annotated[
    Path | None, typer.Option("--shared", help="The shared data folder (found beside the repo by default).")
]


def require_dataset(dataset: Path) -> Path:
    """The dataset path, or exit with status 2 and one error line when it is not a file."""
    if not dataset.is_file():
        err.print(f"dataset not found: {dataset}")
        raise typer.Exit(2)
    return dataset


def shared_folder(gold: Path, shared: Path | None) -> Path:
    """The ``--shared`` folder, else the one found above the gold file; exit with status 2 when there is none."""
    try:
        return shared or find_shared(gold)
    except FileNotFoundError as exc:
        err.print(f"{exc}: pass --shared")
        raise typer.Exit(2) from exc

"""The typer applications every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(help="marsad: Arabic news intelligence, offline.", no_args_is_help=True, add_completion=False)
eval_app = typer.Typer(help="Score a capability against gold data.", no_args_is_help=True)
train_app = typer.Typer(help="Rebuild a shipped model from ../shared/datasets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")

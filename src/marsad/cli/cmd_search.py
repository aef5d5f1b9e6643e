"""``marsad search``: find segments in the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from marsad.cli.apps import app
from marsad.store import Store

_MATCH = r"\[[^\[\]\n]+\]"


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words to find (any clitic form: كوريا finds لكوريا).")],
    db: Annotated[Path, typer.Option("--db", help="SQLite store written by marsad analyze.")] = Path("marsad.db"),
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most hits shown.")] = 20,
) -> None:
    """Search the store's segments; print document, segment and a snippet for each hit."""
    err = Console(stderr=True)
    if not db.is_file():
        err.print(f"[red]error[/red] no store at {escape(str(db))} (run marsad analyze first)", highlight=False)
        raise typer.Exit(1)
    with Store(db) as store:
        hits = store.search(query, limit)
    if not hits:
        err.print(f"no match for {query!r} in {db}", highlight=False, markup=False)
        return
    table = Table("document", "segment", "snippet", show_lines=True)
    for hit in hits:
        snippet = Text(hit.snippet)
        snippet.highlight_regex(_MATCH, "bold yellow")
        table.add_row(Text(f"{hit.document}\n{hit.source}"), Text(f"{hit.segment}\n{hit.kind}"), snippet)
    Console().print(table)

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
from marsad.store.dialect import is_database_url

_MATCH = r"\[[^\[\]\n]+\]"


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words to find (any clitic form: كوريا finds لكوريا).")],
    db: Annotated[
        str, typer.Option("--db", help="The store written by marsad analyze: a SQLite file or a postgresql:// URL.")
    ] = "marsad.db",
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most hits shown.")] = 20,
) -> None:
    """Search the store's segments; print document, segment and a snippet for each hit."""
    err = Console(stderr=True)
    if not is_database_url(db) and not Path(db).is_file():
        err.print(f"[red]error[/red] no store at {escape(db)} (run marsad analyze first)", highlight=False)
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

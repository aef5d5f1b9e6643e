"""``marsad serve``: the REST API and the Arabic web pages over a store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.apps import app
from marsad.cli.cmd_analyze import err, fail, load_options
from marsad.store.dialect import is_database_url

LOCAL = "127.0.0.1"


@app.command("serve")
def serve_command(
    db: Annotated[
        str, typer.Option("--db", help="The store written by marsad analyze: a SQLite file or a postgresql:// URL.")
    ] = "marsad.db",
    host: Annotated[str, typer.Option("--host", help="Address to bind (only this machine by default).")] = LOCAL,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", min=1, help="Largest posted document.")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="TOML file of options (see marsad.options).")] = None,
) -> None:
    """Serve the store: Arabic pages at http://HOST:PORT/ and the REST API under /api (OpenAPI at /openapi.json)."""
    import uvicorn

    from marsad.server.app import create_app
    from marsad.server.backend import open_backend

    if not is_database_url(db) and not Path(db).is_file():
        raise fail(f"no store at {db} (run marsad analyze first)", 1)
    if host != LOCAL:
        err.print(f"[yellow]warning[/yellow] listening on {host}: other machines can reach this server",
                  highlight=False, soft_wrap=True)
    options = replace(load_options(config), workers=1, progress=False)
    if max_bytes is not None:
        options = replace(options, max_bytes=max_bytes)
    reader, ingest = open_backend(db, options)
    err.print(f"marsad: {reader.health()['documents']} documents from {db} at http://{host}:{port}/",
              highlight=False, soft_wrap=True)
    uvicorn.run(create_app(reader, ingest, options), host=host, port=port, log_level="warning")

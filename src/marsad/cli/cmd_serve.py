"""``marsad serve``: the REST API and the Arabic web pages over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from marsad.cli.apps import app
from marsad.options import DEFAULT_MAX_BYTES, Options

LOCAL = "127.0.0.1"


@app.command("serve")
def serve_command(
    db: Annotated[Path, typer.Option("--db", help="SQLite store written by marsad analyze.")] = Path("marsad.db"),
    host: Annotated[str, typer.Option("--host", help="Address to bind (only this machine by default).")] = LOCAL,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Largest posted document.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Serve the store: Arabic pages at http://HOST:PORT/ and the REST API under /api (OpenAPI at /openapi.json)."""
    import uvicorn

    from marsad.server.app import create_app
    from marsad.server.backend import open_backend

    err = Console(stderr=True)
    if not db.is_file():
        err.print(f"[red]error[/red] no store at {db} (run marsad analyze first)", highlight=False)
        raise typer.Exit(1)
    if host != LOCAL:
        err.print(f"[yellow]warning[/yellow] listening on {host}: other machines can reach this server", highlight=False)
    reader, ingest = open_backend(db, Options(max_bytes=max_bytes, workers=1, progress=False))
    err.print(f"marsad: {reader.health()['documents']} documents from {db} at http://{host}:{port}/", highlight=False)
    uvicorn.run(create_app(reader, ingest, max_bytes), host=host, port=port, log_level="warning")

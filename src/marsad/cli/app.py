"""Entry point: imports every command module so that it registers on the shared apps."""

from __future__ import annotations

from marsad.cli import (
    cmd_analyze,
    cmd_claims,
    cmd_entities,
    cmd_events,
    cmd_ner,
    cmd_pages,
    cmd_quotes,
    cmd_search,
    cmd_serve,
    cmd_stories,
    cmd_time,
)
from marsad.cli.apps import app

# Each module registers its commands on import (analyze/schema, eval claims, eval entities and train names,
# eval+train events and timeline, eval+train ner, eval+train pages, search, serve, eval+train stories).
COMMAND_MODULES = (
    cmd_analyze, cmd_claims, cmd_entities, cmd_events, cmd_ner, cmd_pages, cmd_quotes, cmd_search, cmd_serve, cmd_stories, cmd_time,
)


def main() -> None:
    """Run the ``marsad`` command."""
    app()

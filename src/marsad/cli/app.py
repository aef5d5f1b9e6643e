"""Entry point: imports every command module so that it registers on the shared apps."""

from __future__ import annotations

import marsad.cli.cmd_ner  # registers marsad eval/train ner
import marsad.cli.cmd_search  # noqa: F401  (registers marsad search)
import marsad.cli.cmd_stories  # noqa: F401  (registers marsad eval/train stories)
from marsad.cli import cmd_analyze  # noqa: F401  (registers commands)
from marsad.cli.apps import app


def main() -> None:
    """Run the ``marsad`` command."""
    app()

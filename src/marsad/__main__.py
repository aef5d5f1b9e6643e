"""``python -m marsad`` runs the command-line interface."""

from marsad.cli.app import main

main()

"""The exception ingest raises internally when an input (or one record of it) is unusable."""

from __future__ import annotations


class Rejected(Exception):
    """An input cannot become a document; ``reason`` is one short line for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

"""The one options object threaded through every stage (as trafilatura does)."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Options:
    """Run-wide settings."""

    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1
    timeout: float = 20.0
    min_arabic_ratio: float = 0.3
    progress: bool = True
    # record field names the user maps to marsad's fields: (marsad name, record field), e.g. ("published", "dt")
    field_map: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    # a TSV of outlets (name, domains, variants) that extends the shipped lexicon
    outlets_file: str | None = None

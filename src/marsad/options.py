"""The one options object threaded through every stage (as trafilatura does)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Options:
    """Run-wide settings."""

    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1
    timeout: float = 20.0
    min_arabic_ratio: float = 0.3
    progress: bool = True

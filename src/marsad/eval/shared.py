"""Locating the ``shared`` data folder (real seeds and datasets) that gold files refer to."""

from __future__ import annotations

from pathlib import Path


def find_shared(*starts: Path) -> Path:
    """The ``shared`` folder beside an ancestor of any start path or of the current folder."""
    for start in [*starts, Path.cwd()]:
        for parent in [start.resolve(), *start.resolve().parents]:
            for candidate in (parent / "shared", parent.parent / "shared"):
                if (candidate / "datasets").is_dir():
                    return candidate
    raise FileNotFoundError(f"no shared data folder (with datasets/) found above {', '.join(map(str, starts))}")

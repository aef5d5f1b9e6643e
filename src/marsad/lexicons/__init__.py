"""Lexicons kept as data files (one entry a line, ``#`` comments) and their loader."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load(name: str) -> tuple[str, ...]:
    """Return the non-empty, non-comment lines of lexicon ``name`` (a file in this folder)."""
    raw = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return tuple(line for line in lines if line)


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of a tab-separated lexicon ``name`` (comments and blanks skipped)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in load(name))


@cache
def load_groups(name: str) -> dict[str, frozenset[str]]:
    """Return the second column of a tab-separated lexicon ``name`` grouped by its first (extra columns ignored)."""
    found: dict[str, set[str]] = {}
    for key, value, *_ in load_table(name):
        found.setdefault(key, set()).add(value)
    return {key: frozenset(values) for key, values in found.items()}

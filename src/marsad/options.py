"""The one options object threaded through every stage (as trafilatura does), loadable from TOML.

A configuration file sets any field by name, at the top level or under ``[marsad]``::

    [marsad]
    workers = 2
    batch_size = 32
    max_bytes = 10_000_000
    outlets_file = "my_outlets.tsv"
    registry_file = "my_entities.tsv"

    [marsad.field_map]
    title = "headline_ar"
    published = "meta.dt"

    [marsad.stories]        # story clustering (marsad.corpus.story_index.StoryParams)
    threshold = 0.25

An unknown name or a value of the wrong type is an error (:class:`OptionsError`), so
that no setting is silently ignored.  Story settings apply to a new store: a store keeps
the settings its story index was built with, so that later batches continue it alike.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.corpus.story_index import StoryParams

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# The document fields a record's own field names can be mapped to (``field_map``, ``--field NAME=FIELD``).
RECORD_FIELDS = ("title", "text", "url", "published", "outlet", "author", "language")


class OptionsError(ValueError):
    """A configuration file or value that cannot be used (one line)."""


@dataclass(frozen=True)
class Options:
    """Run-wide settings.

    ``max_bytes``: largest input (and largest decompressed input) accepted.
    ``workers``: processes analysing documents in parallel.
    ``timeout``: seconds allowed for fetching one URL.
    ``min_arabic_ratio``: share of Arabic letters below which an input is rejected.
    ``progress``: show a progress bar on a terminal.
    ``batch_size``: documents analysed and committed to the store together (a kill loses at most one batch).
    ``lock_wait``: seconds to keep retrying a store locked by another program before giving up.
    ``stories``: the story clustering knobs of a new store's story index.
    ``cluster``: run the per-document stage on a Dask cluster, ``local:N`` or ``tcp://HOST:PORT``
    (:mod:`marsad.cluster`); empty for local processes (``workers``).
    ``field_map``: (document field, record field) pairs read before the usual names, e.g.
    ``(("published", "dt"),)``; the record field may be dotted for nested objects.
    ``outlets_file``: a TSV of outlets (name, domains, other names) extending the shipped lexicon
    (empty: none).
    ``registry_file``: a TSV of known entities (id, type, name, variants, dated roles) extending or
    overriding the shipped registry (:mod:`marsad.corpus.known`; empty: none).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1
    timeout: float = 20.0
    min_arabic_ratio: float = 0.3
    progress: bool = True
    batch_size: int = 64
    lock_wait: float = 30.0
    stories: StoryParams = field(default_factory=StoryParams)
    cluster: str = ""
    field_map: tuple[tuple[str, str], ...] = ()
    outlets_file: str = ""
    registry_file: str = ""

    def __post_init__(self) -> None:
        for name in ("max_bytes", "workers", "batch_size"):
            if getattr(self, name) < 1:
                raise OptionsError(f"{name} must be at least 1")
        if self.timeout <= 0 or self.lock_wait < 0:
            raise OptionsError("timeout must be positive and lock_wait not negative")
        if self.cluster and not self.cluster.startswith(("local:", "tcp://")):
            raise OptionsError(f"cluster {self.cluster!r}: give local:N or tcp://HOST:PORT")
        if not 0.0 <= self.min_arabic_ratio <= 1.0:
            raise OptionsError("min_arabic_ratio must lie between 0 and 1")
        for name, key in self.field_map:
            if name not in RECORD_FIELDS or not key:
                raise OptionsError(f"field_map: {name!r} is not one of {', '.join(RECORD_FIELDS)}, or no field given")

    def replace(self, **changes: Any) -> Options:
        """A copy with the given fields changed (``None`` values are ignored: "not given")."""
        given = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **given) if given else self

    @classmethod
    def from_toml(cls, path: Path) -> Options:
        """Read options from a TOML file (top-level keys or a ``[marsad]`` table)."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise OptionsError(f"cannot read config {path}: {exc.strerror or exc}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise OptionsError(f"invalid TOML in {path}: {exc}") from exc
        table = data.get("marsad", data)
        if not isinstance(table, dict):
            raise OptionsError(f"{path}: [marsad] must be a table")
        return cls.from_dict(table, str(path))

    @classmethod
    def from_dict(cls, values: dict[str, Any], where: str = "options") -> Options:
        """Options from a mapping of field names; unknown names and wrong types are errors."""
        if isinstance(values.get("field_map"), dict):  # a TOML table {name = "field"}
            values = {**values, "field_map": tuple((str(k), str(v)) for k, v in values["field_map"].items())}
        out = _typed(cls(), values, where)
        if "stories" in out:
            out["stories"] = StoryParams(**_typed(StoryParams(), out["stories"], f"{where} [stories]"))
        return cls(**out)


def _typed(defaults: Any, values: Any, where: str) -> dict[str, Any]:
    """Check ``values`` against the fields of the dataclass instance ``defaults`` (names and types)."""
    if not isinstance(values, dict):
        raise OptionsError(f"{where}: expected a table, not {values!r}")
    names = {f.name for f in dataclasses.fields(defaults)}
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in names:
            raise OptionsError(f"{where}: unknown setting {name!r} (known: {', '.join(sorted(names))})")
        expected = type(getattr(defaults, name))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if dataclasses.is_dataclass(expected):
            if not isinstance(value, dict):
                raise OptionsError(f"{where}: {name} must be a table")
        elif type(value) is not expected:
            raise OptionsError(f"{where}: {name} must be a {expected.__name__}, not {value!r}")
        out[name] = value
    return out

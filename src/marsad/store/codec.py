"""Dataclass records to JSON-ready dicts and back, by their type hints.

The store keeps each document as the JSON of :func:`dataclasses.asdict`; reading it back
walks the dataclass's field types (nested records, ``X | None``, ``list[X]``, dicts,
literals), so a field another stage adds to a record round-trips without a change here.
Keys the record no longer has are ignored; missing keys take the field's default.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")
JSON = dict[str, Any]  # a JSON object as Python reads it: a record, an API answer


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_json(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass instance of ``cls`` from its ``asdict`` form."""
    return typing.cast(T, _value(cls, data))


def _value(hint: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _value(options[0], data) if len(options) == 1 else data
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_value(item, x) for x in data]
    if origin is dict:
        _key, item = typing.get_args(hint)
        return {k: _value(item, v) for k, v in data.items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        known = {f.name for f in dataclasses.fields(hint) if f.init}
        return hint(**{k: _value(hints[k], v) for k, v in data.items() if k in known})
    return data

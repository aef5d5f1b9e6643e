"""Dataclass records to JSON-ready dicts and back, by their type hints.

The store keeps each document as the JSON of :func:`dataclasses.asdict`; reading it back
walks the dataclass's field types (nested records, ``X | None``, ``list[X]``, dicts,
literals), so a field another stage adds to a record round-trips without a change here.
Keys the record no longer has are ignored; missing keys take the field's default.
"""

from __future__ import annotations

import copy
import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")
JSON = dict[str, Any]  # a JSON object as Python reads it: a record, an API answer


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The names of a dataclass's fields, as :func:`dataclasses.asdict` lists them (``None`` for other types)."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def to_json(obj: Any) -> Any:
    """The :func:`dataclasses.asdict` form of ``obj``: the same dicts, lists and values, built faster.

    ``asdict`` deep-copies every string and number it meets; these are immutable, so they
    are taken as they are.  Dataclasses become dicts of their fields, lists, tuples and
    dicts are rebuilt with their own types, anything else is deep-copied, as ``asdict`` does.
    """
    if obj is None or isinstance(obj, (str, int, float)):
        return obj
    kind: Any = type(obj)
    names = _field_names(kind)
    if names is not None:
        return {name: to_json(getattr(obj, name)) for name in names}
    if isinstance(obj, list):
        return type(obj)(to_json(x) for x in obj)
    if isinstance(obj, tuple):
        if hasattr(obj, "_fields"):  # a named tuple
            return type(obj)(*[to_json(x) for x in obj])
        return type(obj)(to_json(x) for x in obj)
    if isinstance(obj, dict):
        return type(obj)((to_json(k), to_json(v)) for k, v in obj.items())
    return copy.deepcopy(obj)


def from_json(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass instance of ``cls`` from its ``asdict`` form."""
    hint: Any = cls
    return typing.cast(T, _reader(hint)(data))


def _same(data: Any) -> Any:
    return data


@cache
def _reader(hint: Any) -> Callable[[Any], Any]:
    """The function that rebuilds a value of type ``hint`` from its JSON form (built once per type)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _reader(options[0]) if len(options) == 1 else _same
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        item = _reader(item_hint)
        return lambda data: None if data is None else [item(x) for x in data]
    if origin is dict:
        _key, value_hint = typing.get_args(hint)
        value = _reader(value_hint)
        return lambda data: None if data is None else {k: value(v) for k, v in data.items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        fields = {f.name: _reader(hints[f.name]) for f in dataclasses.fields(hint) if f.init}
        cls = hint
        return lambda data: None if data is None else cls(
            **{k: fields[k](v) for k, v in data.items() if k in fields}
        )
    return _same

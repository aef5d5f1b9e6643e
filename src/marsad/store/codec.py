"""Dataclass records to JSON-ready dicts and back, by their type hints.

The store keeps each document as the JSON of :func:`dataclasses.asdict`; reading it back
walks the dataclass's field types (nested records, ``X | None``, ``list[X]``, dicts,
literals), so a field another stage adds to a record round-trips without a change here.
Keys the record no longer has are ignored; missing keys take the field's default.
"""

from __future__ import annotations

import copy
import dataclasses
import json
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
    Each type's encoder is chosen once (:func:`_encoder`), not by a chain of checks at every value.
    """
    encode = _ENCODERS.get(type(obj))
    return encode(obj) if encode is not None else _encoder(type(obj))(obj)


# One encoder for every stored JSON text: ``json.dumps(obj, ensure_ascii=False)`` makes (and configures) a new encoder
# at each call, which for the small records the store files by the thousand (quotes, events, centroids) costs about as
# much as encoding them.  Records are trees, so the check for cycles is left out; the text is the same.
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def json_text(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False)``, the same text, with one shared encoder (records hold no cycles)."""
    return _ENCODER.encode(obj)


def _same(data: Any) -> Any:
    return data


# Types whose values are their own JSON form (None's type included), then every other type met, with its encoder.
_PLAIN: frozenset[type] = frozenset({str, int, float, bool, type(None)})
_ENCODERS: dict[type, Callable[[Any], Any]] = dict.fromkeys(_PLAIN, _same)


def _encoder(kind: Any) -> Callable[[Any], Any]:
    """The encoder of values of type ``kind``, by the rules of :func:`to_json` (made once per type)."""
    encode: Callable[[Any], Any]
    if issubclass(kind, (str, int, float)):
        encode = _same
    elif (names := _field_names(kind)) is not None:
        encode = _record(names)
    elif issubclass(kind, list):
        encode = _list if kind is list else (lambda obj: type(obj)(to_json(x) for x in obj))
    elif issubclass(kind, tuple):
        if hasattr(kind, "_fields"):  # a named tuple
            encode = lambda obj: type(obj)(*[to_json(x) for x in obj])  # noqa: E731
        else:
            encode = lambda obj: type(obj)(to_json(x) for x in obj)  # noqa: E731
    elif issubclass(kind, dict):
        encode = lambda obj: type(obj)((to_json(k), to_json(v)) for k, v in obj.items())  # noqa: E731
    else:
        encode = copy.deepcopy
    _ENCODERS[kind] = encode
    return encode


def _record(names: tuple[str, ...]) -> Callable[[Any], JSON]:
    """The encoder of a dataclass with these fields: its fields as a dict, plain values taken as they are (without a
    call).  Written out field by field, as :mod:`dataclasses` writes ``__init__``: one dict display, no loop."""
    items = ", ".join(f"{name!r}: v{i} if type(v{i}) in plain else to_json(v{i})" for i, name in enumerate(names))
    reads = "".join(f"    v{i} = obj.{name}\n" for i, name in enumerate(names))
    namespace: dict[str, Any] = {}
    exec(f"def encode(obj, plain=plain, to_json=to_json):\n{reads}    return {{{items}}}\n",
         {"plain": _PLAIN, "to_json": to_json}, namespace)
    encode: Callable[[Any], JSON] = namespace["encode"]
    return encode


def _list(obj: list[Any]) -> list[Any]:
    return [x if type(x) in _PLAIN else to_json(x) for x in obj]


def from_json(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass instance of ``cls`` from its ``asdict`` form."""
    hint: Any = cls
    return typing.cast(T, _reader(hint)(data))


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

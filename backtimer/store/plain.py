"""Frozen dataclasses to plain data (for caches and JSON) and back, with no validation.

Only for data that was validated when it was stored: the warm path that keeps pydantic
out of a normal start. The way back is worked out once per class from its annotations.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

T = TypeVar("T")
Convert = Callable[[Any], Any]

_plans: dict[type, list[tuple[str, Convert | None]]] = {}


def to_plain(value: Any) -> Any:
    """Dataclasses as dicts, tuples as lists, datetimes as ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _converter(hint: Any) -> Convert | None:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Annotated:
        return _converter(args[0])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            inner = _converter(options[0])
            return None if inner is None else (lambda v: None if v is None else inner(v))
        convs = [(_base(a), _converter(a)) for a in options]

        def pick(v: Any) -> Any:
            for base, conv in convs:
                if (
                    base is dict
                    and isinstance(v, dict)
                    or base is not dict
                    and not isinstance(v, dict)
                ):
                    return conv(v) if conv else v
            return v

        return pick
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            return (lambda v: tuple(v)) if item is None else (lambda v: tuple(map(item, v)))
        parts = [_converter(a) for a in args]
        return lambda v: tuple(c(x) if c else x for c, x in zip(parts, v, strict=True))
    if origin is dict:
        value = _converter(args[1]) if len(args) == 2 else None
        if value is None:
            return dict
        return lambda v: {k: value(x) for k, x in v.items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        cls = hint
        return lambda v: from_plain(cls, v)
    if hint is datetime:
        return lambda v: datetime.fromisoformat(v) if isinstance(v, str) else v
    if hint is date:
        return lambda v: date.fromisoformat(v) if isinstance(v, str) else v
    return None


def _base(hint: Any) -> type:
    """dict for what is stored as a dict (a dataclass or a mapping), else object."""
    origin = typing.get_origin(hint) or hint
    if origin is typing.Annotated:
        return _base(typing.get_args(hint)[0])
    if origin is dict or (isinstance(origin, type) and dataclasses.is_dataclass(origin)):
        return dict
    return object


def _plan(cls: type) -> list[tuple[str, Convert | None]]:
    plan = _plans.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = _plans[cls] = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls)]
    return plan


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """A ``cls`` from what :func:`to_plain` made of one."""
    values = {
        name: (conv(data[name]) if conv is not None else data[name])
        for name, conv in _plan(cls)
        if name in data
    }
    return cls(**values)

"""The files a person can edit, declared once, and their validation.

Each file's shape is a frozen dataclass (the core's ``Exercise``, ``Routine``,
``Settings``, ``SessionEntry``; the wrappers below for whole files) whose annotations
carry the constraints. pydantic validates those very dataclasses through a
``TypeAdapter``, imported only here and only when a file is new or changed: a warm
start rebuilds the dataclasses from the cache (``backtimer.store.plain``) instead.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

from backtimer import __version__
from backtimer.core.exercise import Exercise
from backtimer.core.routine import Routine
from backtimer.core.vocab import FILE_CONFIG, Ge, Interval
from backtimer.store.errors import DataError
from backtimer.store.tomlio import line_of, shorten

T = TypeVar("T")

#: Most problems one message lists.
MAX_PROBLEMS = 5


@dataclass(frozen=True, slots=True)
class CatalogFile:
    __pydantic_config__ = FILE_CONFIG

    exercise: tuple[Exercise, ...]
    routine: tuple[Routine, ...] = ()
    schema_: Annotated[int, Interval(ge=1, le=1)] = 1


@dataclass(frozen=True, slots=True)
class RoutinesFile:
    __pydantic_config__ = FILE_CONFIG

    routine: tuple[Routine, ...] = ()


@dataclass(frozen=True, slots=True)
class LogHeader:
    __pydantic_config__ = FILE_CONFIG

    schema_: Annotated[int, Ge(1)]


# ---------------------------------------------------------------------- the fingerprint

#: The version of the rules a file is validated against: raise it with any change to
#: what a valid file is (``RULE_MODULES``). A test records what each version's rules
#: look like (their code, without comments or docstrings) and fails when they change
#: and this does not; editing a comment or a docstring changes nothing.
RULES_VERSION = 11

#: The modules whose code decides what a valid file is.
RULE_MODULES = (
    "core/vocab.py",
    "core/dose.py",
    "core/exercise.py",
    "core/routine.py",
    "core/settings.py",
    "core/log.py",
    "core/amend.py",
    "core/walk.py",
    "core/desk_entry.py",
    "core/tally.py",
    "store/models.py",
    "store/state.py",
)


def fingerprint() -> str:
    """What keys every cache: the rules' version, backtimer's and Python's. A cache
    made under other rules, or by another backtimer or Python, is never used."""
    return f"rules-{RULES_VERSION}|{__version__}|{sys.version}"


# ---------------------------------------------------------------------- validation

_adapters: dict[Any, Any] = {}


def _describe(error: Any) -> str:
    kind = error["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return f"unknown key {error['loc'][-1]!r}"
    if kind in ("missing", "missing_argument"):
        return f"missing key {error['loc'][-1]!r}"
    if kind == "finite_number":
        return "must be a finite number (not inf or nan)"
    msg = str(error["msg"]).removeprefix("Value error, ")
    if "input" in error and kind != "value_error" and not isinstance(error["input"], dict | list):
        msg += f" (got {shorten(error['input'])})"
    return msg[0].lower() + msg[1:] if msg else msg


def problems_message(
    path: Path, text: str, errors: Sequence[Any], place: Callable[[tuple[Any, ...]], str]
) -> str:
    """One paragraph listing the first few of ``errors`` (pydantic's error dicts).

    ``place(loc)`` turns an error location into a human name such as
    ``exercise 'bridge', key 'reps'``.
    """
    parts = []
    for error in errors[:MAX_PROBLEMS]:
        loc = tuple(error["loc"])
        line = line_of(text, loc)
        where = f"line {line}, " if line else ""
        parts.append(f"{where}{place(loc)}: {_describe(error)}")
    more = len(errors) - MAX_PROBLEMS
    tail = f"; and {more} more problem{'s' if more > 1 else ''}" if more > 0 else ""
    return f"{path}: " + "; ".join(parts) + tail + "."


def key_place(loc: tuple[Any, ...]) -> str:
    return f"key {'.'.join(map(str, loc))!r}" if loc else "file"


def check(data: Any, cls: type[T]) -> T:
    """``data`` as a ``cls``, validated; raises pydantic's ValidationError."""
    from pydantic import TypeAdapter

    adapter = _adapters.get(cls)
    if adapter is None:
        adapter = _adapters[cls] = TypeAdapter(cls)
    return adapter.validate_python(data)  # type: ignore[no-any-return]


def validate(
    path: Path,
    text: str,
    data: Any,
    cls: type[T],
    place: Callable[[tuple[Any, ...]], str] = key_place,
) -> T:
    """Validate parsed ``data`` as ``cls``; raise :class:`DataError` naming lines."""
    from pydantic import ValidationError

    try:
        return check(data, cls)
    except ValidationError as exc:
        raise DataError(problems_message(path, text, exc.errors(), place)) from None
    except (ValueError, RecursionError) as exc:  # e.g. an int too long to convert
        raise DataError(f"{path}: {shorten(str(exc), 200)}.") from None

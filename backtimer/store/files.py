"""Reading one TOML file into its declared dataclass: from the cache when the file
and the rules are unchanged, otherwise parsed, validated by pydantic and the rules
that span keys, and then remembered."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from backtimer.store.cache import Cache, digest_of
from backtimer.store.errors import DataError
from backtimer.store.plain import from_plain, to_plain
from backtimer.store.tomlio import parse_toml

T = TypeVar("T")

#: A file a person edits is small: anything larger is refused before it is read.
MAX_BYTES = 4 * 1024 * 1024


def read_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else is a
    DataError (a folder, a pipe, a device, a file too large)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise DataError(f"{path}: file not found.") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read it: {exc.strerror}.") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise DataError(f"{path}: {kind}; expected a TOML file.")
        if info.st_size > limit:
            raise DataError(
                f"{path}: {info.st_size} bytes, more than the {limit // (1024 * 1024)} MB "
                "such a file can hold; is it the right file?"
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise DataError(f"{path}: cannot read it: {exc.strerror}.") from None
    finally:
        os.close(fd)


def load_validated(
    path: Path,
    cache: Cache | None,
    kind: str,
    cls: type[T],
    rules: Callable[[str, T], None] | None = None,
    place: Callable[[Any], Callable[[tuple[Any, ...]], str]] | None = None,
    related: str = "",
    *,
    fresh: bool = False,
) -> tuple[T, str]:
    """``path`` as a ``cls`` and the digest it was remembered under.

    ``rules(text, value)`` raises DataError for what spans keys; ``place(raw)`` makes
    the namer of error locations; ``related`` is a digest of what the file was
    checked against (the catalogue, for saved routines). ``fresh`` validates the file
    itself, whatever is stored (``backtimer check``).
    """
    from backtimer.store.models import key_place, validate

    raw = read_file(path)
    digest = digest_of(raw, related)
    stored = cache.get(kind, path, digest) if cache is not None and not fresh else None
    if isinstance(stored, dict):
        try:
            return from_plain(cls, stored), digest
        except (TypeError, ValueError, KeyError):
            pass  # not what this version stores: validate again
    parsed, text = parse_toml(path, raw)
    namer = place(parsed) if place is not None else key_place
    value = validate(path, text, parsed, cls, namer)
    if rules is not None:
        rules(text, value)
    if cache is not None:
        cache.put(kind, path, digest, to_plain(value))
    return value, digest


def problems(data: Any, cls: type[T]) -> tuple[T | None, list[tuple[str, str]]]:
    """``data`` as a ``cls``, or None and every problem as (top-level key, what is
    wrong), in the words of file errors: the one reader of pydantic's error format
    for what a screen checks before it saves."""
    from pydantic import ValidationError

    from backtimer.store.models import _describe, check

    try:
        return check(data, cls), []
    except ValidationError as exc:
        return None, [(str(e["loc"][0]) if e["loc"] else "", _describe(e)) for e in exc.errors()]

"""Reading user TOML files with errors that name the file, the line and the key.

Shared by the catalogue, settings and saved routines: each validates with a
pydantic model and turns its errors into one readable paragraph.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from backtimer.errors import DataError

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound="BaseModel")

_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_MAX_PROBLEMS = 5


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: file not found.") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read it: {exc.strerror}.") from None


def parse_toml(path: Path, raw: bytes) -> tuple[dict[str, Any], str]:
    """Decode and parse; errors name the file, line and column."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start}).") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        match = _AT_LINE.search(msg)
        if match:
            msg = _AT_LINE.sub("", msg)
            raise DataError(
                f"{path}, line {match[1]}, column {match[2]}: not valid TOML: {msg}."
            ) from None
        raise DataError(f"{path}: not valid TOML: {msg}.") from None


CACHE_VERSION = 1


def load_checked(
    path: Path,
    cache_dir: Path | None,
    check: Callable[[Path, str, dict[str, Any]], Any],
    key: str = "",
) -> tuple[Any, str]:
    """The plain data ``check`` makes of ``path``, and a digest of the file (and ``key``).

    ``check(path, text, parsed)`` validates (importing pydantic) and returns plain
    data. With ``cache_dir`` that data is remembered under the digest, so a file
    already checked in exactly this form (against the same ``key``, e.g. the
    catalogue a routines file refers to) is not parsed or checked again.
    """
    raw = read_bytes(path)
    digest = hashlib.sha256(raw + b"\0" + key.encode()).hexdigest()
    cache = None
    if cache_dir is not None:
        where = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
        cache = cache_dir / f"{path.name}.{where}.cache"
        with suppress(Exception):  # a cache that cannot be used is simply not used
            version, seen, data = marshal.loads(cache.read_bytes())
            if version == CACHE_VERSION and seen == digest:
                return data, digest
    parsed, text = parse_toml(path, raw)
    data = check(path, text, parsed)
    if cache is not None:
        with suppress(OSError, ValueError):
            write_atomic(cache, "", data=marshal.dumps((CACHE_VERSION, digest, data)))
    return data, digest


def line_of(text: str, loc: Sequence[str | int]) -> int | None:
    """Best-effort line number of a pydantic error location in TOML ``text``.

    Handles ``key``, ``table.key`` and ``array_of_tables[i].key`` shapes, which is
    all our files use.
    """
    lines = text.splitlines()
    start, end = 0, len(lines)
    parts = list(loc)
    if len(parts) >= 2 and isinstance(parts[0], str) and isinstance(parts[1], int):
        header = re.compile(rf"^\s*\[\[\s*{re.escape(parts[0])}\s*\]\]")
        heads = [i for i, line in enumerate(lines) if header.match(line)]
        if parts[1] >= len(heads):
            return None
        start = heads[parts[1]]
        later = [i for i, line in enumerate(lines) if i > start and line.lstrip().startswith("[")]
        end = later[0] if later else len(lines)
        parts = parts[2:]
        if not parts:
            return start + 1
    key = next((p for p in parts if isinstance(p, str)), None)
    if key is None:
        return start + 1 if start else None
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
    for i in range(start, end):
        if pattern.match(lines[i]):
            return i + 1
    return start + 1 if start else None


def _describe(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key {error['loc'][-1]!r}"
    if kind == "missing":
        return f"missing key {error['loc'][-1]!r}"
    msg = str(error["msg"])
    msg = msg.removeprefix("Value error, ")
    if (
        "input" in error
        and kind not in ("value_error",)
        and not isinstance(error["input"], dict | list)
    ):
        msg += f" (got {error['input']!r})"
    return msg[0].lower() + msg[1:] if msg else msg


def validation_message(
    path: Path,
    text: str,
    exc: ValidationError,
    place: Any,
) -> str:
    """One paragraph listing the problems of ``exc``.

    ``place(loc)`` turns an error location into a human name such as
    ``exercise 'bridge', key 'reps'``.
    """
    errors = exc.errors()
    parts = []
    for error in errors[:_MAX_PROBLEMS]:
        loc = tuple(error["loc"])
        line = line_of(text, loc)
        where = f"line {line}, " if line else ""
        parts.append(f"{where}{place(loc)}: {_describe(error)}")
    more = len(errors) - _MAX_PROBLEMS
    tail = f"; and {more} more problem{'s' if more > 1 else ''}" if more > 0 else ""
    return f"{path}: " + "; ".join(parts) + tail + "."


def validate(path: Path, text: str, data: dict[str, Any], model: type[M], place: Any) -> M:
    """Validate parsed ``data`` against ``model``; raise :class:`DataError` naming lines."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataError(validation_message(path, text, exc, place)) from None


def write_atomic(path: Path, text: str, *, data: bytes | None = None) -> None:
    """Replace ``path`` with ``text`` (or raw ``data``): temp file in the same folder,
    fsync, rename.

    A crash at any instant leaves either the old file or the new one, never a mix.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if data is None else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

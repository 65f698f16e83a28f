"""TOML files: read with errors that name the file, line and key; write atomically;
and write back a person's own file changing only the keys that changed.

Reading uses ``tomllib``; round-trip writes use ``tomlkit`` (imported only when a
file is saved), so comments, order and formatting survive.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import Any

from backtimer.store.errors import DataError

_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: file not found.") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a folder, not a file.") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read it: {exc.strerror}.") from None


def parse_toml(path: Path, raw: bytes) -> tuple[dict[str, Any], str]:
    """Decode and parse; errors name the file, line and column."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start}).") from None
    import tomllib  # a warm start reads its files from the cache, not as TOML

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
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, deep nesting
        raise DataError(f"{path}: not valid TOML: {shorten(str(exc), 120)}.") from None


def line_of(text: str, loc: Sequence[str | int]) -> int | None:
    """Best-effort line number of an error location in TOML ``text``.

    Handles ``key``, ``table.key`` and ``array_of_tables[i].key`` shapes, which is
    all our files use.
    """
    lines = text.splitlines()
    start, end = 0, len(lines)
    parts = list(loc)
    heads: list[int] = []
    if len(parts) >= 2 and isinstance(parts[0], str) and isinstance(parts[1], int):
        header = re.compile(rf"^\s*\[\[\s*{re.escape(parts[0])}\s*\]\]")
        heads = [i for i, line in enumerate(lines) if header.match(line)]
    if heads:  # an array of tables; otherwise ``key = [...]``: the key's line
        index = int(parts[1])
        if index >= len(heads):
            return None
        start = heads[index]
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


def shorten(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut to ``limit`` characters: messages stay short however long
    the value in the file."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------- writing


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` and any missing parents for its owner only (0700), whatever
    the umask. A folder that exists is left as it is."""
    missing = []
    here = folder
    while not here.is_dir():
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(path, 0o700)


def write_atomic(path: Path, text: str, *, data: bytes | None = None) -> None:
    """Replace ``path`` with ``text`` (or raw ``data``): temp file in the same folder,
    fsync, rename. A crash at any instant leaves either the old file or the new one.

    A symlink the person made is written through: its target is replaced.
    """
    target = path.resolve() if path.is_symlink() else path
    ensure_private_dir(target.parent)
    # mkstemp makes the file 0600 with O_EXCL: nothing can be planted in its place
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if data is None else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _toml_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_toml_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _toml_value(v) for k, v in value.items()}
    return value


def update_table(table: Any, changes: Mapping[str, Any]) -> None:
    """Set ``changes`` in a tomlkit table, keeping every other key, comment and blank
    line. A None value removes the key. A dict over an existing table changes that
    table key by key, so the comments in it stay too."""
    for key, value in changes.items():
        if value is None:
            if key in table:
                del table[key]
        elif isinstance(value, Mapping) and isinstance(table.get(key), MutableMapping):
            gone = {k: None for k in table[key] if k not in value}
            update_table(table[key], {**gone, **value})
        else:
            table[key] = _toml_value(value)


def save_changes(path: Path, changes: Mapping[str, Any], header: str) -> None:
    """Write ``changes`` into the TOML file at ``path``, atomically, touching nothing
    else. A missing file is created with ``header`` (a comment) and the changes."""
    import tomlkit

    if path.exists():
        text = read_bytes(path).decode("utf-8")
        document = tomlkit.parse(text)
    else:
        document = tomlkit.parse(header)
    update_table(document, changes)
    write_atomic(path, tomlkit.dumps(document))

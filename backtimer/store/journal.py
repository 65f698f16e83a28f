"""The session log: one TOML file, appended to and never rewritten.

Layout of ``sessions.toml``::

    # backtimer session log ...
    schema = 2

    [[session]]
    id = "..."
    ...
    exercises = [
      { id = "cat-cow", status = "done", active_s = 70.0, sides = [], dose = { reps = 8 } },
    ]
    # end of session <id>

Each session is one block written with a single ``write`` to a file opened for
appending, then fsynced, under an exclusive lock (``store.lock``): a crash at any instant leaves
every earlier block as it was, and the cost of a write does not depend on the size of
the log. The closing ``# end of session`` line tells a block cut short by a crash
(no end line: reported and skipped) from one edited badly by hand (an error naming
the line; the file is left exactly as it is).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from backtimer.core.log import FLOAT_FIELDS, LOG_SCHEMA, SESSION_FIELDS, ExerciseEntry, SessionEntry
from backtimer.core.log import entry_problem as _entry_problem
from backtimer.store.cache import Cache
from backtimer.store.errors import DataError
from backtimer.store.lock import locked
from backtimer.store.tomlio import ensure_private_dir, line_of, shorten

HEADER = (
    "# backtimer session log. One [[session]] block per session, appended and never\n"
    "# rewritten. Safe to read; edit with care (`backtimer check` validates it).\n"
    f"schema = {LOG_SCHEMA}\n"
)
_BLOCK_START = re.compile(r"^\[\[session\]\][ \t]*$", re.MULTILINE)
_END = "# end of session "


@dataclass(frozen=True)
class Torn:
    """A block cut short by a crash: reported, skipped, never touched."""

    first_line: int
    last_line: int


@dataclass
class Log:
    path: Path
    sessions: list[SessionEntry] = field(default_factory=list)
    torn: list[Torn] = field(default_factory=list)

    def torn_message(self) -> str | None:
        if not self.torn:
            return None
        spans = ", ".join(f"lines {t.first_line}-{t.last_line}" for t in self.torn)
        return (
            f"{self.path}: {len(self.torn)} session block(s) cut short, probably by a crash "
            f"while saving ({spans}); they are skipped and every other session is intact. "
            "To repair, open the file in an editor and delete those lines (from the "
            "[[session]] line to just before the next one)."
        )


# ---------------------------------------------------------------------- writing


def _value(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()  # RFC 3339 with the T, as people write it
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    return tomli_w.dumps({"v": value}).split("=", 1)[1].strip()


def format_block(entry: SessionEntry) -> str:
    data = {f: getattr(entry, f) for f in SESSION_FIELDS if getattr(entry, f) is not None}
    for key in FLOAT_FIELDS:  # one spelling in the file, whatever the caller passed
        data[key] = float(data[key])
    lines = ["[[session]]"]
    lines += [f"{key} = {_value(value)}" for key, value in data.items()]
    lines.append("exercises = [")
    lines += [f"  {_value(e.plain())}," for e in entry.exercises]
    lines.append("]")
    lines.append(f"{_END}{entry.id}")
    return "\n".join(lines) + "\n"


def append(path: Path, entry: SessionEntry) -> None:
    """Append one session; fsync it. Never rewrites or truncates what is there."""
    ensure_private_dir(path.parent)
    block = format_block(entry)
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    with locked(path, flags, exclusive=True) as handle:
        fd = handle.fileno()
        size = os.fstat(fd).st_size
        if size == 0:
            prefix = HEADER + "\n"
        else:
            # a torn block may have left no final newline; start on a fresh line
            os.lseek(fd, size - 1, os.SEEK_SET)
            last = os.read(fd, 1)
            prefix = "\n" if last == b"\n" else "\n\n"
        data = (prefix + block).encode("utf-8")
        written = os.write(fd, data)
        while written < len(data):  # a short write: keep going until the block is whole
            written += os.write(fd, data[written:])
        os.fsync(fd)
    if size == 0:
        try:
            os.chmod(path, 0o600)
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)  # make the new file's name durable too
            finally:
                os.close(dir_fd)
        except OSError:
            pass


# ---------------------------------------------------------------------- reading
#
# A block is parsed on its own, so a problem is pinned to its lines. Parsing TOML is
# the slow part (about 0.3 ms a session), so the cache remembers what the file held
# up to the end of its last complete block, keyed by a SHA-256 of exactly those bytes
# (and, like every cache, by the rules that validated them). The log only grows, so
# the next load checks the hash and parses only what was appended since. Any doubt
# means a full parse: the cache can make loading faster, never different.


def _place(loc: tuple[Any, ...]) -> str:
    if len(loc) >= 2 and loc[0] == "exercises" and isinstance(loc[1], int):
        rest = ".".join(str(p) for p in loc[2:])
        return f"exercise #{loc[1] + 1}" + (f", key {rest!r}" if rest else "")
    return f"key {'.'.join(str(p) for p in loc)!r}" if loc else "session"


def load(path: Path, cache: Cache | None = None) -> Log:
    """Read the log. A missing file is an empty log; a bad one raises DataError.

    Never writes the log; may refresh its entry in ``cache``.
    """
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
        with locked(path, flags, exclusive=False) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise DataError(f"{path}: not a regular file; expected the session log.")
            raw = handle.read()
    except FileNotFoundError:
        return Log(path)
    except OSError as exc:
        raise DataError(f"{path}: cannot read it: {exc.strerror}.") from None
    log = Log(path)
    cached = _read_cache(cache, path, raw) if cache is not None else None
    if cached is not None:
        start, first_line = cached[0], cached[1]
        log.sessions, log.torn = cached[2], cached[3]
    else:
        start, first_line = 0, 1
    text = _decode(path, raw, start)
    complete = _parse(path, text, first_line, log, whole=start == 0)
    if cache is not None and complete > 0:  # new complete blocks: remember them
        end = start + len(text[:complete].encode("utf-8"))
        _write_cache(cache, path, raw[:end], first_line + text.count("\n", 0, complete), log)
    return log


def _decode(path: Path, raw: bytes, start: int) -> str:
    try:
        return raw[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{path}: not UTF-8 text (byte {start + exc.start}); the file was not changed."
        ) from None


def _parse(path: Path, text: str, first_line: int, log: Log, *, whole: bool) -> int:
    """Parse the blocks of ``text`` (which starts at line ``first_line``) into ``log``.

    Returns the offset in ``text`` just past the last complete block (0 if none).
    """
    starts = [m.start() for m in _BLOCK_START.finditer(text)]
    head = text[: starts[0]] if starts else text
    if whole:
        _check_header(path, head)
    elif head.strip():  # after the cached part: only the start of a block cut short
        log.torn.append(Torn(first_line, first_line + head.rstrip("\n").count("\n")))
    complete = 0
    line = first_line + text.count("\n", 0, starts[0]) if starts else first_line
    for a, b in zip(starts, [*starts[1:], len(text)], strict=False):
        block = text[a:b]
        end = _read_block(path, block, line, log)
        if end is not None:
            complete = a + end
        line += block.count("\n")
    return complete


def _toml(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except (ValueError, RecursionError) as exc:  # tomllib's errors, huge numbers, nesting
        raise _TomlError(str(exc)) from None


class _TomlError(Exception):
    pass


def _read_block(path: Path, block: str, first: int, log: Log) -> int | None:
    """Parse one block starting at line ``first``; the offset past its end line, if whole."""
    marker = block.find(_END)
    newline = block.find("\n", marker) if marker >= 0 else -1
    last = first + block.rstrip("\n").count("\n")
    if marker < 0 or newline < 0:  # the write stopped before the end line was whole
        log.torn.append(Torn(first, last))
        return None
    body, rest = block[: newline + 1], block[newline + 1 :]
    try:
        parsed = _toml(body)
    except _TomlError as exc:
        where = re.search(r"at line (\d+)", str(exc))
        line = first + int(where[1]) - 1 if where else first
        reason = shorten(re.sub(r"\s*\(at (line|end).*\)", "", str(exc)), 120).strip("'")
        raise DataError(
            f"{path}, line {line}: not valid TOML: {reason}. The file was not changed; "
            "fix that line by hand, then run `backtimer check`."
        ) from None
    items = parsed.get("session")
    if not isinstance(items, list) or len(items) != 1 or not isinstance(items[0], dict):
        raise DataError(f"{path}, line {first}: expected one [[session]] block here.")
    item = items[0]
    if f"{_END}{item.get('id')}" != body[marker:newline].rstrip():
        log.torn.append(Torn(first, last))  # the end line itself was cut short
        return None
    log.sessions.append(_validate(path, body, item, first))
    if rest.strip():  # the start of a later block, cut short; this one is whole
        log.torn.append(Torn(first + body.count("\n"), last))
    return newline + 1


def _check_header(path: Path, head: str) -> None:
    try:
        data = _toml(head)
    except _TomlError as exc:
        raise DataError(
            f"{path}: the header before the first session is not valid TOML: "
            f"{shorten(str(exc), 120)}."
        ) from None
    if not data:
        return
    from backtimer.store.models import LogHeader, validate

    header = validate(path, head, data, LogHeader, lambda loc: "header")
    if header.schema_ > LOG_SCHEMA:
        raise DataError(
            f"{path}: written by a newer backtimer (schema {header.schema_}); "
            "upgrade backtimer to read it. The file was not changed."
        )


def _validate(path: Path, block: str, item: Any, first: int) -> SessionEntry:
    from pydantic import ValidationError

    from backtimer.store.models import check, problems_message

    def fail(loc: tuple[Any, ...], msg: str) -> DataError:
        if len(loc) >= 2 and loc[0] == "exercises" and isinstance(loc[1], int):
            start = line_of(block, ("exercises",))
            line = start + loc[1] + 1 if start else None
        else:
            line = line_of(block, (loc[0],)) if loc else None
        return DataError(
            f"{path}, line {first - 1 + (line or 1)}: session block: {msg} The file was not "
            "changed; fix it by hand, then run `backtimer check`."
        )

    try:
        entry = check(item, SessionEntry)
    except ValidationError as exc:
        errors = exc.errors()
        msg = problems_message(path, block, errors, _place).split(": ", 1)[1]
        raise fail(tuple(errors[0]["loc"]), re.sub(r"^line (\d+), ", "", msg)) from None
    broken = _entry_problem(entry)
    if broken:
        raise fail((broken[0],), f"key {broken[0]!r}: {broken[1]}.")
    return entry


# ---------------------------------------------------------------------- the cache

#: A cached session is a row of these fields, named in the cache itself.
_ROW = (*SESSION_FIELDS, "exercises")
_EXERCISE_ROW = ("id", "status", "active_s", "sides", "dose")


def _row(s: SessionEntry) -> list[Any]:
    row: list[Any] = [getattr(s, f) for f in SESSION_FIELDS]
    row[1], row[2] = s.started_at.isoformat(), s.ended_at.isoformat()
    row.append([[e.id, e.status, e.active_s, list(e.sides), e.dose and e.dose.plain()]
                for e in s.exercises])
    return row


def _read_cache(
    cache: Cache, path: Path, raw: bytes
) -> tuple[int, int, list[SessionEntry], list[Torn]] | None:
    from backtimer.core.dose import Dose

    stored = cache.get("log", path, "append-only")
    try:
        if not isinstance(stored, dict) or stored["size"] > len(raw):
            return None
        if hashlib.sha256(raw[: stored["size"]]).hexdigest() != stored["prefix"]:
            return None
        if tuple(stored["fields"]) != _ROW or tuple(stored["exercise_fields"]) != _EXERCISE_ROW:
            return None
        # most sessions repeat the same moves: equal rows share one (immutable) entry
        shared: dict[Any, ExerciseEntry] = {}
        parse = datetime.fromisoformat
        sessions = []
        for row in stored["rows"]:
            exercises = []
            for e in row[-1]:
                key = (e[0], e[1], e[2], tuple(e[3]), tuple(sorted(e[4].items())) if e[4] else None)
                entry = shared.get(key)
                if entry is None:
                    dose = Dose(**e[4]) if e[4] else None
                    entry = shared[key] = ExerciseEntry(e[0], e[1], e[2], tuple(e[3]), dose)
                exercises.append(entry)
            values = dict(zip(SESSION_FIELDS, row, strict=False))
            values["started_at"] = parse(values["started_at"])
            values["ended_at"] = parse(values["ended_at"])
            sessions.append(SessionEntry(**values, exercises=tuple(exercises)))
        return stored["size"], stored["lines"], sessions, [Torn(*t) for t in stored["torn"]]
    except (KeyError, TypeError, ValueError, IndexError):  # not what we store: rebuild
        return None


def _write_cache(cache: Cache, path: Path, prefix: bytes, lines: int, log: Log) -> None:
    cache.put(
        "log",
        path,
        "append-only",
        {
            "size": len(prefix),
            "prefix": hashlib.sha256(prefix).hexdigest(),
            "lines": lines,
            "fields": list(_ROW),
            "exercise_fields": list(_EXERCISE_ROW),
            "rows": [_row(s) for s in log.sessions],
            # only what lies inside the cached part; the rest is read again next time
            "torn": [[t.first_line, t.last_line] for t in log.torn if t.last_line < lines],
        },
    )

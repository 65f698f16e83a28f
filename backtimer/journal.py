"""The session log: one TOML file, appended to and never rewritten.

Layout of ``sessions.toml``::

    # backtimer session log ...
    schema = 1

    [[session]]
    id = "..."
    ...
    exercises = [
      { id = "cat-cow", status = "done", active_s = 70.0, sides = [] },
    ]
    # end of session <id>

Each session is one block written with a single ``write`` to a file opened for
appending, then fsynced, under an exclusive ``flock``: a crash at any instant leaves
every earlier block as it was, and the cost of a write does not depend on the size of
the log. The closing ``# end of session`` line tells a block cut short by a crash
(no end line: reported and skipped) from one edited badly by hand (an error naming
the line; the file is left exactly as it is).
"""

from __future__ import annotations

import fcntl
import hashlib
import marshal
import os
import re
import secrets
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

import tomli_w

from backtimer.engine import SessionRecord
from backtimer.errors import DataError
from backtimer.tomlfile import line_of, validation_message, write_atomic

SCHEMA = 1
HEADER = (
    "# backtimer session log. One [[session]] block per session, appended and never\n"
    "# rewritten. Safe to read; edit with care (`backtimer check` validates it).\n"
    f"schema = {SCHEMA}\n"
)
_BLOCK_START = re.compile(r"^\[\[session\]\][ \t]*$", re.MULTILINE)
_END = "# end of session "

Status = Literal["done", "skipped", "partial", "stopped_for_pain"]


@dataclass(frozen=True, slots=True)
class ExerciseEntry:
    id: str
    status: Status
    active_s: float
    sides: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """One recorded session, as held in memory (light: thousands load in milliseconds)."""

    id: str
    started_at: datetime
    ended_at: datetime
    active_s: float
    paused_s: float
    routine: str
    planned_minutes: float
    planned_s: float
    completed: bool
    ended_early: bool = False
    pain_before: int | None = None
    pain_after: int | None = None
    exercises: tuple[ExerciseEntry, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = {f: getattr(self, f) for f in _SESSION_FIELDS}
        data["started_at"] = self.started_at.isoformat()
        data["ended_at"] = self.ended_at.isoformat()
        data["exercises"] = [
            {"id": e.id, "status": e.status, "active_s": e.active_s, "sides": list(e.sides)}
            for e in self.exercises
        ]
        return data


_SESSION_FIELDS = [f for f in SessionEntry.__dataclass_fields__ if f != "exercises"]
_FLOAT_FIELDS = ("active_s", "paused_s", "planned_minutes", "planned_s")


def _entry(model: Any) -> SessionEntry:
    """A SessionEntry from a validated ``backtimer.schema.SessionModel``."""
    return SessionEntry(
        **{f: getattr(model, f) for f in _SESSION_FIELDS},
        exercises=tuple(
            ExerciseEntry(e.id, e.status, e.active_s, tuple(e.sides)) for e in model.exercises
        ),
    )


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


def new_id(started_at: datetime) -> str:
    return f"{started_at:%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"


def entry_from_record(
    record: SessionRecord,
    routine: str,
    pain_before: int | None = None,
    pain_after: int | None = None,
) -> SessionEntry:
    return SessionEntry(
        id=new_id(record.started_at),
        started_at=record.started_at.replace(microsecond=0),
        ended_at=record.ended_at.replace(microsecond=0),
        active_s=round(record.active_s, 1),
        paused_s=round(record.paused_s, 1),
        routine=routine,
        planned_minutes=round(record.planned_s / 60, 1),
        planned_s=round(record.planned_s, 1),
        completed=record.completed,
        ended_early=record.ended_early,
        pain_before=pain_before,
        pain_after=pain_after,
        exercises=tuple(
            ExerciseEntry(e.id, e.status, round(e.active_s, 1), tuple(e.sides_done))
            for e in record.exercises
        ),
    )


def _value(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()  # RFC 3339 with the T, as people write it
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    return tomli_w.dumps({"v": value}).split("=", 1)[1].strip()


def format_block(entry: SessionEntry) -> str:
    data = {f: getattr(entry, f) for f in _SESSION_FIELDS if getattr(entry, f) is not None}
    for key in _FLOAT_FIELDS:  # one spelling in the file, whatever the caller passed
        data[key] = float(data[key])
    exercises = entry.to_json()["exercises"]
    lines = ["[[session]]"]
    lines += [f"{key} = {_value(value)}" for key, value in data.items()]
    lines.append("exercises = [")
    lines += [f"  {_value(e)}," for e in exercises]
    lines.append("]")
    lines.append(f"{_END}{entry.id}")
    return "\n".join(lines) + "\n"


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` readable by its owner only (an existing folder is left as it is)."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)


@contextmanager
def _locked(path: Path, flags: int, lock: int) -> Iterator[int]:
    fd = os.open(path, flags, 0o600)
    try:
        fcntl.flock(fd, lock)
        yield fd
    finally:
        os.close(fd)  # closing releases the lock


def append(path: Path, entry: SessionEntry) -> None:
    """Append one session; fsync it. Never rewrites or truncates what is there."""
    ensure_private_dir(path.parent)
    block = format_block(entry)
    with _locked(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, fcntl.LOCK_EX) as fd:
        size = os.fstat(fd).st_size
        if size == 0:
            prefix = HEADER + "\n"
        else:
            # a torn block may have left no final newline; start on a fresh line
            last = os.pread(fd, 1, size - 1)
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
# the slow part (about 0.3 ms a session), so a cache beside the log remembers what the
# file held up to the end of its last complete block, keyed by a SHA-256 of exactly
# those bytes. The log only grows, so the next load checks the hash and parses only
# what was appended since. Any doubt (no cache, another version, a changed byte)
# means a full parse: the cache can make loading faster, never different.

CACHE_VERSION = 2


def cache_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.cache")


def _place(loc: tuple[Any, ...]) -> str:
    if len(loc) >= 2 and loc[0] == "exercises" and isinstance(loc[1], int):
        rest = ".".join(str(p) for p in loc[2:])
        return f"exercise #{loc[1] + 1}" + (f", key {rest!r}" if rest else "")
    return f"key {'.'.join(str(p) for p in loc)!r}" if loc else "session"


def load(path: Path, *, use_cache: bool = True) -> Log:
    """Read the log. A missing file is an empty log; a bad one raises DataError.

    Never writes the log; may refresh the cache beside it.
    """
    try:
        with _locked(path, os.O_RDONLY, fcntl.LOCK_SH) as fd:
            size = os.fstat(fd).st_size
            raw = os.pread(fd, size, 0) if size else b""
    except FileNotFoundError:
        return Log(path)
    except OSError as exc:
        raise DataError(f"{path}: cannot read it: {exc.strerror}.") from None
    log = Log(path)
    cached = _read_cache(path, raw) if use_cache else None
    if cached is not None:
        start, first_line = cached[0], cached[1]
        log.sessions, log.torn = cached[2], cached[3]
    else:
        start, first_line = 0, 1
    text = _decode(path, raw, start)
    complete = _parse(path, text, first_line, log, whole=start == 0)
    if use_cache and complete > 0:  # new complete blocks: remember them
        end = start + len(text[:complete].encode("utf-8"))
        _write_cache(path, raw[:end], first_line + text.count("\n", 0, complete), log, end)
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
        parsed = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"at line (\d+)", str(exc))
        line = first + int(where[1]) - 1 if where else first
        reason = re.sub(r"\s*\(at (line|end).*\)", "", str(exc))
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
        data = tomllib.loads(head)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(
            f"{path}: the header before the first session is not valid TOML: {exc}."
        ) from None
    if not data:
        return
    from pydantic import ValidationError

    from backtimer.schema import LogHeaderModel

    try:
        header = LogHeaderModel.model_validate(data)
    except ValidationError as exc:
        raise DataError(validation_message(path, head, exc, lambda loc: "header")) from None
    if header.schema_ > SCHEMA:
        raise DataError(
            f"{path}: written by a newer backtimer (schema {header.schema_}); "
            "upgrade backtimer to read it. The file was not changed."
        )


def _validate(path: Path, block: str, item: Any, first: int) -> SessionEntry:
    from pydantic import ValidationError

    from backtimer.schema import SessionModel

    try:
        return _entry(SessionModel.model_validate(item))
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        if len(loc) >= 2 and loc[0] == "exercises" and isinstance(loc[1], int):
            start = line_of(block, ("exercises",))
            line = start + loc[1] + 1 if start else None
        else:
            line = line_of(block, (loc[0],)) if loc else None
        msg = validation_message(path, block, exc, _place).split(": ", 1)[1]
        msg = re.sub(r"^line (\d+), ", "", msg)
        raise DataError(
            f"{path}, line {first - 1 + (line or 1)}: session block: {msg} The file was not "
            "changed; fix it by hand, then run `backtimer check`."
        ) from None


# ---------------------------------------------------------------------- the cache


#: The fields a cache row holds as they are, between the times and the exercises.
_MIDDLE = _SESSION_FIELDS[3:]


def _row(s: SessionEntry) -> tuple[Any, ...]:
    offset = s.started_at.utcoffset()
    return (
        s.id,
        s.started_at.timestamp(),
        offset.total_seconds() if offset else 0.0,
        s.ended_at.timestamp(),
        *(getattr(s, f) for f in _MIDDLE),
        tuple((e.id, e.status, e.active_s, e.sides) for e in s.exercises),
    )


def _unrow(
    row: tuple[Any, ...], zones: dict[float, timezone], shared: dict[tuple[Any, ...], ExerciseEntry]
) -> SessionEntry:
    """A session from its cache row. Equal exercise rows share one (immutable) entry:
    most sessions repeat the same moves, so this builds far fewer objects."""
    sid, start, offset, end, *middle, exercises = row  # middle: as in SessionEntry
    zone = zones.get(offset) or zones.setdefault(offset, timezone(timedelta(seconds=offset)))
    rows = (shared.get(e) or shared.setdefault(e, ExerciseEntry(*e)) for e in exercises)
    return SessionEntry(
        sid,
        datetime.fromtimestamp(start, zone),
        datetime.fromtimestamp(end, zone),
        *middle,
        exercises=tuple(rows),
    )


def _read_cache(path: Path, raw: bytes) -> tuple[int, int, list[SessionEntry], list[Torn]] | None:
    try:
        data = marshal.loads(cache_path(path).read_bytes())
        version, size, digest, lines, rows, torn = data
        if version != CACHE_VERSION or size > len(raw):
            return None
        if hashlib.sha256(raw[:size]).hexdigest() != digest:
            return None
        zones: dict[float, timezone] = {}
        shared: dict[tuple[Any, ...], ExerciseEntry] = {}
        sessions = [_unrow(r, zones, shared) for r in rows]
        return size, lines, sessions, [Torn(*t) for t in torn]
    except Exception:  # noqa: BLE001 - a cache that cannot be used is simply not used
        return None


def _write_cache(path: Path, prefix: bytes, lines: int, log: Log, size: int) -> None:
    data = (
        CACHE_VERSION,
        size,
        hashlib.sha256(prefix).hexdigest(),
        lines,
        [_row(s) for s in log.sessions],
        # only what lies inside the cached part; the rest is read again next time
        [(t.first_line, t.last_line) for t in log.torn if t.last_line < lines],
    )
    with suppress(OSError):  # a read-only folder just means no cache
        write_atomic(cache_path(path), "", data=marshal.dumps(data))

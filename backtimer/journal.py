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
import os
import re
import secrets
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import tomli_w
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from backtimer.engine import SessionRecord
from backtimer.errors import DataError
from backtimer.tomlfile import line_of, validation_message

SCHEMA = 1
HEADER = (
    "# backtimer session log. One [[session]] block per session, appended and never\n"
    "# rewritten. Safe to read; edit with care (`backtimer check` validates it).\n"
    f"schema = {SCHEMA}\n"
)
_BLOCK_START = re.compile(r"^\[\[session\]\][ \t]*$", re.MULTILINE)
_END = "# end of session "

Status = Literal["done", "skipped", "partial", "stopped_for_pain"]
Pain = Annotated[int, Field(ge=0, le=10)]


class ExerciseEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    status: Status
    active_s: Annotated[float, Field(ge=0)]
    sides: list[str] = []


class SessionEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Annotated[str, Field(min_length=1)]
    started_at: AwareDatetime
    ended_at: AwareDatetime
    active_s: Annotated[float, Field(ge=0)]
    paused_s: Annotated[float, Field(ge=0)] = 0.0
    routine: str
    planned_minutes: Annotated[float, Field(ge=0)]
    planned_s: Annotated[float, Field(ge=0)]
    completed: bool
    ended_early: bool = False
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    exercises: list[ExerciseEntry] = []


class _Header(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: int = Field(alias="schema")


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
        exercises=[
            ExerciseEntry(
                id=e.id, status=e.status, active_s=round(e.active_s, 1), sides=list(e.sides_done)
            )
            for e in record.exercises
        ],
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
    data = entry.model_dump(exclude_none=True)
    exercises = data.pop("exercises")
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


def _place(loc: tuple[Any, ...]) -> str:
    if len(loc) >= 2 and loc[0] == "exercises" and isinstance(loc[1], int):
        rest = ".".join(str(p) for p in loc[2:])
        return f"exercise #{loc[1] + 1}" + (f", key {rest!r}" if rest else "")
    return f"key {'.'.join(str(p) for p in loc)!r}" if loc else "session"


def load(path: Path) -> Log:
    """Read the log. A missing file is an empty log; a bad one raises DataError."""
    try:
        with _locked(path, os.O_RDONLY, fcntl.LOCK_SH) as fd:
            size = os.fstat(fd).st_size
            raw = os.pread(fd, size, 0) if size else b""
    except FileNotFoundError:
        return Log(path)
    except OSError as exc:
        raise DataError(f"{path}: cannot read it: {exc.strerror}.") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{path}: not UTF-8 text (byte {exc.start}); the file was not changed."
        ) from None
    log = Log(path)
    starts = [m.start() for m in _BLOCK_START.finditer(text)]
    bounds = list(zip(starts, [*starts[1:], len(text)], strict=False))
    _check_header(path, text[: starts[0]] if starts else text)
    try:
        data = tomllib.loads(text)  # the fast path: the whole file at once
    except tomllib.TOMLDecodeError:
        data = None
    sessions = data.get("session", []) if data is not None else None
    if (
        isinstance(sessions, list)
        and len(sessions) == len(bounds)
        and text.endswith("\n")
        and all(
            isinstance(item, dict) and f"{_END}{item.get('id')}\n" in text[a:b]
            for item, (a, b) in zip(sessions, bounds, strict=True)
        )
    ):
        for item, (a, _) in zip(sessions, bounds, strict=True):
            log.sessions.append(_validate(path, text, item, a))
        return log
    for a, b in bounds:  # the slow path: block by block, to find what is wrong
        _read_block(path, text, a, b, log)
    return log


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _read_block(path: Path, text: str, a: int, b: int, log: Log) -> None:
    block = text[a:b]
    marker = block.find(_END)
    newline = block.find("\n", marker) if marker >= 0 else -1
    if marker < 0 or newline < 0:  # the write stopped before the end line was whole
        log.torn.append(Torn(_line_at(text, a), _line_at(text, b - 1)))
        return
    body, rest = block[: newline + 1], block[newline + 1 :]
    first = _line_at(text, a)
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
    log.sessions.append(_validate(path, text, items[0], a))
    if rest.strip():  # the start of a later block, cut short
        log.torn.append(Torn(_line_at(text, a + newline + 1), _line_at(text, b - 1)))


def _check_header(path: Path, head: str) -> None:
    try:
        data = tomllib.loads(head)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(
            f"{path}: the header before the first session is not valid TOML: {exc}."
        ) from None
    if not data:
        return
    try:
        header = _Header.model_validate(data)
    except ValidationError as exc:
        raise DataError(validation_message(path, head, exc, lambda loc: "header")) from None
    if header.schema_ > SCHEMA:
        raise DataError(
            f"{path}: written by a newer backtimer (schema {header.schema_}); "
            "upgrade backtimer to read it. The file was not changed."
        )


def _validate(path: Path, text: str, item: Any, offset: int) -> SessionEntry:
    try:
        return SessionEntry.model_validate(item)
    except ValidationError as exc:
        first = text.count("\n", 0, offset)
        block = text[offset:]
        block = block[: block.find(_END)] if _END in block else block
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        if len(loc) >= 2 and loc[0] == "exercises" and isinstance(loc[1], int):
            start = line_of(block, ("exercises",))
            line = start + loc[1] + 1 if start else None
        else:
            line = line_of(block, (loc[0],)) if loc else None
        msg = validation_message(path, block, exc, _place).split(": ", 1)[1]
        msg = re.sub(r"^line (\d+), ", "", msg)
        where = first + (line or 1)
        raise DataError(
            f"{path}, line {where}: session block: {msg} The file was not changed; fix it by "
            "hand, then run `backtimer check`."
        ) from None

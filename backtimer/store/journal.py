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

import gc
import hashlib
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import tomli_w

from backtimer.core.log import FLOAT_FIELDS, LOG_SCHEMA, SESSION_FIELDS, ExerciseEntry, SessionEntry
from backtimer.core.log import entry_problem as _entry_problem
from backtimer.core.tally import Tally, tally
from backtimer.store.appendonly import append_text
from backtimer.store.blocks import read_block
from backtimer.store.cache import Cache
from backtimer.store.errors import DataError
from backtimer.store.lock import locked
from backtimer.store.tomlio import line_of, shorten

HEADER = (
    "# backtimer session log. One [[session]] block per session, appended and never\n"
    "# rewritten. Safe to read; edit with care (`backtimer check` validates it).\n"
    f"schema = {LOG_SCHEMA}\n"
)
#: A block starts at a ``[[session]]`` line (indented, or with a comment, as people
#: edit); it ends where the next starts. The end line is a comment that tells a whole
#: last block from one cut short by a crash; it counts only as a whole line.
_BLOCK_START = re.compile(r"^[ \t]*\[\[[ \t]*session[ \t]*\]\][ \t]*(#.*)?$", re.MULTILINE)
_END = "# end of session "
_END_LINE = re.compile(r"^# end of session .*$", re.MULTILINE)
#: Written after a block that a crash cut short, when the next session is appended,
#: so that the torn block, no longer last, is still known for what it is.
_TORN_NOTE = "# ^ the session above was cut short by a crash while saving; it is skipped"
#: Every header backtimer has written, to tell a first write cut short from a bad edit.
_HEADERS = (HEADER, HEADER.replace(f"schema = {LOG_SCHEMA}", "schema = 1"))
#: At most this many places are listed in one message.
MAX_LISTED = 10


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
    #: Sessions whose id was already taken: counted once, listed by ``check``.
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    #: The corrections applied to ``sessions`` (``store.logbook``; None: not read).
    corrections: Any = None
    #: The files read into this one, each with its own problems (``store.logbook``).
    parts: list[Log] = field(default_factory=list)
    #: The sessions as logged, before corrections (``store.logbook``; None: the same).
    logged: list[SessionEntry] | None = None
    #: The walks of every machine (``store.logbook``, ``core.walk.Walk``), by day.
    walks: list[Any] = field(default_factory=list)
    #: The desk breaks of every machine (``store.breaks``, ``core.desk.Break``).
    breaks: list[Any] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set, repr=False, compare=False)

    def add(self, entry: SessionEntry, line: int) -> None:
        if entry.id in self._ids:
            self.duplicates.append((entry.id, line))
            return
        self._ids.add(entry.id)
        self.sessions.append(entry)

    def _joined(self, kind: str) -> str | None:
        """The message of each file read into this log, joined."""
        found = [getattr(part, kind)() for part in self.parts if part is not self]
        return " ".join(m for m in found if m) or None

    def duplicates_message(self) -> str | None:
        if len(self.parts) > 1:
            return self._joined("duplicates_message")
        if not self.duplicates:
            return None
        listed = ", ".join(f"{i!r} at line {n}" for i, n in self.duplicates[:MAX_LISTED])
        more = len(self.duplicates) - MAX_LISTED
        tail = f", and {more} more" if more > 0 else ""
        return (
            f"{self.path}: {len(self.duplicates)} session(s) repeat an id already used "
            f"({listed}{tail}); each is counted once. Delete the copy, or give it a new id."
        )

    def torn_message(self) -> str | None:
        extra = self.corrections.torn_message() if self.corrections is not None else None
        if len(self.parts) > 1:
            return " ".join(m for m in (self._joined("torn_message"), extra) if m) or None
        own = self._torn_message()
        return " ".join(m for m in (own, extra) if m) or None

    def _torn_message(self) -> str | None:
        if not self.torn:
            return None
        spans = ", ".join(f"lines {t.first_line}-{t.last_line}" for t in self.torn[:MAX_LISTED])
        if len(self.torn) > MAX_LISTED:
            spans += f", and {len(self.torn) - MAX_LISTED} more"
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
    """Append one session; fsync it. Never rewrites what is there: a write that fails
    (a full disk) is cut back to the length before it, so the log is as it was."""
    append_many(path, [entry])


def append_many(path: Path, entries: Sequence[SessionEntry]) -> None:
    """Append sessions in one write (all or, on a failure, none); fsync."""
    if not entries:
        return
    block = "\n".join(format_block(e) for e in entries)

    def compose(tail: str, empty: bool) -> str:
        prefix = prefix_after(tail, empty=empty)
        _reads_back(path, prefix, block, entries, empty=empty)
        return prefix + block

    append_text(path, compose)


def _reads_back(
    path: Path, prefix: str, block: str, entries: Sequence[SessionEntry], *, empty: bool
) -> None:
    """Parse what an append is about to write, exactly as a load will, and refuse to
    write it (DataError, the log untouched) unless it reads back as ``entries``, whole:
    nothing that would not load is ever written."""

    def refuse(why: str) -> DataError:
        return DataError(
            f"{path}: refusing to append a session that would not read back: {why}. The "
            "log was not changed."
        )

    for entry in entries:
        broken = _entry_problem(entry)
        if broken:
            raise refuse(f"session {shorten(entry.id, 40)}: {broken[0]}: {broken[1]}")
    log = Log(path)
    text = prefix + block if empty else block
    try:
        _parse(path, text, 1, log, {e.id: e for e in entries}, whole=empty)
    except DataError as exc:
        raise refuse(str(exc).split(": ", 1)[-1].split(". The file", 1)[0]) from None
    if [id(s) for s in log.sessions] != [id(e) for e in entries] or log.torn or log.duplicates:
        raise refuse("its block does not parse as itself")
    for entry in entries:  # each value as a load reads it
        body = format_block(entry)
        try:
            read = (read_block(body) or _toml(body))["session"][0]
        except _TomlError as exc:
            raise refuse(f"session {entry.id}: {shorten(str(exc), 80)}") from None
        if read != _as_read(entry):
            raise refuse(f"session {entry.id}: a value reads back differently")


def _as_read(entry: SessionEntry) -> dict[str, Any]:
    """``entry`` as tomllib reads the block ``format_block`` makes of it."""
    data: dict[str, Any] = {
        f: getattr(entry, f) for f in SESSION_FIELDS if getattr(entry, f) is not None
    }
    for key in FLOAT_FIELDS:
        data[key] = float(data[key])
    data["exercises"] = [e.plain() for e in entry.exercises]
    return data


def prefix_after(tail: str, *, empty: bool) -> str:
    """What an append writes before its block, given the end of the log: the header
    for a new log; else a fresh line, and the torn note after a block cut short."""
    if empty:
        return HEADER + "\n"
    # a torn block may have left no final newline; start on a fresh line
    prefix = "\n" if tail.endswith("\n") else "\n\n"
    if _ends_torn(tail):
        prefix += _TORN_NOTE + "\n\n"
    return prefix


def _ends_torn(tail: str) -> bool:
    """Does the log end in a block a crash cut short: a last block with no end line,
    or the start of one after the last end line?"""
    starts = list(_BLOCK_START.finditer(tail))
    ends = list(_END_LINE.finditer(tail))
    if not starts and not ends:
        return False
    after = tail[ends[-1].end() :] if ends else tail[starts[-1].start() :]
    if ends and starts and starts[-1].start() > ends[-1].end():
        after = tail[starts[-1].start() :]
    meaningful = [
        line for line in after.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    return bool(meaningful) and _TORN_NOTE not in after


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


def load(path: Path, cache: Cache | None = None, known: Sequence[SessionEntry] = ()) -> Log:
    """Read the log. A missing file is an empty log; a bad one raises DataError.

    Never writes the log; may refresh its entry in ``cache``. The garbage collector
    waits meanwhile: thousands of new objects, none of them garbage, would set it off
    again and again for nothing (a fifth of the time of a big log).

    ``known``: sessions this process has just appended; a block that is exactly what
    ``format_block`` made of one of them is taken as it is, without pydantic.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(path, cache, {entry.id: entry for entry in known})
    finally:
        if collecting:
            gc.enable()


def _read_raw(path: Path) -> bytes | None:
    """The log's bytes, read under a shared lock; None when there is no log yet."""
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
        with locked(path, flags, exclusive=False) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise DataError(f"{path}: not a regular file; expected the session log.")
            return bytes(handle.read())
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DataError(f"{path}: cannot read it: {exc.strerror or exc}.") from None


def _load(path: Path, cache: Cache | None, known: dict[str, SessionEntry]) -> Log:
    raw = _read_raw(path)
    if raw is None:
        return Log(path)
    log = Log(path)
    # a BOM or CRLF line ends (an editor on Windows) are read, without the cache
    plain = not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    cached = _read_cache(cache, path, raw) if cache is not None and plain else None
    if cached is not None:
        start, first_line, log.sessions, log.torn, log.duplicates = cached
        log._ids = {entry.id for entry in log.sessions}
        base = (start, _BASES[path][1])
        tail = _read_tail(cache, path, base, raw[start:]) if cache is not None else None
        if tail is not None and not log._ids.intersection(s.id for s in tail[0]):
            log.sessions += tail[0]
            log._ids.update(s.id for s in tail[0])
            start, first_line = tail[1], tail[2]
    else:
        start, first_line = 0, 1
    text = _decode(path, raw, start)
    if "\n<<<<<<< " in "\n" + text:
        raise DataError(
            f"{path}: it holds git conflict markers (<<<<<<<), so two copies were merged by "
            "git and neither side was chosen. The file was not changed. Keep one side here, "
            "save the other as its own file, and add it with `backtimer import FILE`."
        )
    if not plain:
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    complete = _parse(path, text, first_line, log, known, whole=start == 0)
    if cache is not None and plain and complete > 0:  # new whole blocks: remember them
        end = start + len(text[:complete].encode("utf-8"))
        _write_cache(cache, path, raw[:end], first_line + text.count("\n", 0, complete), log)
    return log


def _blank_lines(text: str) -> int:
    """How many whole lines at the start of ``text`` hold nothing but whitespace."""
    stripped = text.lstrip()
    return text[: len(text) - len(stripped)].count("\n")


def _decode(path: Path, raw: bytes, start: int) -> str:
    try:
        return raw[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{path}: not UTF-8 text (byte {start + exc.start}); the file was not changed."
        ) from None


def _parse(
    path: Path,
    text: str,
    first_line: int,
    log: Log,
    known: dict[str, SessionEntry],
    *,
    whole: bool,
) -> int:
    """Parse the blocks of ``text`` (which starts at line ``first_line``) into ``log``.

    Only the last block of an append-only file can have been cut short by a crash; any
    other block that does not read is a hand edit, and an error. Returns the offset in
    ``text`` just past the last whole block (0 if none).
    """
    starts = [m.start() for m in _BLOCK_START.finditer(text)]
    head = text[: starts[0]] if starts else text
    if whole:
        if not _check_header(path, head):  # a first write cut short: what follows reads
            log.torn.append(Torn(1, 1 + head.rstrip("\n").count("\n")))
    elif head.strip():  # after the cached part: only the start of a block cut short
        at = first_line + _blank_lines(head)
        log.torn.append(Torn(at, first_line + head.rstrip("\n").count("\n")))
    complete = 0
    line = first_line + text.count("\n", 0, starts[0]) if starts else first_line
    ends = [*starts[1:], len(text)] if starts else []
    for n, (a, b) in enumerate(zip(starts, ends, strict=True)):
        block = text[a:b]
        whole_part = _read_block(path, block, line, log, known, last=n == len(starts) - 1)
        if whole_part is not None:
            complete = a + whole_part
        line += block.count("\n")
    return complete


def _toml(text: str) -> dict[str, Any]:
    import tomllib  # only for blocks the fast reader leaves (and the header)

    try:
        return tomllib.loads(text)
    except (ValueError, RecursionError) as exc:  # tomllib's errors, huge numbers, nesting
        raise _TomlError(str(exc)) from None


class _TomlError(Exception):
    pass


def _read_block(
    path: Path, block: str, first: int, log: Log, known: dict[str, SessionEntry], *, last: bool
) -> int | None:
    """Read one block starting at line ``first``; the offset past its whole part.

    A block that reads is a session, with or without its end line. The last block
    with no end line that does not read (or lacks its exercises) was cut short by a
    crash, and so was one followed by the note an append leaves: reported as torn.
    Any other block that does not read is a hand edit: an error naming its lines.
    """
    lines_in = block.rstrip("\n").count("\n")
    span = f"lines {first}-{first + lines_in}"
    ends = list(_END_LINE.finditer(block))
    body, rest = block, ""
    if ends:  # the block ends at its first end line; anything after it is not part of it
        cut = min(len(block), ends[0].end() + 1)
        body, rest = block[:cut], block[cut:]
    torn = not ends and (last or _TORN_NOTE in block)
    try:
        parsed = read_block(body) or _toml(body)
    except _TomlError as exc:
        if torn:
            log.torn.append(Torn(first, first + lines_in))
            return None
        where = re.search(r"at line (\d+)", str(exc))
        line = first + int(where[1]) - 1 if where else first
        reason = shorten(re.sub(r"\s*\(at (line|end).*\)", "", str(exc)), 120).strip("'")
        crash = (
            ""
            if ends
            else " (With no end line it may also be a block a crash cut short: then "
            f"delete {span}.)"
        )
        raise DataError(
            f"{path}, line {line} (session block, {span}): not valid TOML: {reason}. The "
            f"file was not changed; fix that line by hand, then run `backtimer check`.{crash}"
        ) from None
    items = parsed.get("session")
    if not isinstance(items, list) or len(items) != 1 or not isinstance(items[0], dict):
        raise DataError(f"{path}, line {first}: expected one [[session]] block here.")
    item = items[0]
    if torn and "exercises" not in item:
        log.torn.append(Torn(first, first + lines_in))
        return None
    ident = item.get("id")
    mine = known.get(ident) if isinstance(ident, str) else None  # `id = []` is not a key
    if mine is not None and format_block(mine) == body:
        log.add(mine, first)
    else:
        log.add(_validate(path, body, item, first), first)
    if rest.strip():
        # the torn part starts at its first line with text (blank lines are no part)
        rest_line = first + body.count("\n") + _blank_lines(rest)
        try:
            extra = _toml(rest)
        except _TomlError:
            extra = None
        if extra != {}:  # not just comments: the start of a later block, cut short
            # ...unless it has an end line of its own: then it was written whole, and
            # what breaks it is a hand edit (a header retyped, say), not a crash
            whole = _END_LINE.search(rest) is not None
            if (whole or not last) and _TORN_NOTE not in rest:
                raise DataError(
                    f"{path}, line {rest_line}: text after the end of a session block "
                    "that is not part of it. The file was not changed; fix it by hand."
                )
            log.torn.append(Torn(rest_line, first + lines_in))
            return len(body)
    return len(block)


def _check_header(path: Path, head: str) -> bool:
    """Check what comes before the first block; False when it is the start of a
    first write cut short (the log holds nothing yet)."""
    try:
        data = _toml(head)
    except _TomlError as exc:
        if _cut_first_write(head):
            return False
        raise DataError(
            f"{path}: the header before the first session is not valid TOML: "
            f"{shorten(str(exc), 120)}."
        ) from None
    if not data:
        return True
    schema = data.get("schema")
    if set(data) != {"schema"} or type(schema) is not int or schema < 1:
        from backtimer.store.models import LogHeader, validate  # its error messages

        schema = validate(path, head, data, LogHeader, lambda loc: "header").schema_
    if schema > LOG_SCHEMA:
        raise DataError(
            f"{path}: written by a newer backtimer (schema {schema}); "
            "upgrade backtimer to read it. The file was not changed."
        )
    return True


def _cut_first_write(head: str) -> bool:
    """Is ``head`` (the text before the first block) a first write that a crash cut
    short inside the header or the first ``[[session]]`` line, followed by nothing or
    by what a later append wrote before its own block (blank lines, the torn note)?"""
    for header in _HEADERS:
        full = header + "\n[[session]]"
        cut = 0
        while cut < len(head) and cut < len(full) and head[cut] == full[cut]:
            cut += 1
        if cut == len(full):
            continue  # the whole header and the block's first line: not cut there
        rest = head[cut:]
        if rest and not rest.startswith("\n"):
            continue
        if all(not line.strip() or line.startswith("#") for line in rest.split("\n")):
            return True
    return False


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
        loc = tuple(int(p) if p.isdigit() else p for p in broken[0].split("."))
        raise fail(loc, f"{_place(loc)}: {broken[1]}.")
    return entry


# ---------------------------------------------------------------------- the cache

#: A cached session is a row of these fields, named in the cache itself.
_ROW = (*SESSION_FIELDS, "exercises")
_EXERCISE_ROW = ("id", "status", "active_s", "sides", "dose")
#: Rows rebuild sessions positionally: only while the fields are in this order.
_POSITIONAL = tuple(f.name for f in fields(SessionEntry)) == _ROW


def _rows(sessions: Sequence[SessionEntry]) -> dict[str, list[Any]]:
    """The cache's form of ``sessions``: each distinct exercise once ("moves"), each
    distinct list of them once ("combos"), and a row per session (its fields in order,
    then the index of its combo)."""
    moves: dict[ExerciseEntry, int] = {}
    combos: dict[tuple[int, ...], int] = {}
    rows = []
    for s in sessions:
        combo = tuple(moves.setdefault(e, len(moves)) for e in s.exercises)
        row: list[Any] = [getattr(s, f) for f in SESSION_FIELDS]
        row[1], row[2] = s.started_at.isoformat(), s.ended_at.isoformat()
        row.append(combos.setdefault(combo, len(combos)))
        rows.append(row)
    return {
        "moves": [
            [e.id, e.status, e.active_s, list(e.sides), e.dose and e.dose.plain()] for e in moves
        ],
        "combos": [list(c) for c in combos],
        "rows": rows,
    }


def _stored(cache: Cache, path: Path, raw: bytes, kind: str = "log") -> dict[str, Any] | None:
    """The log's cache entry (``kind``), if it is ours and covers a prefix of ``raw``."""
    stored = cache.get(kind, path, "append-only")
    try:
        if not isinstance(stored, dict) or stored["size"] > len(raw):
            return None
        if hashlib.sha256(raw[: stored["size"]]).hexdigest() != stored["prefix"]:
            return None
        if tuple(stored["fields"]) != _ROW or tuple(stored["exercise_fields"]) != _EXERCISE_ROW:
            return None
    except (KeyError, TypeError):
        return None
    return stored if _POSITIONAL else None


def _sessions(stored: dict[str, Any], rows: list[list[Any]]) -> list[SessionEntry]:
    """Sessions from the cache's ``rows`` (raises KeyError, TypeError, ValueError or
    IndexError when it is not what this version stores)."""
    from backtimer.core.dose import Dose

    # most sessions repeat the same moves: each distinct list of exercises is stored
    # once, and sessions that did the same share one (immutable) tuple
    moves = [
        ExerciseEntry(e[0], e[1], e[2], tuple(e[3]), Dose(**e[4]) if e[4] else None)
        for e in stored["moves"]
    ]
    combos = [tuple(moves[i] for i in combo) for combo in stored["combos"]]
    parse = datetime.fromisoformat
    new: Any = SessionEntry  # positionally: checked against the fields in _stored
    sessions = []
    for row in rows:  # the fields in order, then the combo's index
        row[1], row[2] = parse(row[1]), parse(row[2])
        sessions.append(new(*row[:-1], combos[row[-1]]))
    return sessions


def _read_cache(
    cache: Cache, path: Path, raw: bytes
) -> tuple[int, int, list[SessionEntry], list[Torn], list[tuple[str, int]]] | None:
    stored = _stored(cache, path, raw)
    if stored is None:
        return None
    try:
        sessions = _sessions(stored, stored["rows"])
        torn = [Torn(*t) for t in stored["torn"]]
        duplicates = [(str(i), int(n)) for i, n in stored["duplicates"]]
        size, lines = int(stored["size"]), int(stored["lines"])
        _BASES[path] = (size, str(stored["prefix"]), lines)
        return size, lines, sessions, torn, duplicates
    except (KeyError, TypeError, ValueError, IndexError):  # not what we store: rebuild
        return None


def load_recent(path: Path, cache: Cache, since: date) -> tuple[Tally, list[SessionEntry]] | None:
    """The log's tally and its sessions from ``since`` on, from the cache alone, for a
    history of a log of any size; None unless the cache covers the whole file as it is
    now, with nothing cut short (then ``load`` reads it, and says what it found)."""
    found = recent_with_ids(path, cache, since, ids=False)
    return None if found is None else (found[0], found[1])


def recent_with_ids(
    path: Path, cache: Cache, since: date, *, ids: bool = True
) -> tuple[Tally, list[SessionEntry], set[str]] | None:
    """``load_recent``, and (``ids``) the id of every session in the file."""
    try:
        raw = _read_raw(path)
    except DataError:
        return None
    if raw is None:
        return Tally(), [], set()
    if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
        return None
    day = since.isoformat()
    for kind in ("log-tally", "log"):  # the short entry, when it reaches back far enough
        stored = _stored(cache, path, raw, kind)
        try:
            if stored is None or stored["torn"] or stored.get("since", "") > day:
                continue
            base = (stored["size"], stored["prefix"])
            tail = _read_tail(cache, path, base, raw[stored["size"] :])
            tail_sessions, end = (tail[0], tail[1]) if tail else ([], stored["size"])
            if raw[end:].strip():
                continue
            known: set[str] = set()
            if ids:
                listed = cache.get("log-ids", path, "append-only")
                if not isinstance(listed, dict) or (listed["size"], listed["prefix"]) != base:
                    return None
                known = {str(i) for i in listed["ids"]} | {s.id for s in tail_sessions}
            whole = Tally.from_plain(stored["tally"]).add(tail_sessions)
            rows = [row for row in stored["rows"] if row[1][:10] >= day]
            recent = [s for s in tail_sessions if s.started_at.date() >= since]
            return whole, [*_sessions(stored, rows), *recent], known
        except (KeyError, TypeError, ValueError, IndexError):
            continue
    return None


#: The short entry beside the log's cache holds the sessions of this many weeks
#: before the last one: what a history shows by default (12) and the screen (26).
RECENT_WEEKS = 26


def _write_cache(cache: Cache, path: Path, prefix: bytes, lines: int, log: Log) -> None:
    head = {
        "size": len(prefix),
        "prefix": hashlib.sha256(prefix).hexdigest(),
        "lines": lines,
        "fields": list(_ROW),
        "exercise_fields": list(_EXERCISE_ROW),
        # only what lies inside the cached part; the rest is read again next time
        "torn": [[t.first_line, t.last_line] for t in log.torn if t.last_line < lines],
        "duplicates": [[i, n] for i, n in log.duplicates if n < lines],
    }
    sessions = log.sessions
    whole = tally(sessions).plain()
    cache.put("log", path, "append-only", {**head, "tally": whole, **_rows(sessions)})
    _BASES[path] = (len(prefix), str(head["prefix"]), lines)
    # and a short one for history: the tally of the whole log, and the sessions of
    # the last weeks only, so a history of ten years reads a few kilobytes
    last = max((s.started_at.date() for s in sessions), default=None)
    since = date.min if last is None else last - timedelta(weeks=RECENT_WEEKS, days=last.weekday())
    recent = [s for s in sessions if s.started_at.date() >= since]
    summary = {"tally": whole, "since": since.isoformat(), **_rows(recent)}
    cache.put("log-tally", path, "append-only", {**head, **summary})
    # and the ids alone: a history over several machines' files checks that no
    # session is in two of them (then the tallies add up) without reading them
    ids = {"size": head["size"], "prefix": head["prefix"], "ids": [s.id for s in sessions]}
    cache.put("log-ids", path, "append-only", ids)


# ---------------------------------------------------------------------- the tail
#
# Rewriting the whole cache after each session would make a save cost as much as the
# log is long. So a save adds its session to a small second entry, the tail: the
# sessions appended after the part the main entry covers, keyed by a digest of the
# main entry's bytes and of exactly the tail's own. A load takes the main entry, then
# the tail if it follows on, then parses the rest. When the tail holds TAIL_LIMIT
# sessions, the next save writes the main entry again (once in TAIL_LIMIT saves).

#: The main entry each log was last read or written with by this process:
#: path -> (bytes covered, their SHA-256, lines covered).
_BASES: dict[Path, tuple[int, str, int]] = {}
TAIL_LIMIT = 256


def _read_tail(
    cache: Cache, path: Path, base: tuple[int, str], after: bytes
) -> tuple[list[SessionEntry], int, int] | None:
    """The tail entry's sessions when it follows on from the main entry ``base`` (the
    size and digest of the bytes it covers, already checked) and matches the bytes
    ``after`` them: (sessions, the offset it covers up to, the line after it). None
    when there is none that fits."""
    stored = cache.get("log-tail", path, "append-only")
    try:
        if not isinstance(stored, dict) or (stored["base_size"], stored["base_prefix"]) != base:
            return None
        end = stored["size"]
        length = end - base[0]
        if not 0 < length <= len(after):
            return None
        if hashlib.sha256(after[:length]).hexdigest() != stored["digest"]:
            return None
        if tuple(stored["fields"]) != _ROW or not _POSITIONAL:
            return None
        if tuple(stored["exercise_fields"]) != _EXERCISE_ROW:
            return None
        return _sessions(stored, stored["rows"]), end, int(stored["lines"])
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def _read_from(path: Path, offset: int) -> bytes | None:
    """The log's bytes from ``offset`` on, under a shared lock (None: no log)."""
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
        with locked(path, flags, exclusive=False) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            handle.seek(offset)
            return bytes(handle.read())
    except OSError:
        return None


def remember(path: Path, cache: Cache, entry: SessionEntry) -> None:
    """After ``entry`` was appended to ``path``: bring the log's cache up to date at a
    cost that does not grow with the log (the tail entry), or, failing that (no main
    entry read by this process, a full tail, anything unexpected), by a full load."""
    base = _BASES.get(path)
    if base is not None and _append_tail(path, cache, entry, base):
        return
    load(path, cache, known=[entry])


def _append_tail(path: Path, cache: Cache, entry: SessionEntry, base: tuple[int, str, int]) -> bool:
    size, prefix, lines = base
    after = _read_from(path, size)
    if after is None or b"\r" in after:
        return False
    tail = _read_tail(cache, path, (size, prefix), after)
    sessions, end, first_line = tail if tail is not None else ([], size, lines)
    if len(sessions) >= TAIL_LIMIT:
        return False
    try:
        text = after[end - size :].decode("utf-8")
    except UnicodeDecodeError:
        return False
    log = Log(path, sessions=list(sessions))
    log._ids = {s.id for s in sessions}
    try:
        complete = _parse(path, text, first_line, log, {entry.id: entry}, whole=False)
    except DataError:
        return False
    if log.torn or log.duplicates or complete != len(text) or not text.strip():
        return False
    covered = after[: end - size + len(text.encode("utf-8"))]
    cache.put(
        "log-tail",
        path,
        "append-only",
        {
            "base_size": size,
            "base_prefix": prefix,
            "size": size + len(covered),
            "digest": hashlib.sha256(covered).hexdigest(),
            "lines": first_line + text.count("\n"),
            "fields": list(_ROW),
            "exercise_fields": list(_EXERCISE_ROW),
            **_rows(log.sessions),
        },
    )
    return True

"""Files of small records, each a ``[[<table>]]`` block appended and never rewritten,
by the same rules as the log (``store.appendonly``): the corrections
(``amendments-<device>.toml``) and the walks (``walks-<device>.toml``).

Layout::

    # backtimer ... (a comment header)

    [[amendment]]
    id = "20261205T181500-k3v9qa"
    ...
    # end of amendment 20261205T181500-k3v9qa

A block with no end line was cut short by a crash while saving: it is skipped and
reported, never touched. A block with its end line that does not read is a hand edit
gone wrong: an error naming its line, the file left as it is.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

from backtimer.store.appendonly import append_text
from backtimer.store.cache import Cache, digest_of
from backtimer.store.errors import DataError
from backtimer.store.files import read_file
from backtimer.store.tomlio import shorten

R = TypeVar("R")


@dataclass(frozen=True)
class Kind(Generic[R]):
    """One kind of record: its table, what a person calls it, its dataclass (with
    ``id`` and ``plain()``), and what is wrong with one (None: nothing)."""

    table: str
    noun: str
    cls: type[R]
    problem: Callable[[R], tuple[str, str] | None]
    header: str

    @property
    def start(self) -> re.Pattern[str]:
        return re.compile(rf"^[ \t]*\[\[[ \t]*{self.table}[ \t]*\]\][ \t]*(#.*)?$", re.MULTILINE)

    @property
    def end(self) -> str:
        return f"# end of {self.table} "

    def from_plain(self, data: dict[str, Any]) -> R:
        """A record from its plain form (dates and times as ISO text)."""
        values = dict(data)
        for key, value in data.items():
            if isinstance(value, str) and key.endswith("_at"):
                values[key] = datetime.fromisoformat(value)
            elif isinstance(value, str) and key == "day":
                values[key] = date.fromisoformat(value)
        return self.cls(**values)


@dataclass
class Records(Generic[R]):
    """Every record in the file, in file order (each id once), and the lines of
    blocks a crash cut short."""

    path: Path
    noun: str = "record"
    items: list[R] = field(default_factory=list)
    torn: list[tuple[int, int]] = field(default_factory=list)
    #: The files read into this one (``store.logbook``), each with its own problems.
    parts: list[Records[R]] = field(default_factory=list)

    def torn_message(self) -> str | None:
        if self.parts:
            found = [part.torn_message() for part in self.parts]
            return " ".join(m for m in found if m) or None
        if not self.torn:
            return None
        spans = ", ".join(f"lines {a}-{b}" for a, b in self.torn[:5])
        return (
            f"{self.path}: {len(self.torn)} {self.noun}(s) cut short, probably by a crash "
            f"while saving ({spans}); they are skipped. Record it again."
        )


def _toml_value(key: str, value: Any) -> str:
    import tomli_w

    return tomli_w.dumps({key: value}).strip()


def format_block(kind: Kind[Any], record: Any) -> str:
    lines = [f"[[{kind.table}]]"]
    for key, value in record.plain().items():
        if isinstance(getattr(record, key), datetime | date):
            lines.append(f"{key} = {getattr(record, key).isoformat()}")
        else:
            lines.append(_toml_value(key, value))
    lines.append(f"{kind.end}{record.id}")
    return "\n".join(lines) + "\n"


def append_many(path: Path, kind: Kind[R], found: Sequence[R]) -> None:
    """Append records in one write (all, or on a failure none); fsync. Each is checked
    to read back as itself first."""
    blocks = []
    for record in found:
        broken = kind.problem(record)
        if broken:
            raise DataError(f"{path}: refusing to save a {kind.noun}: {broken[0]}: {broken[1]}.")
        blocks.append(format_block(kind, record))
        if _read_block(path, kind, blocks[-1], 1) != record:
            raise DataError(f"{path}: refusing to save a {kind.noun} that would not read back.")
    if not blocks:
        return
    block = "\n".join(blocks)

    def compose(tail: str, empty: bool) -> str:
        if empty:
            return kind.header + "\n" + block
        return ("\n" if tail.endswith("\n") else "\n\n") + block

    append_text(path, compose)


def load(path: Path, kind: Kind[R], cache: Cache | None = None) -> Records[R]:
    """The records in ``path`` (none when it does not exist)."""
    found: Records[R] = Records(path, kind.noun)
    if not path.exists() and not path.is_symlink():
        return found
    raw = read_file(path)
    digest = digest_of(raw)
    stored = cache.get(kind.table, path, digest) if cache is not None else None
    if isinstance(stored, dict):
        try:
            found.items = [kind.from_plain(a) for a in stored["items"]]
            found.torn = [(a, b) for a, b in stored["torn"]]
            return found
        except (KeyError, TypeError, ValueError):
            found = Records(path, kind.noun)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start}).") from None
    _parse(path, kind, text, found)
    if cache is not None:
        plain = [a.plain() for a in found.items]  # type: ignore[attr-defined]
        cache.put(kind.table, path, digest, {"items": plain, "torn": found.torn})
    return found


def _parse(path: Path, kind: Kind[R], text: str, found: Records[R]) -> None:
    starts = [m.start() for m in kind.start.finditer(text)]
    head = text[: starts[0]] if starts else text
    try:
        if tomllib.loads(head):
            raise DataError(
                f"{path}: line 1: only comments may come before the first [[{kind.table}]]."
            )
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path}: {exc}.") from None
    seen: set[str] = set()
    end_line = re.compile(rf"^{re.escape(kind.end)}.*$", re.MULTILINE)
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        block = text[start:end]
        first = text.count("\n", 0, start) + 1
        if not end_line.search(block):
            last = first + block.rstrip("\n").count("\n")
            found.torn.append((first, last))
            continue
        record = _read_block(path, kind, block, first)
        ident = record.id  # type: ignore[attr-defined]
        if ident not in seen:
            seen.add(ident)
            found.items.append(record)


def _read_block(path: Path, kind: Kind[R], block: str, first: int) -> R:
    """One block as a record; DataError naming its line when it does not read."""
    from backtimer.store.models import validate

    try:
        items = tomllib.loads(block).get(kind.table)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(
            f"{path}: the {kind.noun} at line {first} does not read: "
            f"{shorten(str(exc), 120)}. The file was not changed."
        ) from None
    if not isinstance(items, list) or len(items) != 1:
        raise DataError(f"{path}: line {first}: one {kind.noun} per [[{kind.table}]] block.")

    def place(loc: tuple[Any, ...]) -> str:
        return f"the {kind.noun} at line {first}, key {'.'.join(map(str, loc))!r}"

    record = validate(path, block, items[0], kind.cls, place)
    broken = kind.problem(record)
    if broken:
        raise DataError(f"{path}: the {kind.noun} at line {first}, {broken[0]}: {broken[1]}.")
    return record

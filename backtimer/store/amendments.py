"""A corrections file: ``amendments-<device>.toml`` beside the log (each machine its
own; an ``amendments.toml`` of an earlier version is read too), appended to and never
rewritten, by the same rules as the log (``store.appendonly``).

Layout::

    # backtimer corrections to the session log ...

    [[amendment]]
    id = "20261205T181500-k3v9qa"
    made_at = 2026-12-05T18:15:00+01:00
    session = "20261205T080000-ab12cd"
    action = "pain"
    pain_after = 2
    # end of amendment 20261205T181500-k3v9qa

A block with no end line was cut short by a crash while saving: it is skipped and
reported, never touched. A block with its end line that does not read is a hand edit
gone wrong: an error naming its line, the file left as it is.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backtimer.core.amend import Amendment, amendment_problem
from backtimer.store.appendonly import append_text
from backtimer.store.cache import Cache, digest_of
from backtimer.store.errors import DataError
from backtimer.store.files import read_file
from backtimer.store.tomlio import shorten

HEADER = (
    "# backtimer corrections to the session log. One [[amendment]] block per\n"
    "# correction, appended and never rewritten; each names a session by its id.\n"
)
_START = re.compile(r"^[ \t]*\[\[[ \t]*amendment[ \t]*\]\][ \t]*(#.*)?$", re.MULTILINE)
_END = "# end of amendment "
_END_LINE = re.compile(r"^# end of amendment .*$", re.MULTILINE)


@dataclass
class Corrections:
    """Every correction in the file, in file order (each id once), and the lines of
    blocks a crash cut short."""

    path: Path
    amendments: list[Amendment] = field(default_factory=list)
    torn: list[tuple[int, int]] = field(default_factory=list)
    #: The files read into this one (``store.logbook``), each with its own problems.
    parts: list[Corrections] = field(default_factory=list)

    def torn_message(self) -> str | None:
        if self.parts:
            found = [part.torn_message() for part in self.parts]
            return " ".join(m for m in found if m) or None
        if not self.torn:
            return None
        spans = ", ".join(f"lines {a}-{b}" for a, b in self.torn[:5])
        return (
            f"{self.path}: {len(self.torn)} correction(s) cut short, probably by a crash "
            f"while saving ({spans}); they are skipped. Make the correction again."
        )


def format_block(amendment: Amendment) -> str:
    import tomli_w

    lines = ["[[amendment]]"]
    for key, value in amendment.plain().items():
        if key == "made_at":
            lines.append(f"made_at = {amendment.made_at.isoformat()}")
        else:
            lines.append(tomli_w.dumps({key: value}).strip())
    lines.append(f"{_END}{amendment.id}")
    return "\n".join(lines) + "\n"


def append(path: Path, amendment: Amendment) -> None:
    """Append one correction; fsync. It is checked to read back as itself first."""
    append_many(path, [amendment])


def append_many(path: Path, found: list[Amendment]) -> None:
    """Append corrections in one write (all, or on a failure none); fsync. Each is
    checked to read back as itself first."""
    blocks = []
    for amendment in found:
        broken = amendment_problem(amendment)
        if broken:
            raise DataError(f"{path}: refusing to save a correction: {broken[0]}: {broken[1]}.")
        blocks.append(format_block(amendment))
        if _read_block(path, blocks[-1], 1) != amendment:
            raise DataError(f"{path}: refusing to save a correction that would not read back.")
    if not blocks:
        return
    block = "\n".join(blocks)

    def compose(tail: str, empty: bool) -> str:
        if empty:
            return HEADER + "\n" + block
        return ("\n" if tail.endswith("\n") else "\n\n") + block

    append_text(path, compose)


def load(path: Path, cache: Cache | None = None) -> Corrections:
    """The corrections in ``path`` (none when it does not exist)."""
    found = Corrections(path)
    if not path.exists() and not path.is_symlink():
        return found
    raw = read_file(path)
    digest = digest_of(raw)
    stored = cache.get("amendments", path, digest) if cache is not None else None
    if isinstance(stored, dict):
        try:
            found.amendments = [_from_plain(a) for a in stored["amendments"]]
            found.torn = [(a, b) for a, b in stored["torn"]]
            return found
        except (KeyError, TypeError, ValueError):
            found = Corrections(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start}).") from None
    _parse(path, text, found)
    if cache is not None:
        plain = [a.plain() for a in found.amendments]
        cache.put("amendments", path, digest, {"amendments": plain, "torn": found.torn})
    return found


def _from_plain(data: dict[str, Any]) -> Amendment:
    from datetime import datetime

    return Amendment(**{**data, "made_at": datetime.fromisoformat(data["made_at"])})


def _parse(path: Path, text: str, found: Corrections) -> None:
    starts = [m.start() for m in _START.finditer(text)]
    head = text[: starts[0]] if starts else text
    try:
        if tomllib.loads(head):
            raise DataError(
                f"{path}: line 1: only comments may come before the first [[amendment]]."
            )
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path}: {exc}.") from None
    seen: set[str] = set()
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        block = text[start:end]
        first = text.count("\n", 0, start) + 1
        if not _END_LINE.search(block):
            last = first + block.rstrip("\n").count("\n")
            found.torn.append((first, last))
            continue
        amendment = _read_block(path, block, first)
        if amendment.id not in seen:
            seen.add(amendment.id)
            found.amendments.append(amendment)


def _read_block(path: Path, block: str, first: int) -> Amendment:
    """One block as an Amendment; DataError naming its line when it does not read."""
    from backtimer.store.models import validate

    try:
        items = tomllib.loads(block).get("amendment")
    except tomllib.TOMLDecodeError as exc:
        raise DataError(
            f"{path}: the correction at line {first} does not read: {shorten(str(exc), 120)}. "
            "The file was not changed."
        ) from None
    if not isinstance(items, list) or len(items) != 1:
        raise DataError(f"{path}: line {first}: one correction per [[amendment]] block.")

    def place(loc: tuple[Any, ...]) -> str:
        return f"the correction at line {first}, key {'.'.join(map(str, loc))!r}"

    amendment = validate(path, block, items[0], Amendment, place)
    broken = amendment_problem(amendment)
    if broken:
        raise DataError(f"{path}: the correction at line {first}, {broken[0]}: {broken[1]}.")
    return amendment

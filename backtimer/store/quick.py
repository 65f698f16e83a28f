"""The week's summary in ``state.toml``, read by the same rules as every other file,
with the standard library only: ``backtimer status`` runs in every shell prompt.

Only a regular file of at most ``LIMIT`` bytes is read (a FIFO would hang the prompt,
``/dev/zero`` would fill memory), without blocking; TOML that does not parse, nests
too deep or holds a number of the wrong kind or range gives None, and the caller takes
the full path or prints nothing.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import date, timedelta
from typing import Any

#: A state file is a few hundred bytes; anything far larger is not one.
LIMIT = 64 * 1024
#: The largest count a summary can hold (sessions in a week, a streak in weeks).
MAX_COUNT = 10_000
_COUNTS = ("done", "goal", "streak")
_MARKS = ("settings_size", "settings_mtime_ns")
#: The log's files (``store.paths.LOG_FILE``, kept here free of pathlib for speed).
_LOG_FILE = re.compile(r"(sessions|amendments|walks|breaks)(-[a-z0-9]+(-[a-z0-9]+)*)?\.toml")
#: A logs mark longer than this is no mark (a folder of thousands of files).
MARK_LIMIT = 8 * 1024


def _read(path: str) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > LIMIT:
            return None
        data = os.read(fd, LIMIT + 1)
        return data if len(data) <= LIMIT else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _count(value: Any, low: int = 0) -> bool:
    return type(value) is int and low <= value <= MAX_COUNT


def read_summary(path: str) -> dict[str, Any] | None:
    """The ``summary`` table of the state file at ``path`` when every value in it is
    of its kind and in its range; None on any doubt."""
    raw = _read(path)
    if raw is None:
        return None
    import tomllib

    try:
        summary = tomllib.loads(raw.decode("utf-8")).get("summary")
    except (ValueError, RecursionError, UnicodeDecodeError):
        return None
    if not isinstance(summary, dict):
        return None
    last = summary.get("last_day")
    days = summary.get("remind_days", [])
    fine = (
        all(_count(summary.get(key)) for key in ("done", "streak"))
        and _count(summary.get("goal"), 1)
        and all(type(summary.get(key)) is int and summary[key] >= 0 for key in _MARKS)
        and type(summary.get("monday")) is date
        and (last is None or type(last) is date)
        and type(summary.get("quiet", False)) is bool
        and isinstance(days, list)
        and all(isinstance(d, str) and len(d) <= 10 for d in days)
        and isinstance(summary.get("logs"), str)
        and isinstance(summary.get("remind_at", ""), str)
        and len(summary.get("remind_at", "")) <= 10
    )
    return summary if fine else None


def stamp(path: str | os.PathLike[str]) -> tuple[int, int]:
    """A file's size and modification time: what says it changed ((0, 0): absent)."""
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)
    return (info.st_size, info.st_mtime_ns)


def logs_mark(data_dir: str) -> str:
    """Every log file in ``data_dir`` (every machine's sessions and corrections) with
    its size and time, in one line: what says the log changed, here or by a sync."""
    found = []
    try:
        with os.scandir(data_dir) as entries:
            for entry in entries:
                if _LOG_FILE.fullmatch(entry.name):
                    try:
                        info = entry.stat()
                    except OSError:
                        continue
                    found.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}")
    except OSError:
        return ""
    return ";".join(sorted(found))[:MARK_LIMIT]


def fresh_summary(state: str, data_dir: str, settings: str, today: date) -> dict[str, Any] | None:
    """The summary in the state file while it still describes ``today``'s week: every
    log file in ``data_dir`` (sessions and corrections, of every machine) and the
    settings have the size and time they had when it was made. The one rule for
    `status` (fast or not) and the app; None when it does not hold."""
    summary = read_summary(state)
    if summary is None:
        return None
    if (
        summary["logs"] != logs_mark(data_dir)
        or stamp(settings) != (summary["settings_size"], summary["settings_mtime_ns"])
        or summary["monday"] != today - timedelta(days=today.weekday())
    ):
        return None
    return summary

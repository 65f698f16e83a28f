"""A small summary of the week, kept in the state file by each session, so that
``backtimer status`` can answer on every shell prompt without reading the log.

It is trusted only while the log has the size and time it had when the summary was
made: a hand edit or another machine's merge is noticed, and the log is read again.
Reading it imports neither Textual nor pydantic.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from datetime import date
from typing import Any

from backtimer.core import stats
from backtimer.core.log import SessionEntry
from backtimer.core.reminders import Week
from backtimer.store.paths import Paths


@dataclass(frozen=True)
class Summary:
    monday: date
    week: Week
    log_size: int
    log_mtime_ns: int

    def plain(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "monday": self.monday,
            "done": self.week.done,
            "goal": self.week.goal,
            "streak": self.week.streak,
            "log_size": self.log_size,
            "log_mtime_ns": self.log_mtime_ns,
        }
        if self.week.last_day is not None:
            data["last_day"] = self.week.last_day
        return data


def log_mark(paths: Paths) -> tuple[int, int]:
    try:
        info = os.stat(paths.sessions)
    except OSError:
        return (0, 0)
    return (info.st_size, info.st_mtime_ns)


def make(sessions: list[SessionEntry], today: date, goal: int, mark: tuple[int, int]) -> Summary:
    [week] = stats.weeks(sessions, today, goal, 1)
    streak, _ = stats.streaks(sessions, today, goal)
    last = max((s.started_at.date() for s in sessions if stats.counts(s)), default=None)
    return Summary(stats.monday(today), Week(week.sessions, goal, streak, last), *mark)


def read(paths: Paths, today: date, goal: int) -> Summary | None:
    """The summary in the state file, if it still describes the log, this week and
    this goal; else None."""
    try:
        with open(paths.state, "rb") as handle:
            data = tomllib.load(handle).get("summary")
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    try:
        summary = Summary(
            data["monday"],
            Week(int(data["done"]), int(data["goal"]), int(data["streak"]), data.get("last_day")),
            int(data["log_size"]),
            int(data["log_mtime_ns"]),
        )
    except (KeyError, TypeError, ValueError):
        return None
    fresh = (summary.log_size, summary.log_mtime_ns) == log_mark(paths)
    if not fresh or summary.monday != stats.monday(today) or summary.week.goal != goal:
        return None
    if not isinstance(summary.monday, date):
        return None
    return summary

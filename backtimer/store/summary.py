"""A small summary of the week, kept in the state file by each session, so that
``backtimer status`` can answer on every shell prompt without reading the log.

It is trusted only while every log file has the size and time it had when the summary
was made: a hand edit, a correction or another machine's file arriving by sync is
noticed, and the log is read again.
Reading it imports neither Textual nor pydantic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from backtimer.core import stats
from backtimer.core.log import SessionEntry
from backtimer.core.reminders import Week
from backtimer.core.settings import Settings
from backtimer.core.walk import Walk
from backtimer.store.paths import Paths


@dataclass(frozen=True)
class Summary:
    monday: date
    week: Week
    #: Every log file's name, size and time when it was made (``quick.logs_mark``).
    logs: str
    #: The settings it was made under, and what `status` needs of them.
    settings_mark: tuple[int, int] = (0, 0)
    quiet: bool = False
    remind_days: tuple[str, ...] = ()
    remind_at: str = "18:00"

    def plain(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "monday": self.monday,
            "done": self.week.done,
            "goal": self.week.goal,
            "streak": self.week.streak,
            "logs": self.logs,
            "settings_size": self.settings_mark[0],
            "settings_mtime_ns": self.settings_mark[1],
            "quiet": self.quiet,
            "remind_days": list(self.remind_days),
            "remind_at": self.remind_at,
        }
        if self.week.last_day is not None:
            data["last_day"] = self.week.last_day
        return data


def make(
    sessions: list[SessionEntry],
    today: date,
    settings: Settings,
    logs: str,
    settings_mark: tuple[int, int] = (0, 0),
    walks: Sequence[Walk] = (),
) -> Summary:
    whole = stats.tally(sessions, moves=False).add_walks(walks, settings.walks_count)
    last = last_counted(sessions)
    return make_of(whole, last, today, settings, logs, settings_mark)


def last_counted(sessions: Sequence[SessionEntry]) -> date | None:
    """The day of the last session that counts toward the goal."""
    return max((s.started_at.date() for s in sessions if stats.counts(s)), default=None)


def make_of(
    whole: stats.Tally,
    last: date | None,
    today: date,
    settings: Settings,
    logs: str,
    settings_mark: tuple[int, int] = (0, 0),
) -> Summary:
    """The summary from the log's tally (walks added) and its last counted day."""
    goal = settings.weekly_goal
    [week] = stats.weeks_of(whole, today, goal, 1)
    streak = stats.current_of(whole, today, goal)
    return Summary(
        stats.monday(today),
        Week(week.sessions, goal, streak, last),
        logs,
        settings_mark,
        settings.status_quiet,
        settings.remind_days,
        settings.remind_at,
    )


def read(paths: Paths, today: date) -> Summary | None:
    """The summary in the state file, if it still describes the log, the settings and
    this week (``quick.fresh_summary``: the same rule as the fast `status`); else None."""
    from backtimer.store.quick import fresh_summary

    data = fresh_summary(str(paths.state), str(paths.data_dir), str(paths.settings), today)
    if data is None:
        return None
    return Summary(
        data["monday"],
        Week(data["done"], data["goal"], data["streak"], data.get("last_day")),
        data["logs"],
        (data["settings_size"], data["settings_mtime_ns"]),
        data.get("quiet", False),
        tuple(data.get("remind_days", ())),
        data.get("remind_at", "18:00"),
    )

"""Walks: "walking most days" is the best partner to these exercises, so a walk can be
recorded, seen beside the sessions (minutes per week), and, if a person wants, counted
toward the weekly goal: a walk of at least ``COUNTS_FROM_MINUTES`` minutes counts as a
session when the setting ``walks_count`` is on (off by default: the goal is about the
exercises). A walk is its own kind of entry; it never changes a dose or a plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated

from backtimer.core.log import ID_GRAMMAR, ID_RULE, new_id
from backtimer.core.vocab import FILE_CONFIG, Interval, Len

#: A walk this long counts as a session when ``walks_count`` is on.
COUNTS_FROM_MINUTES = 20
#: The longest walk one entry holds (a whole day's hike).
MAX_MINUTES = 600


@dataclass(frozen=True, slots=True)
class Walk:
    __pydantic_config__ = FILE_CONFIG

    id: Annotated[str, Len(1, 200)]
    day: date
    minutes: Annotated[int, Interval(ge=1, le=MAX_MINUTES)]
    logged_at: datetime

    def plain(self) -> dict[str, object]:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "minutes": self.minutes,
            "logged_at": self.logged_at.isoformat(),
        }


def walk_problem(walk: Walk) -> tuple[str, str] | None:
    """A rule the annotations cannot say, broken by ``walk``: the key and why."""
    if not ID_GRAMMAR.fullmatch(walk.id):
        return "id", ID_RULE
    if walk.logged_at.utcoffset() is None:
        return "logged_at", "needs a UTC offset, e.g. 2026-11-16T08:00:00+01:00"
    if not 1970 <= walk.day.year <= 2100:
        return "day", "a walk's day lies between 1970 and 2100"
    return None


def new_walk(day: date, minutes: int, now: datetime, token: str) -> Walk:
    """A walk of ``minutes`` on ``day``, logged at ``now``."""
    return Walk(id=new_id(now, token), day=day, minutes=minutes, logged_at=now)


def counts(walk: Walk, counting: bool) -> bool:
    """Does ``walk`` count as a session toward the weekly goal?"""
    return counting and walk.minutes >= COUNTS_FROM_MINUTES


def by_id(found: Iterable[Walk]) -> list[Walk]:
    """Each walk once (by id), in the order of their days."""
    seen: dict[str, Walk] = {}
    for walk in found:
        seen.setdefault(walk.id, walk)
    return sorted(seen.values(), key=lambda w: (w.day, w.id))

"""Sums over a log, per week and in all: what every report and streak is made of.

One pass over the sessions makes a ``Tally``; weeks, streaks, totals and the pain
trend are read from it (``core.stats``). The log's cache keeps the tally of what it
holds (``store.journal``), so a history of ten years needs to build only the sessions
of the weeks it lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from backtimer.core.log import SessionEntry

#: A session that was not completed still counts when this share of its plan was done.
COUNTS_FROM = 0.8


#: A session of one move (started from the library) is practice, not a session.
ONE_MOVE = "move-"


def counts(session: SessionEntry) -> bool:
    """Does this session count toward its week's goal? (One move on its own does not.)"""
    if session.routine.startswith(ONE_MOVE):
        return False
    if session.completed:
        return True
    # whole numbers (tenths of a second, as the log stores them, and whole percent),
    # so that 584.8 of 731 s is exactly 80 %
    planned = round(session.planned_s * 10)
    done = round(session.active_s * 10)
    return planned > 0 and done * 100 >= planned * round(COUNTS_FROM * 100)


def day_of(session: SessionEntry) -> date:
    return session.started_at.date()


_MONDAYS: dict[date, date] = {}


def monday(day: date) -> date:
    """The Monday of ``day``'s week (remembered: a long log asks for the same days
    again and again)."""
    found = _MONDAYS.get(day)
    if found is None:
        found = _MONDAYS[day] = day - timedelta(days=day.weekday())
    return found


#: The sums kept for a week, and for the whole log, in this order.
FIELDS = (
    "counted",
    "uncounted",
    "active_s",
    "pain_before",
    "rated_before",
    "pain_after",
    "rated_after",
)
COUNTED, UNCOUNTED, ACTIVE, PAIN_BEFORE, RATED_BEFORE, PAIN_AFTER, RATED_AFTER = range(7)


def _empty() -> list[Any]:
    return [0, 0, 0.0, 0, 0, 0, 0]


@dataclass
class Tally:
    #: Monday -> the sums of that week (see FIELDS), in the order the log first
    #: reached each week.
    weeks: dict[date, list[Any]] = field(default_factory=dict)
    #: The same sums over the whole log.
    whole: list[Any] = field(default_factory=_empty)
    #: Exercise id -> how often it was done, in the order first done.
    done: Counter[str] = field(default_factory=Counter)
    #: Monday -> [walking minutes, walks that count as a session] (``add_walks``).
    walks: dict[date, list[int]] = field(default_factory=dict)
    #: Monday -> [desk breaks, their seconds of moving] (``add_breaks``); never counted.
    breaks: dict[date, list[int]] = field(default_factory=dict)

    @property
    def sessions(self) -> int:
        return int(self.whole[COUNTED] + self.whole[UNCOUNTED])

    def add(self, sessions: Iterable[SessionEntry], *, moves: bool = True) -> Tally:
        """Add ``sessions`` (in log order: float sums are made in that order);
        ``moves=False`` leaves out the count of each move done (weeks and streaks
        do not need it, and it is most of the work)."""
        weeks, whole, done = self.weeks, self.whole, self.done
        for s in sessions:
            week = weeks.get(start := monday(s.started_at.date()))
            if week is None:
                week = weeks[start] = _empty()
            kind = COUNTED if counts(s) else UNCOUNTED
            for sums in (week, whole):
                sums[kind] += 1
                sums[ACTIVE] += s.active_s
                if s.pain_before is not None:
                    sums[PAIN_BEFORE] += s.pain_before
                    sums[RATED_BEFORE] += 1
                if s.pain_after is not None:
                    sums[PAIN_AFTER] += s.pain_after
                    sums[RATED_AFTER] += 1
            if moves:
                done.update(e.id for e in s.exercises if e.status == "done")
        return self

    def add_walks(self, walks: Iterable[Any], counting: bool) -> Tally:
        """Add walks (``core.walk.Walk``): their minutes to their week, and, when
        ``counting``, each long enough as a session toward the goal."""
        from backtimer.core.walk import counts as walk_counts

        for walk in walks:
            sums = self.walks.setdefault(monday(walk.day), [0, 0])
            sums[0] += walk.minutes
            sums[1] += walk_counts(walk, counting)
        return self

    def add_breaks(self, breaks: Iterable[Any]) -> Tally:
        """Add desk breaks (``core.desk.Break``) to their weeks: shown, never counted
        toward the goal."""
        for found in breaks:
            sums = self.breaks.setdefault(monday(found.started_at.date()), [0, 0])
            sums[0] += 1
            sums[1] += found.seconds
        return self

    def counted(self, week: date) -> int:
        """The sessions of ``week`` that count toward the goal, walks included."""
        sums, walked = self.weeks.get(week), self.walks.get(week)
        return (sums[COUNTED] if sums else 0) + (walked[1] if walked else 0)

    @classmethod
    def merged(cls, parts: Iterable[Tally]) -> Tally:
        """The tally of several logs with no session in common."""
        out = cls()
        for part in parts:
            for start, sums in part.weeks.items():
                week = out.weeks.setdefault(start, _empty())
                week[:] = [a + b for a, b in zip(week, sums, strict=True)]
            out.whole = [a + b for a, b in zip(out.whole, part.whole, strict=True)]
            out.done.update(part.done)
        return out

    def plain(self) -> dict[str, Any]:
        return {
            "weeks": [[m.isoformat(), *sums] for m, sums in self.weeks.items()],
            "whole": list(self.whole),
            "done": list(self.done.items()),
        }

    @classmethod
    def from_plain(cls, data: dict[str, Any]) -> Tally:
        weeks = {date.fromisoformat(row[0]): list(row[1:]) for row in data["weeks"]}
        if any(len(sums) != len(FIELDS) for sums in weeks.values()):
            raise ValueError("not a tally")
        whole = list(data["whole"])
        if len(whole) != len(FIELDS):
            raise ValueError("not a tally")
        return cls(weeks, whole, Counter(dict((str(k), int(n)) for k, n in data["done"])))


def tally(sessions: Iterable[SessionEntry], *, moves: bool = True) -> Tally:
    return Tally().add(sessions, moves=moves)

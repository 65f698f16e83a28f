"""Literal logs of people who keep going, made by following the planner's own plans:
a new profile, a steady 12 weeks at 3 a week, a goal of 1, a stop for pain, a rising
pain trend, and a 3-week and a 6-month break."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone

from backtimer.core.avoid import avoided_moves
from backtimer.core.log import ExerciseEntry, SessionEntry
from backtimer.core.plan import Choice, choose_plan, choose_routine
from backtimer.core.programme import block
from backtimer.core.progression import progress
from backtimer.core.routine import Catalog

CET = timezone(timedelta(hours=1))
START = date(2026, 1, 5)  # a Monday

Pain = Callable[[date], tuple[int | None, int | None]]


def choice_for(
    catalog: Catalog,
    log: list[SessionEntry],
    day: date,
    minutes: int,
    standing: bool = False,
    routine: str | None = None,
) -> Choice:
    """What the app would offer on ``day`` after ``log``."""
    prog = progress(log, day, catalog.exercises, 3)
    avoided = avoided_moves(log, day, catalog.exercises)
    if routine is not None:
        return choose_routine(catalog, routine, avoided, prog)
    current = block(log, day, catalog.exercises, standing=standing)
    return choose_plan(
        catalog, minutes, day=day, avoided=avoided, standing=standing, progress=prog, block=current
    )


def session_of(
    choice: Choice, day: date, n: int, pain: tuple[int | None, int | None], hurt: str | None = None
) -> SessionEntry:
    start = datetime(day.year, day.month, day.day, 8, tzinfo=CET)
    rows = []
    for s in choice.steps:
        status = "stopped_for_pain" if s.exercise.id == hurt else "done"
        rows.append(ExerciseEntry(s.exercise.id, status, 60.0, (), s.dose))
    minutes = choice.minutes or 12
    return SessionEntry(
        id=f"{day:%Y%m%d}T080000-{n:06x}",
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        active_s=minutes * 60.0,
        routine=choice.key,
        planned_minutes=float(minutes),
        planned_s=minutes * 60.0,
        completed=True,
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=tuple(rows),
    )


def follow(
    catalog: Catalog,
    days: Iterable[date],
    *,
    minutes: int = 15,
    standing: bool = False,
    pain: Pain = lambda day: (3, 2),
    routine: str | None = None,
    hurt: dict[date, str] | None = None,
    log: list[SessionEntry] | None = None,
) -> list[SessionEntry]:
    """A log made by doing, on each of ``days``, what the app offers that day."""
    log = list(log or [])
    for day in days:
        choice = choice_for(catalog, log, day, minutes, standing, routine)
        log.append(session_of(choice, day, len(log), pain(day), (hurt or {}).get(day)))
    return log


def weekdays(first: date, weeks: int, days: tuple[int, ...] = (0, 2, 4)) -> list[date]:
    return [first + timedelta(weeks=w, days=d) for w in range(weeks) for d in days]


def profiles(catalog: Catalog) -> dict[str, tuple[list[SessionEntry], date]]:
    """Each profile's log and the first day after it."""
    steady = follow(catalog, weekdays(START, 12))
    goal_one = follow(catalog, weekdays(START, 12, (1,)), minutes=10)
    hurt_day = START + timedelta(weeks=4, days=2)
    pain_stop = follow(catalog, weekdays(START, 5), hurt={hurt_day: "cat-cow"})

    def rising_pain(day: date) -> tuple[int, int]:
        week = (day - START).days // 7
        return (2 + week * 4 // 5, 2 + week * 4 // 5)

    rising = follow(catalog, weekdays(START, 6), pain=rising_pain)
    three_weeks = follow(catalog, weekdays(START, 8))
    six_months = follow(catalog, weekdays(START, 8))
    end = START + timedelta(weeks=12)
    return {
        "new": ([], START),
        "steady 12 weeks": (steady, end),
        "goal of 1": (goal_one, end),
        "stop for pain": (pain_stop, hurt_day + timedelta(days=3)),
        "rising pain": (rising, START + timedelta(weeks=6)),
        "3-week break": (three_weeks, START + timedelta(weeks=8, days=24)),
        "6-month break": (six_months, START + timedelta(weeks=8, days=183)),
    }

"""The next dose of every move, worked out from the log alone.

The rule, in plain words (the README says the same):

- A new person starts every move at the bottom of its range, with level-1 moves.
- A move steps up one notch (reps +2, or a hold +5 s, or a timed move +15 s) after it
  was done in full at its current dose in at least 3 sessions over the last 14 days,
  none stopped for pain, and pain after those sessions no more than 1 point above pain
  before (missing ratings don't block it). At the top of its range a strength move may
  add a set, never beyond its range.
- A move steps back one notch when it is stopped for pain, or when pain rose by 2 or
  more in a session that included it; it then stays back for at least a week.
- Level 2 moves unlock after two calendar weeks that met the weekly goal with no stop
  for pain; level 3 after four more such weeks. A week with a stop for pain starts the
  count again.
- A break of three weeks or more takes every dose back one notch.

It is a pure function of the log and today: the same log always gives the same doses,
and every change says when and why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from backtimer.core.avoid import short_date
from backtimer.core.dose import Dose
from backtimer.core.exercise import Exercise
from backtimer.core.log import SessionEntry
from backtimer.core.stats import counts, monday

#: One notch of progress, by the dose's main key.
STEP = {"reps": 2, "hold_s": 5, "time_s": 15}
GOOD_SESSIONS, WINDOW_DAYS = 3, 14
HOLD_BACK_DAYS = 7
BREAK_DAYS = 21
#: Good weeks (goal met, no stop for pain) that unlock level 2, then four more for 3.
UNLOCK_WEEKS = {2: 2, 3: 4}


@dataclass(frozen=True)
class Current:
    """A move's dose now, and where it came from."""

    dose: Dose
    #: "start", "up", "back" or "break".
    source: str = "start"
    since: date | None = None
    why: str = "where everyone starts"
    #: No step up before this day (a week after a step back).
    held_until: date | None = None

    def origin(self) -> str:
        """``start``, ``up on 21 Nov``, ``back on 21 Nov``..."""
        if self.since is None:
            return self.source
        return f"{self.source} on {short_date(self.since)}"


@dataclass(frozen=True)
class Progress:
    doses: dict[str, Current]
    level: int
    #: Good weeks counted toward the next level.
    good_weeks: int
    #: Days each level unlocked on.
    unlocked_on: dict[int, date]
    last_session: date | None
    #: Progression is off: every move at the catalogue's own dose.
    fixed: bool = False

    def dose_of(self, exercise: Exercise) -> Dose:
        if self.fixed:
            return exercise.dose
        return self.doses[exercise.id].dose if exercise.id in self.doses else gentlest(exercise)

    def current(self, exercise: Exercise) -> Current:
        if self.fixed:
            return Current(exercise.dose, "catalogue", None, "progression is off in settings")
        return self.doses.get(exercise.id) or Current(gentlest(exercise))


@lru_cache(maxsize=1024)
def gentlest(exercise: Exercise) -> Dose:
    """A new person's dose: the bottom of every range."""
    return exercise.limits.bottom(exercise.dose)


def step(exercise: Exercise, dose: Dose, direction: int) -> Dose | None:
    """One notch up (+1) or back (-1) inside the move's range; None when there is none."""
    limits, default = exercise.limits, exercise.dose
    key = dose.main_key
    bounds = limits.range(key, default)
    value = getattr(dose, key) or 0
    if direction > 0:
        top = bounds[1] if bounds else value
        if value < top:
            return dose.with_changes(**{key: _kind(key, min(top, value + STEP[key]))})
        sets = limits.range("sets", default)
        if exercise.kind == "strength" and sets and dose.sets < sets[1]:
            return replace(dose, sets=dose.sets + 1)
        return None
    sets = limits.range("sets", default)
    if sets and dose.sets > sets[0]:
        return replace(dose, sets=dose.sets - 1)
    bottom = bounds[0] if bounds else value
    if value > bottom:
        return dose.with_changes(**{key: _kind(key, max(bottom, value - STEP[key]))})
    return None


def _kind(key: str, value: float) -> float | int:
    return int(value) if key == "reps" else float(value)


def _pain_rise(session: SessionEntry) -> int | None:
    if session.pain_before is None or session.pain_after is None:
        return None
    return session.pain_after - session.pain_before


def _at_least(done: Dose | None, current: Dose) -> bool:
    """Was ``done`` the current dose or more (schema-1 rows record no dose)?"""
    if done is None:
        return False
    key = current.main_key
    return (getattr(done, key) or 0) >= (getattr(current, key) or 0) and done.sets >= current.sets


def progress(
    sessions: Sequence[SessionEntry],
    today: date,
    exercises: Mapping[str, Exercise],
    goal: int,
    *,
    fixed: bool = False,
) -> Progress:
    """Every move's dose and the level reached, as of ``today``; ``fixed``: progression
    is off, doses are the catalogue's."""
    doses: dict[str, Current] = {}
    good: dict[str, list[date]] = {}
    ordered = sorted(
        (s for s in sessions if s.started_at.date() <= today), key=lambda s: s.started_at
    )
    previous: date | None = None

    def current(exercise: Exercise) -> Current:
        return doses.get(exercise.id) or Current(gentlest(exercise))

    def change(exercise: Exercise, direction: int, day: date, source: str, why: str) -> None:
        now = current(exercise)
        new = step(exercise, now.dose, direction)
        if new is None:
            return
        held = day + timedelta(days=HOLD_BACK_DAYS) if direction < 0 else now.held_until
        doses[exercise.id] = Current(new, source, day, why, held)
        good.pop(exercise.id, None)

    def take_a_break(day: date) -> None:
        for exercise_id in list(doses):
            exercise = exercises.get(exercise_id)
            if exercise is not None:
                change(exercise, -1, day, "break", "a break of three weeks or more")

    for session in ordered:
        day = session.started_at.date()
        if previous is not None and (day - previous).days >= BREAK_DAYS:
            take_a_break(day)
        previous = day
        rise = _pain_rise(session)
        for row in session.exercises:
            exercise = exercises.get(row.id)
            if exercise is None:
                continue
            if row.status == "stopped_for_pain":
                change(exercise, -1, day, "back", f"it was stopped for pain on {short_date(day)}")
            elif rise is not None and rise >= 2 and row.status in ("done", "partial"):
                change(exercise, -1, day, "back", f"pain rose by {rise} on {short_date(day)}")
            elif (
                row.status == "done"
                and (rise is None or rise <= 1)
                and _at_least(row.dose, current(exercise).dose)
            ):
                good.setdefault(exercise.id, []).append(day)
        for exercise_id, days in list(good.items()):
            recent = [d for d in days if (day - d).days < WINDOW_DAYS]
            good[exercise_id] = recent
            now = current(exercises[exercise_id])
            held = now.held_until is not None and day < now.held_until
            if len(set(recent)) >= GOOD_SESSIONS and not held:
                change(exercises[exercise_id], +1, day, "up", "three good sessions")
    if previous is not None and (today - previous).days >= BREAK_DAYS:
        take_a_break(today)

    level, good_weeks, unlocked_on = _levels(ordered, today, goal)
    return Progress({} if fixed else doses, level, good_weeks, unlocked_on, previous, fixed)


def _levels(
    sessions: Iterable[SessionEntry], today: date, goal: int
) -> tuple[int, int, dict[int, date]]:
    """The level unlocked, the good weeks counted toward the next, and unlock days."""
    tally: dict[date, int] = {}
    hurt: set[date] = set()
    for s in sessions:
        week = monday(s.started_at.date())
        if counts(s):
            tally[week] = tally.get(week, 0) + 1
        if any(e.status == "stopped_for_pain" for e in s.exercises):
            hurt.add(week)
    level, run, unlocked = 1, 0, {}
    for week in sorted({*tally, *hurt}):
        if week > monday(today):
            break
        if week in hurt:
            run = 0
        elif tally.get(week, 0) >= goal:
            run += 1
            target = level + 1
            if target in UNLOCK_WEEKS and run >= UNLOCK_WEEKS[target]:
                level, run = target, 0
                unlocked[target] = min(today, week + timedelta(days=6))
    return level, run, unlocked


def next_step(exercise: Exercise, now: Current, today: date) -> str:
    """What the move needs for its next step, in words."""
    if step(exercise, now.dose, +1) is None:
        return "none: the top of its range"
    if now.held_until is not None and today < now.held_until:
        return f"held here until {short_date(now.held_until)}, after a step back"
    return "3 good sessions at this dose within 2 weeks"


def changes(before: Progress, after: Progress, exercises: Mapping[str, Exercise]) -> list[str]:
    """What is different next time, as sentences for the summary."""
    lines = []
    for exercise_id, now in after.doses.items():
        was = before.doses.get(exercise_id)
        exercise = exercises.get(exercise_id)
        if exercise is None or (was is not None and was.dose == now.dose):
            continue
        old = was.dose if was is not None else gentlest(exercise)
        if old == now.dose:
            continue
        way = "up from" if now.source == "up" else "down from"
        lines.append(
            f"{exercise.name}: {now.dose.describe()} next time, {way} {old.describe()}: {now.why}."
        )
    for level in sorted(set(after.unlocked_on) - set(before.unlocked_on)):
        lines.append(f"Level {level} moves are unlocked: well done on your steady weeks.")
    return lines

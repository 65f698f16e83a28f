"""The next dose of every move, and the level reached, worked out from the log alone.

The rules, in plain words (the README's "How your doses grow" says the same):

- A new person starts every move at the bottom of its range, with level-1 moves.
- A move steps up one notch after it was done in full at its current dose on at least
  3 different days over the last 14 days, none stopped for pain, with pain after no more than
  1 point above pain before (missing ratings don't block it), and, for a strength
  move, not answered "no" to "could you have done 2 or 3 more?". A notch is reps +2
  (a hold +5 s, a timed move +15 s); at the top of the reps, the pause at the top of
  each rep grows by 2 s within its range; then a strength move may add a set.
- No move steps up while the pain trend is rising or the usual pain is 6 or more
  (``core.pain``): the doses are held, and the person is told why.
- A move steps back one notch when it is stopped for pain, or when pain rose by 2 or
  more in a session that included it; it then stays back for at least a week.
- A level is earned by practice, not by the calendar or the weekly goal: level 2 opens
  after 6 sessions, spread over at least 2 weeks, in which the level-1 moves done were
  done in full with no stop for pain and no pain rise of 2 or more; level 3 after 6
  more such sessions with level-2 moves. A stop for pain or a pain rise of 2 or more
  starts the count again.
- A break of 3 weeks or more takes every dose back one notch, starts the count toward
  the next level again, and closes the top level for two weeks of practice (14 days
  and 4 sessions). A break of 8 weeks or more starts again from the bottom of every
  range at level 1, with a welcome back.

It is a pure function of the log and today: the same log always gives the same doses,
and every change says when and why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from backtimer.core.avoid import short_date
from backtimer.core.dose import Dose
from backtimer.core.exercise import Exercise
from backtimer.core.log import SessionEntry
from backtimer.core.pain import ADVICE as PAIN_ADVICE
from backtimer.core.pain import Ratings, trend

#: One notch of progress, by the dose's main key.
STEP = {"reps": 2, "hold_s": 5, "time_s": 15}
#: The pause at the top of each rep grows this much a notch, once the reps are at top.
PAUSE_STEP = 2.0
GOOD_SESSIONS, WINDOW_DAYS = 3, 14
HOLD_BACK_DAYS = 7
BREAK_DAYS, LONG_BREAK_DAYS = 21, 56
#: A level opens after this many good sessions at the one below, spread over this span.
UNLOCK_SESSIONS, UNLOCK_SPAN_DAYS = 6, 13
#: After a break, the top level reopens after this much practice.
REOPEN_DAYS, REOPEN_SESSIONS = 14, 4
TOP_LEVEL = 3
WELCOME_BACK = (
    "Welcome back. After a long break every move starts again at its gentlest, with "
    "level-1 moves; your body remembers, so the doses will climb back quickly."
)


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
    #: The hardest level open today.
    level: int
    #: Good sessions counted toward the next level.
    practice: int
    #: Days each level unlocked on.
    unlocked_on: dict[int, date]
    last_session: date | None
    #: Progression is off: every move at the catalogue's own dose.
    fixed: bool = False
    #: Why no dose steps up now (a rising or high pain trend), or None.
    pain_hold: str | None = None
    #: The top level reached, and the day it reopens after a break (None: open).
    reached: int = 1
    reopens: date | None = None
    #: Back after a long break: everything started again from the bottom.
    welcome_back: bool = False
    #: Moves that have a dose of their own here (done before at least once).
    known: frozenset[str] = field(default_factory=frozenset)

    def dose_of(self, exercise: Exercise) -> Dose:
        if self.fixed:
            return exercise.dose
        return self.doses[exercise.id].dose if exercise.id in self.doses else gentlest(exercise)

    def current(self, exercise: Exercise) -> Current:
        if self.fixed:
            return Current(exercise.dose, "catalogue", None, "progression is off in settings")
        return self.doses.get(exercise.id) or Current(gentlest(exercise))

    def toward_next(self) -> str:
        """What the next level needs, in words."""
        if self.reopens is not None:
            return (
                f"level {self.reached} reopens after two weeks of practice since your "
                f"break (from {short_date(self.reopens)}, with {REOPEN_SESSIONS} sessions)"
            )
        if self.level >= TOP_LEVEL:
            return "every level is open"
        return (
            f"{self.practice} of {UNLOCK_SESSIONS} good sessions with level-{self.level} "
            f"moves, over at least 2 weeks, toward level {self.level + 1}"
        )


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
    pause = limits.range("hold_s", default) if key == "reps" else None
    held = dose.hold_s or 0.0
    if direction > 0:
        top = bounds[1] if bounds else value
        if value < top:
            return dose.with_changes(**{key: _kind(key, min(top, value + STEP[key]))})
        if pause and held < pause[1]:
            return replace(dose, hold_s=float(min(pause[1], held + PAUSE_STEP)))
        sets = limits.range("sets", default)
        if exercise.kind == "strength" and sets and dose.sets < sets[1]:
            return replace(dose, sets=dose.sets + 1)
        return None
    sets = limits.range("sets", default)
    if sets and dose.sets > sets[0]:
        return replace(dose, sets=dose.sets - 1)
    if pause and held > pause[0]:
        return replace(dose, hold_s=float(max(pause[0], held - PAUSE_STEP)))
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


def _done_in_full(session: SessionEntry, exercises: Mapping[str, Exercise], level: int) -> bool:
    """Did ``session`` practise level-``level`` moves (not warm-ups), every one of them
    done in full?"""
    rows = [
        row
        for row in session.exercises
        if (e := exercises.get(row.id)) is not None and e.kind != "warmup" and e.level == level
    ]
    return bool(rows) and all(row.status == "done" for row in rows)


def _hurt(session: SessionEntry) -> bool:
    rise = _pain_rise(session)
    stopped = any(row.status == "stopped_for_pain" for row in session.exercises)
    return stopped or (rise is not None and rise >= 2)


@dataclass
class _Levels:
    """The count toward the next level, replayed session by session."""

    reached: int = 1
    days: list[date] = field(default_factory=list)
    unlocked_on: dict[int, date] = field(default_factory=dict)
    reopens: date | None = None
    since_break: int = 0

    def open(self, today: date) -> int:
        closed = self.reopens is not None and (
            today < self.reopens or self.since_break < REOPEN_SESSIONS
        )
        return max(1, self.reached - 1) if closed else self.reached

    def take(
        self, session: SessionEntry, exercises: Mapping[str, Exercise], *, held: bool = False
    ) -> None:
        """Count ``session`` toward the next level (not while ``held``: pain rising or
        high is no time to open harder moves)."""
        day = session.started_at.date()
        self.since_break += 1
        if (
            self.reopens is not None
            and day >= self.reopens
            and (self.since_break >= REOPEN_SESSIONS)
        ):
            self.reopens = None
        if _hurt(session):
            self.days = []
            return
        level = self.open(day)
        if level >= TOP_LEVEL or level < self.reached or held:
            return
        if _done_in_full(session, exercises, level):
            self.days.append(day)
        if (
            len(self.days) >= UNLOCK_SESSIONS
            and (self.days[-1] - self.days[0]).days >= UNLOCK_SPAN_DAYS
        ):
            self.reached = level + 1
            self.unlocked_on[self.reached] = day
            self.days = []

    def pause(self, day: date, *, long: bool) -> None:
        """A break: the count starts again; the top level closes (or, after a long
        one, everything starts from level 1)."""
        self.days = []
        self.since_break = 0
        if long:
            self.reached, self.reopens = 1, None
        elif self.reached > 1:
            self.reopens = day + timedelta(days=REOPEN_DAYS)


def progress(
    sessions: Sequence[SessionEntry],
    today: date,
    exercises: Mapping[str, Exercise],
    goal: int = 3,
    *,
    fixed: bool = False,
) -> Progress:
    """Every move's dose and the level reached, as of ``today``; ``fixed``: progression
    is off, doses are the catalogue's. ``goal`` (the weekly goal) plays no part in the
    levels: they are earned by practice."""
    doses: dict[str, Current] = {}
    good: dict[str, list[date]] = {}
    known: set[str] = set()
    ordered = sorted(
        (s for s in sessions if s.started_at.date() <= today), key=lambda s: s.started_at
    )
    ratings = Ratings.of(ordered)
    levels = _Levels()
    previous: date | None = None
    welcome = False

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

    def take_a_break(day: date, gap: int) -> bool:
        """Step back after a gap of ``gap`` days; True for a long break."""
        long = gap >= LONG_BREAK_DAYS
        levels.pause(day, long=long)
        good.clear()
        if long:
            doses.clear()
            return True
        for exercise_id in list(doses):
            exercise = exercises.get(exercise_id)
            if exercise is not None:
                change(exercise, -1, day, "break", f"a break of {gap // 7} weeks")
        return False

    for session in ordered:
        day = session.started_at.date()
        if previous is not None and (day - previous).days >= BREAK_DAYS:
            take_a_break(day, (day - previous).days)
        previous = day
        rise = _pain_rise(session)
        for row in session.exercises:
            exercise = exercises.get(row.id)
            if exercise is None:
                continue
            known.add(row.id)
            if row.status == "stopped_for_pain":
                change(exercise, -1, day, "back", f"it was stopped for pain on {short_date(day)}")
            elif rise is not None and rise >= 2 and row.status in ("done", "partial"):
                change(exercise, -1, day, "back", f"pain rose by {rise} on {short_date(day)}")
            elif (
                row.status == "done"
                and (rise is None or rise <= 1)
                and not (exercise.kind == "strength" and session.could_do_more is False)
                and _at_least(row.dose, current(exercise).dose)
            ):
                good.setdefault(exercise.id, []).append(day)
        hold = trend(ratings, day).hold
        for exercise_id, days in list(good.items()):
            recent = [d for d in days if (day - d).days < WINDOW_DAYS]
            good[exercise_id] = recent
            now = current(exercises[exercise_id])
            held = now.held_until is not None and day < now.held_until
            if len(set(recent)) >= GOOD_SESSIONS and not held and hold is None:
                change(exercises[exercise_id], +1, day, "up", "three good sessions")
        levels.take(session, exercises, held=hold is not None)
    if previous is not None and (today - previous).days >= BREAK_DAYS:
        welcome = take_a_break(today, (today - previous).days)
    return Progress(
        {} if fixed else doses,
        levels.open(today),
        len(levels.days),
        dict(levels.unlocked_on),
        previous,
        fixed,
        pain_hold=None if fixed else trend(ratings, today).hold,
        reached=levels.reached,
        reopens=levels.reopens,
        welcome_back=welcome,
        known=frozenset(known),
    )


def next_step(exercise: Exercise, now: Current, today: date, pain_hold: str | None = None) -> str:
    """What the move needs for its next step, in words."""
    if step(exercise, now.dose, +1) is None:
        return "none: the top of its range"
    if now.held_until is not None and today < now.held_until:
        return f"held here until {short_date(now.held_until)}, after a step back"
    if pain_hold is not None:
        return f"{pain_hold}; it steps up again once your pain settles"
    effort = ", and not too hard" if exercise.kind == "strength" else ""
    return f"3 good sessions at this dose, on different days within 2 weeks{effort}"


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
        lines.append(
            f"Level {level} moves are unlocked: well done on your steady practice. They "
            "come into your plans one at a time, at their gentlest."
        )
    if after.pain_hold is not None and not after.fixed:
        lines.append(f"Doses {after.pain_hold}, so none steps up for now. {PAIN_ADVICE}")
    return lines

"""Desk breaks: two minutes of standing moves for people who sit all day, between
sessions. A break is its own kind of entry (``Break``): it shows in history, it never
counts toward the weekly goal, and it never changes a dose or a plan.

The set is the same three moves each time, each at the gentle end of its range and
one set: marching to get the blood moving, a standing back extension against the
slump of sitting, and a hip hinge for bending well. A move left out after pain (or by
choice) is replaced by another gentle standing move.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import date

from backtimer.core.desk_entry import MAX_SECONDS, Break, Hurt, break_problem, by_id, new_break
from backtimer.core.exercise import Exercise
from backtimer.core.plan import Choice
from backtimer.core.routine import Step
from backtimer.core.settings import SessionConfig, Settings

__all__ = ["MAX_SECONDS", "Break", "Hurt", "break_problem", "by_id", "new_break"]

#: The routine key a break runs under (never a routine a person can save).
KEY = "desk-break"
NAME = "Desk break"
#: The usual set, in order.
MOVES = ("marching", "standing-back-extension", "standing-hip-hinge")
#: What the voice says at the end of a break.
CLOSING = "Break done. Back to your day."


def config(settings: Settings) -> SessionConfig:
    """A break's timings: the person's, with a get-ready of at most 3 s and rests of at
    most 5 s between moves, so that the set takes about two minutes."""
    base = settings.session_config()
    return replace(
        base,
        get_ready_s=min(base.get_ready_s, 3.0),
        rest_between_exercises_s=min(base.rest_between_exercises_s, 5.0),
    )


def _gentle(exercise: Exercise) -> Step:
    """One set at the gentle end of each range (a break is a small dose, often)."""
    limits, dose = exercise.limits, exercise.dose
    changes: dict[str, float | int] = {"sets": 1}
    for key in ("reps", "time_s"):
        bounds = getattr(limits, key)
        if bounds is not None and getattr(dose, key) is not None:
            changes[key] = bounds[0]
    return Step.of(exercise, "main", **changes)


def _fits(exercise: Exercise, avoid: Collection[str]) -> bool:
    return exercise.position == "standing" and exercise.level == 1 and exercise.id not in avoid


def plan_break(
    exercises: dict[str, Exercise], avoid: Collection[str], *, ask_first: bool = False
) -> Choice:
    """Today's desk break: the usual three moves, each one left out (``avoid``)
    replaced by another gentle standing move that neither bends nor twists the back
    (a neutral one), in catalogue order. Fewer moves when no replacement is left; none
    at all when every such move is left out. ``ask_first`` (the first-run check said
    a professional should check the moves: stenosis is among its reasons) leaves the
    back extension out too."""
    if ask_first:
        avoid = {*avoid, "standing-back-extension"}
    spare = [
        e
        for e in exercises.values()
        if _fits(e, avoid) and e.id not in MOVES and set(e.direction) == {"neutral"}
    ]
    chosen: list[Exercise] = []
    notes: list[str] = []
    for move in MOVES:
        exercise = exercises.get(move)
        if exercise is not None and _fits(exercise, avoid):
            chosen.append(exercise)
        elif spare:
            instead = spare.pop(0)
            chosen.append(instead)
            if exercise is not None:
                notes.append(f"{instead.name} instead of {exercise.name}, which is left out.")
    steps = tuple(_gentle(e) for e in chosen)
    if not steps:
        notes.append(
            "Every gentle standing move is left out today: a short, easy walk, or just "
            "standing and changing position, is a good break."
        )
    return Choice(KEY, NAME, steps, minutes=2, standing=True, notes=tuple(notes))


def today_count(found: Iterable[Break], day: date) -> int:
    return sum(1 for item in found if item.day == day)


def done_text(
    found: Break, names: dict[str, str], today: int, left_out: Collection[str] = ()
) -> str:
    """What a person is told after a break: what was done, that breaks are their own
    thing (shown in history, not counted toward the week's sessions), and what a move
    that hurt leaves out (``left_out``: every move out now, after it)."""
    from datetime import timedelta

    from backtimer.core.avoid import PAIN_MEMORY_DAYS, short_date

    minutes = max(1, round(found.seconds / 60))
    times = "1 desk break" if today == 1 else f"{today} desk breaks"
    if found.moves:
        done = ", ".join(names.get(m, m) for m in found.moves)
        text = f"Desk break done: {done}, {minutes} min. {times} today (shown in History)."
    else:
        text = f"Desk break ended: no move done in full. {times} today (shown in History)."
    if found.stopped:
        hurt = " and ".join(names.get(m, m) for m in found.stopped)
        until = short_date(found.day + timedelta(days=PAIN_MEMORY_DAYS))
        others = len([m for m in left_out if m not in found.stopped])
        group = f", with {others} moves that bend the back the same way" if others else ""
        text += f" {hurt} left out until {until}{group} (o on Home lists them)."
    return text

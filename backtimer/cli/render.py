"""Text and JSON renderings of the catalogue, a plan and the history."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from datetime import date
from typing import Any

from backtimer.core.exercise import Exercise
from backtimer.core.pain import ADVICE as PAIN_ADVICE
from backtimer.core.plan import Choice, choice_name
from backtimer.core.progression import WELCOME_BACK, Progress, next_step
from backtimer.core.routine import Catalog
from backtimer.core.settings import SessionConfig
from backtimer.core.timeline import step_seconds


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 session``, ``2 sessions``."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    tempo = exercise.tempo
    return {
        "id": exercise.id,
        "name": exercise.name,
        "kind": exercise.kind,
        "position": exercise.position,
        "direction": list(exercise.direction),
        "level": exercise.level,
        "in_plans": exercise.in_plans,
        "mode": exercise.mode,
        "reps": exercise.reps,
        "hold_s": exercise.hold_s,
        "time_s": exercise.time_s,
        "sets": exercise.sets,
        "per_side": exercise.per_side,
        "sides": list(exercise.sides) if exercise.per_side else None,
        "alternate": exercise.alternate,
        "tempo": (
            {"into_s": tempo.into_s, "hold_s": exercise.hold_s or 0, "return_s": tempo.return_s}
            if tempo
            else None
        ),
        "breath": exercise.breath is not None,
        "breath_note": exercise.breath_note,
        "ranges": {
            f"{key.removesuffix('_s')}_range": list(value)
            for key in ("hold_s", "reps", "sets", "time_s")
            if (value := getattr(exercise.limits, key)) is not None
        },
        "care": exercise.care,
        "why": exercise.why,
        "targets": list(exercise.targets),
        "steps": list(exercise.steps),
    }


def exercises_table(catalog: Catalog) -> str:
    rows = [("id", "name", "kind", "position", "dose")] + [
        (e.id, e.name, e.kind, e.position, e.describe(e.dose)) for e in catalog.exercises.values()
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)]
        lines.append("  ".join([*cells, row[4]]).rstrip())
    lines.append("")
    lines.append(
        f"{plural(len(rows) - 1, 'exercise')}, {plural(len(catalog.routines), 'routine')}: "
        f"{', '.join(catalog.routines)}"
    )
    return "\n".join(lines) + "\n"


def plan_json(choice: Choice, config: SessionConfig) -> dict[str, Any]:
    shares = step_seconds(choice.steps, config)
    return {
        "minutes": choice.minutes,
        "routine": choice.routine,
        "name": choice.name,
        "estimated_s": sum(shares),
        "notes": list(choice.notes),
        "steps": [
            {
                "id": step.exercise.id,
                "name": step.exercise.name,
                "phase": step.phase,
                "dose": step.describe(),
                "dose_values": step.dose.plain(),
                "dose_source": choice.origin(i),
                "estimated_s": share,
            }
            for i, (step, share) in enumerate(zip(choice.steps, shares, strict=True))
        ],
    }


def plan_text(choice: Choice, config: SessionConfig) -> str:
    shares = step_seconds(choice.steps, config)
    total = sum(shares)
    lines = [f"{choice.name}: about {total / 60:.1f} minutes", ""]
    width = max(len(s.exercise.name) for s in choice.steps)
    for i, (step, share) in enumerate(zip(choice.steps, shares, strict=True)):
        phase = "warm-up" if step.phase == "warmup" else "main"
        origin = choice.origin(i)
        origin = f"  ({origin})" if origin and origin not in ("start", "catalogue") else ""
        lines.append(
            f"  {phase:<8} {step.exercise.name:<{width}}  {step.describe():<36} {share:>5.0f} s"
            f"{origin}"
        )
    lines.append(f"  {'':<8} {'total':<{width}}  {'':<36} {total:>5.0f} s")
    if choice.notes:
        lines.append("")
        lines += [textwrap.fill(note, 79) for note in choice.notes]
    return "\n".join(lines) + "\n"


def format_history(data: dict[str, Any], routines: Mapping[str, str] | None = None) -> str:
    """``history`` as text; ``routines`` (id -> name) names the sessions' routines."""
    goal = data["weekly_goal"]
    this = data["this_week"]
    lines = [
        f"This week ({this['week']}): {this['sessions']} of {plural(goal, 'session')}"
        + (" - goal met" if this["goal_met"] else ""),
        f"Streak: {plural(data['current_streak_weeks'], 'week')}; "
        f"longest {data['longest_streak_weeks']}.",
        "",
        "week       sessions  minutes",
    ]
    for week in data["weeks"]:
        bar = "#" * week["sessions"] + "." * max(0, goal - week["sessions"])
        mark = "met" if week["goal_met"] else ""
        if week.get("walk_minutes"):
            mark += f"  walked {week['walk_minutes']} min"
        if week.get("desk_breaks"):
            mark += f"  {plural(week['desk_breaks'], 'desk break')}"
        lines.append(
            f"{week['week']}  {week['sessions']:>2}/{goal:<2} {bar:<8} "
            f"{week['active_s'] / 60:>5.0f}  {mark.strip()}".rstrip()
        )
    totals = data["totals"]
    lines += [
        "",
        f"All time: {plural(totals['sessions'], 'session')}, "
        f"{totals['active_s'] / 60:.0f} minutes.",
    ]
    if totals["pain_before_avg"] is not None or totals["pain_after_avg"] is not None:

        def fmt(v: float | None) -> str:
            return "-" if v is None else f"{v:.1f}"

        lines.append(
            f"Back pain (0-10), average: before {fmt(totals['pain_before_avg'])}, "
            f"after {fmt(totals['pain_after_avg'])}."
        )
    recent = data["sessions"][-5:]
    if recent:
        lines += ["", "Recent sessions:"]
        named = [choice_name(s["routine"], routines or {})[:28] for s in recent]
        width = max(len(name) for name in named)
        for s, name in zip(reversed(recent), reversed(named), strict=True):
            done = sum(1 for e in s["exercises"] if e["status"] == "done")
            state = "completed" if s["completed"] else "ended early"
            lines.append(
                f"  {s['started_at'][:16].replace('T', ' ')}  {name:<{width}}  "
                f"{s['active_s'] / 60:>3.0f} min  {done:>2}/{len(s['exercises'])} done, {state}"
            )
    return "\n".join(lines) + "\n"


def progress_json(
    exercises: dict[str, Exercise], progress: Progress, today: date
) -> dict[str, Any]:
    moves = []
    for e in exercises.values():
        now = progress.current(e)
        limits = e.limits
        moves.append(
            {
                "id": e.id,
                "name": e.name,
                "level": e.level,
                "unlocked": e.level <= progress.level,
                "dose": now.dose.describe(),
                "dose_values": now.dose.plain(),
                "range": {
                    key: list(bounds)
                    for key in ("hold_s", "reps", "sets", "time_s")
                    if (bounds := limits.range(key, e.dose)) is not None
                    and getattr(now.dose, key) is not None
                },
                "source": now.source,
                "changed_on": now.since.isoformat() if now.since else None,
                "why": now.why,
                "next_step": next_step(e, now, today, progress.pain_hold),
            }
        )
    return {
        "today": today.isoformat(),
        "progression": not progress.fixed,
        "level": progress.level,
        "good_sessions_toward_next_level": progress.practice,
        "next_level": progress.toward_next(),
        "unlocked_on": {str(k): v.isoformat() for k, v in progress.unlocked_on.items()},
        "held": progress.pain_hold,
        "held_advice": PAIN_ADVICE if progress.pain_hold else None,
        "welcome_back": progress.welcome_back,
        "moves": moves,
    }


def progress_text(data: dict[str, Any]) -> str:
    lines = [f"Levels open: 1 to {data['level']}. Next: {data['next_level']}."]
    if not data["progression"]:
        lines.append("Progression is off in settings: every move at the catalogue's dose.")
    if data["welcome_back"]:
        lines.append(textwrap.fill(WELCOME_BACK, 79))
    if data["held"]:
        lines.append(textwrap.fill(f"Every dose is {data['held']}. {data['held_advice']}", 79))
    lines.append("")
    width = max(len(m["name"]) for m in data["moves"])
    for m in data["moves"]:
        if not m["unlocked"]:
            continue
        when = f" on {m['changed_on']}" if m["changed_on"] else ""
        lines.append(f"  {m['name']:<{width}}  {m['dose']}")
        lines.append(f"  {'':<{width}}  {m['source']}{when}: {m['why']}; next: {m['next_step']}")
    locked = [m["name"] for m in data["moves"] if not m["unlocked"]]
    if locked:
        lines += ["", textwrap.fill("Not yet unlocked: " + ", ".join(locked) + ".", 79)]
    return "\n".join(lines) + "\n"

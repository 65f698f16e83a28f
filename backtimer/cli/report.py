"""``backtimer report``: what a person takes to a physiotherapist or GP, as one
self-contained HTML page (``cli.report_html``) or as Markdown text.

Every figure is read from the same reports as ``history --json`` (``stats.report``)
and ``progress --json`` (``render.progress_json``), so the three always agree; the
rest (each move's dose over the weeks, stops for pain, moves left out) comes from the
corrected log the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from backtimer.core.avoid import Avoided, short_date
from backtimer.core.exercise import Exercise
from backtimer.core.log import SessionEntry


def report_data(
    history: dict[str, Any],
    progress: dict[str, Any],
    sessions: Sequence[SessionEntry],
    exercises: Mapping[str, Exercise],
    avoided: Mapping[str, Avoided],
    breaks: Sequence[Any] = (),
    screening: str | None = None,
) -> dict[str, Any]:
    """The report: ``history`` and ``progress`` as their commands print them, and what
    the period's sessions (and desk breaks) say of each move and of pain."""
    weeks = history["weeks"]
    first = date.fromisoformat(weeks[0]["monday"])
    today = date.fromisoformat(history["today"])
    shown = [s for s in sessions if first <= s.started_at.date() <= today]
    doses: dict[str, list[dict[str, str]]] = {}
    done: dict[str, list[str]] = {}
    stops: list[dict[str, str]] = []
    for b in breaks:
        if first <= b.day <= today:
            for move in b.stopped:
                name = exercises[move].name if move in exercises else move
                stops.append({"day": b.day.isoformat(), "move": f"{name} (desk break)"})
    for s in shown:
        day = s.started_at.date().isoformat()
        for row in s.exercises:
            exercise = exercises.get(row.id)
            name = exercise.name if exercise else row.id
            if row.status == "stopped_for_pain":
                stops.append({"day": day, "move": name})
            if row.status == "done":
                done.setdefault(row.id, []).append(day)
            if row.status not in ("done", "partial") or row.dose is None or exercise is None:
                continue
            # the dose of one set: how many sets a day's plan had room for is not
            # a change of dose
            dose = exercise.describe(replace(row.dose, sets=1))
            seen = doses.setdefault(row.id, [])
            if not seen or seen[-1]["dose"] != dose:
                seen.append({"day": day, "dose": dose})
    by_id = {m["id"]: m for m in progress["moves"]}
    moves = [
        {
            "id": move,
            "name": by_id[move]["name"],
            "dose_now": by_id[move]["dose"],
            "changed_on": by_id[move]["changed_on"],
            "why": by_id[move]["why"],
            "doses": found,
            "times_done": len(done.get(move, [])),
            "last_done": done[move][-1] if done.get(move) else None,
        }
        for move, found in doses.items()
        if move in by_id
    ]
    left_out = [
        {
            "move": exercises[a.id].name if a.id in exercises else a.id,
            "until": a.until.isoformat() if a.until else None,
            "why": THIRD_PERSON.get(a.kind, a.why) if a.kind != "pain" else a.why,
            "kind": a.kind,
        }
        for a in avoided.values()
    ]
    stops.sort(key=lambda stop: stop["day"])
    from backtimer.core.stats import pain_rose

    rises = sum(1 for s in shown if pain_rose(s))
    return {
        "today": history["today"],
        "first_week": weeks[0]["week"],
        "weekly_goal": history["weekly_goal"],
        "current_streak_weeks": history["current_streak_weeks"],
        "longest_streak_weeks": history["longest_streak_weeks"],
        "weeks": weeks,
        "sessions": sum(w["sessions"] for w in weeks),
        "sessions_started": len(shown),
        "pain_rises": rises,
        "screening": SCREENING.get(screening or "", ""),
        "level": progress["level"],
        "held": progress["held"],
        "moves": moves,
        "stops_for_pain": stops,
        "left_out": left_out,
        "walk_minutes": sum(w["walk_minutes"] for w in weeks),
        "desk_breaks": sum(w["desk_breaks"] for w in weeks),
    }


def weeks_text(n: int) -> str:
    return "1 week" if n == 1 else f"{n} weeks"


#: What the first-run check's answer says, for a reader at a visit.
SCREENING = {
    "ask-first": (
        "Answered yes to 'ask a professional first' (recent spinal surgery, a spinal "
        "fracture or osteoporosis, pregnancy, or a diagnosed disc problem, stenosis or "
        "severe sciatica; which one is not recorded): level 3 moves are held back."
    ),
    "cleared": "Said a professional has cleared them for every move.",
}
#: Why a move is left out, in the third person.
THIRD_PERSON = {
    "excluded": "left out by their own choice",
    "screening": "held back until a professional has checked these moves with them",
}


def _pain(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def period(data: dict[str, Any]) -> str:
    first = date.fromisoformat(data["weeks"][0]["monday"])
    today = date.fromisoformat(data["today"])
    return f"{short_date(first)} {first.year} to {short_date(today)} {today.year}"


def headline(data: dict[str, Any]) -> str:
    """One line to read first: pain over the weeks, sessions, stops and rises."""
    rated = [w["pain_before_avg"] for w in data["weeks"] if w["pain_before_avg"] is not None]
    pain = f"Pain before sessions {rated[0]:.0f} to {rated[-1]:.0f}; " if len(rated) > 1 else ""
    stops = len(data["stops_for_pain"])
    return (
        f"{pain}{data['sessions']} sessions counted of {data['sessions_started']} started; "
        f"{stops} {'stop' if stops == 1 else 'stops'} for pain; "
        f"{data['pain_rises']} {'session' if data['pain_rises'] == 1 else 'sessions'} after "
        "which pain rose by 2 or more."
    )


def to_markdown(data: dict[str, Any]) -> str:
    """The report as text (Markdown): the same figures as the HTML page."""
    goal = data["weekly_goal"]
    lines = [
        "# Back exercise report",
        "",
        f"{len(data['weeks'])} weeks, {period(data)}. Goal: {goal} sessions a week. "
        f"Streak: {weeks_text(data['current_streak_weeks'])} (longest "
        f"{data['longest_streak_weeks']}). Hardest moves allowed: level {data['level']} "
        "of 3.",
        "",
        headline(data),
        "",
        *([data["screening"], ""] if data["screening"] else []),
        "## Sessions and back pain by week",
        "",
        "| week | sessions | goal met | minutes | pain before | pain after | walked "
        "| desk breaks |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for w in data["weeks"]:
        lines.append(
            f"| {w['week']} | {w['sessions']} | {'yes' if w['goal_met'] else 'no'} | "
            f"{w['active_s'] / 60:.0f} | {_pain(w['pain_before_avg'])} | "
            f"{_pain(w['pain_after_avg'])} | {w['walk_minutes']} min | {w['desk_breaks']} |"
        )
    lines += [
        "",
        "Sessions: those that count toward the goal (80 % or more of the plan done; "
        f"{data['sessions_started']} started in these weeks). Pain is the person's own "
        "rating, 0 (none) to 10 (worst), before and after; desk breaks do not count as "
        "sessions.",
    ]
    lines += ["", "## Each move's dose", ""]
    if not data["moves"]:
        lines.append("No moves done in these weeks.")
    for m in data["moves"]:
        steps = "; ".join(f"{d['day']}: {d['dose']}" for d in m["doses"])
        when = f" since {m['changed_on']}" if m["changed_on"] else ""
        times = (
            f" Done {m['times_done']} times, last on {m['last_done']}." if m["last_done"] else ""
        )
        lines.append(f"- **{m['name']}**: now {m['dose_now']}{when} ({m['why']}).{times}")
        lines.append(f"  Dose changes (each set): {steps}.")
    lines += ["", "## Stopped for pain", ""]
    if not data["stops_for_pain"]:
        lines.append("No move was stopped for pain in these weeks.")
    lines += [f"- {s['day']}: {s['move']}" for s in data["stops_for_pain"]]
    lines += ["", "## Moves left out now", ""]
    if not data["left_out"]:
        lines.append("None.")
    for a in data["left_out"]:
        until = f" until {a['until']}" if a["until"] else ""
        lines.append(f"- {a['move']}{until}: {a['why']}.")
    if data["held"]:
        lines += ["", f"Doses are {data['held']}."]
    lines += [
        "",
        f"Walking: {data['walk_minutes']} minutes recorded. Desk breaks: {data['desk_breaks']}.",
        "",
        f"Made by backtimer on {data['today']}, from the person's own log. Not a medical record.",
    ]
    return "\n".join(lines) + "\n"

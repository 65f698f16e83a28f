"""History: a 26-week calendar, weeks against the goal, streaks, recent sessions, pain trend."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from backtimer.core import stats
from backtimer.core.log import SessionEntry
from backtimer.tui.keys import bindings
from backtimer.tui.widgets.calendar import heatmap

WEEKS = 26


def routine_name(key: str, routines: dict[str, str]) -> str:
    """A routine's name as people see it; a plan's key in words."""
    if key in routines:
        return routines[key]
    parts = key.split("-")
    if len(parts) >= 2 and parts[0] in ("plan", "easy") and parts[1].isdigit():
        kind = "easy day" if parts[0] == "easy" else "plan"
        return f"{parts[1]}-minute {kind}" + (", standing" if "standing" in parts else "")
    return key


def history_text(
    sessions: list[SessionEntry],
    today: date,
    goal: int,
    names: dict[str, str],
    routines: dict[str, str] | None = None,
) -> str:
    weeks = stats.weeks(sessions, today, goal, WEEKS)
    first = weeks[0].monday
    days = stats.sessions_by_day(sessions, first, today)
    met = {w.monday for w in weeks if w.goal_met}
    current, longest = stats.streaks(sessions, today, goal)
    t = stats.totals(sessions)
    lines = [
        f"[b]Streak:[/b] {current} {'week' if current == 1 else 'weeks'} meeting {goal} a week"
        f"   [b]Longest:[/b] {longest}   "
        f"[b]All time:[/b] {t.sessions} sessions, {t.active_s / 60:.0f} min",
        "",
        heatmap(days, today, WEEKS, met),
        "[dim]■ a session  ▣ two or more  · none  ✓ under a week: its goal was met[/]",
        "",
        "[b]Recent weeks[/b]",
    ]
    for w in weeks[-8:][::-1]:
        dots = "●" * w.sessions + "○" * max(0, goal - w.sessions)
        mark = "  [b]met ✓[/b]" if w.goal_met else ""
        lines.append(
            f"  {w.label}  {dots:<7} {w.sessions}/{goal}  {w.active_s / 60:>4.0f} min{mark}"
        )
    lines += ["", "[b]Recent sessions[/b]"]
    if not sessions:
        lines.append("  none yet: press enter on Home to start one")
    for s in sessions[-8:][::-1]:
        done = [names.get(e.id, e.id) for e in s.exercises if e.status == "done"]
        stopped = [names.get(e.id, e.id) for e in s.exercises if e.status == "stopped_for_pain"]
        state = "" if s.completed else "  (ended early)"
        lines.append(
            f"  {s.started_at:%a %d %b %H:%M}  {routine_name(s.routine, routines or {})}  "
            f"{s.active_s / 60:.0f} min{state}"
        )
        lines.append(f"    [dim]done: {', '.join(done) or 'nothing'}[/]")
        if stopped:
            lines.append(f"    stopped for pain: {', '.join(stopped)}")
    rated = [s for s in sessions if s.pain_before is not None or s.pain_after is not None]
    lines += ["", "[b]Back pain (0-10)[/b]"]
    if not rated:
        lines.append("  no check-ins yet")
    else:
        lines.append(
            f"  average before {t.pain_before if t.pain_before is not None else '-'}, "
            f"after {t.pain_after if t.pain_after is not None else '-'}"
        )
        pain = stats.weekly_pain(sessions, first, weeks[-1].monday)
        mondays = [w.monday for w in weeks]
        before = stats.sparkline([pain.get(m, (None, None))[0] for m in mondays])
        after = stats.sparkline([pain.get(m, (None, None))[1] for m in mondays])
        lines.append(f"  weekly average, {WEEKS} weeks to this one (higher is worse):")
        lines.append(f"  before  {before}")
        lines.append(f"  after   {after}")
    return "\n".join(lines)


class HistoryScreen(Screen[None]):
    BINDINGS = bindings("history")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="history"):
            yield Static("History", classes="title")
            yield Static(self.text, id="history-text")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)

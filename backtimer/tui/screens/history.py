"""History: a 26-week calendar, weeks against the goal, streaks, recent sessions, pain trend."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Sparkline, Static

from backtimer.core import stats
from backtimer.core.log import SessionEntry
from backtimer.core.plan import choice_name
from backtimer.core.walk import Walk
from backtimer.tui.keys import bindings
from backtimer.tui.widgets.calendar import heatmap
from backtimer.tui.widgets.too_small import too_small

WEEKS = 26


def wrap(text: str, width: int, indent: int = 4) -> str:
    """``text`` indented, its wrapped lines under its first word, never past ``width``."""
    import textwrap

    return "\n".join(
        textwrap.wrap(
            text,
            max(20, width - 6),
            initial_indent=" " * indent,
            subsequent_indent=" " * (indent + 2),
            break_on_hyphens=False,
        )
    )


def history_text(
    sessions: list[SessionEntry],
    today: date,
    goal: int,
    names: dict[str, str],
    routines: dict[str, str] | None = None,
    width: int = 80,
    walks: Sequence[Walk] = (),
    counting: bool = False,
    breaks: Sequence[Any] = (),
) -> str:
    """The history for a screen ``width`` columns wide: the calendar shows as many of
    the last 26 weeks as fit, and long lines wrap under their own indent."""
    shown = max(4, min(WEEKS, (width - 8) // 2))
    whole = stats.tally(sessions)  # one pass; every figure below is read from it
    whole.add_walks(walks, counting).add_breaks(breaks)
    weeks = stats.weeks_of(whole, today, goal, WEEKS)
    first = weeks[0].monday
    days = stats.sessions_by_day(sessions, first, today)
    met = {w.monday for w in weeks if w.goal_met}
    current, longest = stats.streaks_of(whole, today, goal)
    t = stats.totals_of(whole)
    lines = [
        f"[b]Streak:[/b] {current} {'week' if current == 1 else 'weeks'} meeting {goal} a week"
        f"   [b]Longest:[/b] {longest}",
        f"[b]All time:[/b] {t.sessions} {'session' if t.sessions == 1 else 'sessions'}, "
        f"{t.active_s / 60:.0f} min",
        "",
        heatmap(days, today, shown, met),
        "[dim]"
        + wrap(
            "■ a session  ▣ two or more  · none  ✓ under a week: its goal was met. "
            f"A session ended early counts once {stats.COUNTS_FROM:.0%} of it was done.",
            width,
            0,
        )
        + "[/]",
        "",
        "[b]Recent weeks[/b]",
    ]
    for w in weeks[-8:][::-1]:
        dots = "●" * w.sessions + "○" * max(0, goal - w.sessions)
        mark = "  [b]met ✓[/b]" if w.goal_met else ""
        if w.uncounted:
            mark += f"  [dim]+{w.uncounted} not counted: ended early[/]"
        walked = f"  walked {w.walk_minutes} min" if w.walk_minutes else ""
        if w.breaks:
            walked += f"  {w.breaks} desk {'break' if w.breaks == 1 else 'breaks'}"
        lines.append(
            f"  {w.label}  {dots:<7} {w.sessions}/{goal}  {w.active_s / 60:>4.0f} min{walked}{mark}"
        )
    lines += ["", "[b]Recent sessions[/b]"]
    if not sessions:
        lines.append("  none yet: press enter on Home to start one")
    for s in sessions[-8:][::-1]:
        done = [names.get(e.id, e.id) for e in s.exercises if e.status == "done"]
        stopped = [names.get(e.id, e.id) for e in s.exercises if e.status == "stopped_for_pain"]
        state = "" if s.completed else "  (ended early)"
        lines.append(
            f"  {s.started_at:%a %d %b %H:%M}  {choice_name(s.routine, routines or {})}  "
            f"{s.active_s / 60:.0f} min{state}"
        )
        lines.append(f"[dim]{wrap('done: ' + (', '.join(done) or 'nothing'), width)}[/]")
        if stopped:
            lines.append(wrap(f"stopped for pain: {', '.join(stopped)}", width))
        if s.note:
            lines.append(f"[dim]{wrap('note: ' + s.note, width)}[/]")
    rated = [s for s in sessions if s.pain_before is not None or s.pain_after is not None]
    lines += ["", "[b]Back pain (0-10)[/b]"]
    if not rated:
        lines.append("  no check-ins yet")
    else:
        lines.append(
            f"  average before {t.pain_before if t.pain_before is not None else '-'}, "
            f"after {t.pain_after if t.pain_after is not None else '-'}"
        )
        pain = stats.pain_of(whole, first, weeks[-1].monday)
        mondays = [w.monday for w in weeks]
        before = stats.sparkline([pain.get(m, (None, None))[0] for m in mondays])
        after = stats.sparkline([pain.get(m, (None, None))[1] for m in mondays])
        lines.append(f"  weekly average, {WEEKS} weeks to this one (higher is worse):")
        lines.append(f"  before  {before}")
        lines.append(f"  after   {after}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Charts:
    """What the history's two charts show, oldest week first: the sessions that count
    each week (walks too, when they count), and the weekly average of back pain after
    sessions over the weeks that had a check-in."""

    sessions: list[float]
    pain_after: list[float]
    goal: int


def history_charts(
    sessions: Sequence[SessionEntry],
    today: date,
    goal: int,
    walks: Sequence[Walk] = (),
    counting: bool = False,
) -> Charts:
    whole = stats.tally(sessions, moves=False).add_walks(walks, counting)
    weeks = stats.weeks_of(whole, today, goal, WEEKS)
    pain = stats.pain_of(whole, weeks[0].monday, weeks[-1].monday)
    after = [p for w in weeks if (p := pain.get(w.monday, (None, None))[1]) is not None]
    return Charts([float(w.sessions) for w in weeks], after, goal)


class HistoryScreen(Screen[None]):
    """``render(width)`` gives the text for a screen that wide; it is drawn again when
    the terminal is resized."""

    CSS_PATH = "screens.tcss"

    BINDINGS = bindings("history")

    def __init__(
        self, render: Callable[[int], str], charts: Callable[[], Charts] | None = None
    ) -> None:
        super().__init__()
        self.render_text = render
        self.charts = charts
        self._width = 0

    def compose(self) -> ComposeResult:
        yield too_small()
        with VerticalScroll(id="history"):
            yield Static("History", classes="title")
            if self.charts is not None:
                yield Static(id="sessions-label", classes="chart-label")
                yield Sparkline(id="sessions-chart", summary_function=max)
                yield Static(id="pain-label", classes="chart-label")
                yield Sparkline(id="pain-chart", summary_function=max)
            yield Static(id="history-text")
        yield Footer()

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.redraw()

    def redraw(self) -> None:
        self.query_one("#history-text", Static).update(self.render_text(self._width or 80))
        if self.charts is None:
            return
        charts = self.charts()
        done = charts.sessions
        self.query_one("#sessions-label", Static).update(
            f"[b]Sessions a week[/b], the last {WEEKS} weeks: from {min(done):.0f} to "
            f"{max(done):.0f} (goal {charts.goal})"
        )
        self.query_one("#sessions-chart", Sparkline).data = charts.sessions
        rated = charts.pain_after
        pain = self.query_one("#pain-chart", Sparkline)
        pain.display = len(rated) >= 2  # a chart of one week's average says nothing
        if not rated:
            said = "no check-ins yet"
        elif len(rated) == 1:
            said = f"{rated[0]:g} (one week of check-ins so far: a chart needs two)"
        else:
            said = f"first {rated[0]:g}, now {rated[-1]:g}"
        self.query_one("#pain-label", Static).update(
            "[b]Pain after sessions[/b] (0-10, weekly average): " + said
        )
        pain.data = rated if len(rated) >= 2 else [0.0]

    def action_close(self) -> None:
        self.dismiss(None)

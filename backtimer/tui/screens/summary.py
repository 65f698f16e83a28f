"""What was done, skipped or stopped, and the week's progress including this session."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from backtimer.core import stats
from backtimer.core.log import SessionEntry
from backtimer.core.tally import ONE_MOVE
from backtimer.tui.keys import bindings
from backtimer.tui.widgets.too_small import too_small
from backtimer.tui.widgets.week import week_line

MARKS = {
    "done": "✓ done",
    "partial": "◐ partly",
    "skipped": "– skipped",
    "stopped_for_pain": "✗ stopped: pain",
}


def summary_text(
    entry: SessionEntry,
    names: dict[str, str],
    week_done: int,
    goal: int,
    counted: bool,
    next_time: list[str] | None = None,
    stop_keys: str = "? then s",
    card: tuple[str, str] | None = None,
) -> str:
    minutes = round(entry.active_s / 60)
    if entry.completed:
        head = "Session complete."
    elif entry.ended_early:
        head = "Session ended early."
    else:
        head = "Session finished, with some moves skipped."
    unit = "minute" if minutes == 1 else "minutes"
    lines = [f"[b]{head}[/b]  {minutes} active {unit} of {entry.planned_minutes:.0f} planned."]
    if not counted and entry.routine.startswith(ONE_MOVE):
        lines.append("[dim]One move on its own is practice: it does not count toward the goal.[/]")
    elif not counted:
        lines.append(
            "[dim]Less than 80 % of the plan was done, so it does not count toward the goal.[/]"
        )
    lines.append("")
    # the mark first, in a column of its own: on a narrow screen a long name wraps,
    # never the mark
    width = max(len(mark) for mark in MARKS.values())
    for e in entry.exercises:
        lines.append(f"  {MARKS[e.status]:<{width}}  {names.get(e.id, e.id)}")
    if next_time:
        lines += ["", "[b]Next time[/b]", *(f"  {line}" for line in next_time)]
    lines.append("")
    lines.append(week_line(week_done, goal))
    if entry.pain_before is not None or entry.pain_after is not None:
        before = "-" if entry.pain_before is None else entry.pain_before
        after = "-" if entry.pain_after is None else entry.pain_after
        lines.append(f"Back pain: {before} before, {after} after (0-10).")
    if stats.pain_rose(entry):
        lines.append(
            f"[b]Your back felt worse after this session ({entry.pain_before} → "
            f"{entry.pain_after}).[/b] Do less next time: fewer moves, or an easy day. If it "
            f"stays worse or spreads into a leg, see when to stop (press {stop_keys})."
        )
    if any(e.status == "stopped_for_pain" for e in entry.exercises):
        lines.append(
            "[b]Something hurt today.[/b] If the pain is sharp, lasts, or spreads into a leg, "
            f"see a professional (press {stop_keys} for when to stop)."
        )
    if card is not None:  # one of the learn cards (core.learn), its title and text
        lines += ["", f"[b]{escape(card[0])}[/b]", card[1]]
    return "\n".join(lines)


class SummaryScreen(Screen[str | None]):
    """Dismisses with "history" to open the history next."""

    CSS_PATH = "screens.tcss"

    BINDINGS = bindings("summary")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield too_small()
        with Vertical(id="summary"):
            yield Static("Summary", classes="title")
            with VerticalScroll():
                yield Static(self.text, id="summary-text")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_history(self) -> None:
        self.dismiss("history")

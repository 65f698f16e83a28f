"""Home: this week's progress, the streak, and the routine Start will run."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from backtimer import stats
from backtimer.timeline import estimate_seconds
from backtimer.tui.widgets.week import week_line

if TYPE_CHECKING:
    from backtimer.tui.app import BacktimerApp


LOGO = "b a c k t i m e r"


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("enter,s", "app.start", "Start", id="home.start"),
        Binding("r", "app.choose_routine", "Routine", id="home.routine"),
        Binding("comma", "app.settings", "Settings", id="home.settings"),
        Binding("l", "app.library", "Exercises", id="home.library"),
        Binding("h", "app.history", "History", id="home.history"),
        Binding("question_mark", "app.help", "Help", id="home.help"),
        Binding("q", "app.quit", "Quit", id="home.quit"),
    ]

    @property
    def bt(self) -> BacktimerApp:
        return cast("BacktimerApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(LOGO, id="logo")
            yield Static(id="week")
            yield Static(id="streak")
            yield Static(id="routine")
            with Center():
                yield Button("Start  (enter)", variant="success", id="start")
            yield Static(id="menu")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_home()

    def on_screen_resume(self) -> None:
        self.refresh_home()

    def refresh_home(self) -> None:
        app = self.bt
        today = app.today()
        goal = app.settings.weekly_goal
        sessions = app.logbook.sessions
        [week] = stats.weeks(sessions, today, goal, 1)
        self.query_one("#week", Static).update(week_line(week.sessions, goal))
        streak, longest = stats.streaks(sessions, today, goal)
        unit = "week" if streak == 1 else "weeks"
        self.query_one("#streak", Static).update(
            f"Streak: {streak} {unit} meeting your goal  (longest {longest})"
        )
        choice = app.choice
        minutes = estimate_seconds(choice.steps, app.settings.session_config()) / 60
        main = sum(1 for s in choice.steps if s.phase == "main")
        warmup = len(choice.steps) - main
        self.query_one("#routine", Static).update(
            f"[b]{choice.name}[/b]  ·  {minutes:.0f} min  ·  "
            f"{main} exercises after a {warmup}-move warm-up"
        )
        self.query_one("#menu", Static).update(
            "[b]r[/b] routine or length   [b]l[/b] exercises   [b]h[/b] history   "
            "[b],[/b] settings   [b]?[/b] help"
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.bt.action_start()

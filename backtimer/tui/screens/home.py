"""Home: this week's progress, the streak, and the routine Start will run."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol, cast

from textual import work
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from backtimer.core import stats
from backtimer.core.plan import Choice
from backtimer.core.timeline import estimate_seconds
from backtimer.store.errors import DataError
from backtimer.tui.keys import bindings, hint_line, key_hint
from backtimer.tui.widgets.too_small import too_small
from backtimer.tui.widgets.week import week_line

if TYPE_CHECKING:
    from backtimer.clock import Clock
    from backtimer.core.settings import Settings
    from backtimer.store.paths import Paths
    from backtimer.store.profile import Profile


class Host(Protocol):
    """What Home shows, as the app holds it (Home does not import the app)."""

    profile: Profile
    settings: Settings
    paths: Paths
    choice: Choice
    settings_note: str | None

    clock: Clock

    def today(self) -> date: ...

    def refresh_choice(self) -> None: ...


LOGO = "b a c k t i m e r"


class StartButton(Static):
    """Start, as a button to click; Enter (the bound key) does the same. A Static,
    not a Button: Home is the first screen, and a Button's styles cost start-up time."""

    async def on_click(self) -> None:
        await self.run_action("app.start")


class HomeScreen(Screen[None]):
    BINDINGS = bindings("home")

    @property
    def bt(self) -> Host:
        return cast("Host", self.app)

    def compose(self) -> ComposeResult:
        yield too_small()
        with Vertical(id="home"):
            yield Static(LOGO, id="logo")
            yield Static(id="week")
            yield Static(id="streak")
            yield Static(id="routine")
            yield Static(id="notes")
            with Center():
                yield StartButton("Start", id="start")
            yield Static(id="menu")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "choice", self.show_choice, init=False)

    def on_screen_resume(self) -> None:
        """Also the first showing: the week, the streak and the routine, once."""
        self.bt.profile.log_changed()  # another backtimer may have saved a session
        self.show_choice(self.bt.choice)

    def action_easy_day(self) -> None:
        """Today as an easy day (any day, not only after a sore check-in)."""
        host = self.bt
        try:
            host.choice = host.profile.plan(None, day=host.today(), easy=True)
        except DataError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.notify(f"{host.choice.name}: every move at its gentlest. Enter starts it.")

    def action_include_all(self) -> None:
        """Run the chosen routine as written, moves left out for pain included."""
        host = self.bt
        routine = host.choice.routine
        if routine is not None and host.choice.notes:
            host.choice = host.profile.routine(routine, host.today(), include_all=True)
            self.notify("Every move of the routine is back in, for this time.", timeout=4)

    @work(exclusive=True, group="home")
    async def action_undo_hurt(self) -> None:
        """Undo a "this hurts" of today pressed by mistake (asks for each move)."""
        from backtimer.tui.corrections import undo_today

        host = self.bt
        if await undo_today(self.app, host.profile, host.clock.wall().astimezone()):
            host.refresh_choice()  # the moves are back in the plan

    @work(exclusive=True, group="home")
    async def action_log_walk(self) -> None:
        """Record a walk of today; the week's line shows it."""
        from backtimer.tui.walks import log_walk

        host = self.bt
        if await log_walk(self.app, host.profile, host.clock.wall().astimezone()):
            self.show_choice(host.choice)  # a walk changes no plan

    def action_learn(self) -> None:
        """Every learn card, to read at leisure."""
        from backtimer.tui.screens.learn import LearnScreen

        self.app.push_screen(LearnScreen())

    def _hurt_today(self) -> bool:
        today = self.bt.today()
        return any(
            s.started_at.date() == today
            and any(e.status == "stopped_for_pain" for e in s.exercises)
            for s in self.bt.profile.log.sessions[-5:]
        )

    def show_week(self) -> None:
        app = self.bt
        today = app.today()
        goal = app.settings.weekly_goal
        sessions = app.profile.log.sessions
        whole = stats.tally(sessions, moves=False)  # one pass for the week and the streak
        whole.add_walks(app.profile.log.walks, app.settings.walks_count)
        [week] = stats.weeks_of(whole, today, goal, 1)
        self.query_one("#week", Static).update(
            week_line(week.sessions, goal) + self._at_risk(week.sessions, goal, today)
        )
        streak, longest = stats.streaks_of(whole, today, goal)
        unit = "week" if streak == 1 else "weeks"
        self.query_one("#streak", Static).update(
            f"Streak: {streak} {unit} meeting your goal  (longest {longest})"
        )
        menu = (
            ("home.routine", "routine or length"),
            ("home.library", "exercises"),
            ("home.history", "history"),
            ("home.break", "desk break"),
            ("home.settings", "settings"),
        )  # help: in the footer
        self.query_one("#menu", Static).update(hint_line(app, menu))
        self.query_one("#start", Static).update(f"Start  ({key_hint(app, 'home.start')})")

    def _at_risk(self, done: int, goal: int, today: date) -> str:
        """A first session's welcome; later, when the week is at risk, what is still
        needed and (once there is a usual length) the routine that fits it."""
        from backtimer.core.reminders import days_left

        app = self.bt
        sessions = app.profile.log.sessions
        if not sessions:  # nothing to be behind on yet: a start, not a shortfall
            return "\n[b]A first session today is a fine start: gentle, at your own pace.[/b]"
        left = goal - done
        days = days_left(today)
        if left <= 0 or days > left + 1:
            return ""
        unit = "day" if days == 1 else "days"
        if left > days:  # never advice to do two in a day
            return f"\n[b]{days} {unit} left this week: a session today still counts.[/b]"
        recent = [s.active_s for s in sessions[-10:] if stats.counts(s)]
        hint = ""
        if len(recent) >= 3:  # a usual length needs a few sessions to go on
            usual = sorted(recent)[len(recent) // 2] / 60
            config = app.settings.session_config()
            catalog = app.profile.catalog
            fits = min(
                catalog.routines.values(),
                key=lambda r: abs(estimate_seconds(catalog.steps(r), config) / 60 - usual),
                default=None,
            )
            hint = f" {fits.name} fits your usual {usual:.0f} minutes." if fits else ""
        return f"\n[b]{left} more this week, {days} {unit} left.[/b]{hint}"

    def show_choice(self, choice: Choice) -> None:
        self.show_week()  # the goal may have changed with the settings
        minutes = estimate_seconds(choice.steps, self.bt.settings.session_config()) / 60
        main = sum(1 for s in choice.steps if s.phase == "main")
        warmup = len(choice.steps) - main
        self.query_one("#routine", Static).update(
            f"[b]{choice.name}[/b]  ·  {minutes:.0f} min  ·  "
            f"{main} exercises after a {warmup}-move warm-up"
        )
        from backtimer.store.conflicts import conflict_advice, conflict_copies

        notes = list(choice.notes)
        if notes and choice.routine is not None:
            notes.append("Press [b]i[/b] to include them this time.")
        if any(a.kind == "pain" for a in self.bt.profile.avoided(self.bt.today()).values()):
            shown = key_hint(self.app, "home.left_out")
            notes.append(f"[b]{shown}[/b] lists the moves left out, and brings one back.")
        if notes and self._hurt_today():
            undo = key_hint(self.app, "home.undo_hurt")
            notes.append(f"Pressed “this hurts” by mistake today? [b]{undo}[/b] undoes it.")
        advice = self.bt.profile.pain_advice(self.bt.today())
        if advice:
            notes.insert(0, f"[b]{advice}[/b]")
        if self.bt.settings_note:
            notes.insert(0, self.bt.settings_note)
        from backtimer.core.screening import ASK_FIRST, HOME_NOTE

        if self.bt.profile.state.screening == ASK_FIRST:
            notes.insert(0, HOME_NOTE)
        copies = conflict_advice(conflict_copies(self.bt.paths.data_dir))
        if copies:
            notes.append(copies)
        notes_widget = self.query_one("#notes", Static)
        notes_widget.update("\n".join(notes))
        notes_widget.display = bool(notes)

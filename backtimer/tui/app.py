"""BacktimerApp: screens, the flow of a session, bindings and the command palette."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from backtimer import journal, stats
from backtimer.catalog import Catalog
from backtimer.clock import Clock, MonotonicClock
from backtimer.engine import SessionRecord
from backtimer.files import Files, load_files
from backtimer.paths import Paths
from backtimer.plan import Choice, choose_routine
from backtimer.settings import Settings
from backtimer.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from backtimer.tui.screens.session import SessionScreen


class BacktimerApp(App[None]):
    CSS_PATH = "backtimer.tcss"
    TITLE = "backtimer"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
    ]

    def __init__(
        self,
        *,
        files: Files,
        clock: Clock | None = None,
        choice: Choice | None = None,
        start: bool = False,
    ) -> None:
        super().__init__()
        self.files = files
        self.clock = clock or MonotonicClock()
        self.choice = choice or files.default_choice()
        self._start_now = start
        self.bells = 0
        self._session: SessionScreen | None = None
        self._unsaved: SessionRecord | None = None
        self._pain_before: int | None = None

    # ------------------------------------------------------------------ setup

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        self._install_signal_handlers()
        self.push_screen(HomeScreen())
        if self.logbook.torn:
            self.notify(self.logbook.torn_message() or "", severity="warning", timeout=15)
        if self._start_now:
            self.action_start()

    def _install_signal_handlers(self) -> None:
        """A closed terminal (SIGHUP) or a kill (SIGTERM) still records the session."""
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self._save_and_exit)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
            pass

    def _save_and_exit(self) -> None:
        self.save_unfinished()
        self.exit()

    def on_unmount(self) -> None:
        self.save_unfinished()

    def today(self) -> date:
        return self.clock.wall().date()

    def ring(self) -> None:
        self.bells += 1
        if self.settings.bell:
            self.bell()

    # ------------------------------------------------------------------ shortcuts

    @property
    def catalog(self) -> Catalog:
        return self.files.catalog

    @property
    def settings(self) -> Settings:
        return self.files.settings

    @property
    def paths(self) -> Paths:
        return self.files.paths

    @property
    def logbook(self) -> journal.Log:
        return self.files.log

    # ------------------------------------------------------------------ routines

    def set_choice(self, choice: Choice) -> None:
        self.choice = choice
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.refresh_home()

    def action_choose_routine(self) -> None:
        from backtimer.tui.screens.routine_editor import RoutineScreen

        def closed(result: str | None) -> None:
            if result == "start":
                self.action_start()

        self.push_screen(RoutineScreen(self.choice), closed)

    # ------------------------------------------------------------------ a session

    def action_start(self) -> None:
        from backtimer.tui.screens.safety import SafetyScreen

        if self._session is not None:
            return
        if not self.settings.safety_acknowledged:
            self.push_screen(SafetyScreen(first=True), self._after_safety)
        else:
            self._ask_pain_before()

    def _after_safety(self, go_on: bool | None) -> None:
        if not go_on:
            return
        self.settings.safety_acknowledged = True
        try:
            self.files.save_settings()
        except OSError as exc:
            self.notify(f"Could not save settings: {exc}", severity="error")
        self._ask_pain_before()

    def _ask_pain_before(self) -> None:
        from backtimer.tui.screens.pain import PainScreen

        if self.settings.pain_check:
            self.push_screen(PainScreen("before"), self._begin)
        else:
            self._begin(None)

    def _begin(self, pain_before: int | None) -> None:
        from backtimer.tui.screens.session import SessionScreen

        self._pain_before = pain_before
        screen = SessionScreen(
            self.choice.steps, self.clock, self.settings.session_config(), self.ring
        )
        self._session = screen
        self.push_screen(screen, self._session_over)

    def _session_over(self, record: SessionRecord | None) -> None:
        from backtimer.tui.screens.pain import PainScreen

        self._session = None
        if record is None:
            return
        self._unsaved = record
        if self.settings.pain_check:
            self.push_screen(PainScreen("after"), self._after_pain)
        else:
            self._after_pain(None)

    def _after_pain(self, pain_after: int | None) -> None:
        from backtimer.tui.screens.summary import SummaryScreen, summary_text

        record = self._unsaved
        if record is None:
            return
        entry = self._save(record, pain_after)
        if entry is None:
            return
        goal = self.settings.weekly_goal
        [week] = stats.weeks(self.logbook.sessions, self.today(), goal, 1)
        names = {e.id: e.name for e in self.catalog.exercises.values()}
        text = summary_text(entry, names, week.sessions, goal, stats.counts(entry))

        def closed(result: str | None) -> None:
            if result == "history":
                self.action_history()

        self.push_screen(SummaryScreen(text), closed)

    def _save(self, record: SessionRecord, pain_after: int | None) -> journal.SessionEntry | None:
        self._unsaved = None
        entry = journal.entry_from_record(record, self.choice.key, self._pain_before, pain_after)
        try:
            journal.append(self.paths.sessions, entry)
        except OSError as exc:
            self.notify(
                f"Could not save the session to {self.paths.sessions}: {exc}",
                severity="error",
                timeout=30,
            )
            return None
        self.logbook.sessions.append(entry)
        return entry

    def save_unfinished(self) -> None:
        """Record a running or unsaved session as it stands (quit, SIGHUP, SIGTERM)."""
        screen = self._session
        if screen is not None and not screen.session.finished:
            self._session = None
            self._unsaved = screen.session.record(self.clock.now())
        if self._unsaved is not None:
            self._save(self._unsaved, None)

    # ------------------------------------------------------------------ other screens

    def action_library(self) -> None:
        from backtimer.tui.screens.library import LibraryScreen

        self.push_screen(LibraryScreen(self.catalog))

    def action_history(self) -> None:
        from backtimer.tui.screens.history import HistoryScreen, history_text

        names = {e.id: e.name for e in self.catalog.exercises.values()}
        text = history_text(self.logbook.sessions, self.today(), self.settings.weekly_goal, names)
        self.push_screen(HistoryScreen(text))

    def action_help(self) -> None:
        from backtimer.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_settings(self) -> None:
        from backtimer.tui.screens.settings import SettingsScreen

        def closed(_: None) -> None:
            self.set_choice(self.choice)  # timings changed: Home's length too

        self.push_screen(SettingsScreen(), closed)

    def action_safety(self) -> None:
        from backtimer.tui.screens.safety import SafetyScreen

        self.push_screen(SafetyScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self._session is None:
            yield SystemCommand(
                "Start session", "Start the routine shown on Home", self.action_start
            )
            yield SystemCommand(
                "Choose routine", "Pick the routine Start runs", self.action_choose_routine
            )
        yield SystemCommand("Exercise library", "Browse every exercise", self.action_library)
        yield SystemCommand("History", "Weeks, streaks and pain trend", self.action_history)
        yield SystemCommand("Settings", "Weekly goal, timings, bell, theme", self.action_settings)
        yield SystemCommand("Keys", "Show the keys", self.action_help)
        yield SystemCommand("When to stop", "Safety advice", self.action_safety)


def make_app(
    *,
    clock: Clock | None = None,
    data_dir: str | Path | None = None,
    catalog: str | Path | None = None,
    start: bool = False,
    routine: str | None = None,
    settings: Settings | None = None,
) -> BacktimerApp:
    """Build the app for tests and tools the way the CLI does."""
    files = load_files(data_dir, catalog)
    if settings is not None:
        files.settings = settings
    choice = choose_routine(files.catalog, routine) if routine else None
    return BacktimerApp(files=files, clock=clock, choice=choice, start=start)

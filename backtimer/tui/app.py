"""BacktimerApp: the screens, bindings and the command palette, over the profile.

Attributes down, results up: screens get what they show through their constructors
and return a decision with ``dismiss()``; the app applies and persists it through the
profile (``backtimer.store.profile``). The session flow is ``tui/flow.py``, the screens
beside it ``tui/navigation.py``, the signal handlers ``tui/signals.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from backtimer.clock import Clock, MonotonicClock
from backtimer.core.plan import Choice
from backtimer.core.settings import Settings
from backtimer.store.profile import Profile
from backtimer.store.recorder import Recorder
from backtimer.tui import navigation
from backtimer.tui.flow import SessionFlow
from backtimer.tui.keys import bindings
from backtimer.tui.screens.home import HomeScreen

if TYPE_CHECKING:  # what a session needs is imported when one starts, not for Home
    from backtimer.output import Sinks


class BacktimerApp(App[None]):
    CSS_PATH = "backtimer.tcss"
    TITLE = "backtimer"
    BINDINGS = bindings("app")
    #: Classes every screen gets by its size, for the small-terminal rules in the CSS.
    HORIZONTAL_BREAKPOINTS = [(0, "-w-tiny"), (40, "-w-narrow"), (70, "-w-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-h-tiny"), (12, "-h-short"), (20, "-h-tall")]

    #: What Start runs; Home shows it.
    choice: reactive[Choice] = reactive(Choice("", "", ()), init=False)

    def __init__(
        self,
        *,
        profile: Profile,
        clock: Clock | None = None,
        choice: Choice | None = None,
        start: bool = False,
        desk_break: bool = False,
    ) -> None:
        super().__init__()
        from backtimer.tui.palette import THEMES

        for theme in THEMES:
            self.register_theme(theme)
        from backtimer.core.settings_check import note, with_defaults

        # what `check` would reject falls back to its default, and Home says so
        fixed, problems = with_defaults(
            profile.settings, profile.catalog.exercises, self.available_themes
        )
        profile.settings = fixed
        #: One line for Home when settings.toml has problems (None: it has none).
        self.settings_note = note(len(problems)) if problems else None
        self.profile = profile
        self.clock = clock or MonotonicClock()
        self.set_reactive(
            BacktimerApp.choice, choice or profile.default_choice(self.clock.wall().date())
        )
        self._start_now = start
        #: Run a desk break at once, and quit after it (``backtimer break``).
        self._break_only = desk_break
        #: What to print after the app closes (a desk break's "done" line).
        self.farewell: str | None = None
        self.bells = 0
        self._sinks: Sinks | None = None
        #: The session under way, and what became of it (saving is the store's).
        self.recorder = Recorder(profile, self.clock)
        self.flow = SessionFlow(self)

    @property
    def save_error(self) -> str | None:
        """Set when a session could not be saved: the process exits non-zero."""
        return self.recorder.error

    def on_mount(self) -> None:
        from backtimer.tui import signals

        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        signals.install(self)
        self.theme_changed_signal.subscribe(
            self, partial(navigation.keep_theme, self, self.profile)
        )
        self.push_screen(HomeScreen())
        if self.profile.log.torn:
            self.notify(self.profile.log.torn_message() or "", severity="warning", timeout=15)
        if self.recorder.kept():
            self.offer_recovered()
        elif self._break_only:
            self.desk_break_flow()
        elif self._start_now:
            self.action_start()

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, and the session's five state colours made to differ
        and to read in this theme and with this terminal's colours (``palette``)."""
        from backtimer.tui.palette import state_colours

        variables = super().get_css_variables()
        dark = self.current_theme.dark
        colours = self.console.color_system  # a browser's: truecolor (textual-serve)
        variables.update(state_colours(variables, colours, dark))
        self.theme_variables = variables
        return variables

    def on_unmount(self) -> None:
        self.save_unfinished()

    def save_unfinished(self) -> None:
        """Record a running or unsaved session as it stands (quit, SIGTERM, SIGHUP)."""
        self.recorder.save_unfinished()

    def today(self) -> date:
        return self.clock.wall().date()

    def ring(self) -> None:
        self.bells += 1
        if self.settings.bell:
            self.bell()

    def sinks(self) -> Sinks:
        """Speech, tones and the bell, as settings and the system allow (made once)."""
        from backtimer.output.choose import choose_sinks

        if self._sinks is None:
            self._sinks = choose_sinks(self.settings, self.paths.cache_dir, self.ring)
        return self._sinks

    @property
    def settings(self) -> Settings:
        return self.profile.settings

    @property
    def paths(self):  # noqa: ANN201 - a shortcut for tests and screens
        return self.profile.paths

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A screen with a notice line of its own (the session, the routine screen)
        shows it there, where it hides neither a header nor a title; elsewhere it is a
        toast."""
        from backtimer.tui.widgets.notice import Notice

        screen = self.screen_stack[-1] if self.screen_stack else None
        if screen is not None and screen.is_mounted:
            lines = screen.query(Notice)
            if lines:
                lines.first().show(message, severity, timeout or self.NOTIFICATION_TIMEOUT)
                return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # ------------------------------------------------------------------ what Start runs

    def show_choice(self) -> None:
        """Home shows the choice again (the log or the settings changed under it)."""
        self.mutate_reactive(BacktimerApp.choice)

    def refresh_choice(self) -> None:
        """Build the chosen routine or plan again from the log as it is now."""
        fresh = self.profile.refresh(self.choice, self.today())
        if fresh is not None:
            self.choice = fresh
        self.show_choice()

    @work(exclusive=True, group="routine")
    async def action_choose_routine(self) -> None:
        outcome = await navigation.routine(self, self.profile, self.choice, self.today())
        if outcome is not None:
            self.choice = outcome.choice
            if outcome.start:
                self.action_start()

    # ------------------------------------------------------------------ a session

    def action_start(self) -> None:
        if self.recorder.pending is None:
            self.session_flow()

    @work(exclusive=True, group="session")
    async def session_flow(self, choice: Choice | None = None) -> None:
        await self.flow.run(choice)

    def action_desk_break(self) -> None:
        if self.recorder.pending is None:
            self.desk_break_flow()

    @work(exclusive=True, group="session")
    async def desk_break_flow(self) -> None:
        said = await self.flow.run_break()
        if self._break_only:
            self.farewell = said
            self.exit()

    @work(exclusive=True, group="recovery")
    async def offer_recovered(self) -> None:
        await self.flow.recovered()

    async def action_quit(self) -> None:
        """Quit; mid-session, ask first, as q does (what was done is saved)."""
        from backtimer.tui.screens.session import SessionScreen

        screen = self.screen
        if isinstance(screen, SessionScreen) and not screen.session.finished:
            screen.action_end()
            return
        self.exit()

    # ------------------------------------------------------------------ other screens

    @work(exclusive=True, group="library")
    async def action_library(self) -> None:
        from backtimer.core.plan import one_move

        chosen = await navigation.library(self, self.profile, self.today())
        if chosen is None:
            return
        action, move = chosen
        exercise = self.profile.catalog.exercises[move]
        dose = self.profile.progress(self.today()).current(exercise).dose
        if action == "start" and self.recorder.pending is None:
            self.session_flow(one_move(exercise, dose))
        elif action == "add":
            edited = navigation.with_move(self.choice, exercise, dose)
            outcome = await navigation.routine(self, self.profile, edited, self.today())
            if outcome is not None:
                self.choice = outcome.choice
                if outcome.start:
                    self.action_start()

    @work(exclusive=True, group="left-out")
    async def action_left_out(self) -> None:
        if await navigation.left_out(self, self.profile, self.today()):
            self.refresh_choice()  # moves back in, or out for good

    def action_history(self) -> None:
        navigation.history(self, self.profile, self.today())

    @work(exclusive=True, group="correct")
    async def action_correct_session(self) -> None:
        from backtimer.tui.corrections import correct

        if await correct(self, self.profile, self.clock.wall().astimezone()):
            self.refresh_choice()  # moves back in, doses
            navigation.redraw_history(self)

    def action_help(self) -> None:
        navigation.keys(self)

    def action_safety(self) -> None:
        navigation.safety(self)

    @work(exclusive=True, group="settings")
    async def action_settings(self) -> None:
        if await navigation.settings(self, self.profile):
            self._sinks = None  # the voice and the tones as now set, from the next session
            self.refresh_choice()  # moves left out, and timings: Home's length too

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from navigation.commands(self, idle=self.recorder.pending is None)

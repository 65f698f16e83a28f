"""BacktimerApp: the screens, one session flow, bindings and the command palette.

Attributes down, results up: screens get what they show through their constructors
and return a decision with ``dismiss()``; the app applies and persists it through the
profile (``backtimer.store.profile``).
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from backtimer.clock import Clock, MonotonicClock
from backtimer.core import stats
from backtimer.core.log import SessionEntry
from backtimer.core.plan import Choice
from backtimer.core.settings import Settings
from backtimer.store.errors import DataError
from backtimer.store.profile import Profile, load_profile
from backtimer.store.recorder import Pending, Recorder
from backtimer.tui.keys import bindings, key_hint
from backtimer.tui.screens.home import HomeScreen

if TYPE_CHECKING:  # what a session needs is imported when one starts, not for Home
    from textual.theme import Theme

    from backtimer.core.cues import Cuer
    from backtimer.output import Sinks


class BacktimerApp(App[None]):
    CSS_PATH = "backtimer.tcss"
    TITLE = "backtimer"
    BINDINGS = bindings("app")
    #: Classes every screen gets by its size, for the small-terminal rules in the CSS.
    HORIZONTAL_BREAKPOINTS = [(0, "-w-tiny"), (40, "-w-narrow"), (70, "-w-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-h-tiny"), (12, "-h-short"), (20, "-h-tall")]
    #: Seconds after mounting when the garbage collector, paused for the start, runs again.
    GC_RESUME_S = 0.5

    #: What Start runs; Home shows it.
    choice: reactive[Choice] = reactive(Choice("", "", ()), init=False)

    def __init__(
        self,
        *,
        profile: Profile,
        clock: Clock | None = None,
        choice: Choice | None = None,
        start: bool = False,
    ) -> None:
        super().__init__()
        self.profile = profile
        self.clock = clock or MonotonicClock()
        self.set_reactive(
            BacktimerApp.choice, choice or profile.default_choice(self.clock.wall().date())
        )
        self._start_now = start
        self.bells = 0
        self._sinks: Sinks | None = None
        #: The session under way, and what became of it (saving is the store's).
        self.recorder = Recorder(profile, self.clock)

    @property
    def save_error(self) -> str | None:
        """Set when a session could not be saved: the process exits non-zero."""
        return self.recorder.error

    @property
    def _pending(self) -> Pending | None:
        return self.recorder.pending

    # ------------------------------------------------------------------ setup

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        self._install_signal_handlers()
        self.theme_changed_signal.subscribe(self, self._keep_theme)
        from backtimer.tui import gc_pause

        # the first frame is painted well within this: then collect as usual
        self.set_timer(self.GC_RESUME_S, gc_pause.resume)
        self.push_screen(HomeScreen())
        if self.profile.log.torn:
            self.notify(self.profile.log.torn_message() or "", severity="warning", timeout=15)
        from backtimer.store import recovery

        if recovery.kept(self.paths):
            self.offer_recovered()
        elif self._start_now:
            self.action_start()

    def _keep_theme(self, theme: Theme) -> None:
        """A theme picked from the palette is kept in settings (only that line)."""
        if theme.name != self.settings.theme:
            try:
                self.profile.update_settings(replace(self.settings, theme=theme.name))
            except OSError as exc:
                self.notify(f"Could not keep the theme: {exc}", severity="warning")

    def _install_signal_handlers(self) -> None:
        """A closed terminal (SIGHUP) or a kill (SIGTERM) still records the session."""
        try:
            loop = asyncio.get_running_loop()
            for name, handler in (("SIGHUP", self._hang_up), ("SIGTERM", self._terminated)):
                sig = getattr(signal, name, None)
                if sig is not None:
                    loop.add_signal_handler(sig, handler)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
            pass

    def _hang_up(self) -> None:
        """The terminal is gone: save what is unsaved, then leave at once. Waiting for
        Textual's writer to flush to a terminal that no longer exists can block."""
        self.save_unfinished()
        if self.save_error:
            with suppress(OSError):
                os.write(2, f"backtimer: {self.save_error}\n".encode())
        os._exit(1 if self.save_error else 128 + signal.SIGHUP)

    def _terminated(self) -> None:
        """SIGTERM: record the session, then exit as a killed program does (143), or 1
        when the session could not be saved."""
        self.save_unfinished()
        self.exit(return_code=1 if self.save_error else 128 + signal.SIGTERM)

    def on_unmount(self) -> None:
        self.save_unfinished()

    def today(self) -> date:
        return self.clock.wall().date()

    def ring(self) -> None:
        self.bells += 1
        if self.settings.bell:
            self.bell()

    @property
    def settings(self) -> Settings:
        return self.profile.settings

    @property
    def paths(self):  # noqa: ANN201 - a shortcut for tests and screens
        return self.profile.paths

    def names(self) -> dict[str, str]:
        return {e.id: e.name for e in self.profile.catalog.exercises.values()}

    # ------------------------------------------------------------------ choosing

    def use(self, choice: Choice) -> None:
        """Make ``choice`` what Start runs, and remember a named routine for next time."""
        self.choice = choice
        if choice.routine is not None:
            try:
                self.profile.remember(routine=choice.routine)
            except OSError as exc:
                self.notify(f"Could not remember the routine: {exc}", severity="warning")

    @work(exclusive=True, group="routine")
    async def action_choose_routine(self) -> None:
        from backtimer.tui.screens.routine_editor import RoutineScreen

        outcome = await self.push_screen_wait(
            RoutineScreen(self.choice, self.profile, self.today())
        )
        if outcome is not None:
            self.use(outcome.choice)
            if outcome.start:
                self.action_start()

    async def action_quit(self) -> None:
        """Quit; mid-session, ask first, as q does (what was done is saved)."""
        from backtimer.tui.screens.session import SessionScreen

        screen = self.screen
        if isinstance(screen, SessionScreen) and not screen.session.finished:
            screen.action_end()
            return
        self.exit()

    def action_include_all(self) -> None:
        """Run the chosen routine as written, moves left out for pain included."""
        choice = self.choice
        if choice.routine is not None and choice.notes:
            self.choice = self.profile.routine(choice.routine, self.today(), include_all=True)
            self.notify("Every move of the routine is back in, for this time.", timeout=4)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """During a session a notice goes to the session's own notice line, where it
        hides neither the header nor the time left; elsewhere it is a toast."""
        from backtimer.tui.screens.session import SessionScreen

        screen = self.screen_stack[-1] if self.screen_stack else None
        if isinstance(screen, SessionScreen) and screen.is_mounted:
            screen.show_notice(message, severity, timeout or self.NOTIFICATION_TIMEOUT)
            return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # ------------------------------------------------------------------ a session

    def action_start(self) -> None:
        if self._pending is None:
            from backtimer.tui import gc_pause

            gc_pause.resume()  # a session started at once (`backtimer start`): collect first
            self.session_flow()

    @work(exclusive=True, group="session")
    async def session_flow(self) -> None:
        """Safety (the first time), pain before, the session, pain after, summary."""
        from backtimer.tui.dialogs.pain import PainScreen
        from backtimer.tui.dialogs.safety import SafetyScreen
        from backtimer.tui.screens.session import SessionScreen

        profile, settings = self.profile, self.settings
        if not profile.safety_acknowledged:
            if not await self.push_screen_wait(SafetyScreen(first=True)):
                return
            try:
                profile.remember(safety_acknowledged=True)
            except OSError as exc:
                self.notify(f"Could not save that you read it: {exc}", severity="warning")
        pain_before = (
            await self.push_screen_wait(PainScreen("before")) if settings.pain_check else None
        )
        choice: Choice | None = self.choice
        if pain_before is not None and pain_before >= stats.SEVERE_PAIN:
            choice = await self._severe_pain(pain_before)
        elif pain_before is not None and stats.easy_day_due(
            pain_before, stats.usual_pain(profile.log.sessions)
        ):
            choice = await self._offer_easy_day(self.choice, pain_before)
        if choice is None:
            return
        from backtimer.core.engine import Session

        session = Session(
            choice.steps, self.clock.now(), self.clock.wall(), settings.session_config()
        )
        self.recorder.begin(session, choice.key, pain_before)
        screen = SessionScreen(session, self.clock, self.sinks(), self._cuer())
        screen.set_class(settings.floor_mode, "-floor")
        if choice.notes:  # shown in the session's notice line once it is on screen
            screen.call_after_refresh(
                screen.show_notice, "Today: " + " ".join(choice.notes), "information", 8
            )
        await self.push_screen_wait(screen)
        await self._ask_effort()
        pain_after = (
            await self.push_screen_wait(PainScreen("after")) if settings.pain_check else None
        )
        entry = self._save_pending(pain_after)
        while entry is None and self._pending is not None:
            entry = await self._after_failed_save()
        if entry is not None:
            await self._show_summary(entry)
        self.refresh_choice()  # Home shows what the log now says (moves left out, doses)

    async def _ask_effort(self) -> None:
        """After strength work done in full: could 2 or 3 more have been done?"""
        from backtimer.tui.dialogs.effort import EffortScreen

        done = self.recorder.strength_done()
        if done and self.recorder.pending is not None:
            answer = await self.push_screen_wait(EffortScreen(done[-1]))
            self.recorder.pending.could_do_more = answer

    def refresh_choice(self) -> None:
        """Build the chosen routine or plan again from the log as it is now."""
        fresh = self.profile.refresh(self.choice, self.today())
        if fresh is not None:
            self.choice = fresh
            self.mutate_reactive(BacktimerApp.choice)

    def pain_advice(self) -> str | None:
        """The advice to see a professional when the pain is not easing (weekly)."""
        return self.profile.pain_advice(self.today())

    def action_easy_day(self) -> None:
        """Home: today as an easy day (any day, not only after a sore check-in)."""
        try:
            self.choice = self.profile.plan(None, day=self.today(), easy=True)
        except DataError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.notify(f"{self.choice.name}: every move at its gentlest. Enter starts it.")

    async def _severe_pain(self, pain: int) -> Choice | None:
        """A check-in of 8 to 10: the triage first; exercise only if the person then
        chooses an easy day."""
        from backtimer.core.safety import severe_pain_text
        from backtimer.tui.dialogs.confirm import ConfirmScreen

        take = await self.push_screen_wait(
            ConfirmScreen(severe_pain_text(pain), yes="Easy day", no="Not today", safe="no")
        )
        if not take:
            self.notify("Rest and move gently today. See a doctor today about this pain.")
            return None
        return self.profile.plan(None, day=self.today(), easy=True)

    async def _after_failed_save(self) -> SessionEntry | None:
        """Ask what to do with a session that could not be saved; None to ask again."""
        from backtimer.tui.dialogs.ask import AskScreen
        from backtimer.tui.dialogs.save_failed import SaveFailedScreen

        pending = self.recorder.pending
        if pending is None or pending.entry is None:
            return None
        kept = str(pending.kept) if pending.kept else None
        answer = await self.push_screen_wait(SaveFailedScreen(self.save_error or "", kept))
        if answer == "retry":
            return self._save_pending(None)
        if answer == "discard":
            self.recorder.discard()
            return None
        where = await self.push_screen_wait(
            AskScreen(
                "Save the session to which file?",
                value=str(Path.home() / "backtimer-session.toml"),
            )
        )
        if where and self.recorder.save_to(where) is None:
            self.notify(f"Saved to {where}. `backtimer check --data-dir` can read it there.")
        return None

    def sinks(self) -> Sinks:
        """Speech, tones and the bell, as settings and the system allow (made once)."""
        from backtimer.output.choose import choose_sinks

        if self._sinks is None:
            self._sinks = choose_sinks(self.settings, self.paths.cache_dir, self.ring)
        return self._sinks

    def _cuer(self) -> Cuer:
        """What the voice says; its closing line counts this session in the week."""
        from backtimer.core.cues import CueOptions, Cuer
        from backtimer.core.words import spoken

        settings = self.settings
        [week] = stats.weeks(self.profile.log.sessions, self.today(), settings.weekly_goal, 1)
        done = week.sessions + 1
        closing = f"That makes {spoken(done)} of {spoken(settings.weekly_goal)} this week."
        options = CueOptions(frozenset(settings.quiet_cues), settings.rep_every, closing)
        return Cuer(options)

    async def _offer_easy_day(self, choice: Choice, pain: int) -> Choice:
        """A sore day: offer an easy day (about half the usual time, every move at its
        gentlest)."""
        from backtimer.tui.dialogs.confirm import ConfirmScreen

        easy = self.profile.plan(None, day=self.today(), easy=True)
        question = (
            f"Your back is at {pain} today. Take an easy day instead?\n"
            f"{easy.name}: moves you know, each at its gentlest, in positions that ease "
            "a sore back. A short walk later helps too."
        )
        take = await self.push_screen_wait(
            ConfirmScreen(question, yes="Easy day", no="As planned", safe="yes")
        )
        return easy if take else choice

    async def _show_summary(self, entry: SessionEntry) -> None:
        from backtimer.tui.screens.summary import SummaryScreen, summary_text

        goal = self.settings.weekly_goal
        today = self.today()
        [week] = stats.weeks(self.profile.log.sessions, today, goal, 1)
        text = summary_text(
            entry,
            self.names(),
            week.sessions,
            goal,
            stats.counts(entry),
            [*self.profile.changes_by(entry, today), *filter(None, [self.pain_advice()])],
            stop_keys=f"{key_hint(self, 'summary.help')} then {key_hint(self, 'help.safety')}",
        )
        if await self.push_screen_wait(SummaryScreen(text)) == "history":
            self.action_history()

    def _save_pending(self, pain_after: int | None) -> SessionEntry | None:
        """Record the pending session (the recorder keeps it safe if it cannot)."""
        entry = self.recorder.save(pain_after)
        if self.recorder.note:
            self.notify(self.recorder.note, timeout=4)
        return entry

    def save_unfinished(self) -> None:
        """Record a running or unsaved session as it stands (quit, SIGTERM, SIGHUP)."""
        self.recorder.save_unfinished()

    @work(exclusive=True, group="recovery")
    async def offer_recovered(self) -> None:
        """Sessions that could not be saved last time: offer to add them to the log."""
        from backtimer.tui.dialogs.confirm import ConfirmScreen

        for path, entry in self.recorder.kept():
            question = (
                f"A session from {entry.started_at:%a %d %b %H:%M} could not be saved "
                "last time. Add it to your log now?"
            )
            if not await self.push_screen_wait(
                ConfirmScreen(question, yes="Add it", no="Not now", safe="yes")
            ):
                return
            problem = self.recorder.add_kept(path, entry)
            if problem:
                self.notify(problem, severity="error")
                return
            self.mutate_reactive(BacktimerApp.choice)

    # ------------------------------------------------------------------ other screens

    def action_library(self) -> None:
        from backtimer.tui.screens.library import LibraryScreen

        self.push_screen(LibraryScreen(self.profile.catalog))

    def action_history(self) -> None:
        from backtimer.tui.screens.history import HistoryScreen, history_text

        sessions = self.profile.log.sessions
        routines = {r.id: r.name for r in self.profile.catalog.routines.values()}
        today, goal, names = self.today(), self.settings.weekly_goal, self.names()
        self.push_screen(
            HistoryScreen(lambda width: history_text(sessions, today, goal, names, routines, width))
        )

    def action_help(self) -> None:
        from backtimer.tui.dialogs.help import HelpScreen

        self.push_screen(HelpScreen())

    @work(exclusive=True, group="settings")
    async def action_settings(self) -> None:
        from backtimer.tui.screens.settings import SettingsScreen

        themes = sorted(self.available_themes)
        moves = [(e.id, e.name) for e in self.profile.builtin.exercises.values()]
        new = await self.push_screen_wait(SettingsScreen(self.settings, themes, moves))
        old = self.settings
        if new is None or new == old:
            return
        try:
            self.profile.update_settings(new)
        except OSError as exc:
            self.notify(f"Could not save settings: {exc}", severity="error", timeout=10)
            return
        if new.theme in self.available_themes:
            self.theme = new.theme
        self.set_keymap(new.keymap)
        self.notify(f"Saved to {self.paths.settings}.")
        choice = self.choice
        if new.excluded != old.excluded and choice.routine is not None:
            self.choice = self.profile.routine(choice.routine, self.today())  # moves left out
        else:
            self.mutate_reactive(BacktimerApp.choice)  # timings changed: Home's length too

    def action_safety(self) -> None:
        from backtimer.tui.dialogs.safety import SafetyScreen

        self.push_screen(SafetyScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self._pending is None:
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
    data_dir: str | os.PathLike[str] | Path | None = None,
    catalog: str | os.PathLike[str] | Path | None = None,
    cache_dir: str | os.PathLike[str] | Path | None = None,
    start: bool = False,
    routine: str | None = None,
    settings: Settings | None = None,
    choose: Callable[[Profile], Choice | None] | None = None,
) -> BacktimerApp:
    """The one way to build the app, for the CLI and for tests alike.

    ``choose(profile)`` picks what Start runs (the CLI's --routine/--minutes);
    ``routine`` does the same by id; ``settings`` replaces the file's (tests).
    """
    profile = load_profile(data_dir, catalog, cache_dir)
    if settings is not None:
        profile.settings = settings
    choice = choose(profile) if choose is not None else None
    if routine is not None:
        choice = profile.routine(routine, (clock or MonotonicClock()).wall().date())
    return BacktimerApp(profile=profile, clock=clock, choice=choice, start=start)

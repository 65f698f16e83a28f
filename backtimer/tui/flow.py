"""The session flow: safety the first time, pain before, the session, effort, pain
after, saving (and what to do when it fails), the summary; and the offer of sessions
kept from a failed save. Each step is a screen awaited in the app's worker; recording
is the store's (``backtimer.store.recorder``).

The flow sees the app through ``Host`` (what it reads and the screens it pushes), so
this module does not import the app.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from backtimer.core import stats
from backtimer.core.log import SessionEntry
from backtimer.core.plan import Choice
from backtimer.store.recorder import NOTHING_DONE
from backtimer.tui.keys import key_hint

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from backtimer.clock import Clock
    from backtimer.core.cues import Cuer
    from backtimer.core.figure import Figure
    from backtimer.core.settings import Settings
    from backtimer.output import Sinks
    from backtimer.store.profile import Profile
    from backtimer.store.recorder import Recorder


class Host(Protocol):
    """The app, as the flow uses it."""

    profile: Profile
    clock: Clock
    recorder: Recorder
    choice: Choice

    @property
    def settings(self) -> Settings: ...

    def today(self) -> date: ...

    def sinks(self) -> Sinks: ...

    def notify(self, message: str, *, severity: Any = ..., timeout: float | None = ...) -> None: ...

    async def push_screen_wait(self, screen: Screen[Any]) -> Any: ...

    def refresh_choice(self) -> None: ...

    def show_choice(self) -> None: ...

    def action_history(self) -> None: ...


def session_figures(settings: Settings) -> dict[str, Figure] | None:
    """The moves' figures for a session, read when it starts (start-up does not pay
    for them); None when they are off."""
    from backtimer.store.figures import usable_figures

    return usable_figures(settings.figures) or None


class SessionFlow:
    """One run of the flow per Start; ``recovered`` offers kept sessions."""

    def __init__(self, host: Host) -> None:
        self.host = host

    async def run(self, chosen: Choice | None = None) -> None:
        """Safety (the first time), pain before, the session, pain after, summary;
        of ``chosen`` (one move from the library), else of what Home shows."""
        from backtimer.tui.dialogs.pain import PainScreen
        from backtimer.tui.screens.session import SessionScreen

        host = self.host
        profile, settings = host.profile, host.settings
        if not await self._safety_read():
            return
        if profile.state.screening is None:  # the first-run check, asked once
            from backtimer.core import screening
            from backtimer.tui.dialogs.confirm import ScreeningScreen

            ask = ScreeningScreen(screening.QUESTION, yes=screening.YES, no=screening.NO)
            answer = await host.push_screen_wait(ask)
            if answer is None:  # not now: back to Home, asked again next time
                return
            with suppress(OSError):
                profile.remember(screening=screening.ASK_FIRST if answer else screening.CLEAR)
            if answer:
                host.refresh_choice()  # the hardest moves leave today's plan
                host.notify(screening.HOME_NOTE, timeout=8)
        pain_before = (
            await host.push_screen_wait(PainScreen("before")) if settings.pain_check else None
        )
        choice: Choice | None = chosen or host.choice
        if pain_before is not None and pain_before >= stats.SEVERE_PAIN:
            choice = await self._severe_pain(pain_before)
        elif pain_before is not None and stats.easy_day_due(
            pain_before, stats.usual_pain(profile.log.sessions)
        ):
            choice = await self._offer_easy_day(host.choice, pain_before)
        if choice is None:
            return
        from backtimer.core.engine import Session

        clock = host.clock
        session = Session(choice.steps, clock.now(), clock.wall(), settings.session_config())
        host.recorder.begin(session, choice.key, pain_before)
        screen = SessionScreen(
            session, clock, host.sinks(), self._cuer(), figures=session_figures(settings)
        )
        screen.set_class(settings.floor_mode, "-floor")
        if choice.notes:  # shown in the session's notice line once it is on screen
            screen.call_after_refresh(
                screen.show_notice, "Today: " + " ".join(choice.notes), "information", 8
            )
        await host.push_screen_wait(screen)
        await self._ask_effort()
        asked = settings.pain_check and not host.recorder.nothing_done()  # nothing to ask of
        pain_after = await host.push_screen_wait(PainScreen("after")) if asked else None
        entry = self.save(pain_after)
        while entry is None and host.recorder.pending is not None:
            entry = await self._after_failed_save()
        if entry is not None:
            await self._show_summary(entry)
        host.refresh_choice()  # Home shows what the log now says (moves left out, doses)

    async def _safety_read(self) -> bool:
        """ "When to stop", the first time: whether the person read it and goes on."""
        from backtimer.tui.dialogs.safety import SafetyScreen

        host = self.host
        if host.profile.safety_acknowledged:
            return True
        if not await host.push_screen_wait(SafetyScreen(first=True)):
            return False
        try:
            host.profile.remember(safety_acknowledged=True)
        except OSError as exc:
            host.notify(f"Could not save that you read it: {exc}", severity="warning")
        return True

    async def run_break(self) -> str | None:
        """A desk break: two minutes of standing moves, no check-ins, recorded as a
        break (never counted toward the goal); what was said of it (None: nothing
        was recorded)."""
        import secrets

        from backtimer.core import desk
        from backtimer.core.cues import CueOptions, Cuer
        from backtimer.core.engine import Session
        from backtimer.store.errors import DataError
        from backtimer.tui.screens.session import SessionScreen

        host = self.host
        if not await self._safety_read():
            return None
        profile, settings, clock = host.profile, host.settings, host.clock
        from backtimer.core.screening import ASK_FIRST

        ask_first = profile.state.screening == ASK_FIRST
        avoid = profile.avoided(host.today())
        choice = desk.plan_break(profile.catalog.exercises, avoid, ask_first=ask_first)
        if not choice.steps:
            host.notify(" ".join(choice.notes), severity="warning", timeout=8)
            return None
        session = Session(choice.steps, clock.now(), clock.wall(), desk.config(settings))
        options = CueOptions(frozenset(settings.quiet_cues), settings.rep_every, desk.CLOSING)
        screen = SessionScreen(
            session,
            clock,
            host.sinks(),
            Cuer(options),
            label=desk.NAME,
            figures=session_figures(settings),
        )
        screen.set_class(settings.floor_mode, "-floor")
        if choice.notes:
            screen.call_after_refresh(screen.show_notice, " ".join(choice.notes), "information", 8)
        await host.push_screen_wait(screen)
        record = session.record(clock.now())
        done = [e.id for e in record.exercises if e.status == "done"]
        stopped = [e.id for e in record.exercises if e.status == "stopped_for_pain"]
        if all(e.status == "skipped" for e in record.exercises):  # as the log's own rule
            host.notify(NOTHING_DONE, timeout=4)
            return None
        wall = clock.wall().astimezone()
        started = record.started_at.replace(microsecond=0)
        found = desk.new_break(
            started,
            record.active_s,
            done,
            wall.replace(microsecond=0),
            secrets.token_hex(4),
            stopped,
        )
        try:
            profile.desk_break(found)
        except (OSError, DataError) as exc:
            host.notify(f"Could not save the desk break: {exc}", severity="error", timeout=10)
            return None
        names = {e.id: e.name for e in profile.catalog.exercises.values()}
        today = desk.today_count(profile.log.breaks, host.today())
        left = [a.id for a in profile.avoided(host.today()).values() if a.kind == "pain"]
        said = desk.done_text(found, names, today, left if stopped else ())
        host.notify(said, timeout=6)
        if stopped:
            host.refresh_choice()  # a move that hurt leaves today's plan too
        return said

    def save(self, pain_after: int | None) -> SessionEntry | None:
        """Record the pending session (the recorder keeps it safe if it cannot)."""
        recorder = self.host.recorder
        entry = recorder.save(pain_after)
        if recorder.note:
            self.host.notify(recorder.note, timeout=4)
        return entry

    async def recovered(self) -> None:
        """Sessions that could not be saved last time: offer to add them to the log."""
        from backtimer.tui.dialogs.confirm import ConfirmScreen

        host = self.host
        for path, entry in host.recorder.kept():
            question = (
                f"A session from {entry.started_at:%a %d %b %H:%M} could not be saved "
                "last time. Add it to your log now?"
            )
            if not await host.push_screen_wait(
                ConfirmScreen(question, yes="Add it", no="Not now", safe="yes")
            ):
                return
            problem = host.recorder.add_kept(path, entry)
            if problem:
                host.notify(problem, severity="error")
                return
            host.show_choice()

    async def _ask_effort(self) -> None:
        """After strength work done in full: could 2 or 3 more have been done?"""
        from backtimer.tui.dialogs.effort import EffortScreen

        recorder = self.host.recorder
        done = recorder.strength_done()
        if done and recorder.pending is not None:
            answer = await self.host.push_screen_wait(EffortScreen(done[-1]))
            recorder.pending.could_do_more = answer

    async def _severe_pain(self, pain: int) -> Choice | None:
        """A check-in of 8 to 10: the triage first; exercise only if the person then
        chooses an easy day."""
        from backtimer.core.safety import severe_pain_text
        from backtimer.tui.dialogs.confirm import ConfirmScreen

        host = self.host
        take = await host.push_screen_wait(
            ConfirmScreen(severe_pain_text(pain), yes="Easy day", no="Not today", safe="no")
        )
        if not take:
            host.notify("Rest and move gently today. See a doctor today about this pain.")
            return None
        return host.profile.plan(None, day=host.today(), easy=True)

    async def _offer_easy_day(self, choice: Choice, pain: int) -> Choice:
        """A sore day: offer an easy day (about half the usual time, every move at its
        gentlest)."""
        from backtimer.tui.dialogs.confirm import ConfirmScreen

        host = self.host
        easy = host.profile.plan(None, day=host.today(), easy=True)
        question = (
            f"Your back is at {pain} today. Take an easy day instead?\n"
            f"{easy.name}: moves you know, each at its gentlest, in positions that ease "
            "a sore back. A short walk later helps too."
        )
        take = await host.push_screen_wait(
            ConfirmScreen(question, yes="Easy day", no="As planned", safe="yes")
        )
        return easy if take else choice

    async def _after_failed_save(self) -> SessionEntry | None:
        """Ask what to do with a session that could not be saved; None to ask again."""
        from backtimer.tui.dialogs.ask import AskScreen
        from backtimer.tui.dialogs.save_failed import SaveFailedScreen

        host, recorder = self.host, self.host.recorder
        pending = recorder.pending
        if pending is None or pending.entry is None:
            return None
        kept = str(pending.kept) if pending.kept else None
        answer = await host.push_screen_wait(SaveFailedScreen(recorder.error or "", kept))
        if answer == "retry":
            return self.save(None)
        if answer == "discard":
            recorder.discard()
            return None
        where = await host.push_screen_wait(
            AskScreen(
                "Save the session to which file?",
                value=str(Path.home() / "backtimer-session.toml"),
            )
        )
        if where and recorder.save_to(where) is None:
            host.notify(f"Saved to {where}. `backtimer check --data-dir` can read it there.")
        return None

    def _cuer(self) -> Cuer:
        """What the voice says; its closing line counts this session in the week."""
        from backtimer.core.cues import CueOptions, Cuer
        from backtimer.core.words import spoken

        host = self.host
        settings = host.settings
        log = host.profile.log
        [week] = stats.weeks(
            log.sessions, host.today(), settings.weekly_goal, 1, log.walks, settings.walks_count
        )
        done = week.sessions + 1
        closing = f"That makes {spoken(done)} of {spoken(settings.weekly_goal)} this week."
        options = CueOptions(frozenset(settings.quiet_cues), settings.rep_every, closing)
        return Cuer(options)

    async def _show_summary(self, entry: SessionEntry) -> None:
        from backtimer.tui.screens.summary import SummaryScreen, summary_text

        host = self.host
        app = cast("App[Any]", host)
        profile, goal, today = host.profile, host.settings.weekly_goal, host.today()
        log, counting = profile.log, host.settings.walks_count
        [week] = stats.weeks(log.sessions, today, goal, 1, log.walks, counting)
        names = {e.id: e.name for e in profile.catalog.exercises.values()}
        advice = profile.pain_advice(today)
        stop = f"{key_hint(app, 'summary.help')} then {key_hint(app, 'help.safety')}"
        card = None
        if host.settings.learn:  # one card on what helps a back, in turn
            from backtimer.core.learn import next_card, text_of

            before = [s for s in profile.log.sessions if s.id != entry.id][-1:]
            rose_before = bool(before) and stats.pain_rose(before[0])
            shown, seen = next_card(profile.state.cards_seen, stats.pain_rose(entry), rose_before)
            with suppress(OSError):
                profile.remember(cards_seen=seen)
            more = f"[dim]Every card: {key_hint(app, 'home.learn')} on Home.[/]"
            body = text_of(shown, stop=stop, walk=key_hint(app, "home.walk"))
            card = (shown.title, f"{body} {more}")
        text = summary_text(
            entry,
            names,
            week.sessions,
            goal,
            stats.counts(entry),
            [*profile.changes_by(entry, today), *filter(None, [advice])],
            stop_keys=stop,
            card=card,
        )
        if await host.push_screen_wait(SummaryScreen(text)) == "history":
            host.action_history()

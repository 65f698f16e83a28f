"""``backtimer start --plain``: the session as plain lines of text, for a screen
reader, a braille display, a dumb terminal, ssh or a pipe.

The same engine, log, voice and sounds as the app; one line per cue, printed as it
happens and never redrawn (no cursor movement, no colour). It prints no faster than
the cues need: a countdown line each second only in the last three, and in a long
hold the time left every ten seconds. Keys work when standard input is a terminal
(space pauses and goes on, n skips, x "this hurts", m mutes, q ends); otherwise the
plan runs through and is saved. The pain check-ins are plain questions, asked only
at a terminal.
"""

from __future__ import annotations

import math
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any, TextIO

from backtimer.core.cues import Cue, CueOptions, Cuer, side_words
from backtimer.core.engine import Event, Session, State

if TYPE_CHECKING:
    from backtimer.clock import Clock
    from backtimer.core.plan import Choice
    from backtimer.output import Sinks
    from backtimer.store.profile import Profile

#: A long hold says the time left this often (seconds).
HOLD_EVERY_S = 10
#: The last seconds counted aloud and in print.
COUNTDOWN_FROM = 3
KEYS = (
    "space pauses and goes on, n skips a move, x stops a move that hurts (u undoes it), "
    "m mutes, q ends"
)


class Lines:
    """Engine events and states in, the lines to print out."""

    def __init__(self, options: CueOptions | None = None) -> None:
        self.quiet = (options or CueOptions()).quiet
        self.rep_every = (options or CueOptions()).rep_every
        self._said: tuple[object, ...] = ()
        self._breath: tuple[object, ...] = ()
        self._left: tuple[object, ...] = ()

    def lines(self, events: Sequence[Event], state: State) -> list[str]:
        out: list[str] = []
        for event in events:
            out += self._event(event, state)
        if not state.paused and not state.finished:
            out += self._state(state)
        return out

    def _event(self, event: Event, state: State) -> list[str]:
        kind = event.kind
        step = state.step
        if kind == "segment_start":
            if state.segment == "ready":
                e = step.exercise
                lines = [f"{e.name}. {step.describe().capitalize()}."]
                lines += [f"  {n}. {text}" for n, text in enumerate(e.steps, 1)]
                if e.care:
                    lines.append(f"  Care: {e.care}")
                lines.append(f"Get ready: {math.ceil(state.remaining)} s.")
                return lines
            if state.segment == "work":
                if state.rep is not None:
                    return ["Go."]
                if step.exercise.mode == "hold":
                    return [f"Hold {math.ceil(state.remaining)} s. Go."]
                return [f"Go: {math.ceil(state.remaining)} s."]
            if state.segment == "rest":
                seconds = math.ceil(state.remaining)
                if state.rest_kind == "set":
                    return [f"Rest {seconds} s. Then set {state.set_no + 1} of {state.sets}."]
                coming = state.next_step
                if coming is not None:
                    return [f"Rest {seconds} s. Next: {coming.exercise.name}, {coming.describe()}."]
        elif kind == "switch_sides":
            return [side_words(state)]
        elif kind == "halfway" and "halfway" not in self.quiet:
            return ["Halfway."]
        elif kind == "countdown" and event.value is not None and "countdown" not in self.quiet:
            return [str(event.value)]
        elif kind == "paused":
            return ["Paused. Space to go on, q to end."]
        elif kind == "resumed":
            return ["Go on."]
        elif kind == "session_done":
            return ["Done. Well done." if event.value else "Session ended."]
        return []

    def _state(self, state: State) -> list[str]:
        out: list[str] = []
        if state.segment == "work" and state.rep is not None and state.tempo_phase:
            key: tuple[object, ...] = (
                state.exercise_index,
                state.set_no,
                state.side,
                state.rep,
                state.tempo_phase,
            )
            if key != self._said:
                self._said = key
                word = (state.tempo_word or "").capitalize()
                said = [f"{word}."] if word and "tempo" not in self.quiet else []
                every = self.rep_every
                if state.tempo_phase == "into" and every and state.rep % every == 0:
                    said.insert(0, f"{state.rep} of {state.reps}.")
                if said:
                    out.append(" ".join(said))
        if (
            state.segment == "work"
            and state.rep is None
            and state.total >= 2 * HOLD_EVERY_S
            and "countdown" not in self.quiet
        ):
            left = math.ceil(state.remaining)
            mark = (state.exercise_index, state.set_no, state.side, left)
            due = left % HOLD_EVERY_S == 0 and COUNTDOWN_FROM < left < state.total
            if due and mark != self._left:
                self._left = mark
                out.append(f"{left} s left.")
        if state.breath != "natural" and state.rep is None and "breath" not in self.quiet:
            breath: tuple[object, ...] = (state.exercise_index, state.segment, state.breath)
            if breath != self._breath:
                self._breath = breath
                out.append("Breathe in." if state.breath == "inhale" else "Breathe out.")
        elif state.breath == "natural":
            self._breath = ()
        return out


def wait_for(state: State) -> float:
    """How long to sleep before anything to print or say can change."""
    if state.paused:
        return 1.0
    below = state.remaining - math.floor(state.remaining)
    return max(0.0, min(1.0, below if below > 1e-9 else 1.0, state.phase_remaining))


class Keys:
    """Single key presses from a terminal, without Enter; nothing from anything else."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = _is_terminal(stream)

    @contextmanager
    def raw(self) -> Iterator[None]:
        if not self.live or os.name == "nt":
            yield
            return
        import termios
        import tty

        fd = self.stream.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd)
            yield
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)

    def read(self, timeout: float) -> str | None:
        """A key pressed within ``timeout`` seconds, or None."""
        if not self.live:
            time.sleep(timeout)
            return None
        if os.name == "nt":  # pragma: no cover - Windows only
            import msvcrt

            end = time.monotonic() + timeout
            while time.monotonic() < end:
                if msvcrt.kbhit():  # type: ignore[attr-defined]
                    return str(msvcrt.getwch())  # type: ignore[attr-defined]
                time.sleep(0.02)
            return None
        import select

        ready, _, _ = select.select([self.stream], [], [], timeout)
        if not ready:
            return None
        data = os.read(self.stream.fileno(), 1)
        return data.decode("utf-8", "replace") if data else None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Ended(Exception):
    """SIGTERM or SIGHUP: end the session where it is, and save it."""


def ask(question: str, out: TextIO, read: Callable[[], str]) -> str:
    out.write(question + " ")
    out.flush()
    try:
        return read().strip()
    except EOFError:
        return ""


def ask_pain(when: str, out: TextIO, read: Callable[[], str]) -> int | None:
    """ "How is your back" as a plain question; Enter skips."""
    while True:
        question = f"How is your back {when}, 0 = no pain, 10 = worst pain imaginable? Enter skips:"
        answer = ask(question, out, read)
        if not answer:
            return None
        if answer.isdigit() and 0 <= int(answer) <= 10:
            return int(answer)
        out.write("A whole number from 0 to 10, please.\n")


class PlainRun:
    """One plain session: the first-run questions, pain before, the session, pain
    after, the log."""

    def __init__(
        self,
        profile: Profile,
        choice: Choice,
        clock: Clock,
        out: TextIO,
        keys: Keys,
        sinks: Sinks,
        read: Callable[[], str] = input,
    ) -> None:
        self.profile, self.choice, self.clock = profile, choice, clock
        self.out, self.keys, self.sinks, self.read = out, keys, sinks, read

    def say(self, *lines: str) -> None:
        """Each line as it is; at a terminal, wrapped to its width at word boundaries
        (never mid-word), a step's later lines under its words."""
        width = self.width
        for line in (part for text in lines for part in text.split("\n")):
            if width and len(line) > width:
                import textwrap

                indent = len(line) - len(line.lstrip())
                first = line.lstrip()
                hang = indent + (3 if first[:1].isdigit() else 2 if first[:2] == "• " else 0)
                line = textwrap.fill(
                    line, width, subsequent_indent=" " * hang, break_on_hyphens=False
                )
            self.out.write(line + "\n")
        self.out.flush()

    @property
    def width(self) -> int | None:
        """The terminal's width, when the lines go to one (else None: never wrapped)."""
        if not _is_terminal(self.out):
            return None
        import shutil

        return max(20, shutil.get_terminal_size().columns - 1)

    def run(self) -> int:
        from backtimer.store.recorder import Recorder

        profile, settings = self.profile, self.profile.settings
        talk = self.keys.live
        if not self._first_run(talk):
            return 0
        pain_before = ask_pain("now", self.out, self.read) if talk and settings.pain_check else None
        minutes = math.ceil(self._planned() / 60)
        self.say(f"{self.choice.name}: {len(self.choice.steps)} moves, about {minutes} min.")
        for note in self.choice.notes:
            self.say(f"Today: {note}")
        if talk:
            self.say(f"Keys: {KEYS}.")
        session = Session(
            self.choice.steps, self.clock.now(), self.clock.wall(), settings.session_config()
        )
        recorder = Recorder(profile, self.clock)
        recorder.begin(session, self.choice.key, pain_before)
        self._drive(session)
        pain_after = None
        if talk and settings.pain_check and not recorder.nothing_done():
            pain_after = ask_pain("after the session", self.out, self.read)
        entry = recorder.save(pain_after)
        if recorder.error:
            self.say(recorder.error)
            return 1
        if entry is None:
            self.say(recorder.note or "Nothing was logged.")
            return 0
        self._summary(entry)
        return 0

    def _planned(self) -> float:
        from backtimer.core.timeline import estimate_seconds

        return estimate_seconds(self.choice.steps, self.profile.settings.session_config())

    def _first_run(self, talk: bool) -> bool:
        """ "When to stop" before the first session; the first-run check at a terminal."""
        from backtimer.core import screening
        from backtimer.core.safety import safety_text

        profile = self.profile
        if not profile.safety_acknowledged:
            self.say(safety_text(), "")
            if talk:
                if ask("Press Enter to start, or q and Enter to stop:", self.out, self.read) == "q":
                    return False
                with suppress(OSError):
                    profile.remember(safety_acknowledged=True)
        if profile.state.screening is None and talk:
            self.say(screening.QUESTION, "")
            answer = ask(
                "Does any of it apply to you? y or n (Enter: not now):", self.out, self.read
            )
            if answer.lower().startswith(("y", "n")):
                yes = answer.lower().startswith("y")
                with suppress(OSError):
                    profile.remember(screening=screening.ASK_FIRST if yes else screening.CLEAR)
                if yes:
                    self.say(screening.HOME_NOTE)
                    self.choice = (
                        profile.refresh(self.choice, self.clock.wall().date()) or self.choice
                    )
        return True

    def _drive(self, session: Session) -> None:
        settings = self.profile.settings
        options = CueOptions(frozenset(settings.quiet_cues), settings.rep_every)
        lines, cuer = Lines(options), Cuer(options)

        def ended(signum: int, frame: Any) -> None:
            raise Ended

        handlers = {}
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                number = getattr(signal, name)
                handlers[number] = signal.signal(number, ended)
        try:
            with self.keys.raw():
                while True:
                    now = self.clock.now()
                    try:
                        events = session.tick(now)
                        state = session.state(now)
                        self.say(*lines.lines(events, state))
                        self._cue(cuer, now, events, state)
                        if state.finished:
                            break
                        key = self.keys.read(wait_for(state) + 0.005)
                        if key:
                            self._key(key, session)
                    except (Ended, KeyboardInterrupt):
                        session.end(self.clock.now())
                        now = self.clock.now()
                        events = session.tick(now)
                        self.say(*lines.lines(events, session.state(now)))
                        break
        finally:
            for number, handler in handlers.items():
                signal.signal(number, handler)
            self.sinks.stop()

    def _cue(self, cuer: Cuer, now: float, events: Sequence[Event], state: State) -> None:
        if any(e.kind == "paused" for e in events):
            self.sinks.stop()
        cue: Cue
        for cue in cuer.cues(now, events, state):
            self.sinks.play(cue)

    def _key(self, key: str, session: Session) -> None:
        now = self.clock.now()
        if key == " ":
            session.toggle_pause(now)
        elif key == "n":
            session.next(now)
        elif key == "q":
            session.end(now)
        elif key == "m":
            muted = self.sinks.toggle_mute()
            self.say("Muted." if muted else "Sound on.")
        elif key == "x":
            self._hurt(session, now)
        elif key == "u" and session.undo_hurt(now):
            self.say("Undone: that move was not stopped for pain. Space goes on.")

    def _hurt(self, session: Session, now: float) -> None:
        """ "This hurts": the move stops, the session pauses; what is left out with it,
        what to do now, and when to get help at once."""
        from datetime import timedelta

        from backtimer.core.avoid import PAIN_MEMORY_DAYS, short_date
        from backtimer.core.safety import SECTIONS

        name = session.state(now).step.exercise.name
        left = session.hurt(now)
        others = list(dict.fromkeys(s.exercise.name for s in left if s.exercise.name != name))
        until = short_date(self.clock.wall().date() + timedelta(days=PAIN_MEMORY_DAYS))
        named = " and ".join([", ".join(others[:-1]), others[-1]] if len(others) > 1 else others)
        group = f", with {named}, which bend the back the same way" if others else ""
        urgent = SECTIONS[0]
        self.say(
            f"Stopped: {name}. Paused. Left out until {until}{group}. Space goes on with the "
            "next move once the pain settles; q ends for today; u undoes a mistaken x.",
            f"{urgent.heading} {'; '.join(urgent.items)}.",
            "See a doctor if the pain stays severe, or spreads down a leg with numbness or "
            "weakness.",
        )

    def _summary(self, entry: Any) -> None:
        from backtimer.core import stats

        settings = self.profile.settings
        log = self.profile.log
        [week] = stats.weeks(
            log.sessions,
            self.clock.wall().date(),
            settings.weekly_goal,
            1,
            log.walks,
            settings.walks_count,
        )
        head = "Session complete." if entry.completed else "Session ended early."
        minutes = round(entry.active_s / 60)
        hurt = any(e.status == "stopped_for_pain" for e in entry.exercises)
        counted = ""
        if hurt:
            counted = " Stopping for pain was the right call."
        elif not stats.counts(entry):
            counted = " It does not count toward the goal (under 80 % done)."
        self.say(
            f"{head} {minutes} active min.{counted} "
            f"{week.sessions} of {settings.weekly_goal} this week. Saved."
        )
        if stats.pain_rose(entry):
            self.say(
                f"Your back felt worse after this session ({entry.pain_before} to "
                f"{entry.pain_after}). Do less next time: fewer moves, or an easy day. If it "
                "stays worse or spreads into a leg, see `backtimer safety`."
            )
        if hurt:
            self.say(
                "Something hurt today. If the pain is sharp, lasts, or spreads into a leg, see "
                "a professional (`backtimer safety` says when to stop)."
            )


def stdin_reader(stream: TextIO) -> Callable[[], str]:
    def read() -> str:
        line = stream.readline()
        if not line:
            raise EOFError
        return line

    return read


def run_plain(profile: Profile, choice: Choice, clock: Clock) -> int:
    """The plain session on this process's standard input and output."""
    from backtimer.output.choose import choose_sinks

    def ring() -> None:
        sys.stdout.write("\a")
        sys.stdout.flush()

    sinks = choose_sinks(profile.settings, profile.paths.cache_dir, ring)
    keys = Keys(sys.stdin)
    run = PlainRun(profile, choice, clock, sys.stdout, keys, sinks, stdin_reader(sys.stdin))
    return run.run()

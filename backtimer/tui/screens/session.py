"""The live session: renders the engine's state and forwards the person's keys.

No timing logic lives here: every figure on screen comes from ``Session.state(now)``.
Widgets are updated only when what they show changes, so a running hold redraws the
digits once a second and the breath bar a few times a second.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Footer, Static

from backtimer.clock import Clock
from backtimer.core.cues import Cuer
from backtimer.core.engine import Event, Session, State
from backtimer.output import Sinks
from backtimer.tui.figure_place import COMPACT_HEIGHT, COMPACT_WIDTH, figure_place
from backtimer.tui.keys import bindings, key_hint, relabel
from backtimer.tui.widgets.bigtext import BigText
from backtimer.tui.widgets.breath import STEPS_PER_SECOND as BREATH_STEPS_PER_SECOND
from backtimer.tui.widgets.breath import BreathCue
from backtimer.tui.widgets.countdown import Countdown, shown_seconds
from backtimer.tui.widgets.figure import FigureView
from backtimer.tui.widgets.line import Line
from backtimer.tui.widgets.notice import Notice
from backtimer.tui.widgets.plain import Column, Row
from backtimer.tui.widgets.steps import StepList
from backtimer.tui.widgets.track import TrackBar

if TYPE_CHECKING:
    from backtimer.core.exercise import Exercise
    from backtimer.core.figure import Figure, Pose

SEGMENT_WORDS = {"ready": "GET READY", "work": "", "switch": "SWITCH SIDES", "rest": "REST"}
WORK_WORDS = {"hold": "HOLD", "reps": "REPS", "timed": "KEEP GOING"}
#: The session progress bar moves in this many steps.
BAR_RESOLUTION = 100


def header_text(state: State, label: str | None = None) -> str:
    """``Exercise 2 / 6 · Bridge``; with a ``label`` (a desk break), that and the
    move's place in the whole set."""
    if label is not None:
        place = f"{state.exercise_index + 1} / {state.exercise_count}"
        return f"{label} {place}  ·  {state.step.exercise.name}"
    phase = "Warm-up" if state.phase == "warmup" else "Exercise"
    return f"{phase} {state.phase_index} / {state.phase_count}  ·  {state.step.exercise.name}"


def segment_text(state: State) -> str:
    """The word above the big number: what to do now (on a rep move, the tempo word);
    while paused, PAUSED, in the same large letters."""
    if state.paused and not state.finished:
        return "PAUSED"
    if state.segment == "work":
        if state.rep is not None:
            return (state.tempo_word or "reps").upper()
        return WORK_WORDS[state.step.exercise.mode]
    if state.segment == "rest" and state.rest_kind == "set":
        return "REST BETWEEN SETS"
    if state.segment == "switch" and state.step.exercise.sides != ("left", "right"):
        return "CHANGE DIRECTION"
    return SEGMENT_WORDS[state.segment]


def detail_text(state: State) -> str:
    """Rep, side and set: ``REP 4 / 10``, ``left side · set 2 / 3``; in a rest between
    sets, the set (and side) that comes next."""
    if state.segment == "rest" and state.rest_kind == "set":
        side = f"{state.step.exercise.sides[0]}, " if state.step.exercise.per_side else ""
        return f"next: {side}set {state.set_no + 1} / {state.sets}"
    parts = []
    exercise = state.step.exercise
    if state.segment == "ready" and exercise.per_side and not exercise.alternate:
        first = exercise.sides[0]
        parts.append(f"first: {first} side" if first in ("left", "right") else f"first: {first}")
    if state.segment == "work" and state.rep is not None:
        parts.append(f"REP {state.rep} / {state.reps}")
    if state.side:
        side = state.side
        label = f"{side} side" if side in ("left", "right") else side
        parts.append(f"now: {label}" if state.segment == "switch" else label)
    if state.sets > 1:
        parts.append(f"set {state.set_no} / {state.sets}")
    return "  ·  ".join(parts)


def _to_next_second(remaining: float) -> float:
    """Seconds until ``ceil(remaining)`` (what a countdown shows) changes."""
    below = remaining - math.floor(remaining)
    return below if below > 1e-9 else 1.0


def next_change(state: State) -> float:
    """How long the screen can sleep before anything it shows changes.

    The countdown, the time left and the session bar change on second boundaries, and
    the breath bar steps on the same clock (a breath starts with its segment); the
    tempo word turns at its own moments. So a running hold wakes once a second, and a
    new second is drawn within a few milliseconds of when it is due.
    """
    if state.paused:
        return SessionScreen.MAX_WAIT_S
    waits = [
        _to_next_second(state.remaining),
        _to_next_second(state.session_remaining),
        state.phase_remaining,
        SessionScreen.MAX_WAIT_S,
    ]
    if state.breath_span > 0:
        step = 1.0 / BREATH_STEPS_PER_SECOND
        into = state.breath_progress * state.breath_span
        waits.append((math.floor(into / step + 1e-9) + 1) * step - into)
    return max(0.0, min(waits))


def left_text(seconds: int) -> str:
    """The session's time left: whole minutes (rounded up) while a minute or more
    remains, then seconds. It then changes once a minute, so the one-second frame of a
    hold repaints the countdown alone, not a region reaching the bottom corner."""
    if seconds >= 60:
        return f"{math.ceil(seconds / 60)} min left"
    return f"{seconds} s left"


def next_text(state: State) -> str:
    if state.next_step is None:
        return "Up next: the end"
    return f"Up next: {state.next_step.exercise.name} ({state.next_step.describe()})"


class SessionScreen(Screen[None]):
    """Shows a running ``Session`` and forwards the keys; dismisses when it is over.

    Whatever covers this screen pauses the session (by mechanism: the screen's
    suspend). Coming back from a dialog resumes it if it was running; coming back
    from a full screen (the library, say, opened from the command palette) leaves it
    paused, so the person can get back into position first.
    """

    CSS_PATH = "session.tcss"
    BLANK = True  # nothing of its own to draw: see ``Row``

    BINDINGS = bindings("session")
    #: Longest sleep between two looks at the engine (it also notices a long gap).
    MAX_WAIT_S = 1.0
    #: Wake this long after a change is due, so the new value is already there.
    SLACK_S = 0.002
    _timer: Timer | None = None

    def __init__(
        self,
        session: Session,
        clock: Clock,
        sinks: Sinks | None = None,
        cuer: Cuer | None = None,
        label: str | None = None,
        figures: Mapping[str, Figure] | None = None,
    ) -> None:
        """``label``: what this is when it is not a session ("Desk break");
        ``figures``: the moves' figures (None: figures are off)."""
        super().__init__()
        self.label = label
        self.figures = figures
        self.clock = clock
        self.sinks = sinks or Sinks([])
        self.cuer = cuer or Cuer()
        self.session = session
        self.state: State | None = None
        self._shown: dict[str, object] = {}
        self._done = False
        self._resume_on_return = False
        self._setup = False
        self._placed = ""
        self._place_asked: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(id="phase")
        yield Static(id="position")
        with Row(id="main"):
            with Column(id="clock"):
                yield BigText(id="segment")
                yield Countdown(id="count")
                yield BigText(id="detail")
                yield BreathCue(id="breath")
                yield Line(id="floor-next")
            with Column(id="info"):
                yield StepList(id="steps")
                yield Static(id="care")
                yield Static(id="next")
            yield FigureView(id="figure")
        yield Static(f"PAUSED  ·  {key_hint(self.app, 'session.pause')} to resume", id="paused")
        yield Notice(id="notice")
        with Row(id="progress"):
            yield TrackBar(id="bar")
            yield Line(id="left")
        yield Footer(compact=True, show_command_palette=False)  # every key fits in 80

    def on_mount(self) -> None:
        self._count = self.query_one("#count", Countdown)
        self._breath = self.query_one("#breath", BreathCue)
        self._steps = self.query_one("#steps", StepList)
        self._bar = self.query_one("#bar", TrackBar)
        self._figure = self.query_one("#figure", FigureView)
        self._texts = {w.id: w for w in self.query(Static) if w.id}
        self._lines: dict[str, Line | BigText] = {w.id: w for w in self.query(Line) if w.id}
        self._lines.update({w.id: w for w in self.query(BigText) if w.id})
        if self.sinks.muted:  # muted in an earlier session: the footer says so
            relabel(self, "session.mute", "Unmute")
        self.refresh_state()

    def show_notice(self, message: str, severity: str = "information", timeout: float = 5) -> None:
        """A notice in its own line above the progress bar, where a toast would hide
        the header or the time left; it clears itself after ``timeout`` seconds."""
        self.query_one("#notice", Notice).show(message, severity, timeout)

    def on_screen_suspend(self) -> None:
        """Something covers the session: pause it, and remember whether to go on."""
        if self._done:
            return
        running = not self.session.paused and not self.session.finished
        self.session.pause(self.clock.now())
        self._resume_on_return = running and isinstance(self.app.screen, ModalScreen)
        self.refresh_state()

    def on_screen_resume(self) -> None:
        if self._done:
            return
        if self._resume_on_return:
            self._resume_on_return = False
            self.session.resume(self.clock.now())
        self.refresh_state()

    def on_resize(self, event: Resize) -> None:
        size = event.size
        self.set_class(size.width < COMPACT_WIDTH or size.height < COMPACT_HEIGHT, "-compact")
        self._place_figure()

    # ------------------------------------------------------------------ drawing

    def _set(self, key: str, value: object, apply: Callable[[], None]) -> None:
        if self._shown.get(key, ...) != value:
            self._shown[key] = value
            apply()

    def _text(self, widget_id: str, text: str) -> None:
        if widget_id in self._lines:
            self._lines[widget_id].text = text  # repaints itself only
        else:
            self._set(widget_id, text, lambda: self._texts[widget_id].update(text))

    def refresh_state(self) -> None:
        """Tick the engine and redraw what changed. Called by the interval timer.

        While another screen covers this one the session is paused (see
        ``on_screen_suspend``) and nothing is drawn or finished underneath it.
        """
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._done:
            return
        if not self.is_current:  # covered, and so paused: woken again on resume
            return
        now = self.clock.now()
        events = self.session.tick(now)
        state = self.session.state(now)
        self.state = state
        self._draw(state)
        self._cue(events, state)
        if state.finished:
            self._finish()
            return
        self._timer = self.set_timer(next_change(state) + self.SLACK_S, self.refresh_state)

    def _draw(self, state: State) -> None:
        exercise = state.step.exercise
        between = state.segment == "rest" and state.rest_kind == "exercise"
        coming = state.next_step if between else None
        if coming is not None:
            # resting before the next move: show it, so the person can get into position
            exercise = coming.exercise
            self._text("phase", f"Next: {exercise.name}")
            self._text("position", f"{exercise.position}  ·  {coming.describe()}")
        else:
            self._text("phase", header_text(state, self.label))
            self._text("position", f"{exercise.position}  ·  {state.step.describe()}")
        self._text("segment", segment_text(state))
        self._text("detail", detail_text(state))
        self._text("next", next_text(state))
        self._text("floor-next", next_text(state))
        self._text("care", f"Care: {exercise.care}" if exercise.care else "")
        if state.segment == "work" and state.rep is not None:
            self._count.show_number(state.rep)  # on a rep move the big number is the rep
        else:
            self._count.show(state.remaining)
        self._breath.show(state.breath, state.breath_progress, state.breath_span)
        steps = self._steps
        self._set("steps", exercise.id, lambda: setattr(steps, "steps", tuple(exercise.steps)))
        steps.current = 0 if coming is not None else state.instruction
        self._set("kind", (state.segment, state.paused), lambda: self._classes_for(state))
        self._draw_figure(state, exercise, coming is not None)
        self._text("left", left_text(shown_seconds(state.session_remaining)))
        # the bar is ~60 cells wide: redraw it only when a cell's worth has passed
        done = state.session_total - state.session_remaining
        step = round(BAR_RESOLUTION * done / state.session_total) if state.session_total else 0
        self._bar.done = step / BAR_RESOLUTION  # repaints itself, in the same frame

    def _draw_figure(self, state: State, exercise: Exercise, coming: bool) -> None:
        """The move's figure: the start pose while getting ready (or resting before
        the move), then the pose of the rep's phase, the held pose, or a timed move's
        poses in turn; the other limbs at work on a per-side move's second side.
        Redrawn only when the pose changes."""
        figure = self.figures.get(exercise.id) if self.figures else None
        pose: Pose | None = None
        mirror = False
        among: tuple[Pose, ...] = ()
        if figure is not None:
            from backtimer.core.figure import shown_pose

            working = state.segment == "work" and not coming
            sides = exercise.sides
            pose, mirror = shown_pose(
                figure,
                working=working,
                tempo_phase=state.tempo_phase,
                words=exercise.tempo.words if exercise.tempo else None,
                timed=exercise.mode == "timed",
                second=shown_seconds(state.remaining),
                other_side=not coming and sides == ("left", "right") and state.side == sides[1],
            )
            among = tuple(p for _, p in figure.poses)
        self._figure.show(pose, mirror, among)
        self._place_figure()

    def _place_figure(self) -> None:
        """Where the figure goes now (one class, or none): beside the steps on a wide
        screen, in their place while getting into position on a narrower one, beside
        the number in floor mode's third step; nowhere on a small screen, without a
        figure for the move, in floor mode's second step, or where the room it would
        have is too small to read it (it is left out rather than squeezed)."""
        width, height = self.size
        pose = self._figure.pose
        floor = (self.has_class("-floor"), self.has_class("-floor-figure"))
        asked = (id(pose), width, height, self._setup, floor)
        if asked == self._place_asked:  # nothing it depends on changed: every tick asks
            return
        self._place_asked = asked
        place = figure_place(
            pose,
            self._figure.among,
            (width, height),
            floor=self.has_class("-floor"),
            floor_figure=self.has_class("-floor-figure"),
            setup=self._setup,
        )
        if place != self._placed:
            self._placed = place
            for kind in ("beside", "instead", "floor"):
                self.set_class(place == kind, f"-fig-{kind}")

    def _classes_for(self, state: State) -> None:
        for kind in ("ready", "work", "switch", "rest"):
            self.set_class(state.segment == kind, f"-{kind}")
        # getting into position: the figure may take the steps' place
        setup = state.segment == "ready" or (
            state.segment == "rest" and state.rest_kind == "exercise"
        )
        self._setup = setup
        self.set_class(state.paused, "-paused")
        relabel(self, "session.pause", "Resume" if state.paused else "Pause")

    def _cue(self, events: list[Event], state: State) -> None:
        if any(e.kind == "paused" for e in events):
            self.sinks.stop()
        for cue in self.cuer.cues(self.clock.now(), events, state):
            self.sinks.play(cue)

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        self.dismiss(None)

    # ------------------------------------------------------------------ keys

    def _act(self, action: Callable[[float], object]) -> None:
        if self._done:
            return
        action(self.clock.now())
        self.refresh_state()

    def action_pause(self) -> None:
        self._act(self.session.toggle_pause)

    def action_next(self) -> None:
        self._act(self.session.next)

    def action_back(self) -> None:
        self._act(self.session.back)

    def action_extend(self) -> None:
        if not self.session.extend(self.clock.now()):
            self.notify("Only a hold, a timed move or a rest can be extended.", timeout=2)
        self.refresh_state()

    def action_hurt(self) -> None:
        if self._done:
            return
        now = self.clock.now()
        i = self.session.state(now).exercise_index
        stopped = self.session.steps[i].exercise.name
        left = self.session.hurt(now)  # stops the exercise and pauses

        def after(answer: bool | str | None) -> None:
            if answer == "undo":
                self.session.undo_hurt(self.clock.now())
                self.notify(f"Undone: {stopped} was not stopped for pain.", timeout=3)
                self.refresh_state()
                return
            if answer is None:  # escape: back to the session, paused
                self.refresh_state()
                return
            self._act(self.session.resume if answer else self.session.end)

        from datetime import timedelta

        from backtimer.core.avoid import PAIN_MEMORY_DAYS, short_date
        from backtimer.tui.dialogs.safety import SafetyScreen

        until = short_date(self.clock.wall().date() + timedelta(days=PAIN_MEMORY_DAYS))
        names = list(dict.fromkeys(s.exercise.name for s in left))
        self.app.push_screen(
            SafetyScreen(pain=True, stopped=stopped, left=names, until=until), after
        )

    def action_end(self) -> None:
        if self._done:
            return
        from backtimer.tui.dialogs.confirm import ConfirmScreen

        what = (self.label or "session").lower()
        question = ConfirmScreen(
            f"End this {what} now?\nWhat you have done so far is saved.",
            yes="End",
            no="Keep going",
        )

        def answered(end: bool | None) -> None:
            if end:
                self._resume_on_return = False
                self._act(self.session.end)

        self.app.push_screen(question, answered)

    def action_mute(self) -> None:
        muted = self.sinks.toggle_mute()
        self.cuer.silence()
        relabel(self, "session.mute", "Unmute" if muted else "Mute")
        self.notify("Sound off: m to turn it on." if muted else "Sound on.", timeout=2)

    def action_floor(self) -> None:
        """Floor mode in steps: the cue and the number; with figures on, then the cue,
        the number and the figure; then back."""
        if not self.has_class("-floor"):
            self.add_class("-floor")
        elif self.figures and not self.has_class("-floor-figure"):
            self.add_class("-floor-figure")
        else:
            self.remove_class("-floor", "-floor-figure")
        self._place_figure()
        if self.has_class("-floor-figure") and not self._placed:
            why = "this move has none" if self._figure.pose is None else "no room for it here"
            self.notify(f"Floor mode with the figure: {why}.", timeout=3)

    def action_help(self) -> None:
        from backtimer.tui.dialogs.help import HelpScreen

        self.app.push_screen(HelpScreen())

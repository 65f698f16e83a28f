"""What to say and which sound to play, from the engine's events and state.

Pure: no Textual, no clock, no idea how a cue is output. ``Cuer`` keeps just enough
memory (what it said last, and until when the voice is busy) never to talk over
itself: a cue that would overlap a longer one waits its turn only if it matters more,
otherwise it is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from backtimer.core.engine import Event, State
from backtimer.core.vocab import CueKind
from backtimer.core.words import spoken

Sound = Literal["go", "tick", "switch", "end"]
#: The kinds a person can switch off in settings (``quiet_cues``).
KINDS: tuple[str, ...] = get_args(CueKind)
PRIORITY: dict[str, int] = {
    "done": 9,
    "paused": 9,
    "resumed": 8,
    "switch": 8,
    "countdown": 7,
    "announce": 6,
    "go": 6,
    "tempo": 5,
    "rest": 5,
    "halfway": 4,
    "rep": 3,
    "breath": 2,
}
#: Roughly how long a spoken word takes, for the overlap rule (about 170 words a minute).
WORD_S = 0.35


@dataclass(frozen=True)
class Cue:
    kind: CueKind
    at: float
    text: str | None = None
    sound: Sound | None = None

    @property
    def priority(self) -> int:
        return PRIORITY[self.kind]

    @property
    def seconds(self) -> float:
        """How long saying it takes, roughly."""
        return 0.0 if not self.text else 0.2 + WORD_S * len(self.text.split())


@dataclass(frozen=True)
class CueOptions:
    quiet: frozenset[str] = frozenset()
    #: Say the rep number every this many reps (0: never).
    rep_every: int = 1
    #: What to say when the session ends (the app adds the week's count).
    closing: str = ""


def dose_words(state: State) -> str:
    """``Ten reps``, ``Hold thirty seconds``, ``Forty-five seconds``: a dose aloud."""
    dose = state.step.dose
    if dose.mode == "reps":
        text = f"{spoken(dose.reps or 0).capitalize()} reps"
    elif dose.mode == "timed":
        text = f"{spoken(int(dose.time_s or 0)).capitalize()} seconds"
    else:
        text = f"Hold {spoken(int(dose.hold_s or 0))} seconds"
    if dose.sets > 1:
        text += f", {spoken(dose.sets)} sets"
    if state.step.exercise.per_side:
        text += ", each side" if state.step.exercise.sides == ("left", "right") else ""
    return text


def side_words(state: State) -> str:
    side = state.side or ""
    if side in ("left", "right"):
        return f"Switch sides: now your {side}."
    return f"Change direction: now {side}." if side else "Change sides."


class Cuer:
    """Events and states in, cues out; keeps the voice from talking over itself."""

    def __init__(self, options: CueOptions | None = None) -> None:
        self.options = options or CueOptions()
        self._busy_until = float("-inf")
        self._busy_priority = 0
        self._said: tuple[object, ...] = ()
        self._breath: tuple[object, ...] = ()  # what was said last, to say each once

    def cues(self, now: float, events: Sequence[Event], state: State) -> list[Cue]:
        wanted = list(self._from_events(now, events, state))
        if not state.paused and not state.finished:
            wanted += self._from_state(now, state)
        return [c for c in wanted if self._admit(c, now)]

    def _admit(self, cue: Cue, now: float) -> bool:
        if cue.kind in self.options.quiet:
            return False
        if cue.text is None:
            return True  # a sound alone never blocks the voice
        if now < self._busy_until and cue.priority <= self._busy_priority:
            return False  # would talk over something as or more important
        self._busy_until = now + cue.seconds
        self._busy_priority = cue.priority
        return True

    def silence(self) -> None:
        """The voice was stopped (pause, mute): nothing is being said any more."""
        self._busy_until = float("-inf")

    def _from_events(self, now: float, events: Iterable[Event], state: State) -> Iterable[Cue]:
        for event in events:
            kind = event.kind
            if kind == "segment_start":
                if state.segment == "ready":
                    name = state.step.exercise.name
                    yield Cue("announce", now, f"{name}. {dose_words(state)}.")
                elif state.segment == "work":
                    yield Cue("go", now, None if state.rep else "Go.", "go")
                elif state.segment == "rest":
                    if state.rest_kind == "set":
                        yield Cue("rest", now, f"Rest. Then set {spoken(state.set_no + 1)}.")
                    elif state.next_step is not None:
                        yield Cue("rest", now, f"Rest. Next: {state.next_step.exercise.name}.")
            elif kind == "switch_sides":
                yield Cue("switch", now, side_words(state), "switch")
            elif kind == "halfway":
                yield Cue("halfway", now, "Halfway.")
            elif kind == "countdown" and event.value is not None:
                yield Cue("countdown", now, f"{spoken(event.value)}.", "tick")
            elif kind == "paused":
                self.silence()
                yield Cue("paused", now, "Paused.")
            elif kind == "resumed":
                yield Cue("resumed", now, "Go on.")
            elif kind == "session_done":
                if event.value:  # ran to its end
                    closing = f" {self.options.closing}" if self.options.closing else ""
                    yield Cue("done", now, f"Done. Well done.{closing}", "end")
                else:
                    yield Cue("done", now, "Session ended.", "end")

    def _from_state(self, now: float, state: State) -> Iterable[Cue]:
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
                every = self.options.rep_every
                if state.tempo_phase == "into" and every and state.rep % every == 0:
                    yield Cue("rep", now, f"{spoken(state.rep)}.")
                if state.tempo_word:
                    yield Cue("tempo", now, f"{state.tempo_word}.")
        if state.breath != "natural" and state.rep is None:
            breath: tuple[object, ...] = (state.exercise_index, state.segment, state.breath)
            if breath != self._breath:
                self._breath = breath
                word = "Breathe in." if state.breath == "inhale" else "Breathe out."
                yield Cue("breath", now, word)
        elif state.breath == "natural":
            self._breath = ()

"""Where in a rep or a breath a moment falls: pure functions of the step and the time.

The engine asks these for every state it reports; nothing here keeps state.
"""

from __future__ import annotations

from dataclasses import dataclass

from backtimer.core.routine import Step
from backtimer.core.vocab import BreathWord, TempoPhase


@dataclass(frozen=True, slots=True)
class RepMoment:
    """A moment inside a set of paced reps."""

    rep: int  # 1-based
    reps: int  # in this work segment (both sides, for alternating moves)
    phase: TempoPhase
    #: Seconds into the phase, and the phase's length.
    into: float
    span: float
    #: For alternating moves, which side this rep works (index into ``sides``).
    side: int | None

    @property
    def turn_in(self) -> float:
        """Seconds until the phase turns."""
        return self.span - self.into


def rep_moment(step: Step, elapsed: float) -> RepMoment | None:
    """The rep and tempo phase ``elapsed`` seconds into a work segment of ``step``;
    None for a move without paced reps."""
    exercise = step.exercise
    tempo = exercise.tempo
    if exercise.mode != "reps" or tempo is None:
        return None
    per_rep = step.rep_seconds
    reps = (step.reps or 0) * (2 if exercise.alternate else 1)
    k = min(int(elapsed // per_rep), reps - 1)
    t = elapsed - k * per_rep
    into, hold = tempo.into_s, step.hold_s or 0.0
    phase: TempoPhase
    if t < into:
        phase, start, span = "into", 0.0, into
    elif t < into + hold:
        phase, start, span = "hold", into, hold
    else:
        phase, start, span = "return", into + hold, tempo.return_s
    side = k % 2 if exercise.alternate else None
    return RepMoment(k + 1, reps, phase, t - start, span, side)


@dataclass(frozen=True, slots=True)
class Breath:
    """The breath to take now, how far through it (0-1), and its length in seconds."""

    word: BreathWord
    progress: float
    span: float

    @property
    def turn_in(self) -> float:
        return self.span * (1 - self.progress) if self.span else float("inf")


NATURAL = Breath("natural", 0.0, 0.0)


def paced_breath(elapsed: float, inhale_s: float, exhale_s: float) -> Breath:
    """The calm breath ``elapsed`` seconds into a hold or rest: in, then out, repeated."""
    t = elapsed % (inhale_s + exhale_s)
    if t < inhale_s:
        return Breath("inhale", t / inhale_s, inhale_s)
    return Breath("exhale", (t - inhale_s) / exhale_s, exhale_s)


def rep_breath(step: Step, moment: RepMoment) -> Breath:
    """The breath the catalogue pairs with this phase of a rep (exhale on effort)."""
    cues = step.exercise.breath
    if cues is None:
        return NATURAL
    word = cues.word(moment.phase)
    if word == "natural":
        return NATURAL
    progress = min(1.0, moment.into / moment.span) if moment.span > 0 else 1.0
    return Breath(word, progress, moment.span)

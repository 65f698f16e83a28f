"""An exercise as the catalogue declares it, and the rules an exercise must follow.

``Exercise`` is the one declaration: the catalogue file's ``[[exercise]]`` tables have
exactly its fields, and ``backtimer.store.models`` validates them against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from backtimer.core.dose import Dose, Limits
from backtimer.core.vocab import (
    FILE_CONFIG,
    FLOOR_POSITIONS,
    BreathWord,
    Count,
    Direction,
    Id,
    Kind,
    Level,
    Mode,
    Position,
    Seconds,
    SetCount,
    StepNumber,
    TempoPhase,
    TempoSeconds,
    Text,
    TimedSeconds,
    is_id,
)


@dataclass(frozen=True, slots=True)
class Tempo:
    """Seconds to move into the position and to come back; the hold is ``hold_s``."""

    __pydantic_config__ = FILE_CONFIG

    into_s: TempoSeconds
    return_s: TempoSeconds
    words: tuple[str, str, str] = ("move", "hold", "return")

    def word(self, phase: TempoPhase) -> str:
        return self.words[("into", "hold", "return").index(phase)]


@dataclass(frozen=True, slots=True)
class BreathCues:
    """Which breath goes with each tempo phase (exhale on effort)."""

    __pydantic_config__ = FILE_CONFIG

    into: BreathWord
    return_: BreathWord
    hold: BreathWord = "natural"

    def word(self, phase: TempoPhase) -> BreathWord:
        return {"into": self.into, "hold": self.hold, "return": self.return_}[phase]


@dataclass(frozen=True, slots=True)
class PhaseSteps:
    """Which written step (numbered from 1, as people read them) goes with each tempo
    phase, so the screen highlights the right instruction as a rep moves."""

    __pydantic_config__ = FILE_CONFIG

    into: StepNumber
    hold: StepNumber
    return_: StepNumber

    def step(self, phase: TempoPhase) -> int:
        return {"into": self.into, "hold": self.hold, "return": self.return_}[phase]


@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise. The dose keys are flat, as the catalogue file writes them."""

    __pydantic_config__ = FILE_CONFIG

    id: Id
    name: Text
    kind: Kind
    position: Position
    #: Which ways it bends or loads the spine (cat-cow: flexion and extension).
    direction: tuple[Direction, ...]
    why: Text
    targets: tuple[Text, ...]
    steps: tuple[Text, ...]
    aliases: tuple[Text, ...] = ()
    level: Level = 1
    #: False: the planner never picks it; it runs only in a routine a person builds.
    in_plans: bool = True
    hold_s: Seconds | None = None
    reps: Count | None = None
    sets: SetCount = 1
    per_side: bool = False
    sides: tuple[Text, Text] = ("left", "right")
    alternate: bool = False
    time_s: TimedSeconds | None = None
    tempo: Tempo | None = None
    breath: BreathCues | None = None
    phase_steps: PhaseSteps | None = None
    breath_note: Text | None = None
    care: Text | None = None
    hold_range: tuple[Seconds, Seconds] | None = None
    reps_range: tuple[Count, Count] | None = None
    sets_range: tuple[SetCount, SetCount] | None = None
    time_range: tuple[TimedSeconds, TimedSeconds] | None = None

    @property
    def dose(self) -> Dose:
        """The catalogue's default dose."""
        return Dose(self.hold_s, self.reps, self.sets, self.time_s)

    @property
    def limits(self) -> Limits:
        return Limits(self.hold_range, self.reps_range, self.sets_range, self.time_range)

    @property
    def mode(self) -> Mode:
        return self.dose.mode

    @property
    def floor(self) -> bool:
        return self.position in FLOOR_POSITIONS

    def rep_seconds(self, hold_s: float | None) -> float:
        """One rep at this tempo with a pause of ``hold_s`` at the top."""
        if self.tempo is None:
            return 0.0
        return self.tempo.into_s + (hold_s or 0.0) + self.tempo.return_s

    def instruction(self, phase: TempoPhase | None) -> int:
        """The step (0-based) to highlight while working, in ``phase`` of a rep."""
        if phase is not None and self.phase_steps is not None:
            return min(self.phase_steps.step(phase), len(self.steps)) - 1
        return len(self.steps) - 1

    def describe(self, dose: Dose) -> str:
        """A dose of this move in words: ``hold 20 s, 2 sets, each side``."""
        text = dose.describe()
        if self.per_side:
            a, b = self.sides
            text += ", each side" if (a, b) == ("left", "right") else f", {a} and {b}"
        return text


def _range_problem(name: str, value: float | None, bounds: tuple[float, float] | None) -> str:
    if bounds is None:
        return ""
    lo, hi = bounds
    if lo > hi:
        return f"{name}_range [{lo:g}, {hi:g}] runs backwards"
    if value is not None and not lo <= value <= hi:
        return f"{name} = {value:g} lies outside {name}_range [{lo:g}, {hi:g}]"
    return ""


def exercise_problem(e: Exercise) -> tuple[str, str] | None:
    """The first rule ``e`` breaks, as (key, problem), or None. The rules that span
    several keys; each key's own constraints are in its annotation."""
    if not is_id(e.id):
        return "id", "ids are lower-case letters, digits and dashes"
    if not e.direction or len(set(e.direction)) != len(e.direction):
        return "direction", "name each direction once, at least one"
    if "neutral" in e.direction and len(e.direction) > 1:
        return "direction", "neutral goes alone"
    if not e.targets:
        return "targets", "name at least one target"
    if not 1 <= len(e.steps) <= 8:
        return "steps", "give 1 to 8 steps"
    if e.reps is not None:
        if e.time_s is not None:
            return "reps", "give either reps or time_s, not both"
        if e.tempo is None:
            return "reps", "a move with reps needs a tempo (into_s, return_s)"
        if e.rep_seconds(e.hold_s) <= 0:
            return "tempo", "a rep must take some time: tempo and hold_s are all 0"
        if e.phase_steps is None:
            return "phase_steps", "a move with reps needs phase_steps (into, hold, return)"
    elif e.time_s is not None:
        if e.hold_s is not None:
            return "time_s", "give either hold_s or time_s, not both"
    elif not e.hold_s:
        return "hold_s", "needs a dosage: hold_s, reps (with tempo) or time_s"
    if e.breath is not None and e.reps is None:
        return "breath", "breath cues follow the tempo, so they need reps"
    if e.phase_steps is not None:
        if e.reps is None:
            return "phase_steps", "phase_steps follow the tempo, so they need reps"
        for phase in ("into", "hold", "return"):
            number = e.phase_steps.step(phase)  # type: ignore[arg-type]
            if number > len(e.steps):
                return "phase_steps", f"{phase} = {number}, but there are {len(e.steps)} steps"
    if e.alternate and not (e.per_side and e.reps is not None):
        return "alternate", "alternate needs per_side = true and reps"
    for key, value, bounds in (
        ("hold_s", e.hold_s, e.hold_range),
        ("reps", e.reps, e.reps_range),
        ("sets", e.sets, e.sets_range),
        ("time_s", e.time_s, e.time_range),
    ):
        problem = _range_problem(key, value, bounds)
        if problem:
            return f"{key.removesuffix('_s')}_range" if "runs" in problem else key, problem
    return None

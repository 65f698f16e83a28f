"""Expanding a routine into the timeline of segments a session runs through.

Pure and Textual-free. ``estimate_seconds`` is the sum of the timeline, so a plan's
estimate and a session's real length cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from backtimer.core.routine import Step
from backtimer.core.settings import SessionConfig
from backtimer.core.vocab import RestKind, SegmentKind

__all__ = ["Segment", "SessionConfig", "build_timeline", "estimate_seconds", "step_seconds"]


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    duration: float
    exercise: int
    set_no: int = 1
    #: Index into the exercise's ``sides`` for per-side work that is not alternating.
    side: int | None = None
    rest_kind: RestKind | None = None


def work_seconds(step: Step) -> float:
    """Length of one work segment (one side of one set) of ``step``."""
    exercise = step.exercise
    if exercise.mode == "reps":
        reps = (step.reps or 0) * (2 if exercise.alternate else 1)
        return reps * step.rep_seconds
    if exercise.mode == "timed":
        return float(step.time_s or 0)
    return float(step.hold_s or 0)


def build_timeline(steps: Sequence[Step], config: SessionConfig) -> list[Segment]:
    """Expand ``steps`` into segments.

    Per exercise: get ready; then for each set, the work (each side in turn with a
    switch between, or one alternating block), a rest between sets; after the
    exercise a rest before the next one (not between warm-ups, which flow).
    """
    timeline: list[Segment] = []
    for i, step in enumerate(steps):
        exercise = step.exercise
        if config.get_ready_s > 0:
            timeline.append(Segment("ready", config.get_ready_s, i))
        work = work_seconds(step)
        sides: list[int | None] = [0, 1] if exercise.per_side and not exercise.alternate else [None]
        for set_no in range(1, step.sets + 1):
            for n, side in enumerate(sides):
                if n > 0 and config.switch_s > 0:
                    timeline.append(Segment("switch", config.switch_s, i, set_no, side))
                timeline.append(Segment("work", work, i, set_no, side))
            if set_no < step.sets and config.rest_between_sets_s > 0:
                timeline.append(
                    Segment("rest", config.rest_between_sets_s, i, set_no, rest_kind="set")
                )
        following = steps[i + 1] if i + 1 < len(steps) else None
        if (
            following is not None
            and not (step.phase == "warmup" and following.phase == "warmup")
            and config.rest_between_exercises_s > 0
        ):
            timeline.append(
                Segment("rest", config.rest_between_exercises_s, i, step.sets, rest_kind="exercise")
            )
    return timeline


def estimate_seconds(steps: Sequence[Step], config: SessionConfig | None = None) -> float:
    """The session's length with no pauses."""
    return sum(s.duration for s in build_timeline(steps, config or SessionConfig()))


def step_seconds(steps: Sequence[Step], config: SessionConfig) -> list[float]:
    """Each step's share of the session: its get ready, work, switches and rests."""
    shares = [0.0] * len(steps)
    for segment in build_timeline(steps, config):
        shares[segment.exercise] += segment.duration
    return shares

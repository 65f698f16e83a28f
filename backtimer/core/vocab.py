"""Every word list backtimer uses, declared once, and the constraints on file values.

The constraints are ``annotated_types`` markers: plain metadata that costs nothing to
import. ``backtimer.store.models`` hands the annotated dataclasses to pydantic, which
enforces them, only when a file is new or changed.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from annotated_types import Ge, Gt, Interval, Le, Len

Kind = Literal["warmup", "stretch", "strength", "mobility"]
Position = Literal[
    "standing", "seated", "supine", "prone", "all-fours", "kneeling", "wall", "chair"
]
BreathWord = Literal["inhale", "exhale", "natural"]
Phase = Literal["warmup", "main"]
#: Which way a move bends or loads the spine.
Direction = Literal["flexion", "extension", "rotation", "side-bend", "neutral"]
Status = Literal["done", "skipped", "partial", "stopped_for_pain"]
TempoPhase = Literal["into", "hold", "return"]
Mode = Literal["reps", "hold", "timed"]
SegmentKind = Literal["ready", "work", "switch", "rest"]
RestKind = Literal["set", "exercise"]

KINDS: tuple[str, ...] = get_args(Kind)
POSITIONS: tuple[str, ...] = get_args(Position)
TEMPO_PHASES: tuple[str, ...] = get_args(TempoPhase)
DIRECTIONS: tuple[str, ...] = get_args(Direction)

#: Positions that need the floor; a standing-only (desk) plan leaves them out.
FLOOR_POSITIONS: frozenset[str] = frozenset({"seated", "supine", "prone", "all-fours", "kneeling"})

# ------------------------------------------------------------------ value constraints

Seconds = Annotated[float, Interval(ge=0, le=600)]
TimedSeconds = Annotated[float, Interval(gt=0, le=1800)]
TempoSeconds = Annotated[float, Interval(ge=0, le=30)]
Count = Annotated[int, Interval(ge=1, le=100)]
SetCount = Annotated[int, Interval(ge=1, le=10)]
Level = Annotated[int, Interval(ge=1, le=3)]
Text = Annotated[str, Len(1, 200)]
Id = Annotated[str, Len(1, 40)]
Pain = Annotated[int, Interval(ge=0, le=10)]
NonNegative = Annotated[float, Ge(0)]
StepNumber = Annotated[int, Interval(ge=1, le=8)]

__all__ = ["Ge", "Gt", "Interval", "Le", "Len"]

#: Shared by every file model: unknown keys are errors, ``return_`` is spelled
#: ``return`` in a file, and no file may hold inf or nan. A plain dict, so that
#: declaring it imports nothing (it is pydantic's ``ConfigDict``).
FILE_CONFIG = {
    "extra": "forbid",
    "alias_generator": lambda name: name.rstrip("_"),
    "allow_inf_nan": False,
}


_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def is_id(text: str) -> bool:
    """Lower-case letters, digits and dashes, starting with a letter or digit."""
    return _ID.fullmatch(text) is not None

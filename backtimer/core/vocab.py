"""Every word list backtimer uses, declared once, and the constraints on file values.

The constraints are plain markers (``Interval``, ``Ge``, ``Gt``, ``Le``, ``Len``) that
cost nothing to import. ``backtimer.store.models`` hands the annotated dataclasses to
pydantic only when a file is new or changed; each marker then turns itself into the
``annotated_types`` constraint of the same name, which pydantic enforces.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args


class Constraint:
    """A bound on a file value, as plain data. ``annotated_types`` (and its dozen
    dataclasses, about 10 ms a start) is imported only when pydantic asks."""

    __slots__ = ("kind", "args", "bounds")

    def __init__(self, kind: str, *args: Any, **bounds: Any) -> None:
        self.kind, self.args, self.bounds = kind, args, bounds

    def _key(self) -> tuple[Any, ...]:
        return (self.kind, self.args, tuple(sorted(self.bounds.items())))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Constraint) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        parts = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.bounds.items()]
        return f"{self.kind}({', '.join(parts)})"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        import annotated_types

        marker = getattr(annotated_types, self.kind)(*self.args, **self.bounds)
        return handler.generate_schema(Annotated[source, marker])


def Interval(**bounds: float) -> Constraint:  # named as in annotated_types
    return Constraint("Interval", **bounds)


def Ge(bound: float) -> Constraint:
    return Constraint("Ge", bound)


def Gt(bound: float) -> Constraint:
    return Constraint("Gt", bound)


def Le(bound: float) -> Constraint:
    return Constraint("Le", bound)


def Len(min_length: int = 0, max_length: int | None = None) -> Constraint:
    return Constraint("Len", min_length, max_length)


Kind = Literal["warmup", "stretch", "strength", "mobility"]
Position = Literal[
    "standing", "seated", "supine", "prone", "all-fours", "kneeling", "wall", "chair"
]
BreathWord = Literal["inhale", "exhale", "natural"]
Phase = Literal["warmup", "main"]
#: Which way a move bends or loads the spine.
#: Which way a move bends or loads the spine; "neck" is the neck alone (a neck sway
#: that hurt says nothing about the low back).
Direction = Literal["flexion", "extension", "rotation", "side-bend", "neck", "neutral"]
Status = Literal["done", "skipped", "partial", "stopped_for_pain"]
#: What a correction to the log does to the session it names.
AmendAction = Literal["delete", "pain", "note", "not_hurt"]
TempoPhase = Literal["into", "hold", "return"]
Mode = Literal["reps", "hold", "timed"]
SegmentKind = Literal["ready", "work", "switch", "rest"]
#: The kinds of cue a person can keep quiet (``quiet_cues`` in settings).
CueKind = Literal[
    "announce",
    "go",
    "tempo",
    "rep",
    "halfway",
    "countdown",
    "switch",
    "rest",
    "breath",
    "paused",
    "resumed",
    "done",
]
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

"""The exercise catalogue: pydantic models of exercises.toml and loading it.

Plain Python: no Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backtimer.errors import DataError
from backtimer.tomlfile import line_of, read_toml, validate

Kind = Literal["warmup", "stretch", "strength", "mobility"]
Position = Literal[
    "standing", "seated", "supine", "prone", "all-fours", "kneeling", "wall", "chair"
]
BreathWord = Literal["inhale", "exhale", "natural"]
Phase = Literal["warmup", "main"]

#: Positions that need the floor; a standing-only (desk) plan leaves them out.
FLOOR_POSITIONS: frozenset[str] = frozenset({"seated", "supine", "prone", "all-fours", "kneeling"})

Seconds = Annotated[float, Field(ge=0, le=600)]
Count = Annotated[int, Field(ge=1, le=100)]
Text = Annotated[str, Field(min_length=1, max_length=200)]
SetCount = Annotated[int, Field(ge=1, le=10)]
TimedSeconds = Annotated[float, Field(gt=0, le=1800)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Tempo(Strict):
    """Seconds to move into the position and to come back; the hold is ``hold_s``."""

    into_s: Annotated[float, Field(ge=0, le=30)]
    return_s: Annotated[float, Field(ge=0, le=30)]
    words: tuple[str, str, str] = ("move", "hold", "return")


class BreathCues(Strict):
    into: BreathWord
    hold: BreathWord = "natural"
    return_: BreathWord = Field(alias="return")


def _check_range(name: str, value: float | None, bounds: tuple[float, float] | None) -> None:
    if bounds is None:
        return
    lo, hi = bounds
    if lo > hi:
        raise ValueError(f"{name}_range [{lo:g}, {hi:g}] runs backwards")
    if value is not None and not lo <= value <= hi:
        raise ValueError(f"{name} = {value:g} lies outside {name}_range [{lo:g}, {hi:g}]")


class Exercise(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]
    name: Text
    aliases: list[Text] = []
    kind: Kind
    position: Position
    level: Annotated[int, Field(ge=1, le=3)] = 1
    why: Text
    targets: Annotated[list[Text], Field(min_length=1)]
    steps: Annotated[list[Text], Field(min_length=1, max_length=8)]
    hold_s: Seconds | None = None
    reps: Count | None = None
    sets: SetCount = 1
    per_side: bool = False
    sides: tuple[Text, Text] = ("left", "right")
    alternate: bool = False
    time_s: TimedSeconds | None = None
    tempo: Tempo | None = None
    breath: BreathCues | None = None
    breath_note: Text | None = None
    care: Text | None = None
    hold_range: tuple[Seconds, Seconds] | None = None
    reps_range: tuple[Count, Count] | None = None
    sets_range: tuple[SetCount, SetCount] | None = None
    time_range: tuple[TimedSeconds, TimedSeconds] | None = None

    @model_validator(mode="after")
    def _one_kind_of_dose(self) -> Exercise:
        if self.reps is not None:
            if self.time_s is not None:
                raise ValueError("give either reps or time_s, not both")
            if self.tempo is None:
                raise ValueError("a move with reps needs a tempo (into_s, return_s)")
            if self.rep_seconds <= 0:
                raise ValueError("a rep must take some time: tempo and hold_s are all 0")
        elif self.time_s is not None:
            if self.hold_s is not None:
                raise ValueError("give either hold_s or time_s, not both")
        elif not self.hold_s:
            raise ValueError("needs a dosage: hold_s, reps (with tempo) or time_s")
        if self.breath is not None and self.reps is None:
            raise ValueError("breath cues follow the tempo, so they need reps")
        if self.alternate and not (self.per_side and self.reps is not None):
            raise ValueError("alternate needs per_side = true and reps")
        _check_range("hold_s", self.hold_s, self.hold_range)
        _check_range("reps", self.reps, self.reps_range)
        _check_range("sets", self.sets, self.sets_range)
        _check_range("time_s", self.time_s, self.time_range)
        return self

    @property
    def mode(self) -> Literal["reps", "hold", "timed"]:
        if self.reps is not None:
            return "reps"
        return "timed" if self.time_s is not None else "hold"

    @property
    def rep_seconds(self) -> float:
        return rep_seconds(self, self.hold_s)

    @property
    def floor(self) -> bool:
        return self.position in FLOOR_POSITIONS


def rep_seconds(exercise: Exercise, hold_s: float | None) -> float:
    tempo = exercise.tempo
    if tempo is None:
        return 0.0
    return tempo.into_s + (hold_s or 0.0) + tempo.return_s


class RoutineItem(Strict):
    """A routine member with optional dosage overrides."""

    id: str
    hold_s: Seconds | None = None
    reps: Count | None = None
    sets: SetCount | None = None
    time_s: TimedSeconds | None = None


Member = str | RoutineItem


class Routine(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]
    name: Text
    description: str = ""
    warmup: list[Member] = []
    exercises: Annotated[list[Member], Field(min_length=1)]

    def members(self) -> list[tuple[Phase, RoutineItem]]:
        phases: list[tuple[Phase, list[Member]]] = [
            ("warmup", self.warmup),
            ("main", self.exercises),
        ]
        return [
            (phase, RoutineItem(id=m) if isinstance(m, str) else m)
            for phase, items in phases
            for m in items
        ]


class CatalogFile(Strict):
    schema_: int = Field(1, alias="schema", ge=1, le=1)
    exercise: Annotated[list[Exercise], Field(min_length=1)]
    routine: list[Routine] = []


@dataclass(frozen=True)
class Step:
    """One exercise of a routine with the dosage it will be done at."""

    exercise: Exercise
    phase: Phase
    hold_s: float | None
    reps: int | None
    sets: int
    time_s: float | None

    @classmethod
    def of(cls, exercise: Exercise, phase: Phase = "main", **overrides: Any) -> Step:
        dose: dict[str, Any] = {
            "hold_s": exercise.hold_s,
            "reps": exercise.reps,
            "sets": exercise.sets,
            "time_s": exercise.time_s,
        }
        dose.update({k: v for k, v in overrides.items() if v is not None})
        return cls(exercise=exercise, phase=phase, **dose)

    @property
    def rep_seconds(self) -> float:
        return rep_seconds(self.exercise, self.hold_s)

    def describe(self) -> str:
        """A short dosage line: ``10 reps, hold 3 s, 2 sets, each side``."""
        return describe_dose(self.exercise, self.hold_s, self.reps, self.sets, self.time_s)


def _n(value: float) -> str:
    return f"{value:g}"


def describe_dose(
    exercise: Exercise, hold_s: float | None, reps: int | None, sets: int, time_s: float | None
) -> str:
    parts: list[str] = []
    if exercise.mode == "reps":
        parts.append(f"{reps} reps")
        if hold_s:
            parts.append(f"hold {_n(hold_s)} s")
    elif exercise.mode == "timed":
        parts.append(f"{_n(time_s or 0)} s")
    else:
        parts.append(f"hold {_n(hold_s or 0)} s")
    if sets > 1:
        parts.append(f"{sets} sets")
    if exercise.per_side:
        a, b = exercise.sides
        parts.append("each side" if (a, b) == ("left", "right") else f"{a} and {b}")
    return ", ".join(parts)


@dataclass(frozen=True)
class Catalog:
    path: Path
    exercises: dict[str, Exercise]
    routines: dict[str, Routine]

    def steps(self, routine: Routine) -> list[Step]:
        return [
            Step.of(self.exercises[item.id], phase, **item.model_dump(exclude={"id"}))
            for phase, item in routine.members()
        ]

    def routine(self, routine_id: str) -> Routine:
        try:
            return self.routines[routine_id]
        except KeyError:
            known = ", ".join(sorted(self.routines)) or "none"
            raise KeyError(f"no routine named {routine_id!r}; known routines: {known}") from None


def _place(data_ids: list[str], routine_ids: list[str]) -> Any:
    def place(loc: tuple[Any, ...]) -> str:
        if len(loc) >= 2 and loc[0] in ("exercise", "routine") and isinstance(loc[1], int):
            ids = data_ids if loc[0] == "exercise" else routine_ids
            who = ids[loc[1]] if loc[1] < len(ids) else f"#{loc[1] + 1}"
            rest = ".".join(str(p) for p in loc[2:])
            return f"{loc[0]} {who!r}" + (f", key {rest!r}" if rest else "")
        return "key " + repr(".".join(str(p) for p in loc)) if loc else "file"

    return place


def _ids(raw: Any, table: str) -> list[str]:
    items = raw.get(table, []) if isinstance(raw, dict) else []
    if not isinstance(items, list):
        return []
    return [
        str(item.get("id", f"#{i + 1}")) if isinstance(item, dict) else f"#{i + 1}"
        for i, item in enumerate(items)
    ]


def load_catalog(path: Path) -> Catalog:
    """Load and validate a catalogue file; raise :class:`DataError` on any problem."""
    raw, text = read_toml(path)
    place = _place(_ids(raw, "exercise"), _ids(raw, "routine"))
    model = validate(path, text, raw, CatalogFile, place)
    exercises: dict[str, Exercise] = {}
    for i, exercise in enumerate(model.exercise):
        if exercise.id in exercises:
            line = line_of(text, ("exercise", i, "id"))
            raise DataError(
                f"{path}, line {line}: exercise id {exercise.id!r} is used twice; "
                "ids must be unique."
            )
        exercises[exercise.id] = exercise
    routines: dict[str, Routine] = {}
    for i, routine in enumerate(model.routine):
        if routine.id in routines:
            line = line_of(text, ("routine", i, "id"))
            raise DataError(f"{path}, line {line}: routine id {routine.id!r} is used twice.")
        for phase, item in routine.members():
            key = "warmup" if phase == "warmup" else "exercises"
            if item.id not in exercises:
                line = line_of(text, ("routine", i, key))
                raise DataError(
                    f"{path}, line {line}: routine {routine.id!r}, key {key!r}: "
                    f"unknown exercise {item.id!r}."
                )
            problem = override_problem(exercises[item.id], item)
            if problem:
                line = line_of(text, ("routine", i, key))
                raise DataError(
                    f"{path}, line {line}: routine {routine.id!r}, exercise {item.id!r}: {problem}."
                )
        routines[routine.id] = routine
    return Catalog(path=path, exercises=exercises, routines=routines)


_RANGE_OF = {
    "hold_s": "hold_range",
    "reps": "reps_range",
    "sets": "sets_range",
    "time_s": "time_range",
}


def override_problem(exercise: Exercise, item: RoutineItem) -> str | None:
    """Why a routine's dosage override does not fit the exercise, or None."""
    mode = exercise.mode
    allowed = {
        "reps": {"reps", "hold_s", "sets"},
        "hold": {"hold_s", "sets"},
        "timed": {"time_s", "sets"},
    }
    for key in ("hold_s", "reps", "sets", "time_s"):
        value = getattr(item, key)
        if value is None:
            continue
        if key not in allowed[mode]:
            return f"{key} does not apply to a {mode} move"
        bounds = getattr(exercise, _RANGE_OF[key])
        if key == "sets" and bounds is None:
            bounds = (1, max(exercise.sets, 3))
        # Doing less than the articles suggest is never unsafe; doing more is.
        if bounds is not None and value > bounds[1]:
            return f"{key} = {value:g} is above the safe maximum of {bounds[1]:g}"
    return None

"""The exercise catalogue: what exercises.toml holds, and loading it.

Plain Python: no Textual here, and no pydantic either unless the file has to be
validated (``backtimer.schema``); once validated, a file is remembered by its hash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from backtimer.errors import DataError
from backtimer.tomlfile import line_of, load_checked, validate

Kind = Literal["warmup", "stretch", "strength", "mobility"]
Position = Literal[
    "standing", "seated", "supine", "prone", "all-fours", "kneeling", "wall", "chair"
]
BreathWord = Literal["inhale", "exhale", "natural"]
Phase = Literal["warmup", "main"]

#: Positions that need the floor; a standing-only (desk) plan leaves them out.
FLOOR_POSITIONS: frozenset[str] = frozenset({"seated", "supine", "prone", "all-fours", "kneeling"})


@dataclass(frozen=True, slots=True)
class Tempo:
    """Seconds to move into the position and to come back; the hold is ``hold_s``."""

    into_s: float
    return_s: float
    words: tuple[str, str, str] = ("move", "hold", "return")


@dataclass(frozen=True, slots=True)
class BreathCues:
    into: BreathWord
    hold: BreathWord
    return_: BreathWord


@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise, as ``backtimer.schema.ExerciseModel`` accepted it."""

    id: str
    name: str
    kind: Kind
    position: Position
    why: str
    targets: tuple[str, ...]
    steps: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    level: int = 1
    hold_s: float | None = None
    reps: int | None = None
    sets: int = 1
    per_side: bool = False
    sides: tuple[str, str] = ("left", "right")
    alternate: bool = False
    time_s: float | None = None
    tempo: Tempo | None = None
    breath: BreathCues | None = None
    breath_note: str | None = None
    care: str | None = None
    hold_range: tuple[float, float] | None = None
    reps_range: tuple[int, int] | None = None
    sets_range: tuple[int, int] | None = None
    time_range: tuple[float, float] | None = None

    @classmethod
    def of(cls, data: dict[str, Any]) -> Exercise:
        """From plain (already validated) data."""
        values = dict(data)
        for key in ("targets", "steps", "aliases", "sides"):
            values[key] = tuple(values.get(key) or ())
        if not values["sides"]:
            values["sides"] = ("left", "right")
        if values.get("tempo") is not None:
            tempo = values["tempo"]
            values["tempo"] = Tempo(tempo["into_s"], tempo["return_s"], tuple(tempo["words"]))
        if values.get("breath") is not None:
            breath = values["breath"]
            values["breath"] = BreathCues(breath["into"], breath["hold"], breath["return_"])
        for key in ("hold_range", "reps_range", "sets_range", "time_range"):
            if values.get(key) is not None:
                values[key] = tuple(values[key])
        return cls(**values)

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


DOSE_KEYS = ("hold_s", "reps", "sets", "time_s")


@dataclass(frozen=True, slots=True)
class RoutineItem:
    """A routine member with optional dosage overrides."""

    id: str
    hold_s: float | None = None
    reps: int | None = None
    sets: int | None = None
    time_s: float | None = None

    def overrides(self) -> dict[str, Any]:
        return {k: v for k in DOSE_KEYS if (v := getattr(self, k)) is not None}

    def plain(self) -> str | dict[str, Any]:
        """As written in a file: the bare id when nothing is overridden."""
        changes = self.overrides()
        return {"id": self.id, **changes} if changes else self.id


@dataclass(frozen=True, slots=True)
class Routine:
    id: str
    name: str
    exercises: tuple[RoutineItem, ...]
    warmup: tuple[RoutineItem, ...] = ()
    description: str = ""

    @classmethod
    def of(cls, data: dict[str, Any]) -> Routine:
        def item(member: str | dict[str, Any]) -> RoutineItem:
            if isinstance(member, str):
                return RoutineItem(member)
            return RoutineItem(**{k: v for k, v in member.items() if v is not None})

        return cls(
            id=data["id"],
            name=data["name"],
            description=data.get("description") or "",
            warmup=tuple(item(m) for m in data.get("warmup") or ()),
            exercises=tuple(item(m) for m in data["exercises"]),
        )

    def plain(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.description:
            data["description"] = self.description
        if self.warmup:
            data["warmup"] = [m.plain() for m in self.warmup]
        data["exercises"] = [m.plain() for m in self.exercises]
        return data

    def members(self) -> list[tuple[Phase, RoutineItem]]:
        return [("warmup", m) for m in self.warmup] + [("main", m) for m in self.exercises]


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
    #: A hash of the file's bytes: files checked against this catalogue key on it.
    digest: str = field(default="", compare=False)

    def steps(self, routine: Routine) -> list[Step]:
        return [
            Step.of(self.exercises[item.id], phase, **item.overrides())
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


def load_catalog(path: Path, cache_dir: Path | None = None) -> Catalog:
    """Load a catalogue file; raise :class:`DataError` on any problem.

    With ``cache_dir``, a file already validated in exactly this form is not
    validated again.
    """
    data, digest = load_checked(path, cache_dir, check_catalog)
    exercises = {e["id"]: Exercise.of(e) for e in data["exercise"]}
    routines = {r["id"]: Routine.of(r) for r in data["routine"]}
    return Catalog(path=path, exercises=exercises, routines=routines, digest=digest)


def check_catalog(path: Path, text: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Validate a parsed catalogue; return it as plain data, or raise DataError."""
    from backtimer.schema import CatalogModel

    place = _place(_ids(raw, "exercise"), _ids(raw, "routine"))
    model = validate(path, text, raw, CatalogModel, place)
    exercises: dict[str, Exercise] = {}
    for i, e in enumerate(model.exercise):
        if e.id in exercises:
            line = line_of(text, ("exercise", i, "id"))
            raise DataError(
                f"{path}, line {line}: exercise id {e.id!r} is used twice; ids must be unique."
            )
        exercises[e.id] = Exercise.of(e.model_dump())
    seen: set[str] = set()
    for i, r in enumerate(model.routine):
        if r.id in seen:
            line = line_of(text, ("routine", i, "id"))
            raise DataError(f"{path}, line {line}: routine id {r.id!r} is used twice.")
        seen.add(r.id)
        check_members(path, text, i, Routine.of(r.model_dump()), exercises)
    return model.model_dump()


def check_members(
    path: Path, text: str, index: int, routine: Routine, exercises: dict[str, Exercise]
) -> None:
    """Every member of a routine is a known exercise at a dose that fits it."""
    for phase, item in routine.members():
        key = "warmup" if phase == "warmup" else "exercises"
        where = f"{path}, line {line_of(text, ('routine', index, key))}: routine {routine.id!r}"
        if item.id not in exercises:
            raise DataError(f"{where}, key {key!r}: unknown exercise {item.id!r}.")
        problem = override_problem(exercises[item.id], item)
        if problem:
            raise DataError(f"{where}, exercise {item.id!r}: {problem}.")


_RANGE_OF = {
    "hold_s": "hold_range",
    "reps": "reps_range",
    "sets": "sets_range",
    "time_s": "time_range",
}


def dose_range(exercise: Exercise, key: str) -> tuple[float, float] | None:
    """The range the articles give for a dose key; sets default to 1 to max(sets, 3)."""
    bounds = getattr(exercise, _RANGE_OF[key])
    if key == "sets" and bounds is None:
        bounds = (1, max(exercise.sets, 3))
    return bounds


def override_problem(exercise: Exercise, item: RoutineItem) -> str | None:
    """Why a routine's dosage override does not fit the exercise, or None."""
    mode = exercise.mode
    allowed = {
        "reps": {"reps", "hold_s", "sets"},
        "hold": {"hold_s", "sets"},
        "timed": {"time_s", "sets"},
    }
    for key, value in item.overrides().items():
        if key not in allowed[mode]:
            return f"{key} does not apply to a {mode} move"
        bounds = dose_range(exercise, key)
        # Doing less than the articles suggest is never unsafe; doing more is.
        if bounds is not None and value > bounds[1]:
            return f"{key} = {value:g} is above the safe maximum of {bounds[1]:g}"
    return None

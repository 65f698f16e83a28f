"""Routines: named lists of exercises with optional dose changes; the steps a session
runs; the catalogue that holds both; and the rules a routine must follow."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from backtimer.core.dose import DOSE_KEYS, Dose, Limits
from backtimer.core.exercise import Exercise
from backtimer.core.vocab import (
    FILE_CONFIG,
    Count,
    Id,
    Phase,
    Seconds,
    SetCount,
    Text,
    TimedSeconds,
    is_id,
)


@dataclass(frozen=True, slots=True)
class RoutineItem:
    """A routine member with optional dose changes (written as the bare id when none)."""

    __pydantic_config__ = FILE_CONFIG

    id: str
    hold_s: Seconds | None = None
    reps: Count | None = None
    sets: SetCount | None = None
    time_s: TimedSeconds | None = None

    def changes(self) -> dict[str, Any]:
        return {k: v for k in DOSE_KEYS if (v := getattr(self, k)) is not None}

    def plain(self) -> str | dict[str, Any]:
        """As written in a file: the bare id when nothing is changed."""
        changes = self.changes()
        return {"id": self.id, **changes} if changes else self.id


@dataclass(frozen=True, slots=True)
class Routine:
    __pydantic_config__ = FILE_CONFIG

    id: Id
    name: Text
    exercises: tuple[RoutineItem | str, ...]
    warmup: tuple[RoutineItem | str, ...] = ()
    description: str = ""

    def members(self) -> list[tuple[Phase, RoutineItem]]:
        def item(member: RoutineItem | str) -> RoutineItem:
            return RoutineItem(member) if isinstance(member, str) else member

        return [("warmup", item(m)) for m in self.warmup] + [
            ("main", item(m)) for m in self.exercises
        ]

    def plain(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.description:
            data["description"] = self.description
        members = self.members()
        warmup = [m.plain() for phase, m in members if phase == "warmup"]
        if warmup:
            data["warmup"] = warmup
        data["exercises"] = [m.plain() for phase, m in members if phase == "main"]
        return data


@dataclass(frozen=True, slots=True)
class Step:
    """One exercise of a routine with the dose it will be done at."""

    exercise: Exercise
    phase: Phase
    dose: Dose

    @classmethod
    def of(cls, exercise: Exercise, phase: Phase = "main", **changes: Any) -> Step:
        return cls(exercise, phase, exercise.dose.with_changes(**changes))

    # the dose's parts, for readability where a step is used
    @property
    def hold_s(self) -> float | None:
        return self.dose.hold_s

    @property
    def reps(self) -> int | None:
        return self.dose.reps

    @property
    def sets(self) -> int:
        return self.dose.sets

    @property
    def time_s(self) -> float | None:
        return self.dose.time_s

    @property
    def limits(self) -> Limits:
        return self.exercise.limits

    @property
    def rep_seconds(self) -> float:
        return self.exercise.rep_seconds(self.dose.hold_s)

    def describe(self) -> str:
        """A short dose line: ``10 reps, hold 3 s, 2 sets, each side``."""
        return self.exercise.describe(self.dose)

    def nudged(self, direction: int, key: str | None = None) -> Step | None:
        """This step with one notch more or less of its dose, or None at the limit."""
        e = self.exercise
        dose = self.dose.nudged(direction, key, limits=e.limits, default=e.dose)
        return None if dose is None else replace(self, dose=dose)

    def item(self) -> RoutineItem:
        """The routine member that gives this step: only what differs from the default."""
        default = self.exercise.dose
        changes = {k: getattr(self.dose, k) for k in DOSE_KEYS}
        return RoutineItem(
            self.exercise.id,
            **{k: v for k, v in changes.items() if v != getattr(default, k)},
        )


def routine_from_steps(
    routine_id: str, name: str, steps: list[Step], description: str = ""
) -> Routine:
    """A routine that reproduces ``steps``, recording only doses that differ."""
    return Routine(
        id=routine_id,
        name=name,
        description=description,
        warmup=tuple(s.item() for s in steps if s.phase == "warmup"),
        exercises=tuple(s.item() for s in steps if s.phase == "main"),
    )


def routine_problem(routine: Routine, exercises: dict[str, Exercise]) -> tuple[str, str] | None:
    """The first rule ``routine`` breaks, as (key, problem), or None."""
    if not is_id(routine.id):
        return "id", "ids are lower-case letters, digits and dashes"
    if not routine.exercises:
        return "exercises", "a routine needs at least one exercise"
    for phase, item in routine.members():
        key = "warmup" if phase == "warmup" else "exercises"
        exercise = exercises.get(item.id)
        if exercise is None:
            return key, f"unknown exercise {item.id!r}"
        problem = exercise.limits.problem(exercise.dose, item.changes())
        if problem:
            return key, f"exercise {item.id!r}: {problem}"
    return None


@dataclass(frozen=True)
class Catalog:
    exercises: dict[str, Exercise]
    routines: dict[str, Routine]
    #: A digest of the file: files checked against this catalogue key on it.
    digest: str = field(default="", compare=False)

    def steps(self, routine: Routine) -> list[Step]:
        return [
            Step.of(self.exercises[item.id], phase, **item.changes())
            for phase, item in routine.members()
        ]

    def routine(self, routine_id: str) -> Routine:
        """A routine by id, or by its name (any case)."""
        found = self.routines.get(routine_id)
        if found is None:
            wanted = routine_id.casefold()
            found = next((r for r in self.routines.values() if r.name.casefold() == wanted), None)
        if found is None:
            known = ", ".join(sorted(self.routines)) or "none"
            raise KeyError(f"no routine named {routine_id!r}; known routines: {known}")
        return found

    def with_routines(self, routines: dict[str, Routine]) -> Catalog:
        return replace(self, routines={**self.routines, **routines})

"""Routines a person saved, in ``routines.toml`` in the config folder.

Same shape as the catalogue's ``[[routine]]`` tables. Written with tomli-w,
atomically; read with the same readable errors as every other file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel, ConfigDict

from backtimer.catalog import Catalog, Routine, RoutineItem, Step, override_problem
from backtimer.errors import DataError
from backtimer.tomlfile import line_of, read_toml, validate, write_atomic

HEADER = (
    "# Your saved backtimer routines. Same keys as the [[routine]] tables in\n"
    "# exercises.toml; `backtimer check` validates this file.\n"
)


class RoutinesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    routine: list[Routine] = []


def _place(ids: list[str]) -> Any:
    def place(loc: tuple[Any, ...]) -> str:
        if len(loc) >= 2 and loc[0] == "routine" and isinstance(loc[1], int):
            who = ids[loc[1]] if loc[1] < len(ids) else f"#{loc[1] + 1}"
            rest = ".".join(str(p) for p in loc[2:])
            return f"routine {who!r}" + (f", key {rest!r}" if rest else "")
        return f"key {'.'.join(map(str, loc))!r}"

    return place


def load_routines(path: Path, catalog: Catalog) -> dict[str, Routine]:
    """Saved routines by id; a missing file means none. Problems raise DataError."""
    if not path.exists():
        return {}
    raw, text = read_toml(path)
    items = raw.get("routine", [])
    ids = [
        str(r.get("id", f"#{i + 1}")) if isinstance(r, dict) else f"#{i + 1}"
        for i, r in enumerate(items if isinstance(items, list) else [])
    ]
    model = validate(path, text, raw, RoutinesFile, _place(ids))
    saved: dict[str, Routine] = {}
    for i, routine in enumerate(model.routine):
        line = line_of(text, ("routine", i, "id"))
        if routine.id in saved:
            raise DataError(f"{path}, line {line}: routine id {routine.id!r} is used twice.")
        if routine.id in catalog.routines:
            raise DataError(
                f"{path}, line {line}: routine id {routine.id!r} is already a built-in "
                "routine; give yours another id."
            )
        for phase, item in routine.members():
            key = "warmup" if phase == "warmup" else "exercises"
            where = f"{path}, line {line_of(text, ('routine', i, key))}: routine {routine.id!r}"
            if item.id not in catalog.exercises:
                raise DataError(f"{where}, key {key!r}: unknown exercise {item.id!r}.")
            problem = override_problem(catalog.exercises[item.id], item)
            if problem:
                raise DataError(f"{where}, exercise {item.id!r}: {problem}.")
        saved[routine.id] = routine
    return saved


def routine_from_steps(
    routine_id: str, name: str, steps: list[Step], description: str = ""
) -> Routine:
    """A routine that reproduces ``steps``, recording only doses that differ from the default."""

    def item(step: Step) -> str | RoutineItem:
        e = step.exercise
        changes = {
            key: getattr(step, key)
            for key in ("hold_s", "reps", "sets", "time_s")
            if getattr(step, key) != getattr(e, key)
        }
        return RoutineItem(id=e.id, **changes) if changes else e.id

    return Routine(
        id=routine_id,
        name=name,
        description=description,
        warmup=[item(s) for s in steps if s.phase == "warmup"],
        exercises=[item(s) for s in steps if s.phase == "main"],
    )


def save_routines(path: Path, routines: dict[str, Routine]) -> None:
    data = {
        "routine": [
            r.model_dump(exclude_defaults=True, exclude_none=True, by_alias=True)
            for r in routines.values()
        ]
    }
    # exclude_defaults drops an empty warm-up; exercises is required, keep it
    for entry, routine in zip(data["routine"], routines.values(), strict=True):
        entry.setdefault("exercises", [])
        entry["id"], entry["name"] = routine.id, routine.name
    write_atomic(path, HEADER + tomli_w.dumps(data))

"""Routines a person saved, in ``routines.toml`` in the config folder.

Same shape as the catalogue's ``[[routine]]`` tables. Written with tomli-w,
atomically; read with the same readable errors as every other file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

from backtimer.catalog import (
    DOSE_KEYS,
    Catalog,
    Routine,
    RoutineItem,
    Step,
    _ids,
    _place,
    check_members,
)
from backtimer.errors import DataError
from backtimer.tomlfile import line_of, load_checked, validate, write_atomic

HEADER = (
    "# Your saved backtimer routines. Same keys as the [[routine]] tables in\n"
    "# exercises.toml; `backtimer check` validates this file.\n"
)


def load_routines(
    path: Path, catalog: Catalog, cache_dir: Path | None = None
) -> dict[str, Routine]:
    """Saved routines by id; a missing file means none. Problems raise DataError."""
    if not path.exists():
        return {}

    def check(path: Path, text: str, raw: dict[str, Any]) -> list[dict[str, Any]]:
        from backtimer.schema import RoutinesModel

        model = validate(path, text, raw, RoutinesModel, _place([], _ids(raw, "routine")))
        seen: set[str] = set()
        for i, data in enumerate(model.routine):
            line = line_of(text, ("routine", i, "id"))
            if data.id in seen:
                raise DataError(f"{path}, line {line}: routine id {data.id!r} is used twice.")
            if data.id in catalog.routines:
                raise DataError(
                    f"{path}, line {line}: routine id {data.id!r} is already a built-in "
                    "routine; give yours another id."
                )
            seen.add(data.id)
            check_members(path, text, i, Routine.of(data.model_dump()), catalog.exercises)
        return [r.model_dump() for r in model.routine]

    # checked against this catalogue: a changed catalogue means checking again
    data, _ = load_checked(path, cache_dir, check, key=catalog.digest)
    return {r["id"]: Routine.of(r) for r in data}


def routine_from_steps(
    routine_id: str, name: str, steps: list[Step], description: str = ""
) -> Routine:
    """A routine that reproduces ``steps``, recording only doses that differ from the default."""

    def item(step: Step) -> RoutineItem:
        e = step.exercise
        changes = {
            key: getattr(step, key) for key in DOSE_KEYS if getattr(step, key) != getattr(e, key)
        }
        return RoutineItem(e.id, **changes)

    return Routine(
        id=routine_id,
        name=name,
        description=description,
        warmup=tuple(item(s) for s in steps if s.phase == "warmup"),
        exercises=tuple(item(s) for s in steps if s.phase == "main"),
    )


def save_routines(path: Path, routines: dict[str, Routine]) -> None:
    data = {"routine": [r.plain() for r in routines.values()]}
    write_atomic(path, HEADER + tomli_w.dumps(data))

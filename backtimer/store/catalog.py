"""Loading the exercise catalogue (``exercises.toml``) and checking its rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from backtimer.core.exercise import Exercise, exercise_problem
from backtimer.core.routine import Catalog, Routine, routine_problem
from backtimer.store.cache import Cache
from backtimer.store.errors import DataError
from backtimer.store.files import load_validated
from backtimer.store.tomlio import line_of


def ids_of(raw: Any, table: str) -> list[str]:
    """The ids of a file's ``[[table]]`` entries, as written (for error messages)."""
    items = raw.get(table, []) if isinstance(raw, dict) else []
    if not isinstance(items, list):
        return []
    return [
        str(item.get("id", f"#{i + 1}"))[:40] if isinstance(item, dict) else f"#{i + 1}"
        for i, item in enumerate(items)
    ]


def table_place(raw: Any) -> Callable[[tuple[Any, ...]], str]:
    """Names an error location by the id of the exercise or routine it is in."""
    exercise_ids, routine_ids = ids_of(raw, "exercise"), ids_of(raw, "routine")

    def place(loc: tuple[Any, ...]) -> str:
        if len(loc) >= 2 and loc[0] in ("exercise", "routine") and isinstance(loc[1], int):
            ids = exercise_ids if loc[0] == "exercise" else routine_ids
            who = ids[loc[1]] if loc[1] < len(ids) else f"#{loc[1] + 1}"
            rest = ".".join(str(p) for p in loc[2:])
            return f"{loc[0]} {who!r}" + (f", key {rest!r}" if rest else "")
        return "key " + repr(".".join(str(p) for p in loc)) if loc else "file"

    return place


def rule_error(
    path: Path, text: str, table: str, index: int, who: str, key: str, problem: str
) -> DataError:
    line = line_of(text, (table, index, key))
    where = f", line {line}" if line else ""
    return DataError(f"{path}{where}: {table} {who!r}, key {key!r}: {problem}.")


def check_exercises(path: Path, text: str, exercises: tuple[Exercise, ...]) -> dict[str, Exercise]:
    found: dict[str, Exercise] = {}
    for i, e in enumerate(exercises):
        if e.id in found:
            line = line_of(text, ("exercise", i, "id"))
            raise DataError(
                f"{path}, line {line}: exercise id {e.id!r} is used twice; ids must be unique."
            )
        broken = exercise_problem(e)
        if broken:
            raise rule_error(path, text, "exercise", i, e.id, *broken)
        found[e.id] = e
    return found


def check_routines(
    path: Path,
    text: str,
    routines: tuple[Routine, ...],
    exercises: dict[str, Exercise],
    taken: dict[str, Routine] | None = None,
) -> dict[str, Routine]:
    """Unique ids (also against ``taken``, the built-in ones), known members, safe doses."""
    found: dict[str, Routine] = {}
    for i, r in enumerate(routines):
        line = line_of(text, ("routine", i, "id"))
        if r.id in found:
            raise DataError(f"{path}, line {line}: routine id {r.id!r} is used twice.")
        if taken and r.id in taken:
            raise DataError(
                f"{path}, line {line}: routine id {r.id!r} is already a built-in routine; "
                "give yours another id."
            )
        broken = routine_problem(r, exercises)
        if broken:
            raise rule_error(path, text, "routine", i, r.id, *broken)
        found[r.id] = r
    return found


def load_catalog(path: Path, cache: Cache | None = None, *, fresh: bool = False) -> Catalog:
    """Load a catalogue file; raise :class:`DataError` naming the place of any problem.

    A file already validated in exactly this form, under the same rules, comes from
    the cache without pydantic; ``fresh`` validates the file itself.
    """
    from backtimer.store.models import CatalogFile

    def rules(text: str, model: CatalogFile) -> None:
        exercises = check_exercises(path, text, model.exercise)
        check_routines(path, text, model.routine, exercises)

    model, digest = load_validated(
        path,
        cache,
        "catalog",
        CatalogFile,
        rules,
        table_place,
        fresh=fresh,
    )
    return Catalog(
        exercises={e.id: e for e in model.exercise},
        routines={r.id: r for r in model.routine},
        digest=digest,
    )

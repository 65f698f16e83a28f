"""Routines a person saved, in ``routines.toml`` in the config folder.

Same shape as the catalogue's ``[[routine]]`` tables. Saving one routine changes only
its own table (or adds one at the end); deleting removes only its table. Everything
else in the file, comments included, stays as the person left it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backtimer.core.routine import Catalog, Routine
from backtimer.store.cache import Cache
from backtimer.store.catalog import check_routines, table_place
from backtimer.store.files import load_validated
from backtimer.store.tomlio import read_bytes, update_table, write_atomic

HEADER = (
    "# Your saved backtimer routines. Same keys as the [[routine]] tables in\n"
    "# exercises.toml; `backtimer check` validates this file.\n"
)


def load_routines(path: Path, catalog: Catalog, cache: Cache | None = None) -> dict[str, Routine]:
    """Saved routines by id; a missing file means none. Problems raise DataError."""
    from backtimer.store.models import RoutinesFile

    if not path.exists():
        return {}

    def rules(text: str, model: RoutinesFile) -> None:
        check_routines(path, text, model.routine, catalog.exercises, catalog.routines)

    # checked against this catalogue: a changed catalogue means checking again
    model, _ = load_validated(
        path, cache, "routines", RoutinesFile, rules, table_place, related=catalog.digest
    )
    return {r.id: r for r in model.routine}


def _document(path: Path) -> Any:
    import tomlkit

    text = read_bytes(path).decode("utf-8") if path.exists() else HEADER
    document = tomlkit.parse(text)
    if "routine" not in document:
        document.append("routine", tomlkit.aot())
    return document


def _index(tables: Any, routine_id: str) -> int | None:
    return next((i for i, t in enumerate(tables) if t.get("id") == routine_id), None)


def save_routine(path: Path, routine: Routine) -> None:
    """Add ``routine``, or replace the saved one with its id, changing only its table."""
    import tomlkit

    document = _document(path)
    tables = document["routine"]
    plain = routine.plain()
    at = _index(tables, routine.id)
    if at is None:
        table = tomlkit.table()
        update_table(table, plain)
        tables.append(table)
    else:
        table = tables[at]
        changes: dict[str, Any] = {k: v for k, v in plain.items() if table.get(k) != v}
        changes.update({k: None for k in table if k not in plain})
        update_table(table, changes)
    write_atomic(path, tomlkit.dumps(document))


def delete_routine(path: Path, routine_id: str) -> None:
    """Remove the saved routine ``routine_id``'s table, and nothing else."""
    import tomlkit

    document = _document(path)
    tables = document["routine"]
    at = _index(tables, routine_id)
    if at is not None:
        del tables[at]
        write_atomic(path, tomlkit.dumps(document))

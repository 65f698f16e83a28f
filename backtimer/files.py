"""Everything a person's profile holds, loaded once: paths, catalogue (with saved
routines merged in), settings and the session log. Shared by the CLI and the app.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date

from backtimer import journal, stats
from backtimer.catalog import Catalog, Routine, load_catalog
from backtimer.paths import Paths, resolve_paths
from backtimer.plan import Choice, choose_plan, choose_routine
from backtimer.routines import load_routines, save_routines
from backtimer.settings import Settings, load_settings, save_settings

DEFAULT_ROUTINE = "gentle"


@dataclass
class Files:
    paths: Paths
    builtin: Catalog
    saved: dict[str, Routine]
    settings: Settings
    log: journal.Log

    @property
    def catalog(self) -> Catalog:
        """The catalogue with the person's saved routines beside the built-in ones."""
        return replace(self.builtin, routines={**self.builtin.routines, **self.saved})

    def default_choice(self) -> Choice:
        routines = self.catalog.routines
        key = DEFAULT_ROUTINE if DEFAULT_ROUTINE in routines else next(iter(routines))
        return choose_routine(self.catalog, key)

    def plan(self, minutes: int, *, day: date, standing: bool = False) -> Choice:
        return choose_plan(
            self.catalog,
            minutes,
            day=day,
            config=self.settings.session_config(),
            excluded=self.settings.excluded,
            avoid=stats.recently_stopped_for_pain(self.log.sessions, day),
            standing=standing,
        )

    def save_routine(self, routine: Routine) -> None:
        saved = {**self.saved, routine.id: routine}
        save_routines(self.paths.routines, saved)
        self.saved = saved

    def delete_routine(self, routine_id: str) -> None:
        saved = {k: v for k, v in self.saved.items() if k != routine_id}
        save_routines(self.paths.routines, saved)
        self.saved = saved

    def save_settings(self) -> None:
        save_settings(self.paths.settings, self.settings)


def load_files(
    data_dir: str | os.PathLike[str] | None = None,
    catalog: str | os.PathLike[str] | None = None,
) -> Files:
    """Read every file; raises DataError naming the file and place of the first problem."""
    paths = resolve_paths(data_dir, catalog)
    cache = paths.cache_dir
    builtin = load_catalog(paths.catalog, cache)
    return Files(
        paths=paths,
        builtin=builtin,
        saved=load_routines(paths.routines, builtin, cache),
        settings=load_settings(paths.settings, cache),
        log=journal.load(paths.sessions),
    )

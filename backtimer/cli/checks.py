"""``backtimer check``: every file a person can edit, with what is wrong in each.

Each check returns a short summary or raises DataError naming the file, the line and
the key. Nothing is written; neither the cache nor the catalogue validated at build
time is used, so every file is read and validated afresh.
"""

from __future__ import annotations

from collections.abc import Callable

from backtimer.core.routine import Catalog
from backtimer.core.settings import Settings
from backtimer.store import logbook
from backtimer.store.catalog import load_catalog
from backtimer.store.errors import DataError
from backtimer.store.paths import Paths
from backtimer.store.routines import load_routines
from backtimer.store.settings import load_settings
from backtimer.store.state import load_state
from backtimer.store.tomlio import line_of, shorten


def _catalog(paths: Paths) -> Catalog:
    return load_catalog(paths.catalog, fresh=True)


def check_catalog(paths: Paths) -> str:
    catalog = _catalog(paths)
    return (
        f"{len(catalog.exercises)} exercises, {len(catalog.routines)} routines "
        f"({paths.catalog}, {paths.catalog_source})"
    )


def builtin_themes() -> set[str]:
    from backtimer.tui.themes import builtin_themes

    return builtin_themes()


def settings_problems(settings: Settings, catalog: Catalog) -> list[tuple[str, str]]:
    """(key, problem) for what the file's own rules cannot know: binding ids and keys,
    theme names, exercise ids (``core.settings_check``) and the voice command."""
    from backtimer.core.settings_check import settings_problems as problems_of

    problems = problems_of(settings, catalog.exercises, builtin_themes())
    if settings.voice not in ("auto", "off"):
        from backtimer.output.speech import find_voice

        if find_voice(settings.voice) is None:
            problems.append(("voice", f"no program {shorten(settings.voice)} on this system"))
    return problems


def _line_in_table(text: str, key: str) -> int | None:
    """The line where ``key`` (quoted or bare) is set, in whichever table."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith((f'"{key}"', f"'{key}'", f"{key} ", f"{key}=")):
            return number
    return None


def check_settings(paths: Paths) -> str:
    path = paths.settings
    settings = load_settings(path)
    if not path.exists():
        return f"defaults ({path} absent)"
    problems = settings_problems(settings, _catalog(paths))
    if problems:
        text = path.read_text(encoding="utf-8")
        placed = []
        for key, problem in problems:
            table, _, inner = key.partition(".")
            line = _line_in_table(text, inner) if inner else line_of(text, (key,))
            placed.append((line or 0, key, problem))
        placed.sort(key=lambda item: item[0])  # in the order of the file's lines
        parts = []
        for line, key, problem in placed[:10]:
            where = f"line {line}, " if line else ""
            parts.append(f"{where}key {key!r}: {problem}")
        more = [f"and {len(problems) - 10} more"] if len(problems) > 10 else []
        raise DataError(f"{path}:\n      " + "\n      ".join(parts + more))
    return str(path)


def check_routines(paths: Paths) -> str:
    path = paths.routines
    routines = load_routines(path, _catalog(paths))
    if not path.exists():
        return f"none saved ({path} absent)"
    return f"{len(routines)} saved ({path})"


def check_state(paths: Paths) -> str:
    load_state(paths.state)
    return str(paths.state) if paths.state.exists() else f"fresh ({paths.state} absent)"


def check_log(paths: Paths) -> str:
    from backtimer.store.conflicts import conflict_advice, conflict_copies

    log = logbook.read(paths)
    copies = conflict_advice(conflict_copies(paths.data_dir))
    problems = [m for m in (log.torn_message(), log.duplicates_message(), copies) if m]
    if problems:
        raise DataError(" ".join(problems))
    files = [p for p in paths.log_files() if p.exists()]
    if not files:
        return f"no sessions yet ({paths.sessions})"
    where = str(files[0]) if len(files) == 1 else f"{len(files)} files in {paths.data_dir}"
    count = len(log.sessions)
    return f"{count} {'session' if count == 1 else 'sessions'} ({where})"


def check_figures(paths: Paths) -> str:
    """Every pose in the shipped figures file is possible, and names a move of the
    catalogue; the moves with no figure yet are counted."""
    from backtimer.store.figures import load_figures, shipped_figures

    figures, problems = load_figures()
    catalog = _catalog(paths)
    if paths.catalog_source == "shipped":  # another catalogue may name other moves
        problems += [
            f"{m}: no such move in the catalogue" for m in figures if m not in catalog.exercises
        ]
    if problems:
        shown = problems[:10] + ([f"and {len(problems) - 10} more"] if len(problems) > 10 else [])
        raise DataError(f"{shipped_figures()}:\n      " + "\n      ".join(shown))
    missing = [e for e in catalog.exercises if e not in figures]
    poses = sum(len(f.poses) for f in figures.values())
    more = f"; {len(missing)} moves have none yet" if missing else ""
    return f"{len(figures)} moves, {poses} poses ({shipped_figures()}){more}"


CHECKS: list[tuple[str, Callable[[Paths], str]]] = [
    ("catalogue", check_catalog),
    ("figures", check_figures),
    ("settings", check_settings),
    ("saved routines", check_routines),
    ("state", check_state),
    ("session log", check_log),
]

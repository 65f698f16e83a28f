"""The figures file (``figures.toml``, shipped beside the catalogue): each move's key
poses as ``[[<move id>]]`` tables, read into ``core.figure.Figure``s. A file that does
not read, or a pose that is impossible, is an error naming the move and the pose."""

from __future__ import annotations

import tomllib
from pathlib import Path

from backtimer.core.figure import Figure, figure_from
from backtimer.store.errors import DataError
from backtimer.store.files import read_file
from backtimer.store.tomlio import shorten

FIGURES_NAME = "figures.toml"


def shipped_figures() -> Path:
    """The figures that ship with the package (inside a wheel; at the repository's
    root in a checkout)."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / FIGURES_NAME
    return packaged if packaged.is_file() else package.parent / FIGURES_NAME


def load_figures(path: Path | None = None) -> tuple[dict[str, Figure], list[str]]:
    """Every move's figure, and the problems found (an empty list: none)."""
    path = path or shipped_figures()
    if not path.exists():
        return {}, []
    try:
        data = tomllib.loads(read_file(path).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: {shorten(str(exc), 160)}.") from None
    figures: dict[str, Figure] = {}
    problems: list[str] = []
    for move, tables in data.items():
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            problems.append(f"{move}: each pose is a [[{move}]] table")
            continue
        figures[move], found = figure_from(move, tables)
        problems += found
    return figures, problems


def usable_figures(enabled: bool = True) -> dict[str, Figure]:
    """The figures to draw (a session's and the library's): none when they are off
    (``figures = false``) or the file does not read, and a move with an impossible
    pose left out; `backtimer check` names what is wrong."""
    if not enabled:
        return {}
    try:
        figures, problems = load_figures()
    except (DataError, OSError):
        return {}
    bad = {problem.split(",", 1)[0] for problem in problems}
    return {move: figure for move, figure in figures.items() if move not in bad}

"""A desk-breaks file: ``breaks-<device>.toml`` in the data folder (each machine its
own), one ``[[break]]`` block per break, appended and never rewritten
(``store.records``)::

    [[break]]
    id = "20261205T103000-k3v9qa"
    started_at = 2026-12-05T10:30:00+01:00
    seconds = 105
    moves = ["marching", "standing-back-extension", "standing-hip-hinge"]
    logged_at = 2026-12-05T10:32:20+01:00
    # end of break 20261205T103000-k3v9qa
"""

from __future__ import annotations

from pathlib import Path

from backtimer.core.desk_entry import Break, break_problem, by_id
from backtimer.store import records
from backtimer.store.cache import Cache

KIND = records.Kind(
    table="break",
    noun="desk break",
    cls=Break,
    problem=break_problem,
    header=(
        "# backtimer desk breaks. One [[break]] block per break, appended and never\n"
        "# rewritten; `backtimer break` runs one.\n"
    ),
)


def append(path: Path, found: Break) -> None:
    """Append one break; fsync. It is checked to read back as itself first."""
    records.append_many(path, KIND, [found])


def load_all(files: list[Path], cache: Cache | None = None) -> list[Break]:
    """The breaks of every file, each once, in time order (a block cut short by a
    crash is skipped: a break is two minutes to do again)."""
    return by_id(b for path in files for b in records.load(path, KIND, cache).items)

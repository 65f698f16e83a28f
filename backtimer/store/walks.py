"""A walks file: ``walks-<device>.toml`` in the data folder (each machine its own),
one ``[[walk]]`` block per walk, appended and never rewritten (``store.records``)::

    [[walk]]
    id = "20261205T181500-k3v9qa"
    day = 2026-12-05
    minutes = 30
    logged_at = 2026-12-05T18:15:00+01:00
    # end of walk 20261205T181500-k3v9qa
"""

from __future__ import annotations

from pathlib import Path

from backtimer.core.walk import Walk, by_id, walk_problem
from backtimer.store import records
from backtimer.store.cache import Cache

KIND = records.Kind(
    table="walk",
    noun="walk",
    cls=Walk,
    problem=walk_problem,
    header=(
        "# backtimer walks. One [[walk]] block per walk, appended and never rewritten;\n"
        "# `backtimer walk MINUTES` adds one.\n"
    ),
)


def append(path: Path, walk: Walk) -> None:
    """Append one walk; fsync. It is checked to read back as itself first."""
    records.append_many(path, KIND, [walk])


def load_all(files: list[Path], cache: Cache | None = None) -> tuple[list[Walk], str | None]:
    """The walks of every file, each once, by day; and what was cut short, if any."""
    parts = [records.load(path, KIND, cache) for path in files]
    torn = " ".join(m for m in (part.torn_message() for part in parts) if m) or None
    return by_id(w for part in parts for w in part.items), torn

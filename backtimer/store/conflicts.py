"""Copies of the log a sync tool left beside it: found without importing the
export and import code, since Home looks for them on every start."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

#: The log's own files (``store.paths.LOG_FILE``): a device may be called "conflict".
_OWN = re.compile(r"(sessions|amendments|walks|breaks)(-[a-z0-9]+(-[a-z0-9]+)*)?\.toml")

CONFLICT_PATTERNS = (
    "sessions.sync-conflict-*.toml",
    "sessions (conflicted copy*).toml",
    "sessions*conflict*.toml",
)


def conflict_copies(data_dir: Path) -> list[Path]:
    """Copies of the log that a sync tool left beside it (Syncthing, Dropbox...)."""
    found: set[Path] = set()
    try:
        for pattern in CONFLICT_PATTERNS:
            found.update(p for p in data_dir.glob(pattern) if not _OWN.fullmatch(p.name))
    except OSError:
        return []
    return sorted(found)


def conflict_advice(copies: Sequence[Path]) -> str | None:
    if not copies:
        return None
    names = ", ".join(p.name for p in copies[:5])
    first = copies[0]
    return (
        f"Your sync tool left {len(copies)} copy(ies) of the log beside it ({names}). Add "
        f"their sessions with `backtimer import '{first}'`, then delete the copy."
    )

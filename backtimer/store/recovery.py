"""Sessions that could not be saved (a full disk, a read-only folder): kept in a
recovery file in the cache folder, offered again on the next start."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from backtimer.core.log import SessionEntry
from backtimer.store import journal
from backtimer.store.errors import DataError
from backtimer.store.paths import Paths
from backtimer.store.tomlio import write_atomic


def folder(paths: Paths) -> Path:
    return paths.cache_dir / "unsaved"


def keep(paths: Paths, entry: SessionEntry) -> Path | None:
    """Write ``entry`` to its recovery file; None if even that fails."""
    path = folder(paths) / f"{entry.id}.toml"
    try:
        write_atomic(path, journal.format_block(entry))
    except OSError:
        return None
    return path


def kept(paths: Paths) -> list[tuple[Path, SessionEntry]]:
    """Every session waiting in a recovery file, oldest first."""
    found: list[tuple[Path, SessionEntry]] = []
    with suppress(OSError):
        for path in sorted(folder(paths).glob("*.toml")):
            with suppress(DataError):
                found += [(path, s) for s in journal.load(path).sessions]
    return found


def forget(path: Path) -> None:
    with suppress(OSError):
        path.unlink()

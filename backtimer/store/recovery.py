"""Sessions that could not be saved (a full disk, a read-only folder): kept in a
recovery file in the cache folder, offered again on the next start.

When the disk is full, the cache folder is usually on it too; the file then goes to
the system's temporary folder (often another file system), in a folder of this user's
own for this data folder, and the next start looks in both places.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path

from backtimer.core.log import SessionEntry
from backtimer.store import journal
from backtimer.store.errors import DataError
from backtimer.store.paths import Paths
from backtimer.store.tomlio import ensure_private_dir, write_atomic


def folder(paths: Paths) -> Path:
    return paths.cache_dir / "unsaved"


def fallback(paths: Paths) -> Path:
    """The folder in the system's temporary folder for this user and data folder."""
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "me")
    key = hashlib.sha256(str(paths.data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"backtimer-{user}" / key


def _ours(path: Path) -> bool:
    """A folder only this user can reach (in a temporary folder anyone can write to,
    another user could have made it first)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and mine and not info.st_mode & 0o077


def keep(paths: Paths, entry: SessionEntry) -> Path | None:
    """Write ``entry`` to its recovery file (the cache folder, else the temporary
    folder); None if even that fails."""
    text = journal.format_block(entry)
    for where in (folder(paths), fallback(paths)):
        path = where / f"{entry.id}.toml"
        try:
            ensure_private_dir(where)
            if where != folder(paths) and not (_ours(where) and _ours(where.parent)):
                continue
            write_atomic(path, text)
        except OSError:
            continue
        return path
    return None


def kept(paths: Paths) -> list[tuple[Path, SessionEntry]]:
    """Every session waiting in a recovery file, oldest first (each once)."""
    found: dict[str, tuple[Path, SessionEntry]] = {}
    places = [folder(paths)]
    if _ours(fallback(paths).parent) and _ours(fallback(paths)):
        places.append(fallback(paths))
    for place in places:
        with suppress(OSError):
            for path in sorted(place.glob("*.toml")):
                with suppress(DataError):
                    for s in journal.load(path).sessions:
                        found.setdefault(s.id, (path, s))
    return sorted(found.values(), key=lambda item: item[1].started_at)


def forget(path: Path) -> None:
    with suppress(OSError):
        path.unlink()

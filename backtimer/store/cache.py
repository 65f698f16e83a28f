"""The one cache: what a file held once it was validated, remembered by its content.

Every entry is keyed on a digest of the file's bytes *and* ``models.fingerprint``
(the rules version and the versions of backtimer and Python), so a changed file, a
tightened rule or an upgrade all mean validating again. Entries are JSON, named by
the file's path, in the platform's cache folder: never beside the files people
sync. A missing, corrupt, foreign or unsafe entry is ignored and rebuilt, never an
error. Deleting the folder is safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from contextlib import suppress
from pathlib import Path
from typing import Any

from backtimer.store.tomlio import ensure_private_dir, write_atomic

FORMAT = "backtimer-cache-1"


def _fingerprint() -> str:
    from backtimer.store.models import fingerprint

    return fingerprint()


class Cache:
    """Entries in ``folder`` (None: remember nothing)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def entry(self, kind: str, source: Path) -> Path | None:
        if self.folder is None:
            return None
        where = hashlib.sha256(str(source.resolve()).encode()).hexdigest()[:16]
        return self.folder / f"{kind}-{where}.json"

    def get(self, kind: str, source: Path, digest: str) -> Any | None:
        """The data stored for ``source`` under ``digest``, or None."""
        entry = self.entry(kind, source)
        if entry is None:
            return None
        try:
            fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not _trusted(info):
                return None
            with os.fdopen(fd, "rb", closefd=False) as handle:
                stored = json.loads(handle.read())
        except (OSError, ValueError):
            return None
        finally:
            os.close(fd)
        if not isinstance(stored, dict) or stored.get("format") != FORMAT:
            return None
        if stored.get("rules") != _fingerprint() or stored.get("digest") != digest:
            return None
        return stored.get("data")

    def put(self, kind: str, source: Path, digest: str, data: Any) -> None:
        """Remember ``data`` for ``source`` under ``digest``; a failure just means no cache."""
        entry = self.entry(kind, source)
        if entry is None:
            return
        stored = {
            "format": FORMAT,
            "rules": _fingerprint(),
            "source": str(source),
            "digest": digest,
            "data": data,
        }
        with suppress(OSError, ValueError, TypeError):
            ensure_private_dir(entry.parent)
            if entry.is_symlink():
                return
            text = json.dumps(stored, separators=(",", ":"), allow_nan=False)
            write_atomic(entry, text)


def _trusted(info: os.stat_result) -> bool:
    """Only a regular file of ours that no one else can write."""
    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def digest_of(raw: bytes, *related: str) -> str:
    """A digest of a file's bytes and of anything it was checked against."""
    digest = hashlib.sha256(raw)
    for part in related:
        if part:  # nothing checked against: the file's own digest
            digest.update(b"\0" + part.encode())
    return digest.hexdigest()

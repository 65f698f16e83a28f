"""Locking the session log while it is read or appended to, on any platform.

The lock is on the file itself, so no lock file appears beside a log that people
sync between machines. On POSIX that is ``flock`` from the standard library; on
Windows, portalocker (``LockFileEx``). portalocker does exactly the ``flock`` call on
POSIX too, but importing it costs 25-40 ms (it reads its own package metadata), which
every start would pay, so POSIX calls ``flock`` directly. Tests run the shared
locking tests through both backends.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def _flock(handle: BinaryIO, exclusive: bool) -> None:
    assert fcntl is not None
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)


def _portalocker(handle: BinaryIO, exclusive: bool) -> None:
    import portalocker

    portalocker.lock(handle, portalocker.LOCK_EX if exclusive else portalocker.LOCK_SH)


#: How a handle is locked here (tests swap in the other one).
lock: Callable[[BinaryIO, bool], None] = _flock if fcntl is not None else _portalocker


@contextmanager
def locked(path: os.PathLike[str] | str, flags: int, *, exclusive: bool) -> Iterator[BinaryIO]:
    """Open ``path`` with ``os.open`` ``flags`` and hold a lock on it in the block;
    closing the file releases the lock."""
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o600)
    mode = "a+b" if flags & os.O_APPEND else "r+b" if flags & os.O_RDWR else "rb"
    handle: BinaryIO = os.fdopen(fd, mode, buffering=0)  # type: ignore[assignment]
    try:
        lock(handle, exclusive)
        yield handle
    finally:
        handle.close()

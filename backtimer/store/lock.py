"""Locking the session log while it is read or appended to, on any platform, with the
standard library only.

The lock is on the file itself, so no lock file appears beside a log that people
sync between machines:

- POSIX: ``flock`` (shared for readers, exclusive for writers); closing the file
  releases it.
- Windows: ``msvcrt.locking`` on one byte far past the end of any log (Windows locks
  are mandatory for the byte range they cover, so the log's own bytes stay readable
  by other programs, a sync tool among them). ``msvcrt`` has no shared lock, so
  readers take the same exclusive one, for the few milliseconds a read takes. It is
  released before the file is closed, as Windows asks.

Tests run the locking tests through both backends; the Windows one through a shim of
``msvcrt`` on Linux (``tests/unit/msvcrt_shim.py``), since CI has no Windows.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

#: Where the Windows lock byte lies: past the end of any log (they stay far smaller),
#: and inside the 31-bit offsets every C runtime handles.
WINDOWS_LOCK_OFFSET = 1 << 30


def _flock(handle: BinaryIO, exclusive: bool) -> Callable[[], None]:
    assert fcntl is not None
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
    return lambda: None  # closing the file releases it


def _msvcrt_module() -> Any:
    import msvcrt

    return msvcrt


def _at_lock_byte(fd: int, call: Callable[[], None]) -> None:
    here = os.lseek(fd, 0, os.SEEK_CUR)
    os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
    try:
        call()
    finally:
        os.lseek(fd, here, os.SEEK_SET)


def _msvcrt(handle: BinaryIO, exclusive: bool) -> Callable[[], None]:
    """Wait for the lock byte (``LK_NBLCK`` in a loop: ``LK_LOCK`` gives up after ten
    seconds); return what releases it."""
    msvcrt = _msvcrt_module()
    fd = handle.fileno()
    while True:
        try:
            _at_lock_byte(fd, lambda: msvcrt.locking(fd, msvcrt.LK_NBLCK, 1))
            break
        except PermissionError:  # EACCES: another process holds it
            time.sleep(0.01)
        except OSError as exc:
            if exc.errno not in (13, 36):  # EACCES, EDEADLOCK
                raise
            time.sleep(0.01)

    def release() -> None:
        _at_lock_byte(fd, lambda: msvcrt.locking(fd, msvcrt.LK_UNLCK, 1))

    return release


#: How a handle is locked here (tests swap in the other one).
lock: Callable[[BinaryIO, bool], Callable[[], None]] = _flock if fcntl is not None else _msvcrt


@contextmanager
def locked(path: os.PathLike[str] | str, flags: int, *, exclusive: bool) -> Iterator[BinaryIO]:
    """Open ``path`` with ``os.open`` ``flags`` and hold a lock on it in the block;
    it is released before the file is closed."""
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o600)
    mode = "a+b" if flags & os.O_APPEND else "r+b" if flags & os.O_RDWR else "rb"
    handle: BinaryIO = os.fdopen(fd, mode, buffering=0)  # type: ignore[assignment]
    try:
        release = lock(handle, exclusive)
        try:
            yield handle
        finally:
            release()
    finally:
        handle.close()

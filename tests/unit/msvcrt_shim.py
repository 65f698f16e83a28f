"""A stand-in for Windows' ``msvcrt.locking`` on Linux, for the lock tests.

It keeps Windows' semantics where the tests can see them: a lock on a byte range
from the current position, held per process and range (POSIX record locks
through ``fcntl.lockf``, which like Windows' are per process and range), ``LK_NBLCK``
failing at once with EACCES when another process holds it, ``LK_UNLCK`` releasing.
"""

from __future__ import annotations

import errno
import fcntl
import os

LK_UNLCK, LK_LOCK, LK_NLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4
LK_NBLCK = LK_NLCK
calls: list[tuple[int, int]] = []


def locking(fd: int, mode: int, nbytes: int) -> None:
    start = os.lseek(fd, 0, os.SEEK_CUR)
    calls.append((mode, start))
    if mode == LK_UNLCK:
        fcntl.lockf(fd, fcntl.LOCK_UN, nbytes, start, os.SEEK_SET)
        return
    # POSIX cannot write-lock a read-only descriptor: a reader's lock is a read lock
    # here (Windows' is exclusive); writers still exclude each other and readers
    writable = fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE != os.O_RDONLY
    kind = fcntl.LOCK_EX if writable else fcntl.LOCK_SH
    flags = kind | (fcntl.LOCK_NB if mode in (LK_NBLCK, LK_NBRLCK) else 0)
    try:
        fcntl.lockf(fd, flags, nbytes, start, os.SEEK_SET)
    except BlockingIOError:
        raise PermissionError(errno.EACCES, "Permission denied") from None


def install() -> None:
    """Make ``import msvcrt`` give this module, and the log lock use it."""
    import sys

    sys.modules["msvcrt"] = sys.modules[__name__]
    import backtimer.store.lock as lock

    lock.lock = lock._msvcrt

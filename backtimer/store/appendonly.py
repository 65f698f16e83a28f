"""Appending to a file that is never rewritten: the session log and the corrections.

One write to a file opened for appending, then fsync, under an exclusive lock
(``store.lock``): a crash at any instant leaves what was there as it was, and the cost
does not depend on the size of the file. A write that fails (a full disk) is cut back
to the length before it. Symbolic links and anything but a regular file are refused;
a new file is private (0600) and its name is made durable.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from backtimer.store.lock import locked
from backtimer.store.tomlio import ensure_private_dir

#: How much of the end of the file ``compose`` is shown.
TAIL = 65536


def append_text(path: Path, compose: Callable[[str, bool], str]) -> None:
    """Append ``compose(tail, empty)`` to ``path``: ``tail`` is the end of the file as
    it is under the lock, ``empty`` whether it has nothing yet. ``compose`` may raise
    to write nothing."""
    ensure_private_dir(path.parent)
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        opened = locked(path, flags, exclusive=True)
        handle = opened.__enter__()
    except OSError as exc:
        if path.is_symlink():
            message = f"{path} is a symbolic link; refusing to write through it"
            raise OSError(exc.errno, message) from None
        raise
    try:
        fd = handle.fileno()
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path} is not a regular file")
        size = info.st_size
        tail = ""
        if size:
            os.lseek(fd, max(0, size - TAIL), os.SEEK_SET)
            tail = os.read(fd, TAIL).decode("utf-8", "replace")
        data = compose(tail, size == 0).encode("utf-8")
        try:
            written = os.write(fd, data)
            while written < len(data):  # a short write: go on until the block is whole
                written += os.write(fd, data[written:])
            os.fsync(fd)
        except OSError:
            with suppress(OSError):  # the file exactly as before the write
                os.ftruncate(fd, size)
                os.fsync(fd)
            raise
    finally:
        opened.__exit__(None, None, None)
    if size == 0:
        try:
            os.chmod(path, 0o600)
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)  # make the new file's name durable too
            finally:
                os.close(dir_fd)
        except OSError:
            pass

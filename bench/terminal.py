"""Start-up as a person meets it: measured from the terminal's side.

The measuring process is the terminal: it starts the program on a pseudo-terminal of
80x24, reads everything the program writes, and timestamps the first read after
which the screen's text has arrived. Nothing is added to the measured process. It
then watches the process's CPU time (``/proc``) until it stops moving (idle), kills
it, and reads its exact CPU time from ``wait4``.

    launch(argv, "backtimer") -> Launch(first_frame, busy_until, cpu)
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
#: Escape sequences (CSI, OSC, the two-byte ones) and whitespace: what is left is the
#: text on screen, in the order it was written.
NOISE = re.compile(rb"\x1b\[[0-9;?<>=!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b.|\s")
#: CPU time that has not moved for this long means idle (longer than any timer a
#: program sets itself just after its first frame).
IDLE_S = 1.0


@dataclass(frozen=True)
class Launch:
    """Seconds from the start of the process: the first frame holding the text, the
    last moment it was seen using CPU before going idle, and its CPU time to idle."""

    first_frame: float
    busy_until: float
    cpu: float


def _ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def launch(
    argv: list[str], text: str, env: dict[str, str] | None = None, timeout: float = 30.0
) -> Launch:
    """Run ``argv`` on a fresh 80x24 pseudo-terminal until ``text`` (compared without
    spaces) is on screen and the process is idle."""
    wanted = re.sub(r"\s", "", text).encode()
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    environ = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    environ.pop("TEXTUAL", None)
    environ.update(env or {})
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: the pty is its terminal
        try:
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            os.close(master)
            os.execvpe(argv[0], argv, environ)
        finally:
            os._exit(127)
    os.close(slave)
    seen = b""
    first: float | None = None
    last_ticks, busy_until, quiet_since = -1, 0.0, 0.0
    try:
        while True:
            now = time.perf_counter()
            if now - start > timeout:
                raise RuntimeError(f"{argv[0]}: {text!r} not on screen after {timeout} s")
            ready, _, _ = select.select([master], [], [], 0.002)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the program closed its terminal
                    raise RuntimeError(f"{argv[0]} exited before {text!r} showed") from None
                if first is None:
                    seen += chunk
                    if wanted in NOISE.sub(b"", seen):
                        first = time.perf_counter() - start
                continue  # keep the pipe drained before looking at the CPU
            if first is None:
                continue
            ticks = _ticks(pid)
            if ticks != last_ticks:
                last_ticks, busy_until, quiet_since = ticks, now - start, now
            elif now - quiet_since >= IDLE_S:
                break
            time.sleep(0.005)
        os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(pid, 0)
        pid = 0
        return Launch(first, max(first, busy_until), usage.ru_utime + usage.ru_stime)
    finally:
        if pid:
            os.kill(pid, signal.SIGKILL)
            os.wait4(pid, 0)
        os.close(master)


if __name__ == "__main__":
    import sys

    print(launch(sys.argv[2:], sys.argv[1]))

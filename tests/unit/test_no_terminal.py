"""With no terminal the app says why (and to use --plain) and exits 2 at once instead
of drawing escape codes forever; a terminal that cannot move the cursor (TERM=dumb)
gets the plain session."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

import pytest


@pytest.mark.parametrize("command", [[], ["start"]])
def test_no_terminal_is_a_usage_error_at_once(tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / "out.txt"
    with open(os.devnull, "rb") as stdin, open(out, "wb") as stdout:
        result = subprocess.run(
            [sys.executable, "-m", "backtimer", *command, "--data-dir", str(tmp_path / "d")],
            stdin=stdin,
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=30,
        )
    assert result.returncode == 2
    assert "needs a full terminal" in result.stderr and "Traceback" not in result.stderr
    assert "--plain" in result.stderr
    assert out.read_bytes() == b""  # no escape codes drawn


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pty (POSIX)")
def test_term_dumb_on_a_real_terminal_runs_the_plain_session(tmp_path: Path) -> None:
    import pty
    import select
    import time

    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "dumb"
        os.execv(
            sys.executable,
            [
                sys.executable,
                "-m",
                "backtimer",
                "--data-dir",
                str(tmp_path / "d"),
                "--cache-dir",
                str(tmp_path / "c"),
            ],
        )
    seen = b""
    began = time.monotonic()
    status = None
    try:
        while time.monotonic() - began < 30:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                with suppress(OSError):
                    seen += os.read(fd, 4096)
                if b"Press Enter to start" in seen and b"q\r\n" not in seen:
                    os.write(fd, b"q\r")  # the first run's "when to stop": not now
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
        else:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        while select.select([fd], [], [], 0.2)[0]:  # what is left in the pty
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(fd)
    assert status is not None and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, seen
    assert b"When to stop" in seen or b"These exercises suit" in seen
    assert b"\x1b[" not in seen  # plain lines: no cursor movement, no colour

"""A closed terminal (SIGHUP) or a kill (SIGTERM) mid-session still records it."""

from __future__ import annotations

import signal
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

import pytest

from backtimer.store import logbook

SCRIPT = """
import sys
from backtimer.core.settings import Settings
from backtimer.tui.launch import make_app
from backtimer.tui.screens.session import SessionScreen

from pathlib import Path

Path(sys.argv[1]).mkdir(parents=True, exist_ok=True)
Path(sys.argv[1], "state.toml").write_text('screening = "clear"')  # the first-run check
app = make_app(
    data_dir=sys.argv[1], routine="quick", start=True,
    settings=Settings(
        safety_acknowledged=True, pain_check=False, bell=False, voice="off", get_ready_s=0
    ),
)
told = False


def hook():
    global told
    if not told and isinstance(app.screen, SessionScreen):
        told = True  # 3.5 s into the first move: something was done, so it is logged
        app.set_timer(3.5, lambda: print("in session", flush=True))


app.post_display_hook = hook
app.run(headless=True)
print("exited", flush=True)
sys.exit(app.return_code)
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_signal_mid_session_records_it(tmp_path: Path, sig: signal.Signals) -> None:
    script = tmp_path / "run.py"
    script.write_text(SCRIPT)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "in session"
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + sig, err  # as a killed program exits
    [saved] = logbook.read_folder(tmp_path / "data").sessions
    assert saved.routine == "quick"
    assert not saved.completed and saved.ended_early


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this system")
def test_a_closed_terminal_during_the_first_frames_exits_promptly(tmp_path: Path) -> None:
    """In a real pty: SIGHUP as the app draws its first frames; it leaves within 2 s,
    every time (Textual's writer may otherwise wait forever on the dead terminal)."""
    import os
    import pty
    import select
    import time

    slow = []
    for trial in range(20):
        pid, fd = pty.fork()
        if pid == 0:  # the child: backtimer in the pty
            os.execv(
                sys.executable,
                [
                    sys.executable,
                    "-m",
                    "backtimer",
                    "--data-dir",
                    str(tmp_path / "data"),
                    "--cache-dir",
                    str(tmp_path / "cache"),
                ],
            )
        try:
            # wait for the first bytes of the first frame, then hang up mid-frame
            ready, _, _ = select.select([fd], [], [], 20)
            assert ready, "no frame"
            os.read(fd, 1024)
            time.sleep(0.01 * (trial % 5))
            os.kill(pid, signal.SIGHUP)
            os.close(fd)  # the terminal is gone
            began = time.monotonic()
            while time.monotonic() - began < 5:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                time.sleep(0.02)
            else:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                slow.append(trial)
                continue
            if time.monotonic() - began > 2:
                slow.append(trial)
        finally:
            with suppress(OSError):
                os.close(fd)
    assert not slow, f"{len(slow)} of 20 did not exit within 2 s"

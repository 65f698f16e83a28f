"""Peers: other terminal timers, measured the way backtimer is, in a throw-away venv.

    python bench/peers.py [--quick]

termdown (a curses countdown, on PyPI) and Timero (a Textual workout timer) are
installed with pip into a temporary venv; one that cannot be installed is reported
as skipped, with pip's reason. Each runs a countdown in tmux (80x24): CPU over a
window (user + system time from /proc) and the time until its first output shows in
the pane, next to the bare app that updates a Static once a second.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Row

TICKS = os.sysconf("SC_CLK_TCK")
PEERS = {
    # name: (pip requirement, the command in the venv's bin, its arguments)
    "termdown": ("termdown", "termdown", ["600"]),
    "Timero": ("timero", "timero", []),
}


class Exited(Exception):
    """The peer quit before its window was over (it is then not a countdown here)."""


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        raise Exited from None
    return (int(fields[11]) + int(fields[12])) / TICKS


def install(folder: Path) -> dict[str, Path | str]:
    """Each peer's command, or why it could not be installed."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    found: dict[str, Path | str] = {}
    for name, (requirement, command, _) in PEERS.items():
        done = subprocess.run(
            [str(folder / "bin" / "pip"), "install", "-q", requirement],
            capture_output=True,
            text=True,
            timeout=300,
        )
        tool = folder / "bin" / command
        if done.returncode == 0 and tool.exists():
            found[name] = tool
        else:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            found[name] = f"not installable here: {last[:120]}"
    return found


def observe(argv: list[str], window: float) -> tuple[float, float]:
    """(seconds until the pane shows output, % of one core over ``window``)."""
    name = f"bt-peer-{os.getpid()}"
    command = " ".join(argv)
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-x", "80", "-y", "24", "-s", name, f"exec {command}"],
        check=True,
    )
    try:
        pid = int(
            subprocess.run(
                ["tmux", "list-panes", "-t", name, "-F", "#{pane_pid}"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()[0]
        )
        while True:
            pane = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True
            ).stdout
            if pane.strip():
                shown = time.perf_counter() - start
                break
            if time.perf_counter() - start > 30:
                raise RuntimeError(f"{argv[0]} showed nothing")
            time.sleep(0.005)
        time.sleep(2.0)
        cpu0, t0 = _cpu_seconds(pid), time.monotonic()
        time.sleep(window)
        cpu1, t1 = _cpu_seconds(pid), time.monotonic()
        return shown, 100 * (cpu1 - cpu0) / (t1 - t0)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def measure(window: float = 20.0) -> list[Row]:
    from common import HERE, PYTHON

    folder = Path(tempfile.mkdtemp(prefix="backtimer-peers-"))
    try:
        tools = install(folder / "venv")
        tick = [PYTHON, str(HERE / "probe.py"), "tick", "--stay", "600"]
        floor_start, floor_cpu = observe(tick, window)
        rows = []
        for name, tool in tools.items():
            if isinstance(tool, str):
                rows.append(Row("peers", f"{name}: skipped", "-", tool, "-", "-", None))
                continue
            try:
                shown, cpu = observe([str(tool), *PEERS[name][2]], window)
            except Exited:
                why = "exited before the window was over"
                rows.append(Row("peers", f"{name}: skipped", "-", why, "-", "-", None))
                continue
            rows.append(
                Row(
                    "peers",
                    f"{name}: CPU while counting down, {window:.0f} s in tmux (% of one core)",
                    f"{floor_cpu:.2f} % (bare app updating a Static each second)",
                    f"{cpu:.2f} %",
                    f"{cpu / floor_cpu:.2f}x" if floor_cpu else "-",
                    "backtimer's own row (3 CPU) should be lower",
                    None,
                )
            )
            rows.append(
                Row(
                    "peers",
                    f"{name}: start until the first output shows in tmux (ms)",
                    f"{floor_start * 1000:.0f} (the same bare app)",
                    f"{shown * 1000:.0f}",
                    f"{shown / floor_start:.2f}x",
                    "-",
                    None,
                )
            )
        return rows
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    from common import table

    print(table(measure(window=5.0 if "--quick" in sys.argv else 20.0)))

"""Figures 3 and 4: CPU while a session runs, and memory, against a bare Textual app.

Each app runs in a real terminal (tmux, 80x24). CPU is the process's user+system time
over a window, from /proc; memory is its resident set size once painted and settled.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from common import HERE, PYTHON, Row, profile

PROBE = str(HERE / "probe.py")
TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def observe(
    which: str, routine: str | None, window: float, settle: float = 2.0, voice: bool = False
) -> tuple[float, int]:
    """Run one probe in tmux; return (% of one core over ``window`` s, RSS in kB)."""
    data, catalog = profile(voice)
    mark = Path(tempfile.mkdtemp()) / "mark"
    extra = f" --routine {routine}" if routine else ""
    command = (
        f"exec {PYTHON} {PROBE} {which} --mark {mark} --stay {settle + window + 5} "
        f"--data-dir {data} --catalog {catalog}{extra}"
    )
    name = f"bt-cpu-{os.getpid()}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-x", "80", "-y", "24", "-s", name, command], check=True
    )
    try:
        deadline = time.monotonic() + 30
        while not (mark.exists() and "painted" in mark.read_text()):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{which} never painted")
            time.sleep(0.01)
        pid = int(mark.read_text().split()[1])
        time.sleep(settle)
        rss = _rss_kb(pid)
        cpu0, t0 = _cpu_seconds(pid), time.monotonic()
        time.sleep(window)
        cpu1, t1 = _cpu_seconds(pid), time.monotonic()
        return 100 * (cpu1 - cpu0) / (t1 - t0), rss
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def measure(window: float = 20.0) -> list[Row]:
    idle_cpu, bare_rss = observe("bare", None, window)
    hold_cpu, hold_rss = observe("session", "bench-hold", window)
    reps_cpu, _ = observe("session", "bench-reps", window)
    voice_cpu, _ = observe("session", "bench-reps", window, voice=True)
    _, home_rss = observe("home", None, 1.0)
    rows = [
        Row(
            "3 CPU",
            f"running hold, {window:.0f} s in tmux (% of one core)",
            f"{idle_cpu:.2f} % (idle bare app)",
            f"{hold_cpu:.2f} %",
            "-",
            "about 1 % or less",
            hold_cpu <= 1.2,
        ),
        Row(
            "3 CPU",
            f"paced reps with breath bar, {window:.0f} s in tmux (% of one core)",
            f"{idle_cpu:.2f} % (idle bare app)",
            f"{reps_cpu:.2f} %",
            "-",
            "about 1 % or less",
            reps_cpu <= 1.2,
        ),
        Row(
            "3 CPU",
            f"paced reps, voice and tones on, {window:.0f} s in tmux (% of one core; the "
            "speech subprocesses not counted)",
            f"{reps_cpu:.2f} % (voice off)",
            f"{voice_cpu:.2f} %",
            "-",
            "about 1 % or less",
            voice_cpu <= 1.2,
        ),
    ]
    for label, rss in (("Home", home_rss), ("mid-session (hold)", hold_rss)):
        ratio = rss / bare_rss
        rows.append(
            Row(
                "4 memory",
                f"RSS on {label}",
                f"{bare_rss / 1024:.1f} MB",
                f"{rss / 1024:.1f} MB",
                f"{ratio:.2f}x",
                "<= 1.3x",
                ratio <= 1.3,
            )
        )
    return rows


if __name__ == "__main__":
    import sys

    from common import table

    print(table(measure(window=5.0 if "--quick" in sys.argv else 20.0)))

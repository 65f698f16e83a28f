"""Figures 3 and 4: CPU while a session runs, and memory, against bare Textual apps.

Each app runs in a real terminal (tmux, 80x24). CPU is the process's user+system time
over a window, read by the process itself (``time.process_time``, exact; /proc counts
whole 10 ms ticks, a fifth of what a second of floor costs); frames are counted by
the app itself (Textual's post-display hook) over the same window; memory is the
resident set size once painted and settled. The CPU floor is the bare app updating
one Static once a second (what any one-second countdown must cost); memory is against
the bare app.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from common import HERE, PYTHON, Row, in_tmux, profile

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
    which: str,
    routine: str | None,
    window: float,
    settle: float = 4.0,
    voice: bool = False,
    variant: str = "shipped",
    size: tuple[int, int] = (80, 24),
    settings: str = "",
) -> tuple[float, int, float]:
    """Run one probe in tmux (``size`` columns by rows, ``settings`` lines added);
    return (% of one core over ``window`` s, RSS in kB, frames a second over the
    window)."""
    data, catalog = profile(voice, settings)
    mark = Path(tempfile.mkdtemp()) / "mark"
    extra = f" --routine {routine}" if routine else ""
    command = (
        f"exec {PYTHON} {PROBE} {which} --mark {mark} --stay {settle + window} "
        f"--count-from {settle} --data-dir {data} --catalog {catalog}{extra}"
        f" --variant {variant}"
    )
    name = f"bt-cpu-{os.getpid()}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-x", str(size[0]), "-y", str(size[1]), "-s", name]
        + [in_tmux(command)],
        check=True,
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
        time.sleep(window - 0.3)  # the probe leaves at settle + window
        cpu1, t1 = _cpu_seconds(pid), time.monotonic()
        while "rss" not in mark.read_text():
            if time.monotonic() > deadline + settle + window + 30:
                raise RuntimeError(f"{which} never finished")
            time.sleep(0.05)
        report = mark.read_text()
        frames = int(report.split("frames ")[1].split()[0])
        if "cpu " in report:  # the probe's own reading: exact, where /proc counts ticks
            cpu, wall = (float(v) for v in report.split("cpu ")[1].split()[:2])
            return 100 * cpu / wall, rss, frames / window
        return 100 * (cpu1 - cpu0) / (t1 - t0), rss, frames / window
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def measure(window: float = 20.0) -> list[Row]:
    _, bare_rss, _ = observe("bare", None, 2.0)
    tick_cpu, _, tick_fps = observe("tick", None, window)
    hold_cpu, hold_rss, hold_fps = observe("session", "bench-hold", window)
    reps_cpu, _, reps_fps = observe("session", "bench-reps", window)
    voice_cpu, _, _ = observe("session", "bench-reps", window, voice=True)
    _, home_rss, _ = observe("home", None, 2.0)
    _, after_rss, _ = observe("home-after", None, 2.0)
    floor = f"{tick_cpu:.2f} % ({tick_fps:.1f} frames/s; bare app updating a Static each second)"
    rows = []
    for label, cpu, fps, limit in (
        ("running hold", hold_cpu, hold_fps, 1.5),
        ("paced reps with breath bar", reps_cpu, reps_fps, 2.5),
        ("paced reps, voice and tones on (speech subprocesses not counted)", voice_cpu, None, 2.5),
    ):
        ratio = cpu / tick_cpu if tick_cpu else float("inf")
        frames = f" ({fps:.1f} frames/s)" if fps is not None else ""
        rows.append(
            Row(
                "3 CPU",
                f"{label}, {window:.0f} s in tmux (% of one core)",
                floor,
                f"{cpu:.2f} %{frames}",
                f"{ratio:.2f}x",
                f"<= {limit}x the floor" + (", 1 frame/s" if limit == 1.5 else ""),
                ratio <= limit and (fps is None or limit != 1.5 or fps <= 1.2),
            )
        )
    for label, rss in (
        ("Home", home_rss),
        ("Home, after a session was saved in the same process", after_rss),
        ("mid-session (hold)", hold_rss),
    ):
        ratio = rss / bare_rss
        rows.append(
            Row(
                "4 memory",
                f"RSS on {label}",
                f"{bare_rss / 1024:.1f} MB (bare app)",
                f"{rss / 1024:.1f} MB",
                f"{ratio:.2f}x",
                "<= 1.2x",
                ratio <= 1.2,
            )
        )
    return rows


def plain_lines(runs: int, window: float) -> list[Row]:
    """What ``tui/widgets/plain.py`` is worth on its own: a running hold and paced
    reps, as shipped and without it (``variants.py``), interleaved."""
    from common import quartiles

    rows = []
    for label, routine in (("running hold", "bench-hold"), ("paced reps", "bench-reps")):
        cpu: dict[str, list[float]] = {"shipped": [], "no-plain-lines": []}
        for _ in range(runs):
            for variant in cpu:
                cpu[variant].append(observe("session", routine, window, variant=variant)[0])
        a, b = quartiles(cpu["shipped"]), quartiles(cpu["no-plain-lines"])
        effect, noise = b[1] - a[1], max(a[2] - a[0], b[2] - b[0])
        rows.append(
            Row(
                "shortcut",
                f"PlainLines: CPU in a {label}, backtimer without it vs as shipped "
                f"({runs} interleaved runs of {window:.0f} s in tmux, % of one core)",
                f"{a[1]:.2f} % ({a[0]:.2f}-{a[2]:.2f})",
                f"{b[1]:.2f} % ({b[0]:.2f}-{b[2]:.2f})",
                f"{effect:+.2f} points (spread {noise:.2f}); {b[1] / a[1]:.2f}x",
                "moves it by more than the spread",
                abs(effect) > noise,
            )
        )
    return rows


def figures(runs: int, window: float) -> list[Row]:
    """Issue 29's cost: the CPU of a running hold and of paced reps at 160x50, where
    the move's figure stands beside the steps, with figures on and off (interleaved
    runs). The figure is drawn again only when the pose changes: in a hold never, in
    cat-cow at each turn of the tempo."""
    from common import quartiles

    rows = []
    for label, routine in (("running hold", "bench-hold"), ("paced reps", "bench-reps")):
        cpu: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(runs):
            for on in cpu:
                setting = f"figures = {'true' if on else 'false'}\n"
                found = observe("session", routine, window, size=(160, 50), settings=setting)
                cpu[on].append(found[0])
        off, on_ = quartiles(cpu[False]), quartiles(cpu[True])
        ratio = on_[1] / off[1] if off[1] else float("inf")
        rows.append(
            Row(
                "figures",
                f"{label} at 160x50, figures off vs on ({runs} interleaved runs of "
                f"{window:.0f} s in tmux, % of one core)",
                f"{off[1]:.2f} % ({off[0]:.2f}-{off[2]:.2f})",
                f"{on_[1]:.2f} % ({on_[0]:.2f}-{on_[2]:.2f})",
                f"{ratio:.2f}x",
                "<= 1.10x",
                ratio <= 1.10,
            )
        )
    return rows


if __name__ == "__main__":
    import sys

    from common import table

    print(table(measure(window=5.0 if "--quick" in sys.argv else 20.0)))

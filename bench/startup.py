"""Figure 1: process start to the first painted frame, backtimer's Home vs a bare app."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from common import HERE, PYTHON, Row, profile, spread

PROBE = str(HERE / "probe.py")


def headless_once(which: str, data: Path, catalog: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [PYTHON, PROBE, which, "--headless", "--data-dir", str(data), "--catalog", str(catalog)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=30)
    assert line.startswith("painted"), line
    return elapsed


def tmux_once(which: str, data: Path, catalog: Path) -> float:
    mark = Path(tempfile.mkdtemp()) / "mark"
    command = f"exec {PYTHON} {PROBE} {which} --mark {mark} --data-dir {data} --catalog {catalog}"
    start = time.perf_counter()
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "-s",
            f"bt-start-{os.getpid()}",
            command,
        ],
        check=True,
    )
    deadline = start + 30
    while time.perf_counter() < deadline:
        if mark.exists() and "painted" in mark.read_text():
            elapsed = time.perf_counter() - start
            break
        time.sleep(0.0005)
    else:
        raise RuntimeError("the app never painted in tmux")
    while "rss" not in mark.read_text():  # let it exit
        time.sleep(0.01)
    subprocess.run(
        ["tmux", "kill-session", "-t", f"bt-start-{os.getpid()}"], capture_output=True, check=False
    )
    return elapsed


def measure(runs: int = 7) -> list[Row]:
    data, catalog = profile()
    rows = []
    for mode, once in (("headless", headless_once), ("tmux", tmux_once)):
        times: dict[str, list[float]] = {"bare": [], "home": []}
        once("bare", data, catalog)  # warm the file cache
        for _ in range(runs):
            for which in ("bare", "home"):  # interleaved, so drift hits both
                times[which].append(once(which, data, catalog))
        bare, home = spread(times["bare"]), spread(times["home"])
        ratio = home[1] / bare[1]
        rows.append(
            Row(
                "1 start-up",
                f"to first frame, {mode} ({runs} runs, min/median/max ms)",
                "/".join(f"{v * 1000:.0f}" for v in bare),
                "/".join(f"{v * 1000:.0f}" for v in home),
                f"{ratio:.2f}x",
                "<= 1.25x",
                ratio <= 1.25,
            )
        )
    return rows


if __name__ == "__main__":
    from common import table

    print(table(measure()))

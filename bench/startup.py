"""Figure 1: process start to the first painted frame, backtimer's Home vs a bare app."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from common import HERE, PYTHON, Row, in_tmux, profile, spread

PROBE = str(HERE / "probe.py")


#: The CPU time each probe had used when it painted its first frame (ms), by which.
CPU: dict[str, list[float]] = {}


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
    CPU.setdefault(which, []).append(float(line.split()[2]))
    return elapsed


def after_session(data: Path, catalog: Path) -> None:
    """Save a session into the profile, as the app does when one ends."""
    subprocess.run(
        [
            PYTHON,
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]); from probe import record_one; "
            "record_one(sys.argv[2], sys.argv[3])",
            str(HERE),
            str(data),
            str(catalog),
        ],
        check=True,
    )


def brand_new() -> tuple[Path, Path]:
    """An empty data folder and an empty cache folder: backtimer's very first start."""
    from backtimer.store.paths import shipped_catalog

    folder = Path(tempfile.mkdtemp(prefix="backtimer-first-"))
    os.environ["BACKTIMER_CACHE_DIR"] = str(folder / "cache")
    return folder / "data", shipped_catalog()


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
            in_tmux(command),
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
    cache = os.environ.get("BACKTIMER_CACHE_DIR", "")
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
                f"to first frame, warm profile, {mode} ({runs} runs, min/median/max ms)",
                "/".join(f"{v * 1000:.0f}" for v in bare),
                "/".join(f"{v * 1000:.0f}" for v in home),
                f"{ratio:.2f}x",
                "<= 1.2x",
                ratio <= 1.2,
            )
        )
    cpu_bare, cpu_home = (spread(CPU[w][-runs:])[1] for w in ("bare", "home"))
    rows.append(
        Row(
            "1 start-up",
            f"CPU time to first frame, warm profile, headless (median of {runs}, ms)",
            f"{cpu_bare:.0f}",
            f"{cpu_home:.0f}",
            f"{cpu_home / cpu_bare:.2f}x",
            "<= 1.2x",
            cpu_home / cpu_bare <= 1.2,
        )
    )
    # the daily launch: the one after a session was recorded; and the very first one
    for label, target in (("after a session was recorded", 1.2), ("brand-new profile", 1.4)):
        bare_times, times = [], []
        for _ in range(runs):
            if label.startswith("after"):
                os.environ["BACKTIMER_CACHE_DIR"] = cache
                after_session(data, catalog)
                where, book = (data, catalog), "home"
            else:
                where, book = brand_new(), "first"
            bare_times.append(headless_once("bare", data, catalog))
            times.append(headless_once(book, *where))
        os.environ["BACKTIMER_CACHE_DIR"] = cache
        bare, home = spread(bare_times), spread(times)
        ratio = home[1] / bare[1]
        rows.append(
            Row(
                "1 start-up",
                f"to first frame, {label}, headless ({runs} runs, min/median/max ms)",
                "/".join(f"{v * 1000:.0f}" for v in bare),
                "/".join(f"{v * 1000:.0f}" for v in home),
                f"{ratio:.2f}x",
                f"<= {target}x",
                ratio <= target,
            )
        )
    return rows


if __name__ == "__main__":
    from common import table

    print(table(measure()))

"""Figure 6: `backtimer status` on a ten-year log, against a bare interpreter start
and `backtimer --version`, interleaved, median of N runs (wall clock)."""

from __future__ import annotations

import subprocess
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from common import LOG_NAME, PYTHON, Row, profile, spread


def ten_years(data: Path) -> None:
    from backtimer.store.journal import append_many
    from backtimer.store.profile import load_profile
    from tests.unit.journal_helpers import entry

    start = datetime(2016, 11, 21, 8, tzinfo=timezone(timedelta(hours=1)))
    sessions = [entry(start + timedelta(days=d), n=d) for d in range(0, 3650, 2)]
    append_many(data / LOG_NAME, sessions)
    load_profile(data)  # the caches, as for anyone who used backtimer yesterday


def timed(argv: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(argv, capture_output=True, check=True)
    return (time.perf_counter() - began) * 1000


def measure(runs: int = 15) -> list[Row]:
    data, _ = profile()
    ten_years(data)
    script = str(Path(PYTHON).parent / "backtimer")  # the command people type
    cases = {
        "bare": [PYTHON, "-c", "pass"],
        "version": [script, "--version"],
        "help": [script, "--help"],
        "status": [script, "status", "--data-dir", str(data)],
    }
    timed(cases["status"])  # the first run writes the week's summary
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, argv in cases.items():
            times[name].append(timed(argv))
    bare, version, status, usage = (
        spread(times[n])[1] for n in ("bare", "version", "status", "help")
    )
    return [
        Row(
            "6 status",
            f"`backtimer status`, 1,825-session (ten-year) log, median of {runs} (ms)",
            f"{bare:.0f} (python -c pass)",
            f"{status:.0f}",
            f"+{status - bare:.0f} ms",
            "within 60 ms of a bare start",
            status - bare <= 60,
        ),
        *(
            Row(
                "6 status",
                f"`backtimer {flag}`, median of {runs} (ms)",
                f"{bare:.0f} (python -c pass)",
                f"{value:.0f}",
                f"+{value - bare:.0f} ms",
                "within 40 ms of a bare start",
                value - bare <= 40,
            )
            for flag, value in (("--version", version), ("--help", usage))
        ),
    ]

"""Figure 5: does the session log slow things down as it grows?

Logs of 10, 1,000, 2,600 (ten years at five a week) and 10,000 sessions: the time of
`backtimer history --json`, of opening the history screen, and of the app's whole save
of one session, each against the same on an empty (or 10-session) log; and the
absolute budgets a person feels: history at 10,000 sessions under 0.5 s warm and 3 s
cold.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path

from common import LOG_NAME, PYTHON, Row, profile

from backtimer.store.journal import HEADER, ExerciseEntry, SessionEntry, format_block, load

SIZES = (0, 10, 1000, 2600, 10000)
IDS = [
    "marching",
    "arm-circles",
    "torso-twists",
    "cat-cow",
    "pelvic-tilts",
    "knee-to-chest",
    "bridge",
    "supine-twist",
    "childs-pose",
]


def session(n: int, count: int = 0) -> SessionEntry:
    """Session ``n`` of ``count``, five a week, the last one this morning."""
    today = datetime.now().astimezone().replace(hour=7, minute=30, second=0, microsecond=0)
    start = today - timedelta(days=(count - 1 - n) * 7 / 5)
    return SessionEntry(
        id=f"{start:%Y%m%dT%H%M%S}-{n:06x}",
        started_at=start,
        ended_at=start + timedelta(minutes=13),
        active_s=731.0,
        paused_s=12.0,
        routine="gentle",
        planned_minutes=12.2,
        planned_s=731.0,
        completed=True,
        pain_before=4,
        pain_after=3,
        exercises=tuple(ExerciseEntry(x, "done", 60.0) for x in IDS),
    )


#: Two other machines' files beside this one's, for the log spread over devices.
OTHERS = ("sessions-laptop-a1b2.toml", "sessions-desk-c3d4.toml")


def make_log(folder: Path, count: int, devices: int = 1) -> Path:
    """A log of ``count`` sessions, spread round-robin over ``devices`` machines' files."""
    path = folder / LOG_NAME
    names = [LOG_NAME, *OTHERS][:devices]
    for d, name in enumerate(names):
        blocks = (format_block(session(n, count)) for n in range(d, count, devices))
        text = "".join("\n" + block for block in blocks)
        if text:
            (folder / name).write_text(HEADER + text)
    return path


def cli_command(data: Path, catalog: Path) -> list[str]:
    return [
        PYTHON,
        "-m",
        "backtimer",
        "history",
        "--json",
        "--data-dir",
        str(data),
        "--catalog",
        str(catalog),
    ]


def time_cli(profiles: dict[int, tuple[Path, Path]], runs: int) -> dict[int, float]:
    """Median time of `history --json` per log size, sizes interleaved run by run so
    that the machine's drift falls on all of them alike."""
    for data, catalog in profiles.values():  # the first run builds the load cache
        subprocess.run(cli_command(data, catalog), check=True, capture_output=True)
    times: dict[int, list[float]] = {count: [] for count in profiles}
    for _ in range(runs):
        for count, (data, catalog) in profiles.items():
            start = time.perf_counter()
            subprocess.run(cli_command(data, catalog), check=True, capture_output=True)
            times[count].append(time.perf_counter() - start)
    return {count: statistics.median(values) for count, values in times.items()}


def time_uncached(profiles: dict[int, tuple[Path, Path]], runs: int) -> dict[int, float]:
    """Median time of the first `history --json` after the log's cache is gone (a hand
    edit, a new machine): every block is read and validated again."""
    import os

    times: dict[int, list[float]] = {count: [] for count in profiles}
    cache = Path(os.environ["BACKTIMER_CACHE_DIR"])
    for _ in range(runs):
        for count, (data, catalog) in profiles.items():
            for entry in cache.glob("log-*.json"):
                entry.unlink()
            start = time.perf_counter()
            subprocess.run(cli_command(data, catalog), check=True, capture_output=True)
            times[count].append(time.perf_counter() - start)
    return {count: statistics.median(values) for count, values in times.items()}


def time_screen(data: Path, catalog: Path, runs: int) -> float:
    from backtimer.tui.launch import make_app
    from backtimer.tui.screens.history import HistoryScreen

    async def once() -> float:
        app = make_app(data_dir=data, catalog=catalog)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("h")
            while not isinstance(app.screen, HistoryScreen):
                await pilot.pause()
            await pilot.pause()
            return time.perf_counter() - start

    return statistics.median(asyncio.run(once()) for _ in range(runs))


def time_save(profiles: dict[int, tuple[Path, Path]], runs: int) -> dict[int, float]:
    """Median time of the app's whole end-of-session save (``Profile.save``, which the
    recorder calls: the append, the log's caches, the week's summary), each profile
    loaded once as the running app has it; sizes interleaved save by save (the disk's
    `fsync` time drifts more than the sizes differ)."""
    import os

    from backtimer.store.profile import load_profile

    loaded = {count: load_profile(*where) for count, where in profiles.items() if count}
    # the logs were just generated: flush them first, or the first save's fsync
    # writes the whole file out, and larger logs would pay for the generator's writes
    os.sync()
    times: dict[int, list[float]] = {count: [] for count in loaded}
    for n in range(runs):
        for count, profile_ in loaded.items():
            entry = session(900000 + n, 900000 + n + 1)
            start = time.perf_counter()
            profile_.save(entry)
            times[count].append(time.perf_counter() - start)
    return {count: statistics.median(values) for count, values in times.items()}


def measure(runs: int = 7, sizes: tuple[int, ...] = SIZES) -> list[Row]:
    screen: dict[int, float] = {}
    appends: dict[int, float] = {}
    profiles = {}
    for count in sizes:
        data, catalog = profile()
        make_log(data, count)
        profiles[count] = (data, catalog)
    big = max(sizes)
    data, catalog = profile()
    make_log(data, big, devices=3)
    profiles[-big] = (data, catalog)  # the same log, spread over three machines' files
    cli = time_cli(profiles, runs)
    cold_sizes = {n: profiles[n] for n in (2600, 10000) if n in profiles} or {
        max(profiles): profiles[max(profiles)]
    }
    cold = time_uncached(cold_sizes, max(3, runs // 2))
    split = profiles.pop(-big)
    for count, (data, catalog) in profiles.items():
        screen[count] = time_screen(data, catalog, 3)
    logs = {count: data / LOG_NAME for count, (data, _) in profiles.items() if count}
    appends.update(time_save(profiles, 20))
    for count, (data, _) in [*profiles.items(), (0, split)]:
        if count:
            assert len(load(logs[count]).sessions) == count + 20
        shutil.rmtree(data.parent, ignore_errors=True)
    rows = []
    for count in sizes[1:]:
        rows.append(
            Row(
                "5 log",
                f"`history --json`, {count:,} sessions (median of {runs})",
                f"{cli[0] * 1000:.0f} ms (empty)",
                f"{cli[count] * 1000:.0f} ms",
                f"+{(cli[count] - cli[0]) * 1000:.0f} ms",
                "<= +60 ms at 10,000" if count == 10000 else "-",
                (cli[count] - cli[0]) <= 0.06 if count == 10000 else None,
            )
        )
    rows.append(
        Row(
            "5 log",
            f"`history --json`, {big:,} sessions over 3 machines' files (median of {runs})",
            f"{cli[0] * 1000:.0f} ms (empty)",
            f"{cli[-big] * 1000:.0f} ms",
            f"+{(cli[-big] - cli[0]) * 1000:.0f} ms",
            "<= +60 ms at 10,000" if big == 10000 else "-",
            (cli[-big] - cli[0]) <= 0.06 if big == 10000 else None,
        )
    )
    big_log = max(cli)
    for label, seconds, limit in (
        ("warm", cli[big_log], 0.5),
        ("cold (no cache)", cold.get(big_log, float("nan")), 3.0),
    ):
        rows.append(
            Row(
                "5 log",
                f"`history --json` at {big_log:,} sessions, {label}, absolute",
                "-",
                f"{seconds:.2f} s",
                "-",
                f"under {limit} s",
                seconds < limit if big_log == 10000 else None,
            )
        )
    for count, seconds in cold.items():
        limit = {2600: 0.5, 10000: 1.5}.get(count)
        rows.append(
            Row(
                "5 log",
                f"first `history --json` with no cache (after a hand edit), {count:,} sessions",
                "-",
                f"{seconds:.2f} s",
                "-",
                f"<= {limit} s" if limit else "-",
                seconds <= limit if limit else None,
            )
        )
    for count in sizes[1:]:
        rows.append(
            Row(
                "5 log",
                f"open the history screen, {count:,} sessions",
                f"{screen[0] * 1000:.0f} ms (empty)",
                f"{screen[count] * 1000:.0f} ms",
                f"+{(screen[count] - screen[0]) * 1000:.0f} ms",
                "-",
                None,
            )
        )
    small, big = min(appends), max(appends)
    for count in sorted(appends):
        ratio = appends[count] / appends[small]
        target = f"<= 2x at {big:,}" if count == big else "-"
        rows.append(
            Row(
                "5 log",
                f"save one session (the app's whole save) with {count:,} in the log (median of 20)",
                f"{appends[small] * 1000:.2f} ms ({small:,})",
                f"{appends[count] * 1000:.2f} ms",
                f"{ratio:.2f}x",
                target,
                ratio <= 2 if count == big else None,
            )
        )
    return rows


if __name__ == "__main__":
    import sys

    from common import table

    quick = "--quick" in sys.argv
    print(table(measure(runs=2 if quick else 7, sizes=(0, 10, 200) if quick else SIZES)))

"""Shared by the benchmark scripts: a throw-away profile, statistics, the result table."""

from __future__ import annotations

import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable


def compile_sources() -> None:
    """Byte-compile backtimer and the probes first, as an installed package is: where
    PYTHONDONTWRITEBYTECODE is set (as on this CI machine), every start would compile
    backtimer's source again (about 100 ms) while Textual's came compiled from its
    wheel, which is not the comparison people meet."""
    import compileall

    compileall.compile_dir(str(ROOT / "backtimer"), quiet=1)
    compileall.compile_dir(str(HERE), quiet=1, maxlevels=0)


compile_sources()

#: The measured hold and reps open a session of about 15 minutes, as in daily use (a
#: one-minute session would show its last minute in seconds, and its progress bar
#: would move every second).
_REST_OF_SESSION = (
    '{ id = "bridge", reps = 15 }',
    '{ id = "bird-dog", reps = 10 }',
    '{ id = "knee-to-chest", hold_s = 30, sets = 3 }',
    '{ id = "supine-twist", hold_s = 30 }',
    '{ id = "pelvic-tilts", reps = 15 }',
)
_HOLD = '{ id = "childs-pose", hold_s = 60 }'
_REPS = '{ id = "cat-cow", reps = 15 }'


def _opening(routine_id: str, name: str, *first: str) -> str:
    """A routine whose first moves are ``first``, then the rest of a daily session."""
    moves = "".join(f"  {move},\n" for move in (*first, *_REST_OF_SESSION))
    return f'\n[[routine]]\nid = "{routine_id}"\nname = "{name}"\nexercises = [\n{moves}]\n'


BENCH_ROUTINES = (
    _opening("bench-hold", "Bench: one long hold", _HOLD, _REPS)
    + _opening("bench-reps", "Bench: paced reps with breath", _REPS, _HOLD)
    + """
[[routine]]
id = "bench-truth"
name = "Bench: timed, hold, reps and sides"
warmup = [{ id = "marching", time_s = 30 }]
exercises = [
  { id = "childs-pose", hold_s = 40 },
  { id = "bridge", reps = 6 },
  { id = "knee-to-chest", hold_s = 20, sets = 1 },
]

[[routine]]
id = "bench-quick"
name = "Bench: a short smoke run"
exercises = [{ id = "childs-pose", hold_s = 6 }, { id = "bridge", reps = 1 }]
"""
)

SETTINGS = """\
safety_acknowledged = true
pain_check = false
get_ready_s = 3
rest_s = 5
bell = false
"""


#: The device name of every benchmark profile, and so its log file's name.
DEVICE = "bench"
LOG_NAME = f"sessions-{DEVICE}.toml"


def profile(voice: bool = False, extra: str = "") -> tuple[Path, Path]:
    """A fresh data folder (settings with the safety screen acknowledged and no pain
    check-in, and ``extra`` settings lines) and a catalogue with the benchmark
    routines. Returns (data dir, catalogue)."""
    import os

    from backtimer.store.paths import shipped_catalog

    folder = Path(tempfile.mkdtemp(prefix="backtimer-bench-"))
    os.environ["BACKTIMER_CACHE_DIR"] = str(folder / "cache")  # this profile's own caches
    # every profile is this one machine, "bench": its log is sessions-bench.toml
    (folder / "cache").mkdir(mode=0o700)
    (folder / "cache" / "device").write_text(f"{DEVICE}\n")
    data = folder / "data"
    data.mkdir()
    sound = 'voice = "auto"\ntones = true\n' if voice else 'voice = "off"\ntones = false\n'
    (data / "settings.toml").write_text(SETTINGS + sound + extra)
    (data / "state.toml").write_text('screening = "clear"\n')  # the first-run check
    catalog = folder / "exercises.toml"
    catalog.write_text(shipped_catalog().read_text() + BENCH_ROUTINES)
    # as for anyone who has used backtimer before: files checked once are remembered
    from backtimer.store.profile import load_profile

    load_profile(data, catalog)
    return data, catalog


def in_tmux(command: str) -> str:
    """``command`` with this run's cache folder: tmux starts it in the tmux server's
    environment, not ours."""
    import os
    import shlex

    cache = os.environ.get("BACKTIMER_CACHE_DIR", "")
    return f"exec env BACKTIMER_CACHE_DIR={shlex.quote(cache)} {command.removeprefix('exec ')}"


def spread(values: list[float]) -> tuple[float, float, float]:
    return min(values), statistics.median(values), max(values)


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """The lower quartile, the median and the upper quartile: the middle half of the
    runs lies between the first and the last, the run-to-run spread."""
    if len(values) < 2:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


def verdict(samples: list[float], target: float) -> bool | None:
    """Met (True) when even the upper quartile of the runs is within ``target``,
    missed (False) when even the lower quartile is over it, and None ("within noise")
    when the target lies inside the run-to-run spread."""
    q1, _, q3 = quartiles(samples)
    if q3 <= target:
        return True
    if q1 > target:
        return False
    return None


@dataclass
class Row:
    figure: str
    measure: str
    baseline: str
    measured: str
    ratio: str
    target: str
    met: bool | None  # None: informational, or within noise (below)
    #: The target lies inside the run-to-run spread: neither met nor missed.
    noise: bool = False

    @property
    def verdict(self) -> str:
        if self.noise:
            return "within noise"
        return "-" if self.met is None else "yes" if self.met else "**MISSED**"


def table(rows: list[Row]) -> str:
    head = "| figure | measure | baseline | backtimer | ratio | target | met |\n"
    head += "|---|---|---|---|---|---|---|\n"
    return head + "".join(
        f"| {r.figure} | {r.measure} | {r.baseline} | {r.measured} | {r.ratio} | {r.target} "
        f"| {r.verdict} |\n"
        for r in rows
    )

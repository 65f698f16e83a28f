"""The Dose value, log schema 2, and the instruction each tempo phase highlights."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from backtimer.clock import FakeClock
from backtimer.core.dose import Dose, Limits
from backtimer.core.engine import Session
from backtimer.core.moment import paced_breath, rep_moment
from backtimer.core.routine import Catalog, Step
from backtimer.core.settings import SessionConfig
from backtimer.store import journal, logbook
from backtimer.store.profile import load_profile

WALL = datetime(2026, 11, 16, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def test_dose_describes_and_nudges_within_its_range() -> None:
    dose = Dose(reps=10, hold_s=3)
    assert dose.mode == "reps" and dose.describe() == "10 reps, hold 3 s"
    limits = Limits(reps=(10, 11))
    assert dose.nudged(1, None, limits=limits, default=dose) == Dose(reps=11, hold_s=3)
    assert Dose(reps=11).nudged(1, None, limits=limits, default=dose) is None
    # sets only from a range the catalogue gives
    assert dose.nudged(1, "sets", limits=limits, default=dose) is None
    ranged = Limits(reps=(10, 11), sets=(1, 3))
    assert dose.nudged(1, "sets", limits=ranged, default=dose) == Dose(reps=10, hold_s=3, sets=2)
    assert Dose(time_s=45).describe() == "45 s" and Dose(hold_s=20, sets=2).describe() == (
        "hold 20 s, 2 sets"
    )


def test_limits_refuse_more_than_the_range() -> None:
    default = Dose(hold_s=20)
    limits = Limits(hold_s=(10, 30))
    assert limits.problem(default, {"hold_s": 25}) is None
    assert "above the safe maximum of 30" in (limits.problem(default, {"hold_s": 40}) or "")
    assert "does not apply" in (limits.problem(default, {"reps": 3}) or "")


def test_a_step_carries_one_dose(catalog: Catalog) -> None:
    step = Step.of(catalog.exercises["knee-to-chest"], "main", sets=3)
    assert step.dose == Dose(hold_s=20, sets=3)
    assert step.describe() == "hold 20 s, 3 sets, each side"


def test_the_log_records_each_dose_done(tmp_path: Path, catalog: Catalog) -> None:
    profile = load_profile(tmp_path)
    steps = catalog.steps(catalog.routines["quick"])
    clock = FakeClock(start=0.0)
    session = Session(steps, clock.now(), clock.wall(), SessionConfig(long_gap_s=1e9))
    clock.advance(10_000)
    session.tick(clock.now())
    entry = profile.record(session.record(clock.now()), "quick", pain_before=2)
    text = profile.paths.sessions.read_text()
    assert "schema = 2" in text and "dose = { sets = 1, time_s = 30.0 }" in text
    [saved] = journal.load(profile.paths.sessions).sessions
    assert saved == entry
    assert [e.dose for e in saved.exercises] == [s.dose for s in steps]


SCHEMA_1 = """\
# backtimer session log.
schema = 1

[[session]]
id = "20261116T080000-abcdef"
started_at = 2026-11-16T08:00:00+01:00
ended_at = 2026-11-16T08:12:00+01:00
active_s = 720.0
paused_s = 0.0
routine = "gentle"
planned_minutes = 12.0
planned_s = 720.0
completed = true
exercises = [
  { id = "cat-cow", status = "done", active_s = 70.0, sides = [] },
]
# end of session 20261116T080000-abcdef
"""


def test_schema_1_logs_are_read_and_only_appended_to(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "sessions.toml"
    path.write_text(SCHEMA_1)
    [old] = journal.load(path).sessions
    assert old.exercises[0].dose is None
    profile = load_profile(tmp_path)
    steps = catalog.steps(catalog.routines["quick"])
    session = Session(steps, 0.0, WALL)
    profile.record(session.record(5.0), "quick")
    assert path.read_text() == SCHEMA_1  # read, never written: the new one has its own file
    assert len(journal.load(profile.paths.sessions).sessions) == 1
    assert len(logbook.read(profile.paths).sessions) == 2


@pytest.mark.parametrize(
    ("exercise", "phase_steps"),
    [
        ("wall-angels", {"into": 2, "hold": 2, "return": 3}),
        ("partial-crunches", {"into": 2, "hold": 2, "return": 3}),
        ("dead-bug", {"into": 2, "hold": 2, "return": 3}),
        ("pilates-swimming", {"into": 2, "hold": 2, "return": 3}),
        ("russian-twist", {"into": 2, "hold": 2, "return": 2}),
        ("bridge", {"into": 1, "hold": 2, "return": 3}),
    ],
)
def test_each_tempo_phase_highlights_its_own_step(
    catalog: Catalog, exercise: str, phase_steps: dict[str, int]
) -> None:
    """0-based steps: set-up is step 0. The old rule lit the wrong line for several."""
    step = Step.of(catalog.exercises[exercise])
    seen: dict[str, int] = {}
    per_rep = step.rep_seconds
    for tenth in range(int(per_rep * 10)):
        moment = rep_moment(step, tenth / 10)
        assert moment is not None
        seen.setdefault(moment.phase, step.exercise.instruction(moment.phase))
    expected = {k: v for k, v in phase_steps.items() if k in seen}
    assert seen == expected


def test_pure_moments() -> None:
    breath = paced_breath(5.0, 4.0, 6.0)
    assert breath.word == "exhale" and abs(breath.progress - 1 / 6) < 1e-9
    assert paced_breath(0.0, 4.0, 6.0).word == "inhale"

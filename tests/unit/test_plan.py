from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from backtimer.core import stats
from backtimer.core.plan import main_count, plan
from backtimer.core.routine import Catalog, routine_from_steps
from backtimer.core.timeline import SessionConfig, estimate_seconds
from backtimer.store.errors import DataError
from backtimer.store.routines import load_routines, save_routine
from tests.unit.journal_helpers import entry

DAY = date(2026, 11, 21)


@pytest.mark.parametrize("minutes", range(5, 46))
def test_every_length_lands_within_ten_percent(catalog: Catalog, minutes: int) -> None:
    for offset in range(3):
        steps = plan(catalog, minutes, day=DAY + timedelta(days=offset))
        estimate = estimate_seconds(steps)
        assert abs(estimate - minutes * 60) <= 0.10 * minutes * 60
        assert steps[0].phase == "warmup"
        phases = [s.phase for s in steps]
        assert phases == sorted(phases, key=lambda p: p != "warmup"), "warm-up comes first"


def test_estimate_uses_the_persons_timings(catalog: Catalog) -> None:
    config = SessionConfig(get_ready_s=15, rest_between_exercises_s=30)
    steps = plan(catalog, 20, day=DAY, config=config)
    assert abs(estimate_seconds(steps, config) - 1200) <= 120


@pytest.mark.parametrize("minutes", range(10, 16))
def test_ten_to_fifteen_minutes_have_four_to_six_main_moves(catalog: Catalog, minutes: int) -> None:
    assert 4 <= main_count(minutes) <= 6
    steps = plan(catalog, minutes, day=DAY)
    assert 4 <= sum(1 for s in steps if s.phase == "main") <= 6


def test_balanced_across_kinds(catalog: Catalog) -> None:
    for offset in range(7):
        steps = plan(catalog, 15, day=DAY + timedelta(days=offset))
        kinds = Counter(s.exercise.kind for s in steps if s.phase == "main")
        assert set(kinds) == {"mobility", "stretch", "strength"}
        assert max(kinds.values()) - min(kinds.values()) <= 1


def test_gentle_first(catalog: Catalog) -> None:
    main = [s for s in plan(catalog, 30, day=DAY) if s.phase == "main"]
    levels = [s.exercise.level for s in main]
    assert levels == sorted(levels)


def test_same_day_same_plan_other_day_other_plan(catalog: Catalog) -> None:
    ids = lambda d: [s.exercise.id for s in plan(catalog, 15, day=d)]  # noqa: E731
    assert ids(DAY) == ids(DAY)
    assert len({tuple(ids(DAY + timedelta(days=n))) for n in range(7)}) >= 4


def test_exclusions_and_recent_pain_are_left_out(catalog: Catalog) -> None:
    log = [entry("2026-11-15T08:00:00+01:00")]  # knee-to-chest "partial"
    painful = replace(
        log[0], exercises=tuple(replace(e, status="stopped_for_pain") for e in log[0].exercises)
    )
    avoid = stats.recently_stopped_for_pain([painful], DAY)
    assert avoid == {"cat-cow", "knee-to-chest"}
    assert stats.recently_stopped_for_pain([painful], DAY + timedelta(days=15)) == set()
    for offset in range(10):
        day = DAY + timedelta(days=offset)
        steps = plan(catalog, 30, day=day, excluded={"bridge", "plank"}, avoid=avoid)
        used = {s.exercise.id for s in steps}
        assert not used & {"bridge", "plank", "cat-cow", "knee-to-chest"}


def test_standing_only_has_no_floor_work(catalog: Catalog) -> None:
    for minutes in (5, 8, 10):
        steps = plan(catalog, minutes, day=DAY, standing=True)
        assert steps and not any(s.exercise.floor for s in steps)
        assert abs(estimate_seconds(steps) - minutes * 60) <= 0.1 * minutes * 60


def test_out_of_range_minutes(catalog: Catalog) -> None:
    with pytest.raises(ValueError):
        plan(catalog, 4, day=DAY)
    with pytest.raises(ValueError):
        plan(catalog, 46, day=DAY)


def test_doses_stay_within_safe_ranges(catalog: Catalog) -> None:
    for minutes in (5, 25, 45):
        for step in plan(catalog, minutes, day=DAY):
            e = step.exercise
            for key, bounds in (
                ("reps", e.reps_range),
                ("hold_s", e.hold_range),
                ("time_s", e.time_range),
                ("sets", e.sets_range),
            ):
                if bounds and getattr(step, key) is not None:
                    assert getattr(step, key) <= bounds[1], (e.id, key)


# ---------------------------------------------------------------------- saved routines


def test_save_and_load_routines(catalog: Catalog, tmp_path: Path) -> None:
    steps = plan(catalog, 12, day=DAY)
    routine = routine_from_steps("mine", "Mine", steps)
    path = tmp_path / "routines.toml"
    save_routine(path, routine)
    loaded = load_routines(path, catalog)
    assert list(loaded) == ["mine"]
    again = catalog.steps(loaded["mine"])
    assert [(s.exercise.id, s.phase, s.reps, s.hold_s, s.sets, s.time_s) for s in again] == [
        (s.exercise.id, s.phase, s.reps, s.hold_s, s.sets, s.time_s) for s in steps
    ]
    assert path.read_text().startswith("# Your saved backtimer routines")


def test_missing_routines_file_is_empty(catalog: Catalog, tmp_path: Path) -> None:
    assert load_routines(tmp_path / "routines.toml", catalog) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[[routine]]\nid = "r"\nname = "R"\nexercises = ["backflip"]\n',
            ["routine 'r'", "unknown exercise 'backflip'", "line 4"],
        ),
        (
            '[[routine]]\nid = "r"\nname = "R"\nexercises = [{ id = "plank", hold_s = 600 }]\n',
            ["routine 'r'", "above the safe maximum"],
        ),
        (
            '[[routine]]\nid = "r"\nname = "R"\nexercise = ["plank"]\n',
            ["routine 'r'", "unknown key 'exercise'", "line 4"],
        ),
        (
            '[[routine]]\nid = "gentle"\nname = "R"\nexercises = ["plank"]\n',
            ["already a built-in routine", "line 2"],
        ),
        (
            '[[routine]]\nid = "r"\nname = "R"\nexercises = [{ id = "plank", reps = 4 }]\n',
            ["reps does not apply to a hold move"],
        ),
        ("[[routine]\n", ["line 1", "not valid TOML"]),
    ],
)
def test_bad_routines_file(
    catalog: Catalog, tmp_path: Path, text: str, expected: list[str]
) -> None:
    path = tmp_path / "routines.toml"
    path.write_text(text)
    with pytest.raises(DataError) as info:
        load_routines(path, catalog)
    for part in [str(path), *expected]:
        assert part in str(info.value), str(info.value)
    assert path.read_text() == text

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from backtimer.core.avoid import avoided_moves
from backtimer.core.plan import (
    FLOOR,
    choose_plan,
    choose_routine,
    flare_unsafe,
    gentlest,
    place,
    plan,
)
from backtimer.core.plan_rules import problems
from backtimer.core.routine import Catalog, Step, routine_from_steps
from backtimer.core.timeline import SessionConfig, estimate_seconds
from backtimer.store.errors import DataError
from backtimer.store.routines import load_routines, save_routine
from tests.unit.journal_helpers import entry

DAY = date(2026, 11, 21)
LENGTHS = (5, 10, 12, 15, 20, 30, 45)
CONFIG = SessionConfig()


def broken_rules(steps: list[Step], minutes: int, note: str | None, standing: bool) -> list[str]:
    """Every rule of a plan that ``steps`` breaks for a new profile (empty: a plan a
    physio would sign); the rules of the main part are ``core.plan_rules``."""
    found = []
    warm = [s for s in steps if s.phase == "warmup"]
    if not warm or warm[0].exercise.id != "marching":
        found.append("the warm-up does not start with the pulse-raiser")
    if steps[: len(warm)] != warm:
        found.append("warm-ups are not first")
    main = [s.exercise for s in steps if s.phase == "main"]
    distinct = list(dict.fromkeys(main))
    if main:
        distinct = [e for e in distinct if e is not main[-1]] + [main[-1]]
    found += problems(distinct, minutes)
    for s in steps:
        e = s.exercise
        if e.level != 1:
            found.append(f"{e.id} is level {e.level} for a new profile")
        grown = s.dose.sets > gentlest(e).sets and s.dose == replace(gentlest(e), sets=s.sets)
        if s.dose != gentlest(e) and not grown and not (s.phase == "warmup" and e.mode == "timed"):
            found.append(f"{e.id} is not at the bottom of its range")
        if standing and e.floor:
            found.append(f"{e.id} is floor work in a standing plan")
    total = estimate_seconds(steps, CONFIG)
    if abs(total - minutes * 60) > 0.1 * minutes * 60 and not note:
        found.append(f"{total / 60:.1f} minutes for {minutes}, and no note says why")
    if note and total >= 0.9 * minutes * 60:
        found.append("a note about a shortfall that did not happen")
    return found


@pytest.mark.parametrize("standing", [False, True], ids=["floor", "standing"])
def test_a_year_of_plans_follows_the_rules(catalog: Catalog, standing: bool) -> None:
    failures = []
    for offset in range(365):
        day = DAY + timedelta(days=offset)
        for minutes in LENGTHS:
            steps, note = plan(catalog, minutes, day=day, config=CONFIG, standing=standing)
            for problem in broken_rules(steps, minutes, note, standing):
                failures.append(f"{day} {minutes} min: {problem}")
    assert not failures, f"{len(failures)} broken: " + "; ".join(failures[:10])


def test_a_year_of_plans_after_pain(catalog: Catalog) -> None:
    """Cobra hurt 3 days ago and cat-cow 10 days ago: neither, nor the moves that bend
    the same way, appear, and the plans still follow every rule."""
    hurt = [
        _stopped("cobra", DAY - timedelta(days=3)),
        _stopped("cat-cow", DAY - timedelta(days=10)),
    ]
    avoided = avoided_moves(hurt, DAY, catalog.exercises)
    assert {"cobra", "superman", "pilates-swimming", "cat-cow", "childs-pose"} <= set(avoided)
    failures = []
    for offset in range(365):
        day = DAY + timedelta(days=offset % 3)
        for minutes in LENGTHS:
            steps, note = plan(catalog, minutes, day=day + timedelta(days=offset), avoid=avoided)
            used = {s.exercise.id for s in steps}
            if used & set(avoided):
                failures.append(f"{minutes} min uses {used & set(avoided)}")
            failures += [f"{minutes} min: {p}" for p in broken_rules(steps, minutes, note, False)]
    assert not failures, f"{len(failures)} broken: " + "; ".join(failures[:10])


def _stopped(exercise_id: str, day: date):
    session = entry(f"{day.isoformat()}T08:00:00+01:00")
    row = replace(session.exercises[0], id=exercise_id, status="stopped_for_pain")
    return replace(session, exercises=(row,))


def test_pain_memory_lasts_two_weeks(catalog: Catalog) -> None:
    hurt = [_stopped("cobra", DAY)]
    assert "superman" in avoided_moves(hurt, DAY + timedelta(days=13), catalog.exercises)
    assert avoided_moves(hurt, DAY + timedelta(days=14), catalog.exercises) == {}
    sentence = avoided_moves(hurt, DAY, catalog.exercises)["cobra"].sentence("Cobra")
    assert sentence == "Cobra is left out until 5 Dec: it hurt on 21 Nov."


def test_same_day_same_plan_other_day_other_plan(catalog: Catalog) -> None:
    def ids(d: date) -> list[str]:
        return [s.exercise.id for s in plan(catalog, 15, day=d)[0]]

    assert ids(DAY) == ids(DAY)
    assert len({tuple(ids(DAY + timedelta(days=n))) for n in range(7)}) >= 4


def test_standing_plans_reach_ten_to_fifteen_minutes(catalog: Catalog) -> None:
    for minutes in (10, 12, 15):
        for offset in range(30):
            steps, note = plan(catalog, minutes, day=DAY + timedelta(days=offset), standing=True)
            assert note is None
            assert 4 <= len({s.exercise.id for s in steps if s.phase == "main"}) <= 6


def test_out_of_range_minutes(catalog: Catalog) -> None:
    with pytest.raises(ValueError):
        plan(catalog, 4, day=DAY)
    with pytest.raises(ValueError):
        plan(catalog, 46, day=DAY)


def test_named_routines_swap_or_leave_out_what_hurt(catalog: Catalog) -> None:
    avoided = avoided_moves([_stopped("cat-cow", DAY)], DAY, catalog.exercises, ["bridge"])
    choice = choose_routine(catalog, "gentle", avoided)
    used = [s.exercise.id for s in choice.steps]
    assert not set(used) & set(avoided)
    assert any("Cat-cow is" in n and "until 5 Dec: it hurt on 21 Nov" in n for n in choice.notes)
    assert any(n.startswith("Bridge is") and "you excluded it" in n for n in choice.notes)
    plain = choose_routine(catalog, "gentle")
    assert plain.notes == () and "cat-cow" in [s.exercise.id for s in plain.steps]


def test_easy_day_is_gentle(catalog: Catalog) -> None:
    choice = choose_plan(catalog, 15, day=DAY, easy=True)
    assert choice.name.startswith("Easy day")
    assert not any(flare_unsafe(s.exercise) for s in choice.steps)
    assert place(choice.steps[-1].exercise) == FLOOR


# ---------------------------------------------------------------------- saved routines


def test_save_and_load_routines(catalog: Catalog, tmp_path: Path) -> None:
    steps, _ = plan(catalog, 12, day=DAY)
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

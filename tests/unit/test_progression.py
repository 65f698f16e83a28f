"""Doses that grow with the person and step back when it hurts: a pure function of the log."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.core.dose import Dose
from backtimer.core.log import ExerciseEntry, SessionEntry
from backtimer.core.progression import gentlest, progress, step
from backtimer.core.routine import Catalog

START = datetime(2026, 11, 2, 8, 0, tzinfo=timezone(timedelta(hours=1)))  # a Monday


def session(
    day: int,
    rows: list[tuple[str, str, Dose | None]],
    pain: tuple[int | None, int | None] = (3, 3),
    n: int = 0,
) -> SessionEntry:
    t = START + timedelta(days=day)
    return SessionEntry(
        id=f"{t:%Y%m%dT%H%M%S}-{n:06x}",
        started_at=t,
        ended_at=t + timedelta(minutes=12),
        active_s=720.0,
        routine="gentle",
        planned_minutes=12.0,
        planned_s=720.0,
        completed=True,
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=tuple(ExerciseEntry(i, status, 60.0, (), dose) for i, status, dose in rows),
    )


def at(catalog: Catalog, days: list[int], *, ex: str = "bridge", dose: Dose | None = None, **kw):
    d = dose or gentlest(catalog.exercises[ex])
    return [session(day, [(ex, "done", d)], n=day, **kw) for day in days]


def dose_on(catalog: Catalog, log, day: int, ex: str = "bridge"):
    return progress(log, (START + timedelta(days=day)).date(), catalog.exercises, 3).doses.get(ex)


def test_a_new_person_starts_at_the_bottom(catalog: Catalog) -> None:
    p = progress([], date(2026, 11, 2), catalog.exercises, 3)
    assert p.level == 1 and p.dose_of(catalog.exercises["bridge"]) == Dose(hold_s=3, reps=10)
    first = at(catalog, [0])
    assert dose_on(catalog, first, 0) is None  # one session: nothing changes yet


def test_three_good_sessions_step_up_one_notch(catalog: Catalog) -> None:
    log = at(catalog, [0, 2, 4])
    now = dose_on(catalog, log, 4)
    assert now is not None and now.dose == Dose(hold_s=3, reps=12) and now.source == "up"
    assert now.since == date(2026, 11, 6) and now.why == "three good sessions"
    # spread over more than 14 days: no step
    assert dose_on(catalog, at(catalog, [0, 8, 16]), 16) is None
    # pain rising by 1 still counts; missing ratings don't block
    mixed = at(catalog, [0], pain=(3, 4)) + at(catalog, [2], pain=(None, None)) + at(catalog, [4])
    assert dose_on(catalog, mixed, 4).dose.reps == 12


def test_good_sessions_count_on_different_days(catalog: Catalog) -> None:
    """Tissue adapts between sessions, not within a day: three sessions on one day
    (or two days) are not three good sessions; a third day is."""
    d = gentlest(catalog.exercises["bridge"])
    same_day = [session(0, [("bridge", "done", d)], n=i) for i in range(3)]
    assert dose_on(catalog, same_day, 0) is None
    two_days = same_day + [session(2, [("bridge", "done", d)], n=9)]
    assert dose_on(catalog, two_days, 2) is None
    third = two_days + [session(4, [("bridge", "done", d)], n=10)]
    assert dose_on(catalog, third, 4).dose.reps == 12


def test_a_stop_for_pain_steps_back_for_a_week(catalog: Catalog) -> None:
    up = at(catalog, [0, 2, 4])
    twelve = Dose(hold_s=3, reps=12)
    log = up + [session(5, [("bridge", "stopped_for_pain", twelve)], n=5)]
    back = dose_on(catalog, log, 5)
    assert back.dose == Dose(hold_s=3, reps=10) and back.source == "back"
    assert back.held_until == date(2026, 11, 14)
    more = log + at(catalog, [6, 7, 8], dose=Dose(hold_s=3, reps=10))
    assert dose_on(catalog, more, 8).dose.reps == 10  # held back for a week
    later = more + at(catalog, [13], dose=Dose(hold_s=3, reps=10))
    assert dose_on(catalog, later, 13).dose.reps == 12  # a week on, good sessions count


def test_pain_rising_by_two_steps_back(catalog: Catalog) -> None:
    up = at(catalog, [0, 2, 4])
    log = up + at(catalog, [5], dose=Dose(hold_s=3, reps=12), pain=(2, 4))
    assert dose_on(catalog, log, 5).dose.reps == 10


def test_top_of_range_adds_a_set_for_strength_moves_only(catalog: Catalog) -> None:
    plank = catalog.exercises["plank"]  # strength, hold 10-60, sets 1-3
    top = Dose(hold_s=60, sets=1)
    assert step(plank, top, +1) == Dose(hold_s=60, sets=2)
    assert step(plank, Dose(hold_s=60, sets=3), +1) is None
    child = catalog.exercises["childs-pose"]  # a stretch: no extra set
    assert step(child, Dose(hold_s=60), +1) is None
    bridge = catalog.exercises["bridge"]  # at the top of its reps: a longer pause, a set
    assert step(bridge, Dose(hold_s=3, reps=15), +1) == Dose(hold_s=5, reps=15)
    assert step(bridge, Dose(hold_s=5, reps=15), +1) == Dose(hold_s=5, reps=15, sets=2)
    assert step(bridge, Dose(hold_s=5, reps=15, sets=2), -1) == Dose(hold_s=5, reps=15)
    assert step(bridge, Dose(hold_s=5, reps=15), -1) == Dose(hold_s=3, reps=15)


def test_levels_unlock_by_practice_and_a_stop_for_pain_resets_the_count(
    catalog: Catalog,
) -> None:
    def week(w: int, hurt: bool = False, move: str = "cat-cow") -> list[SessionEntry]:
        rows = [(move, "stopped_for_pain" if hurt else "done", None)]
        return [session(7 * w + d, rows, n=7 * w + d) for d in (0, 2, 4)]

    def level(log, w: int) -> int:
        day = (START + timedelta(weeks=w, days=6)).date()
        return progress(log, day, catalog.exercises, 3).level

    log = week(0)
    assert level(log, 0) == 1
    log += week(1)
    assert level(log, 1) == 1  # six sessions, but not yet spread over two weeks
    log += week(2)
    assert level(log, 2) == 2
    log += week(3, move="bird-dog") + week(4, hurt=True, move="bird-dog")
    log += week(5, move="bird-dog")
    assert level(log, 5) == 2  # the stop for pain started the count again
    log += week(6, move="bird-dog")
    assert level(log, 6) == 2  # six sessions again, but over 11 days
    log += week(7, move="bird-dog")
    assert level(log, 7) == 3


def test_a_three_week_break_steps_back(catalog: Catalog) -> None:
    up = at(catalog, [0, 2, 4])
    assert dose_on(catalog, up, 25).dose.reps == 10  # three weeks on: back one notch
    assert dose_on(catalog, up, 25).source == "break"
    assert dose_on(catalog, up, 24).dose.reps == 12


def test_a_schema_1_log_gives_the_starting_doses(catalog: Catalog) -> None:
    log = [session(d, [("bridge", "done", None)], n=d) for d in (0, 1, 2, 3)]
    p = progress(log, date(2026, 11, 6), catalog.exercises, 3)
    assert p.dose_of(catalog.exercises["bridge"]) == gentlest(catalog.exercises["bridge"])


def test_progression_off_uses_the_catalogue(catalog: Catalog) -> None:
    p = progress(at(catalog, [0, 2, 4]), date(2026, 11, 6), catalog.exercises, 3, fixed=True)
    assert p.dose_of(catalog.exercises["bridge"]) == catalog.exercises["bridge"].dose


STATUSES = st.sampled_from(["done", "done", "done", "partial", "skipped", "stopped_for_pain"])


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), STATUSES, st.integers(0, 10), st.integers(0, 10)),
        max_size=30,
    )
)
def test_doses_stay_in_range_and_a_good_session_never_lowers_one(catalog: Catalog, script):
    ids = ["bridge", "plank", "childs-pose", "cat-cow"]
    log, day = [], 0
    for gap, status, before, after in script:
        day += gap
        p = progress(log, (START + timedelta(days=day)).date(), catalog.exercises, 3)
        rows = [(i, status, p.dose_of(catalog.exercises[i])) for i in ids]
        log.append(session(day, rows, pain=(before, after), n=len(log)))
    today = (START + timedelta(days=day)).date()
    p = progress(log, today, catalog.exercises, 3)
    for i in ids:
        e, dose = catalog.exercises[i], p.dose_of(catalog.exercises[i])
        for key in ("hold_s", "reps", "sets", "time_s"):
            bounds = e.limits.range(key, e.dose)
            if bounds and getattr(dose, key) is not None:
                assert bounds[0] <= getattr(dose, key) <= bounds[1], (i, key)
    good = log + [session(day, [(i, "done", p.dose_of(catalog.exercises[i])) for i in ids], n=999)]
    q = progress(good, today, catalog.exercises, 3)
    for i in ids:
        e = catalog.exercises[i]
        key = e.dose.main_key
        assert (getattr(q.dose_of(e), key) or 0) >= (getattr(p.dose_of(e), key) or 0)


def test_cli_reports_doses_and_reasons(tmp_path, capsys, catalog: Catalog) -> None:
    from backtimer.cli import main
    from backtimer.store import journal

    for s in at(catalog, [0, 2, 4]):
        journal.append(tmp_path / "sessions.toml", s)
    assert main(["progress", "--json", "--data-dir", str(tmp_path)], today=date(2026, 11, 6)) == 0
    data = json.loads(capsys.readouterr().out)
    bridge = next(m for m in data["moves"] if m["id"] == "bridge")
    assert bridge["dose_values"]["reps"] == 12 and bridge["source"] == "up"
    assert bridge["why"] == "three good sessions" and bridge["changed_on"] == "2026-11-06"
    assert (
        main(
            ["plan", "--json", "--routine", "gentle", "--data-dir", str(tmp_path)],
            today=date(2026, 11, 6),
        )
        == 0
    )
    plan = json.loads(capsys.readouterr().out)
    step_ = next(s for s in plan["steps"] if s["id"] == "bridge")
    assert step_["dose_values"]["reps"] == 12 and step_["dose_source"] == "up on 6 Nov"


@pytest.mark.parametrize("key", ["reps", "hold_s"])
def test_step_notches(catalog: Catalog, key: str) -> None:
    e = catalog.exercises["bridge" if key == "reps" else "childs-pose"]
    d = gentlest(e)
    up = step(e, d, +1)
    assert up is not None and (getattr(up, key) - getattr(d, key)) == {"reps": 2, "hold_s": 5}[key]

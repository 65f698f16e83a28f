"""The session engine with literal times on a fake clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from backtimer.clock import FakeClock
from backtimer.core.engine import Session
from backtimer.core.routine import Catalog, Step
from backtimer.core.timeline import SessionConfig, build_timeline, estimate_seconds

WALL = datetime(2026, 11, 16, 8, 0, tzinfo=timezone(timedelta(hours=1)))
# Literal-time tests jump the clock freely, so the long-gap pause is off here and
# tested on its own with the real threshold.
CFG = SessionConfig(
    get_ready_s=5,
    rest_between_sets_s=15,
    rest_between_exercises_s=10,
    switch_s=4,
    long_gap_s=1e9,
)
GAPPY = replace(CFG, long_gap_s=5.0)


def step(catalog: Catalog, ex_id: str, phase: str = "main", **dose) -> Step:
    return Step.of(catalog.exercises[ex_id], phase, **dose)  # type: ignore[arg-type]


def session(catalog: Catalog, *ids: str, config: SessionConfig = CFG) -> Session:
    steps = [step(catalog, i) for i in ids]
    return Session(steps, now=0.0, started_wall=WALL, config=config)


def kinds(events) -> list[tuple[str, float, int | None]]:
    return [(e.kind, e.at, e.value) for e in events]


# ------------------------------------------------------------------------ segments


def test_get_ready_then_hold(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose")
    st = s.state(0.0)
    assert (st.segment, st.remaining, st.total) == ("ready", 5.0, 5.0)
    assert st.step.exercise.id == "childs-pose" and st.instruction == 0
    st = s.state(5.0)
    assert (st.segment, st.remaining, st.total) == ("work", 30.0, 30.0)
    assert s.state(17.25).remaining == pytest.approx(17.75)
    assert s.state(35.0).finished


def test_hold_events(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose")
    s.tick(0.0)
    assert kinds(s.tick(5.0)) == [
        ("countdown", 2.0, 3),
        ("countdown", 3.0, 2),
        ("countdown", 4.0, 1),
        ("segment_start", 5.0, None),
    ]
    assert kinds(s.tick(20.0)) == [("halfway", 20.0, None)]
    assert kinds(s.tick(33.5)) == [("countdown", 32.0, 3), ("countdown", 33.0, 2)]
    assert kinds(s.tick(40.0)) == [
        ("countdown", 34.0, 1),
        ("exercise_done", 35.0, None),
        ("session_done", 35.0, 1),  # 1: it ran to its end
    ]


def test_get_ready_zero_is_allowed(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose", config=SessionConfig(get_ready_s=0))
    assert s.state(0.0).segment == "work"
    assert s.planned_s == 30


def test_paced_reps_bridge(catalog: Catalog) -> None:
    # bridge: lift 2 s, hold 3 s, lower 2 s; 10 reps = 70 s after 5 s ready
    s = session(catalog, "bridge")
    st = s.state(5.0 + 7.0 + 1.0)  # rep 2, lifting
    assert (st.rep, st.reps, st.tempo_phase, st.tempo_word) == (2, 10, "into", "lift")
    assert (st.breath, st.breath_progress) == ("exhale", pytest.approx(0.5))
    st = s.state(5.0 + 7.0 + 3.5)
    assert (st.tempo_phase, st.tempo_word, st.breath) == ("hold", "hold", "natural")
    st = s.state(5.0 + 7.0 + 6.0)
    assert (st.tempo_phase, st.tempo_word, st.breath) == ("return", "lower", "inhale")
    assert st.breath_progress == pytest.approx(0.5)
    st = s.state(5.0 + 69.9)
    assert (st.rep, st.tempo_phase) == (10, "return")
    assert s.state(75.0).finished


def test_cat_cow_breath_one_rep_per_breath(catalog: Catalog) -> None:
    s = session(catalog, "cat-cow")  # cow 3 s inhale, cat 4 s exhale
    st = s.state(5.0 + 1.5)
    assert (st.rep, st.tempo_word, st.breath) == (1, "cow", "inhale")
    assert st.breath_progress == pytest.approx(0.5)
    st = s.state(5.0 + 4.0)
    assert (st.rep, st.tempo_word, st.breath) == (1, "cat", "exhale")
    assert st.breath_progress == pytest.approx(0.25)
    st = s.state(5.0 + 7.0)
    assert (st.rep, st.breath) == (2, "inhale")


def test_calm_paced_breath_during_long_hold(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose")  # 4 s in, 6 s out
    st = s.state(5.0 + 2.0)
    assert (st.breath, st.breath_progress) == ("inhale", pytest.approx(0.5))
    st = s.state(5.0 + 7.0)
    assert (st.breath, st.breath_progress) == ("exhale", pytest.approx(0.5))
    st = s.state(5.0 + 10.0)
    assert (st.breath, st.breath_progress) == ("inhale", 0.0)
    assert session(catalog, "childs-pose").state(1.0).breath == "natural"  # get ready


def test_timed_move(catalog: Catalog) -> None:
    s = Session([step(catalog, "marching", "warmup")], 0.0, WALL, CFG)
    st = s.state(5.0 + 10.0)
    assert (st.segment, st.remaining, st.breath, st.phase) == ("work", 35.0, "natural", "warmup")
    assert s.state(50.0).finished


def test_sides_sets_and_rests(catalog: Catalog) -> None:
    # knee-to-chest: 2 sets, 20 s per side, switch 4 s, rest 15 s between sets
    s = session(catalog, "knee-to-chest")
    timeline = [(seg.kind, seg.duration, seg.side, seg.set_no) for seg in s.timeline]
    assert timeline == [
        ("ready", 5, None, 1),
        ("work", 20, 0, 1),
        ("switch", 4, 1, 1),
        ("work", 20, 1, 1),
        ("rest", 15, None, 1),
        ("work", 20, 0, 2),
        ("switch", 4, 1, 2),
        ("work", 20, 1, 2),
    ]
    st = s.state(10.0)
    assert (st.side, st.set_no, st.sets) == ("left", 1, 2)
    st = s.state(26.0)
    assert (st.segment, st.side) == ("switch", "right")
    events = s.tick(26.0)
    assert ("switch_sides", 25.0, None) in kinds(events)
    st = s.state(50.0)
    assert (st.segment, st.rest_kind, st.breath) == ("rest", "set", "inhale")
    st = s.state(65.0)
    assert (st.segment, st.side, st.set_no) == ("work", "left", 2)
    assert s.state(108.0).finished


def test_alternating_reps_change_side_every_rep(catalog: Catalog) -> None:
    # bird-dog: 8 reps per side alternating, reach 2 / hold 5 / return 2 = 9 s a rep
    s = session(catalog, "bird-dog")
    assert [seg.kind for seg in s.timeline] == ["ready", "work"]
    assert s.timeline[1].duration == 16 * 9
    assert (s.state(5.0 + 1).side, s.state(5.0 + 10).side) == ("left", "right")
    assert s.state(5.0 + 10).reps == 16


def test_warmup_and_phase_counts(catalog: Catalog) -> None:
    steps = [
        step(catalog, "marching", "warmup"),
        step(catalog, "arm-circles", "warmup"),
        step(catalog, "cat-cow"),
        step(catalog, "bridge"),
    ]
    s = Session(steps, 0.0, WALL, CFG)
    st = s.state(0.0)
    assert (st.phase, st.phase_index, st.phase_count) == ("warmup", 1, 2)
    assert st.next_step is not None and st.next_step.exercise.id == "arm-circles"
    # warm-ups flow: no rest between them, a rest after the last one
    rests = [(seg.exercise, seg.rest_kind) for seg in s.timeline if seg.kind == "rest"]
    assert rests == [(1, "exercise"), (2, "exercise")]
    s.next(1.0)
    s.next(2.0)
    st = s.state(2.0)
    assert (st.phase, st.phase_index, st.phase_count, st.exercise_index) == ("main", 1, 2, 2)


def test_session_remaining_counts_down_with_the_clock(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose", "bridge")
    total = s.planned_s
    assert total == 5 + 30 + 10 + 5 + 70
    assert s.state(0.0).session_remaining == total
    assert s.state(42.5).session_remaining == pytest.approx(total - 42.5)


# ------------------------------------------------------------------------ controls


def test_pause_stops_time(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose")
    s.pause(10.0)
    st = s.state(100.0)
    assert st.paused and st.pause_reason == "user"
    assert st.remaining == 25.0
    s.resume(100.0)
    assert s.state(101.0).remaining == 24.0
    s.tick(125.0)
    record = s.record(125.0)
    assert record.paused_s == 90.0 and record.active_s == 35.0
    assert record.completed


def test_toggle_pause(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose")
    s.toggle_pause(1.0)
    assert s.paused
    s.toggle_pause(3.0)
    assert not s.paused and s.state(3.0).remaining == 4.0


def test_next_records_skipped_and_partial(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose", "bridge", "cat-cow")
    s.tick(0.0)
    s.next(2.0)  # skipped during get ready
    st = s.state(2.0)
    assert (st.step.exercise.id, st.segment) == ("bridge", "ready")
    s.next(2.0 + 5.0 + 10.0)  # 10 s into the bridge reps
    assert s.state(17.0).step.exercise.id == "cat-cow"
    s.end(18.0)
    record = s.record(18.0)
    statuses = [(e.id, e.status) for e in record.exercises]
    assert statuses == [("childs-pose", "skipped"), ("bridge", "partial"), ("cat-cow", "skipped")]
    assert record.exercises[1].active_s == 10.0
    assert not record.completed


def test_next_on_last_exercise_finishes(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose")
    s.tick(0.0)
    s.next(11.0)
    assert s.finished
    assert s.record(11.0).exercises[0].status == "partial"  # 6 s of the hold


def test_a_moment_of_work_is_not_partly_done(catalog: Catalog) -> None:
    """n a moment after "go", or a session closed seconds in (SIGTERM at 2.6 s of
    work), did nothing worth logging: skipped, so nothing is logged."""
    for moment in (5.5, 7.6):  # half a second and 2.6 s of work
        s = session(catalog, "childs-pose", "bridge")
        s.tick(moment)
        s.end(moment)
        assert [e.status for e in s.record(moment).exercises] == ["skipped", "skipped"]


def test_back_restarts_then_goes_to_previous(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose", "bridge")
    s.tick(45.0)  # childs-pose done (35), rest till 45; bridge ready
    assert s.state(46.0).step.exercise.id == "bridge"
    s.tick(60.0)  # bridge: 10 s into reps
    s.back(60.0)
    st = s.state(60.0)
    assert (st.step.exercise.id, st.segment, st.remaining) == ("bridge", "ready", 5.0)
    s.back(61.0)  # at the start: previous exercise
    st = s.state(61.0)
    assert (st.step.exercise.id, st.segment, st.remaining) == ("childs-pose", "ready", 5.0)
    s.back(62.0)  # first exercise: restart it
    assert s.state(62.0).step.exercise.id == "childs-pose"


def test_back_within_grace_without_get_ready(catalog: Catalog) -> None:
    config = SessionConfig(get_ready_s=0, rest_between_exercises_s=0)
    s = session(catalog, "childs-pose", "cobra", config=replace(config, long_gap_s=1e9))
    s.tick(31.0)  # 1 s into cobra
    s.back(31.0)
    assert s.state(31.0).step.exercise.id == "childs-pose"
    s.tick(40.0)
    s.back(40.0)  # 9 s in: restart
    st = s.state(40.0)
    assert (st.step.exercise.id, st.remaining) == ("childs-pose", 30.0)


def test_extend_hold(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose")
    s.tick(30.0)
    s.tick(33.0)  # countdown 3 and 2 heard
    assert s.extend(33.0)
    st = s.state(33.0)
    assert (st.remaining, st.total) == (12.0, 40.0)
    assert s.planned_s == 35  # the plan did not change, only this hold
    events = s.tick(45.0)
    assert [e.value for e in events if e.kind == "countdown"] == [3, 2, 1]
    assert s.finished and s.record(45.0).exercises[0].status == "done"


def test_extend_does_not_apply_to_reps(catalog: Catalog) -> None:
    s = session(catalog, "bridge")
    assert not s.extend(10.0)
    assert s.state(10.0).total == 70.0


def test_hurt_stops_exercise_and_pauses(catalog: Catalog) -> None:
    s = session(catalog, "bridge", "childs-pose")
    s.tick(20.0)
    s.hurt(20.0)
    st = s.state(50.0)
    assert st.paused and st.pause_reason == "pain"
    assert (st.step.exercise.id, st.segment, st.remaining) == ("childs-pose", "ready", 5.0)
    s.resume(50.0)
    s.tick(85.0)
    record = s.record(85.0)
    assert [e.status for e in record.exercises] == ["stopped_for_pain", "done"]
    assert record.completed  # stopping for pain is not failing the session
    assert record.paused_s == 30.0


def test_end_early(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose", "bridge")
    s.tick(20.0)
    s.end(20.0)
    assert s.finished
    record = s.record(99.0)
    assert record.ended_at == WALL + timedelta(seconds=20)
    assert record.active_s == 20.0 and not record.completed
    assert [e.status for e in record.exercises] == ["partial", "skipped"]


def test_controls_after_finish_are_harmless(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose")
    s.tick(35.0)
    for act in (s.next, s.back, s.hurt, s.end, s.pause, s.resume):
        act(36.0)
    assert not s.extend(36.0)
    assert s.finished


# ------------------------------------------------------------------------ time


def test_late_ticks_never_drift(catalog: Catalog) -> None:
    clock = FakeClock(start=0.0)
    steps = catalog.steps(catalog.routines["gentle"])
    s = Session(steps, clock.now(), WALL, SessionConfig())
    jitter = [0.1, 0.37, 0.05, 1.9, 0.21, 4.9, 0.003]
    n = 0
    while not s.finished:
        clock.advance(jitter[n % len(jitter)])
        n += 1
        st = s.state(clock.now())
        if not st.finished:
            assert st.session_remaining == pytest.approx(s.planned_s - clock.now(), abs=1e-6)
        s.tick(clock.now())
    record = s.record(clock.now())
    assert record.ended_at == WALL + timedelta(seconds=s.planned_s)
    assert record.active_s == pytest.approx(s.planned_s)
    assert record.completed


def test_long_gap_pauses_where_it_was(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose", "bridge", config=GAPPY)
    s.tick(5.0)
    s.tick(10.0)  # 5 s into the hold
    events = s.tick(600.0)  # the laptop slept
    assert [e.kind for e in events] == ["paused"]
    st = s.state(600.0)
    assert st.paused and st.pause_reason == "gap"
    assert (st.step.exercise.id, st.remaining) == ("childs-pose", 25.0)
    s.resume(601.0)
    assert s.state(602.0).remaining == 24.0
    s.end(602.0)
    record = s.record(602.0)
    assert record.paused_s == 591.0
    assert record.exercises[0].active_s == 6.0


def test_gap_below_threshold_keeps_running(catalog: Catalog) -> None:
    s = session(catalog, "childs-pose", config=GAPPY)
    s.tick(5.0)
    s.tick(10.0)
    s.tick(14.9)  # a 4.9 s stall: time kept, nothing paused
    st = s.state(14.9)
    assert not st.paused and st.remaining == pytest.approx(20.1)


@pytest.mark.parametrize("routine", ["gentle", "strength", "quick", "desk"])
def test_estimate_equals_simulated_run(catalog: Catalog, routine: str) -> None:
    steps = catalog.steps(catalog.routines[routine])
    config = SessionConfig()
    clock = FakeClock(start=0.0)
    s = Session(steps, clock.now(), WALL, config)
    while not s.finished:
        clock.advance(0.25)
        s.tick(clock.now())
    record = s.record(clock.now())
    assert (record.ended_at - record.started_at).total_seconds() == estimate_seconds(steps, config)


def test_every_catalogue_routine_lasts_what_it_says(catalog: Catalog) -> None:
    minutes = {
        r: estimate_seconds(catalog.steps(catalog.routines[r])) / 60 for r in catalog.routines
    }
    assert 10 <= minutes["gentle"] <= 15
    assert 4.5 <= minutes["quick"] <= 5.5
    assert 11 <= minutes["strength"] <= 13
    assert 8 <= minutes["desk"] <= 10


def test_timeline_never_empty_segments(catalog: Catalog) -> None:
    for routine in catalog.routines.values():
        for seg in build_timeline(catalog.steps(routine), SessionConfig()):
            assert seg.duration > 0


def test_a_move_that_hurts_leaves_out_the_same_way_for_the_rest_of_the_session(
    catalog: Catalog,
) -> None:
    """Partial crunches hurt: knee-to-chest (flexion, later) is skipped, not stopped for
    pain; the bridge (neutral) still runs; a mistaken x can be undone."""
    s = session(catalog, "partial-crunches", "bridge", "knee-to-chest", "childs-pose")
    left = s.hurt(1.0)
    assert [st.exercise.id for st in left] == ["knee-to-chest", "childs-pose"]
    assert s.state(1.0).step.exercise.id == "bridge" and s.state(1.0).next_step is None
    s.resume(2.0)
    s.tick(10_000.0)
    assert s.finished
    record = s.record(10_000.0)
    assert [e.status for e in record.exercises] == [
        "stopped_for_pain",
        "done",
        "skipped",
        "skipped",
    ]


def test_a_mistaken_hurt_is_undone(catalog: Catalog) -> None:
    s = session(catalog, "partial-crunches", "bridge", "knee-to-chest")
    s.hurt(1.0)
    assert s.undo_hurt(1.5)
    state = s.state(1.5)
    assert state.step.exercise.id == "partial-crunches" and state.paused
    assert state.next_step is not None and state.next_step.exercise.id == "bridge"
    assert s.status(0) != "stopped_for_pain" and not s.left_out()
    assert not s.undo_hurt(1.6)

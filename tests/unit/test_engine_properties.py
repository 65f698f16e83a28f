"""Any sequence of controls and ticks keeps the session's invariants."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.core.engine import Session
from backtimer.core.routine import Catalog
from backtimer.core.timeline import SessionConfig
from backtimer.store.catalog import load_catalog
from backtimer.store.paths import shipped_catalog

CATALOG: Catalog = load_catalog(shipped_catalog())
ROUTINES = sorted(CATALOG.routines)
ACTIONS = ["tick", "pause", "resume", "toggle", "next", "back", "extend", "hurt", "state"]

actions = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.floats(min_value=0, max_value=12)),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(
    routine=st.sampled_from(ROUTINES),
    script=actions,
    ready=st.sampled_from([0.0, 5.0]),
    end_early=st.booleans(),
)
def test_invariants(routine: str, script, ready: float, end_early: bool) -> None:
    steps = CATALOG.steps(CATALOG.routines[routine])
    config = SessionConfig(get_ready_s=ready)
    now = 0.0
    s = Session(steps, now, datetime(2026, 1, 1, tzinfo=UTC), config)
    for action, dt in script:
        now += dt
        if action == "toggle":
            s.toggle_pause(now)
        elif action == "extend":
            s.extend(now)
        elif action != "state":
            getattr(s, action)(now)
        state = s.state(now)
        assert 0.0 <= state.remaining <= state.total + 1e-9
        assert state.session_remaining >= 0.0
        assert 0.0 <= state.breath_progress <= 1.0
        assert 0 <= state.instruction < len(state.step.exercise.steps)
        if state.rep is not None:
            assert 1 <= state.rep <= (state.reps or 0)
        assert state.paused == (state.pause_reason is not None)
    if end_early:
        s.end(now)
    else:
        s.resume(now)
        while not s.finished:  # it always runs to an end
            now += 4.0
            s.tick(now)
    record = s.record(now)
    wall = (record.ended_at - record.started_at).total_seconds()
    assert abs(record.active_s + record.paused_s - wall) < 2e-3  # ms rounding
    assert sum(e.active_s for e in record.exercises) <= record.active_s + 2e-3
    assert all(e.active_s >= 0 for e in record.exercises)
    assert {e.status for e in record.exercises} <= {
        "done",
        "skipped",
        "partial",
        "stopped_for_pain",
    }
    if record.completed:
        assert all(e.status != "skipped" for e in record.exercises)

"""The session screen sleeps until the next thing it shows changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backtimer.core.engine import Session
from backtimer.core.routine import Catalog, Step
from backtimer.core.timeline import SessionConfig
from backtimer.tui.screens.session import SessionScreen, next_change

CFG = SessionConfig(get_ready_s=5, long_gap_s=1e9)


def state_at(catalog: Catalog, ex_id: str, t: float):
    s = Session([Step.of(catalog.exercises[ex_id])], 0.0, datetime(2026, 1, 1, tzinfo=UTC), CFG)
    return s.state(t)


def test_wakes_on_the_next_second_during_get_ready(catalog: Catalog) -> None:
    # marching: no breath, get ready 5 s: the countdown changes 0.25 s from now
    assert next_change(state_at(catalog, "marching", 1.75)) == pytest.approx(0.25)


def test_the_breath_bar_steps_with_the_seconds(catalog: Catalog) -> None:
    # child's pose, 1.5 s into a 4 s in-breath: the countdown and the bar change together
    assert next_change(state_at(catalog, "childs-pose", 6.5)) == pytest.approx(0.5)


def test_a_hold_wakes_once_a_second(catalog: Catalog) -> None:
    """Frames follow wakes: a running hold with its breath bar wakes once a second."""
    s = Session(
        [Step.of(catalog.exercises["childs-pose"], hold_s=30)],
        0.0,
        datetime(2026, 1, 1, tzinfo=UTC),
        CFG,
    )
    t, wakes = 5.0, 0  # the hold starts after the 5 s get ready
    while t < 25.0:
        t += next_change(s.state(t)) + SessionScreen.SLACK_S
        wakes += 1
    assert 19 <= wakes <= 21


def test_wakes_when_the_tempo_phase_turns(catalog: Catalog) -> None:
    # bridge: lift 2 s then hold 3 s; 1.9 s into the lift the word turns in 0.1 s
    assert next_change(state_at(catalog, "bridge", 6.9)) == pytest.approx(0.1, abs=1e-6)


def test_never_sleeps_longer_than_a_second(catalog: Catalog) -> None:
    s = Session(
        [Step.of(catalog.exercises["childs-pose"])], 0.0, datetime(2026, 1, 1, tzinfo=UTC), CFG
    )
    s.pause(1.0)
    assert next_change(s.state(1.0)) == SessionScreen.MAX_WAIT_S

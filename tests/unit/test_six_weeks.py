"""Six weeks of a person's life, session by session, through the real recording path."""

from __future__ import annotations

from pathlib import Path

from backtimer.clock import FakeClock
from backtimer.core.engine import Session
from backtimer.core.settings import SessionConfig
from backtimer.store.profile import load_profile

DAY = 86400.0
CONFIG = SessionConfig(long_gap_s=1e9)


def do_session(profile, clock: FakeClock, routine: str = "gentle"):
    today = clock.wall().date()
    choice = profile.routine(routine, today)
    session = Session(choice.steps, clock.now(), clock.wall(), CONFIG)
    clock.advance(session.planned_s + 1)
    session.tick(clock.now())
    profile.record(session.record(clock.now()), choice.key, pain_before=3, pain_after=3)
    return choice


def test_six_weeks_of_three_sessions(tmp_path: Path) -> None:
    clock = FakeClock(start=0.0)  # Monday 16 Nov 2026, 08:00
    profile = load_profile(tmp_path / "data", cache_dir=tmp_path / "cache")
    bridge_reps, levels, sources = [], [], []
    for _week in range(6):
        for day_in_week in (0, 2, 4):
            choice = do_session(profile, clock)
            step = next(s for s in choice.steps if s.exercise.id == "bridge")
            bridge_reps.append(step.reps)
            sources.append(choice.origin(list(choice.steps).index(step)))
            clock.advance(DAY * (2 if day_in_week < 4 else 3))
        levels.append(profile.progress(clock.wall().date()).level)
    # 10 reps to start; two more after every three good sessions; never above 15
    assert bridge_reps == [10, 10, 10, 12, 12, 12, 14, 14, 14] + [15] * 9
    assert sources[0] == "start" and sources[3] == "up on 20 Nov"
    # level 2 after two good weeks, level 3 after four more
    assert levels == [1, 2, 2, 2, 2, 3]
    # the routine's own dose wins: child's pose stays at the 45 s Gentle daily gives it
    choice = profile.routine("gentle", clock.wall().date())
    child = next(i for i, s in enumerate(choice.steps) if s.exercise.id == "childs-pose")
    assert choice.steps[child].hold_s == 45 and choice.origin(child) == "the routine's own"
    # and a plan for today uses the unlocked level and the grown doses
    plan = profile.plan(20, day=clock.wall().date())
    assert max(s.exercise.level for s in plan.steps) >= 2

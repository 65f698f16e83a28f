"""A year of plans for people who keep going: every length, floor and standing, every
profile; each plan obeys every rule, and a failure names the rule and the day."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backtimer.core.avoid import avoided_moves
from backtimer.core.plan import STANDING_LEADERS, choose_plan, move_count
from backtimer.core.plan_rules import problems
from backtimer.core.programme import block
from backtimer.core.progression import progress
from backtimer.core.routine import Catalog
from backtimer.core.settings import SessionConfig
from backtimer.core.timeline import estimate_seconds
from tests.unit.coaching_helpers import profiles

LENGTHS = (5, 10, 15, 20, 30, 45)
CONFIG = SessionConfig()


def broken(choice, minutes: int, standing: bool, level: int, avoided) -> list[str]:
    steps = list(choice.steps)
    found = []
    warm = [s for s in steps if s.phase == "warmup"]
    if not warm or warm[0].exercise.id != "marching":
        found.append("the warm-up does not start with marching")
    if steps[: len(warm)] != warm:
        found.append("warm-ups are not first")
    main = [s.exercise for s in steps if s.phase == "main"]
    distinct = list(dict.fromkeys(main))
    if main:
        distinct = [e for e in distinct if e is not main[-1]] + [main[-1]]
    found += problems(distinct, minutes)
    lo, hi = (4, 6) if minutes <= 20 else (1, 8)
    if not lo <= len(distinct) <= hi:
        found.append(f"{len(distinct)} different main moves")
    total = estimate_seconds(steps, CONFIG)
    held = any("so this plan stays gentle" in n for n in choice.notes)
    if total > 1.1 * minutes * 60 or (total < 0.9 * minutes * 60 and not held):
        # shorter only while pain is rising: fewer sets, and the plan says so
        found.append(f"{total / 60:.1f} minutes for {minutes}")
    for e in distinct:
        if e.level > level:
            found.append(f"{e.id} is level {e.level}, above the level open ({level})")
        if not e.in_plans:
            found.append(f"{e.id} is never planned automatically")
        if e.id in avoided:
            found.append(f"{e.id} is left out for now")
        if standing and e.floor:
            found.append(f"{e.id} is floor work in a standing plan")
    if standing:
        leaders = [e.id for e in distinct[:2]]
        wanted = [i for i in STANDING_LEADERS if i not in avoided]
        if leaders[: len(wanted)] != wanted:
            found.append(f"a standing plan led by {leaders}")
        if minutes < 20 and "standing-forward-fold" in leaders + [e.id for e in distinct]:
            found.append("the standing forward fold under 20 minutes")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("standing", [False, True], ids=["floor", "standing"])
def test_a_year_of_plans_for_every_profile(catalog: Catalog, standing: bool) -> None:
    failures = []
    plans = 0
    for name, (log, first) in profiles(catalog).items():
        for offset in range(0, 365, 1):
            day = first + timedelta(days=offset)
            prog = progress(log, day, catalog.exercises, 3)
            avoided = avoided_moves(log, day, catalog.exercises)
            current = block(log, day, catalog.exercises, standing=standing)
            for minutes in LENGTHS:
                choice = choose_plan(
                    catalog,
                    minutes,
                    day=day,
                    config=CONFIG,
                    avoided=avoided,
                    standing=standing,
                    progress=prog,
                    block=current,
                )
                plans += 1
                for problem in broken(choice, minutes, standing, prog.level, avoided):
                    failures.append(f"{name}, {day}, {minutes} min: {problem}")
    assert plans == 7 * 365 * len(LENGTHS)
    assert not failures, f"{len(failures)} broken: " + "; ".join(failures[:8])


def test_move_counts() -> None:
    assert [move_count(m) for m in LENGTHS] == [4, 5, 5, 6, 7, 8]

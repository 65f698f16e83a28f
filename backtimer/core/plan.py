"""Turning the catalogue and a time budget into a routine. Pure: no I/O, no clock.

``plan(catalog, minutes=N, day=...)`` builds a warm-up (always; longer for longer
routines) and a main part balanced across mobility, stretch and strength, gentlest
first, with about 0.4 main moves a minute (4-6 for the articles' 10-15 minutes).
Dosages are then nudged within each move's range until the engine's own estimate
(``estimate_seconds``) is as close to N minutes as the moves allow. The choice is
shuffled with the date as seed: a different plan each day, the same plan all day.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from backtimer.core.exercise import Exercise
from backtimer.core.routine import Catalog, Step
from backtimer.core.settings import SessionConfig
from backtimer.core.timeline import estimate_seconds

MIN_MINUTES, MAX_MINUTES = 5, 45
#: In this order the planner takes turns between them (mobility first).
MAIN_KINDS = ("mobility", "stretch", "strength")
#: Aim this close to the target before stopping (the promise is +-10 %).
TOLERANCE = 0.03


def main_count(minutes: int) -> int:
    """How many main exercises a routine of ``minutes`` has: 4-6 for 10-15 minutes."""
    return max(2, round(minutes * 0.4))


def warmup_count(minutes: int) -> int:
    return 1 if minutes < 8 else 2 if minutes < 12 else 3 if minutes < 25 else 4


#: Within a level, moves go down to the floor step by step instead of up and down.
POSITION_FLOW = ("standing", "wall", "chair", "seated", "kneeling", "all-fours", "supine", "prone")


def _order(exercises: list[Exercise]) -> list[Exercise]:
    """Gentlest first (by level), then from standing down to lying."""
    return sorted(
        exercises,
        key=lambda e: (e.level, POSITION_FLOW.index(e.position), MAIN_KINDS.index(e.kind)),
    )


def candidates(
    catalog: Catalog,
    *,
    excluded: Collection[str] = (),
    avoid: Collection[str] = (),
    standing: bool = False,
) -> list[Exercise]:
    """Exercises a plan may use: not excluded, not recently painful, no floor if standing."""
    left_out = set(excluded) | set(avoid)
    return [
        e for e in catalog.exercises.values() if e.id not in left_out and not (standing and e.floor)
    ]


def plan(
    catalog: Catalog,
    minutes: int,
    *,
    day: date,
    config: SessionConfig | None = None,
    excluded: Collection[str] = (),
    avoid: Collection[str] = (),
    standing: bool = False,
) -> list[Step]:
    """A routine of about ``minutes`` (5-45) for ``day``.

    ``excluded``: exercises the person never wants planned; ``avoid``: ones recorded
    as stopped for pain lately. ``standing``: no floor work (a desk break).
    """
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(f"minutes must be {MIN_MINUTES} to {MAX_MINUTES}, not {minutes}")
    config = config or SessionConfig()
    rng = random.Random(f"{day.isoformat()}/{minutes}/{int(standing)}")
    pool = candidates(catalog, excluded=excluded, avoid=avoid, standing=standing)
    warmups = [e for e in pool if e.kind == "warmup"]
    rng.shuffle(warmups)
    by_kind = {kind: [e for e in pool if e.kind == kind] for kind in MAIN_KINDS}
    for members in by_kind.values():
        rng.shuffle(members)
    kinds = [k for k in MAIN_KINDS if by_kind[k]]
    rng.shuffle(kinds)
    chosen: list[Exercise] = []
    want = main_count(minutes)
    while len(chosen) < want and any(by_kind[k] for k in kinds):
        for kind in kinds:  # round-robin keeps the kinds balanced
            if by_kind[kind] and len(chosen) < want:
                chosen.append(by_kind[kind].pop())
    if not chosen and not warmups:
        return []
    if not chosen:  # nothing but warm-ups fits (e.g. everything excluded): use them
        chosen, warmups = warmups[1:], warmups[:1]
    steps = [Step.of(e, "warmup") for e in warmups[: warmup_count(minutes)]]
    steps += [Step.of(e, "main") for e in _order(chosen)]
    return fit(steps, minutes * 60, config)


def _own_seconds(step: Step, config: SessionConfig) -> float:
    """A step's get ready, work, switches and set rests: all a dose change can alter."""
    return estimate_seconds([step], config)


def fit(steps: Sequence[Step], target_s: float, config: SessionConfig) -> list[Step]:
    """Nudge main-part dosages (reps, holds, times, then sets) toward ``target_s``.

    Greedy: each round takes the one-notch change that brings the estimate closest to
    the target, and stops when within 3 % or when nothing helps any more.
    """
    steps = list(steps)
    main = [i for i, s in enumerate(steps) if s.phase == "main"]
    own = {i: _own_seconds(steps[i], config) for i in main}
    total = estimate_seconds(steps, config)
    for _ in range(1000):
        if abs(total - target_s) <= TOLERANCE * target_s:
            break
        direction = 1 if total < target_s else -1
        best: tuple[float, int, Step, float] | None = None
        for i in main:
            for key in (None, "sets"):
                changed = steps[i].nudged(direction, key)
                if changed is None:
                    continue
                seconds = _own_seconds(changed, config)
                gap = abs(total - own[i] + seconds - target_s)
                if best is None or gap < best[0]:
                    best = (gap, i, changed, seconds)
        if best is None or best[0] >= abs(total - target_s):
            break
        _, i, changed, seconds = best
        total += seconds - own[i]
        steps[i], own[i] = changed, seconds
    return steps


@dataclass(frozen=True)
class Choice:
    """What Start will run: a named routine or a plan for a length."""

    key: str
    name: str
    steps: tuple[Step, ...]
    minutes: int | None = None
    routine: str | None = None
    standing: bool = False


def choose_routine(catalog: Catalog, routine_id: str) -> Choice:
    routine = catalog.routine(routine_id)  # KeyError names the known ones
    return Choice(routine.id, routine.name, tuple(catalog.steps(routine)), routine=routine.id)


def choose_plan(
    catalog: Catalog,
    minutes: int,
    *,
    day: date,
    config: SessionConfig | None = None,
    excluded: Collection[str] = (),
    avoid: Collection[str] = (),
    standing: bool = False,
) -> Choice:
    steps = plan(
        catalog, minutes, day=day, config=config, excluded=excluded, avoid=avoid, standing=standing
    )
    where = ", standing" if standing else ""
    key = f"plan-{minutes}" + ("-standing" if standing else "")
    return Choice(
        key, f"{minutes}-minute plan{where}", tuple(steps), minutes=minutes, standing=standing
    )

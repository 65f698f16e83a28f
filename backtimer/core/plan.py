"""Turning the catalogue and a time budget into a routine a physiotherapist would sign,
and fitting named routines around moves that hurt. Pure: no I/O, no clock.

The rules of a plan (``plan``):

- a warm-up that starts with a pulse-raiser (marching), longer for longer plans;
- then standing moves, then chair moves, then the floor, so a person goes down to the
  floor once and stays there; within each, mobility before strength;
- it ends with a calm stretch held still (child's pose, knee-to-chest...);
- only moves of the levels the person has reached (a new profile: level 1), at their
  current doses (a new profile: the bottom of each range); sets only from a move's
  own range;
- no move takes more than a quarter of the main part, and a plan under 20 minutes has
  at most two moves that bend the spine the same way;
- time is filled with more moves, never with more sets or reps; when the moves run
  out before the time does, the plan says so and why.

The choice is shuffled with the date as seed: a different plan each day, the same
plan all day, and ``plan --date`` shows any day's.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from backtimer.core.avoid import Avoided
from backtimer.core.dose import Dose
from backtimer.core.exercise import Exercise
from backtimer.core.progression import Progress, gentlest
from backtimer.core.routine import Catalog, Step
from backtimer.core.settings import SessionConfig
from backtimer.core.timeline import estimate_seconds

MIN_MINUTES, MAX_MINUTES = 5, 45
#: In this order within each place: mobility, then strength, then the stretches.
MAIN_KINDS = ("mobility", "strength", "stretch")
#: A plan this close to the time asked for is on time.
TOLERANCE = 0.10
#: No move may take more than this share of the main part.
MAX_SHARE = 0.25
#: Plans shorter than this have at most ``MAX_SAME_WAY`` moves of one direction.
SHORT_PLAN_MINUTES = 20
MAX_SAME_WAY = 2
PULSE_RAISER = "marching"
#: Where a move is done: standing (and at a wall), on a chair, on the floor.
PLACE = {"standing": 0, "wall": 0, "chair": 1}
FLOOR = 2

DoseOf = Callable[[Exercise], Dose]


def place(exercise: Exercise) -> int:
    return PLACE.get(exercise.position, FLOOR)


def warmup_count(minutes: int) -> int:
    return 1 if minutes < 8 else 2 if minutes < 12 else 3 if minutes < 25 else 4


def is_calm_stretch(exercise: Exercise) -> bool:
    """A stretch held still: what a session ends with."""
    return exercise.kind == "stretch" and exercise.mode == "hold"


def flare_unsafe(exercise: Exercise) -> bool:
    """Not for an easy day: harder moves, loaded extension or rotation, or a care note
    that says to leave it out in a flare."""
    loaded = exercise.kind == "strength" and bool(
        {"extension", "rotation"} & set(exercise.direction)
    )
    care = (exercise.care or "").lower()
    return exercise.level > 1 or loaded or "flare" in care or "acute" in care


def order_key(step: Step) -> tuple[int, int, int]:
    exercise = step.exercise
    return (place(exercise), MAIN_KINDS.index(exercise.kind), exercise.level)


@dataclass(frozen=True)
class Choice:
    """What Start runs: a named routine or a plan for a length, and anything the
    person should know about it (moves left out, a plan shorter than asked)."""

    key: str
    name: str
    steps: tuple[Step, ...]
    minutes: int | None = None
    routine: str | None = None
    standing: bool = False
    notes: tuple[str, ...] = field(default=())
    #: Where each step's dose came from: "start", "up on 21 Nov", "routine"...
    origins: tuple[str, ...] = field(default=())

    def origin(self, index: int) -> str:
        return self.origins[index] if index < len(self.origins) else ""


def _same_way_ok(chosen: Sequence[Exercise], exercise: Exercise, minutes: int) -> bool:
    if minutes >= SHORT_PLAN_MINUTES:
        return True
    for way in set(exercise.direction) - {"neutral"}:
        if sum(1 for e in chosen if way in e.direction) >= MAX_SAME_WAY:
            return False
    return True


def plan(
    catalog: Catalog,
    minutes: int,
    *,
    day: date,
    config: SessionConfig | None = None,
    avoid: Collection[str] = (),
    standing: bool = False,
    easy: bool = False,
    max_level: int = 1,
    dose_of: DoseOf = gentlest,
) -> tuple[list[Step], str | None]:
    """A routine of about ``minutes`` (5-45) for ``day``, and a note when it cannot be
    that long (and why).

    ``avoid``: moves to leave out (pain, exclusions); ``standing``: no floor work;
    ``easy``: an easy day (see ``flare_unsafe``); ``max_level``: the hardest level
    unlocked; ``dose_of``: each move's current dose.
    """
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(f"minutes must be {MIN_MINUTES} to {MAX_MINUTES}, not {minutes}")
    config = config or SessionConfig()
    rng = random.Random(f"{day.isoformat()}/{minutes}/{int(standing)}/{int(easy)}")
    pool = [
        e
        for e in catalog.exercises.values()
        if e.id not in avoid
        and e.level <= max_level
        and not (standing and e.floor)
        and not (easy and flare_unsafe(e))
    ]
    target = minutes * 60.0

    def step(e: Exercise, phase: str = "main") -> Step:
        return Step(e, "warmup" if phase == "warmup" else "main", dose_of(e))

    # the warm-up: the pulse-raiser first, then loosening moves
    warm = [e for e in pool if e.kind == "warmup" and e.id != PULSE_RAISER]
    rng.shuffle(warm)
    raiser = [e for e in pool if e.id == PULSE_RAISER]
    warmups = [step(e, "warmup") for e in (raiser + warm)[: warmup_count(minutes)]]

    # the main part: a calm stretch to finish, then moves taken in turn by kind.
    # A main move adds its own time and the rest before it: totals add up exactly.
    mains = [e for e in pool if e.kind != "warmup"]
    rng.shuffle(mains)
    warm_s = estimate_seconds(warmups, config)
    main_s = max(0.0, target - warm_s)
    gap = config.rest_between_exercises_s if warmups else 0.0
    cost = {e.id: _own_seconds(step(e), config) + config.rest_between_exercises_s for e in mains}
    # a quarter of the main part even if the plan lands at the low end of on time
    cap = MAX_SHARE * main_s * (1 - TOLERANCE)
    fits = [e for e in mains if cost[e.id] - config.rest_between_exercises_s <= cap]
    last_place = 1 if standing else FLOOR
    finishers = [e for e in fits if is_calm_stretch(e) and place(e) <= last_place]
    finishers.sort(key=lambda e: (-place(e), e.level))
    chosen: list[Exercise] = finishers[:1]
    # nothing after the finishing stretch's place: no getting up again at the end
    last = place(chosen[0]) if chosen else last_place
    by_kind = {
        k: [e for e in fits if e.kind == k and e not in chosen and place(e) <= last]
        for k in MAIN_KINDS
    }
    total = warm_s + sum(cost[e.id] for e in chosen) - (config.rest_between_exercises_s - gap)
    low, high = target * (1 - TOLERANCE / 2), target * (1 + TOLERANCE)

    kinds = list(MAIN_KINDS)
    rng.shuffle(kinds)
    while total < low:
        added = False
        for kind in kinds:
            if total >= low:
                break
            pick = next(
                (
                    e
                    for e in by_kind[kind]
                    if total + cost[e.id] <= high and _same_way_ok(chosen, e, minutes)
                ),
                None,
            )
            if pick is not None:
                chosen.append(pick)
                by_kind[kind].remove(pick)
                total += cost[pick.id]
                added = True
        if not added:
            break

    finisher = chosen[:1] if chosen and is_calm_stretch(chosen[0]) else []
    body = sorted((step(e) for e in chosen[len(finisher) :]), key=order_key)
    steps = warmups + body + [step(e) for e in finisher]
    total = _stretch_warmup(steps, total, low)
    return steps, _shortfall(total, minutes, standing=standing, easy=easy)


@lru_cache(maxsize=4096)
def _own_seconds(step: Step, config: SessionConfig) -> float:
    """A step's get ready, work, switches and set rests (the same every day)."""
    return estimate_seconds([step], config)


def _stretch_warmup(steps: list[Step], total: float, low: float) -> float:
    """Lengthen timed warm-ups, within their range, to bring a short plan on time;
    ``steps`` change in place; the new total comes back."""
    for i, s in enumerate(steps):
        if s.phase != "warmup" or s.exercise.mode != "timed":
            continue
        while total < low:
            longer = s.nudged(1)
            if longer is None:
                break
            total += ((longer.time_s or 0) - (s.time_s or 0)) * s.sets
            s = steps[i] = longer
    return total


def _shortfall(total: float, minutes: int, *, standing: bool, easy: bool) -> str | None:
    if total >= minutes * 60 * (1 - TOLERANCE):
        return None
    why = ["the levels you have reached, at your current doses, without the moves left out"]
    if standing:
        why.append("standing and chair moves only")
    if easy:
        why.append("an easy day's gentlest moves only")
    return (
        f"This plan is about {total / 60:.0f} minutes, not {minutes}: that is all the "
        f"suitable moves fill ({'; '.join(why)}). Longer plans open up as your doses grow "
        "and new levels unlock; a walk is a good way to do more."
    )


# ---------------------------------------------------------------------- named routines


def _substitute(
    step: Step, steps: Sequence[Step], catalog: Catalog, avoided: Mapping[str, Avoided]
) -> Exercise | None:
    """A gentler move of the same kind to do instead, done in the same place if any."""
    present = {s.exercise.id for s in steps}
    original = step.exercise
    options = [
        e
        for e in catalog.exercises.values()
        if e.kind == original.kind
        and e.id not in avoided
        and e.id not in present
        and e.level <= original.level
        and (e.kind == "warmup") == (step.phase == "warmup")
    ]
    options.sort(key=lambda e: (place(e) != place(original), e.level, e.name))
    return options[0] if options else None


def fit_routine(
    steps: Sequence[Step], catalog: Catalog, avoided: Mapping[str, Avoided]
) -> tuple[list[Step], list[str]]:
    """``steps`` with each avoided move swapped for a gentler one of its kind, or left
    out; and a sentence for each change."""
    result: list[Step] = []
    notes: list[str] = []
    for s in steps:
        reason = avoided.get(s.exercise.id)
        if reason is None:
            result.append(s)
            continue
        instead = _substitute(s, [*steps, *result], catalog, avoided)
        sentence = reason.sentence(s.exercise.name)
        if instead is None:
            notes.append(sentence)
        else:
            result.append(Step(instead, s.phase, gentlest(instead)))
            notes.append(sentence.replace(" is left out", f" is swapped for {instead.name}", 1))
    if not result:  # everything was left out: keep the routine as it is, and say so
        return list(steps), [*notes, "Nothing else fits, so the routine runs as written."]
    return result, notes


def choose_routine(
    catalog: Catalog,
    routine_id: str,
    avoided: Mapping[str, Avoided] | None = None,
    progress: Progress | None = None,
) -> Choice:
    """A named routine: the person's current doses unless the routine sets its own."""
    routine = catalog.routine(routine_id)  # KeyError names the known ones
    steps = catalog.steps(routine)
    origins = ["catalogue"] * len(steps)
    if progress is not None:
        members = [item for _, item in routine.members()]
        for i, (s, item) in enumerate(zip(steps, members, strict=True)):
            if item.changes():
                origins[i] = "the routine's own"
                continue
            steps[i] = replace(s, dose=progress.dose_of(s.exercise))
            origins[i] = progress.current(s.exercise).origin()
    by_id = dict(zip((s.exercise.id for s in steps), origins, strict=True))
    fitted, notes = fit_routine(steps, catalog, avoided or {})
    return Choice(
        routine.id,
        routine.name,
        tuple(fitted),
        routine=routine.id,
        notes=tuple(notes),
        origins=tuple(by_id.get(s.exercise.id, "start") for s in fitted),
    )


def choose_plan(
    catalog: Catalog,
    minutes: int,
    *,
    day: date,
    config: SessionConfig | None = None,
    avoided: Mapping[str, Avoided] | None = None,
    standing: bool = False,
    easy: bool = False,
    progress: Progress | None = None,
) -> Choice:
    avoided = avoided or {}
    steps, short = plan(
        catalog,
        minutes,
        day=day,
        config=config,
        avoid=avoided,
        standing=standing,
        easy=easy,
        max_level=1 if easy or progress is None else progress.level,
        dose_of=gentlest if progress is None else progress.dose_of,
    )
    origins = tuple(
        progress.current(s.exercise).origin() if progress is not None else "start"
        for s in steps
    )
    names = {e.id: e.name for e in catalog.exercises.values()}
    shown = [a.sentence(names.get(a.id, a.id)) for a in avoided.values() if a.until is not None]
    where = ", standing" if standing else ""
    kind = "Easy day" if easy else f"{minutes}-minute plan"
    key = f"{'easy' if easy else 'plan'}-{minutes}" + ("-standing" if standing else "")
    return Choice(
        key,
        f"{kind}{where}" if not easy else f"{kind}, {minutes} minutes{where}",
        tuple(steps),
        minutes=minutes,
        standing=standing,
        notes=tuple(shown + ([short] if short else [])),
        origins=origins,
    )


"""Turning the catalogue and a time budget into a routine a physiotherapist would sign,
and fitting named routines around moves that hurt. Pure: no I/O, no clock.

A plan (``plan``) is:

- a warm-up that starts with a pulse-raiser (marching), longer for longer plans;
- a small, steady set of main moves: 4 to 6 up to 20 minutes, at most 8 beyond, kept
  from plan to plan for a block (``core.programme``), with at most one new move a
  session, at the bottom of its range; the order and the rules of ``core.plan_rules``
  (standing, chair, floor; grouped positions; directions spread out; hard moves only
  where they belong; it ends on a calm stretch);
- filled to the time asked for with sets within each move's range, then with a second
  (or third) round of the circuit, never with more different moves; a plan within 10 %
  of the minutes asked, or a note that says why not;
- only moves of the levels reached, at their current doses; Russian twist and any move
  marked ``in_plans = false`` only in a routine a person builds.

An easy day (a flare-up plan) is shorter, every dose at its gentlest, only moves done
before, no hard strength work, in positions of ease, with a walk suggested.

The choice is shuffled with the date as seed: the same plan all day, and
``plan --date`` shows any day's.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from backtimer.core.avoid import Avoided, summary
from backtimer.core.dose import Dose
from backtimer.core.exercise import Exercise
from backtimer.core.log import SessionEntry
from backtimer.core.plan_rules import (
    FLOOR,
    HARD_LEVEL,
    HARD_MIN_MINUTES,
    is_calm_stretch,
    is_spinal_mobility,
    ordered,
    place,
    problems,
)
from backtimer.core.programme import Block
from backtimer.core.progression import WELCOME_BACK, Progress, gentlest
from backtimer.core.routine import Catalog, Routine, RoutineItem, Step
from backtimer.core.settings import SessionConfig
from backtimer.core.tally import ONE_MOVE
from backtimer.core.timeline import estimate_seconds

__all__ = ["FLOOR", "Choice", "is_calm_stretch", "place", "plan", "choose_plan"]

MIN_MINUTES, MAX_MINUTES = 5, 45
#: A plan this close to the time asked for is on time.
TOLERANCE = 0.10
PULSE_RAISER = "marching"
#: Standing plans lead with what desk sitters need most: extension and the hip hinge.
STANDING_LEADERS = ("standing-back-extension", "standing-hip-hinge")
#: Loaded flexion with the head down: in standing plans of 20 minutes or more only.
FORWARD_FOLD, FORWARD_FOLD_MINUTES = "standing-forward-fold", 20
#: Positions that suit a sore back on an easy day (not face down, not sitting on the
#: floor with straight legs).
EASE_POSITIONS = frozenset({"supine", "all-fours", "kneeling", "chair", "wall", "standing"})
EASY_NOTE = "An easy day: gentle moves at their easiest. A short, easy walk today helps too."
#: Two rounds of the circuit at most (three only when a long plan needs them).
MAX_ROUNDS = 2
#: Under this, a plan eases every move to its gentlest when its doses leave no room.
SHORT_PLAN_MINUTES = 10
#: No move takes more than a third of the main part's time (one round of it).
SHARE_OF = 3

DoseOf = Callable[[Exercise], Dose]


def warmup_count(minutes: int) -> int:
    return 1 if minutes < 8 else 2 if minutes < 12 else 3 if minutes < 25 else 4


def move_count(minutes: int) -> int:
    """How many main moves a plan of ``minutes`` holds (the finishing stretch too)."""
    return (
        4
        if minutes < 8
        else 5
        if minutes < 18
        else 6
        if minutes <= 20
        else (7 if minutes <= 30 else 8)
    )


def usual_minutes(sessions: Sequence[SessionEntry], last: int = 10) -> int:
    """The length a person usually chooses: the median planned minutes of their last
    sessions (10 for a new profile)."""
    recent = sorted(s.planned_minutes for s in list(sessions)[-last:] if s.planned_minutes > 0)
    return max(MIN_MINUTES, round(recent[len(recent) // 2])) if recent else 10


def easy_minutes(sessions: Sequence[SessionEntry]) -> int:
    """An easy day's length: about half the usual, at least 5 minutes."""
    return max(MIN_MINUTES, min(MAX_MINUTES, round(usual_minutes(sessions) / 2)))


def flare_unsafe(exercise: Exercise) -> bool:
    """Not for an easy day: harder moves, loaded extension or rotation, or a care note
    that says to leave it out in a flare."""
    loaded = exercise.kind == "strength" and bool(
        {"extension", "rotation"} & set(exercise.direction)
    )
    care = (exercise.care or "").lower()
    return exercise.level > 1 or loaded or "flare" in care or "acute" in care


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
    #: The routine as the person wrote it (before today's doses and pain swaps).
    written: Routine | None = None

    def origin(self, index: int) -> str:
        return self.origins[index] if index < len(self.origins) else ""


def _eligible(
    catalog: Catalog,
    minutes: int,
    *,
    avoid: Collection[str],
    standing: bool,
    easy: bool,
    max_level: int,
    known: Collection[str],
) -> list[Exercise]:
    pool = []
    for e in catalog.exercises.values():
        if e.id in avoid or e.level > max_level or not e.in_plans:
            continue
        if standing and e.floor:
            continue
        if e.level >= HARD_LEVEL and minutes < HARD_MIN_MINUTES:
            continue
        if e.id == FORWARD_FOLD and (not standing or minutes < FORWARD_FOLD_MINUTES):
            continue
        if easy and (flare_unsafe(e) or e.position not in EASE_POSITIONS):
            continue
        pool.append(e)
    if easy and known:  # no new moves on an easy day, when enough are known
        done = [e for e in pool if e.id in known or e.kind == "warmup"]
        if sum(1 for e in done if e.kind != "warmup") >= 3:
            pool = done
    return pool


class _Builder:
    """The main moves of one plan, kept valid (and, once round, within ``budget``
    seconds) as they are added."""

    def __init__(
        self, minutes: int, finisher: Exercise, cost: Callable[[Exercise], float], budget: float
    ) -> None:
        self.minutes = minutes
        self.finisher = finisher
        self.cost = cost
        self.budget = budget
        self.moves: list[Exercise] = []

    def fits(self, extra: Exercise) -> bool:
        spent = sum(self.cost(e) for e in [*self.moves, extra, self.finisher])
        if spent > self.budget or self.cost(extra) > self.budget / SHARE_OF:
            return False
        main = ordered([*self.moves, extra], self.finisher)
        return not problems(main, self.minutes)

    def add(self, extra: Exercise) -> bool:
        if extra is self.finisher or extra in self.moves or not self.fits(extra):
            return False
        self.moves.append(extra)
        return True

    def main(self) -> list[Exercise]:
        return ordered(self.moves, self.finisher)


def _pick_finisher(
    pool: Sequence[Exercise],
    last_place: int,
    keep: Sequence[str],
    cost: Callable[[Exercise], float],
    short: bool,
) -> Exercise | None:
    """The calm stretch to end on: the programme's own while it fits, else one in the
    last place (floor, or the chair when standing); a short plan takes a quick one."""
    calm = [e for e in pool if is_calm_stretch(e) and place(e) <= last_place]
    for exercise_id in keep:  # the programme's own finishing stretch, while it may
        for e in calm:
            if e.id == exercise_id and not (short and cost(e) > min(cost(c) for c in calm)):
                return e
    calm.sort(key=lambda e: (-place(e), cost(e) if short else 0, e.level))
    return calm[0] if calm else None


def _fresh(
    builder: _Builder, candidates: Sequence[Exercise], count: int, rng: random.Random
) -> None:
    """Choose the main moves from nothing: spinal mobility first, then strength, then
    the kinds in turn."""
    for wanted in (is_spinal_mobility, lambda e: e.kind == "strength"):
        for e in candidates:
            if len(builder.moves) + 1 >= count:
                return
            if wanted(e) and builder.add(e):
                break
    kinds = ["mobility", "strength", "stretch"]
    rng.shuffle(kinds)
    while len(builder.moves) + 1 < count:
        added = False
        for kind in kinds:
            for e in candidates:
                if len(builder.moves) + 1 >= count:
                    break
                if e.kind == kind and builder.add(e):
                    added = True
                    break
        if not added:
            return


def _select(
    pool: Sequence[Exercise],
    minutes: int,
    *,
    standing: bool,
    rng: random.Random,
    block: Block,
    day: date,
    cost: Callable[[Exercise], float],
    budget: float,
) -> tuple[Exercise | None, list[Exercise]]:
    """The finishing stretch and the other main moves of today's plan."""
    count = move_count(minutes)
    mains = [e for e in pool if e.kind != "warmup"]
    rng.shuffle(mains)
    if standing:  # what desk sitters need most, first
        mains.sort(key=lambda e: e.id not in STANDING_LEADERS)
    finisher = _pick_finisher(
        mains, 1 if standing else FLOOR, block.moves[::-1], cost, minutes < SHORT_PLAN_MINUTES
    )
    if finisher is None:
        return None, []
    builder = _Builder(minutes, finisher, cost, budget)
    by_id = {e.id: e for e in mains}
    leaders = [by_id[i] for i in STANDING_LEADERS if standing and i in by_id]
    kept = [by_id[i] for i in block.moves if i in by_id and by_id[i] is not finisher]
    if len(kept) + 1 < (count + 1) // 2:  # too little of the programme is left: a new one
        kept = []
    if not kept:
        for e in leaders:
            builder.add(e)
        _fresh(builder, mains, count, rng)
        return finisher, builder.main()[:-1]
    # the programme goes on: keep its moves, one due move makes way, one new at most
    due = [i for i in block.due(day) if i in by_id and by_id[i] in kept]
    due = [i for i in due if i not in STANDING_LEADERS]
    leaving = by_id[due[0]] if due else None
    for e in [*leaders, *kept]:
        if e is not leaving and len(builder.moves) + 1 < count:
            builder.add(e)
    new_allowed = 1
    candidates = [e for e in mains if e.id not in block.moves]
    # moves done lately first; when a move makes way, one of its kind, a fresh one,
    # a harder one as levels open
    kind = leaving.kind if leaving is not None else None
    candidates.sort(
        key=lambda e: (
            e.kind != kind if kind else 0,
            e.id in block.known if kind else e.id not in block.known,
            -e.level if kind else e.level,
        )
    )
    for e in candidates:
        if len(builder.moves) + 1 >= count:
            break
        new = e.id not in block.moves  # not in the last plan: it enters today
        if new and not new_allowed:
            continue
        if builder.add(e) and new:
            new_allowed -= 1
    if leaving is not None and len(builder.moves) + 1 < count:
        builder.add(leaving)  # nothing could take its place: it stays
    return finisher, builder.main()[:-1]


#: While pain is rising (or high), no move gets more sets than this to fill time.
HELD_SETS = 2
HELD_NOTE = (
    "Your pain has been rising lately, so this plan stays gentle: no move gets more "
    f"than {HELD_SETS} sets, even if that makes it shorter than asked. An easy day (e "
    "on Home) is a good choice; if the pain keeps rising, see a physiotherapist or GP."
)
#: Doses stepped back for pain this recently also keep a plan from filling time.
HELD_DAYS = 14


def _held(progress: Progress | None, day: date) -> bool:
    """Is pain rising (or high), or did a dose step back for pain in the last two weeks?"""
    if progress is None or progress.fixed:
        return False
    if progress.pain_hold is not None:
        return True
    return any(
        d.source == "back" and d.since is not None and (day - d.since).days < HELD_DAYS
        for d in progress.doses.values()
    )


def _sets_room(s: Step, most: int | None = None) -> int:
    bounds = s.exercise.limits.range("sets", s.exercise.dose)
    top = bounds[1] if bounds else s.sets
    if most is not None:
        top = min(top, max(most, s.sets))
    return int(top - s.sets)


def _fill(
    warmups: list[Step],
    body: list[Step],
    finish: list[Step],
    config: SessionConfig,
    low: float,
    high: float,
    *,
    rounds_allowed: int,
    most_sets: int | None = None,
) -> list[Step]:
    """The session's steps filled toward ``low``..``high``: sets within each move's range
    first, then another round of the circuit; the fewest rounds that reach the time."""
    best: list[Step] = warmups + body + finish
    best_total = _seconds(best, config)
    for rounds in range(1, rounds_allowed + 1):
        steps = warmups + body * rounds + finish
        total = _seconds(steps, config)
        if total > high:
            break
        order = sorted(
            range(len(warmups), len(steps)),
            key=lambda i: (
                ("strength", "mobility", "stretch").index(steps[i].exercise.kind)
                if steps[i].exercise.kind in ("strength", "mobility", "stretch")
                else 3
            ),
        )
        grew = True
        while total < low and grew:
            grew = False
            for i in order:
                if total >= low:
                    break
                if _sets_room(steps[i], most_sets) <= 0:
                    continue
                more = replace(steps[i], dose=replace(steps[i].dose, sets=steps[i].sets + 1))
                trial = [*steps[:i], more, *steps[i + 1 :]]
                trial_total = total - _own_seconds(steps[i], config) + _own_seconds(more, config)
                if trial_total <= high:
                    steps, total, grew = trial, trial_total, True
        if total >= low:
            return steps
        if total > best_total:
            best, best_total = steps, total
    return best


def _trim(
    steps: list[Step], config: SessionConfig, high: float, keep: int, minutes: int
) -> list[Step]:
    """Drop main moves (never the finishing stretch, and only so that the rules still
    hold) while the plan is over ``high`` and holds more than ``keep`` main moves."""
    while _seconds(steps, config) > high:
        main = [i for i, s in enumerate(steps) if s.phase == "main"]
        if len(main) <= keep:
            break
        for drop in reversed(main[:-1]):
            rest = steps[:drop] + steps[drop + 1 :]
            if not problems([s.exercise for s in rest if s.phase == "main"], minutes):
                steps = rest
                break
        else:
            break
    return steps


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
    block: Block | None = None,
    known: Collection[str] = (),
    held: bool = False,
) -> tuple[list[Step], str | None]:
    """A routine of about ``minutes`` (5-45) for ``day``, and a note when it cannot be
    that long (and why).

    ``avoid``: moves to leave out (pain, exclusions); ``standing``: no floor work;
    ``easy``: an easy day; ``max_level``: the hardest level open; ``dose_of``: each
    move's current dose; ``block``: the programme so far (``core.programme``);
    ``known``: moves the person has done (an easy day uses only those); ``held``:
    pain is rising, so no move gets more than ``HELD_SETS`` sets to fill time.
    """
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(f"minutes must be {MIN_MINUTES} to {MAX_MINUTES}, not {minutes}")
    config = config or SessionConfig()
    rng = random.Random(f"{day.isoformat()}/{minutes}/{int(standing)}/{int(easy)}")
    pool = _eligible(
        catalog,
        minutes,
        avoid=avoid,
        standing=standing,
        easy=easy,
        max_level=max_level,
        known=known,
    )
    if easy:
        dose_of = gentlest
    target = minutes * 60.0
    low, high = target * (1 - TOLERANCE / 2), target * (1 + TOLERANCE)

    def step(e: Exercise, phase: str = "main") -> Step:
        return Step(e, "warmup" if phase == "warmup" else "main", dose_of(e))

    # the warm-up: the pulse-raiser first, then loosening moves
    warm = [e for e in pool if e.kind == "warmup" and e.id != PULSE_RAISER]
    rng.shuffle(warm)
    raiser = [e for e in pool if e.id == PULSE_RAISER]
    warmups = [step(e, "warmup") for e in (raiser + warm)[: warmup_count(minutes)]]

    warm_s = estimate_seconds(warmups, config)

    def cost(e: Exercise) -> float:  # one round of a move, with the rest before it
        return _own_seconds(step(e), config) + config.rest_between_exercises_s

    programme = Block() if easy else block or Block()
    finisher, body_moves = _select(
        pool,
        minutes,
        standing=standing,
        rng=rng,
        block=programme,
        day=day,
        cost=cost,
        budget=high - warm_s,
    )
    if minutes < SHORT_PLAN_MINUTES and len(body_moves) + 1 < move_count(minutes):
        dose_of = gentlest  # a short plan on a busy day: every move at its gentlest
        rng = random.Random(f"{day.isoformat()}/{minutes}/{int(standing)}/{int(easy)}")
        finisher, body_moves = _select(
            pool,
            minutes,
            standing=standing,
            rng=rng,
            block=programme,
            day=day,
            cost=cost,
            budget=high - warm_s,
        )
    body = [step(e) for e in body_moves]
    finish = [step(finisher)] if finisher is not None else []
    # a third round only when two cannot reach a long plan's time (a programme of a
    # few moves at their starting doses in 30 minutes or more); never a fourth
    rounds = 1 if easy else MAX_ROUNDS if minutes < 30 else MAX_ROUNDS + 1
    if easy:  # every dose at its gentlest: no extra sets, no second round
        steps = warmups + body + finish
    else:
        steps = _fill(
            warmups,
            body,
            finish,
            config,
            low,
            high,
            rounds_allowed=rounds,
            most_sets=HELD_SETS if held else None,
        )
    steps = _trim(steps, config, high, keep=3, minutes=minutes)
    total = _seconds(steps, config)
    if not easy:
        total = _stretch_warmup(steps, total, low)
    short = _shortfall(total, minutes, standing=standing, easy=easy)
    return steps, (HELD_NOTE if short and held else short)


#: Each step's own seconds, by (the exercise object, its dose, the config); the
#: exercise is kept in the value so that its id() cannot be reused meanwhile.
_OWN: dict[tuple[int, Dose, SessionConfig], tuple[Exercise, float]] = {}


def _own_seconds(step: Step, config: SessionConfig) -> float:
    """A step's get ready, work, switches and set rests (the same every day)."""
    key = (id(step.exercise), step.dose, config)
    found = _OWN.get(key)
    if found is None or found[0] is not step.exercise:
        if len(_OWN) > 8192:
            _OWN.clear()
        found = _OWN[key] = (step.exercise, estimate_seconds([step], config))
    return found[1]


def _seconds(steps: Sequence[Step], config: SessionConfig) -> float:
    """``estimate_seconds(steps, config)``, from each step's own time and the rests
    between steps (none between two warm-ups), as ``core.timeline`` lays them out."""
    rests = sum(
        1
        for a, b in zip(steps, steps[1:], strict=False)
        if not (a.phase == "warmup" and b.phase == "warmup")
    )
    return sum(_own_seconds(s, config) for s in steps) + rests * config.rest_between_exercises_s


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
    step: Step,
    steps: Sequence[Step],
    catalog: Catalog,
    avoided: Mapping[str, Avoided],
    level: int,
) -> Exercise | None:
    """A gentler move of the same kind, done in the same place, to do instead: never
    one unsafe in a flare, one the planner never picks, or one above ``level``."""
    present = {s.exercise.id for s in steps}
    original = step.exercise
    options = [
        e
        for e in catalog.exercises.values()
        if e.kind == original.kind
        and e.id not in avoided
        and e.id not in present
        and e.level <= min(original.level, level)
        and place(e) == place(original)
        and not flare_unsafe(e)
        and e.in_plans
        and (e.kind == "warmup") == (step.phase == "warmup")
    ]
    options.sort(key=lambda e: (e.position != original.position, e.level, e.name))
    return options[0] if options else None


def fit_routine(
    steps: Sequence[Step], catalog: Catalog, avoided: Mapping[str, Avoided], level: int = 3
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
        instead = _substitute(s, [*steps, *result], catalog, avoided, level)
        sentence = reason.sentence(s.exercise.name)
        if instead is None:
            notes.append(sentence)
        else:
            result.append(Step(instead, s.phase, gentlest(instead)))
            notes.append(sentence.replace(" is left out", f" is swapped for {instead.name}", 1))
    if not result:  # everything was left out: keep the routine as it is, and say so
        return list(steps), [*notes, "Nothing else fits, so the routine runs as written."]
    return result, notes


def _grown_seconds(s: Step, config: SessionConfig) -> float:
    """How much longer ``s`` lasts than at its gentlest."""
    start = replace(s, dose=gentlest(s.exercise))
    return estimate_seconds([s], config) - estimate_seconds([start], config)


def _keep_length(
    steps: list[Step], own: list[bool], limit: float, config: SessionConfig
) -> tuple[list[Step], set[int]]:
    """Trim grown doses until ``steps`` last no longer than ``limit``: extra sets first,
    then one notch back at a time on the move that grew the most. The routine's own
    doses (``own``) are never touched. Returns the steps and which were trimmed."""
    from backtimer.core.progression import step as notch

    trimmed: set[int] = set()
    while _seconds(steps, config) > limit:
        shares = [
            (_grown_seconds(s, config), i)
            for i, s in enumerate(steps)
            if not own[i] and s.dose != gentlest(s.exercise)
        ]
        if not shares:
            break
        _, i = max(shares)
        smaller = notch(steps[i].exercise, steps[i].dose, -1)
        if smaller is None:
            break
        steps[i] = replace(steps[i], dose=smaller)
        trimmed.add(i)
    return steps, trimmed


def choose_routine(
    catalog: Catalog,
    routine_id: str,
    avoided: Mapping[str, Avoided] | None = None,
    progress: Progress | None = None,
    config: SessionConfig | None = None,
) -> Choice:
    """A named routine: the person's current doses unless the routine sets its own,
    kept within 10 % of the length it was written at."""
    routine = catalog.routine(routine_id)  # KeyError names the known ones
    return shape_routine(catalog, routine, avoided, progress, config)


def _written_dose(step: Step, item: RoutineItem, progress: Progress | None) -> tuple[Dose, bool]:
    """The dose a routine member runs at, and whether it is the routine's own. A member
    that sets only ``sets`` keeps the person's dose with that many sets: sets shape the
    routine, the rest is the person's."""
    changes = item.changes()
    if progress is None:
        return step.dose, bool(changes)
    if changes and set(changes) != {"sets"}:
        return step.dose, True
    dose = progress.dose_of(step.exercise)
    return (replace(dose, sets=changes["sets"]) if changes else dose), False


def shape_routine(
    catalog: Catalog,
    routine: Routine,
    avoided: Mapping[str, Avoided] | None = None,
    progress: Progress | None = None,
    config: SessionConfig | None = None,
) -> Choice:
    """``routine`` (saved or not) at the person's doses, kept within 10 % of the length
    it was written at, with each move to avoid swapped or left out."""
    config = config or SessionConfig()
    steps = catalog.steps(routine)
    written = estimate_seconds(steps, config)
    origins = ["catalogue"] * len(steps)
    members = [item for _, item in routine.members()]
    own = [False] * len(steps)
    if progress is not None:
        for i, (s, item) in enumerate(zip(steps, members, strict=True)):
            dose, own[i] = _written_dose(s, item, progress)
            steps[i] = replace(s, dose=dose)
            origins[i] = "the routine's own" if own[i] else progress.current(s.exercise).origin()
        steps, trimmed = _keep_length(steps, own, written * (1 + TOLERANCE), config)
        minutes = round(written / 60)
        for i in trimmed:
            origins[i] = f"kept to the routine's {minutes} minutes"
    by_id = dict(zip((s.exercise.id for s in steps), origins, strict=True))
    level = progress.level if progress is not None else 3
    fitted, notes = fit_routine(steps, catalog, avoided or {}, level)
    above = [s.exercise.name for s in fitted if s.exercise.level > level]
    if above:
        notes.insert(
            0,
            f"{routine.name} has {len(above)} move{'s' if len(above) > 1 else ''} you have "
            f"not unlocked yet: {', '.join(above)}. Go gently with them, or plan a session "
            "instead.",
        )
    return Choice(
        routine.id,
        routine.name,
        tuple(fitted),
        routine=routine.id,
        notes=tuple(notes),
        origins=tuple(by_id.get(s.exercise.id, "start") for s in fitted),
        written=routine,
    )


def one_move(exercise: Exercise, dose: Dose) -> Choice:
    """One move on its own, at the person's dose (practice: not a session toward the
    weekly goal)."""
    step = Step(exercise, "main", dose)
    return Choice(f"{ONE_MOVE}{exercise.id}", f"{exercise.name} on its own", (step,))


def plan_name(minutes: int, *, standing: bool = False, easy: bool = False) -> str:
    """What a plan is called on screen, in the log's views and in exports."""
    where = ", standing" if standing else ""
    return f"Easy day, {minutes} minutes{where}" if easy else f"{minutes}-minute plan{where}"


def choice_name(key: str, routines: Mapping[str, str]) -> str:
    """The name people see for a logged routine key: a routine's name (``routines``:
    id -> name), a plan's in words (``plan-10-standing``: "10-minute plan, standing"),
    else the key itself (a routine since deleted)."""
    if key in routines:
        return routines[key]
    if key.startswith(ONE_MOVE):
        return f"one move ({key.removeprefix(ONE_MOVE)})"
    parts = key.split("-")
    if len(parts) >= 2 and parts[0] in ("plan", "easy") and parts[1].isdigit():
        rest = parts[2:]
        if rest in ([], ["standing"]):
            return plan_name(int(parts[1]), standing=bool(rest), easy=parts[0] == "easy")
    return key


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
    block: Block | None = None,
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
        block=block,
        known=progress.known if progress is not None else (),
        held=_held(progress, day),
    )
    origins = tuple(
        "easy day: its gentlest"
        if easy
        else "start"
        if progress is None
        else progress.current(s.exercise).origin()
        if s.dose == progress.dose_of(s.exercise) or s.phase == "warmup"
        else "eased to its gentlest for a short plan"
        for s in steps
    )
    names = {e.id: e.name for e in catalog.exercises.values()}
    shown = summary(avoided, names)
    if progress is not None and progress.welcome_back:
        shown.insert(0, WELCOME_BACK)
    if easy:
        shown.append(EASY_NOTE)
    elif progress is not None and progress.pain_hold is not None and not progress.fixed:
        shown.append(f"Doses {progress.pain_hold}, so none steps up for now.")
    key = f"{'easy' if easy else 'plan'}-{minutes}" + ("-standing" if standing else "")
    return Choice(
        key,
        plan_name(minutes, standing=standing, easy=easy),
        tuple(steps),
        minutes=minutes,
        standing=standing,
        notes=tuple(shown + ([short] if short else [])),
        origins=origins,
    )

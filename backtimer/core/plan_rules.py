"""The rules every plan keeps, as a physiotherapist would set them, and the order its
moves are done in. Pure; the planner builds with them and the tests check with them.

Order: standing, then the chair, then the floor, so a person goes down once; on the
floor, moves are grouped by position (the finishing stretch's position last), so
there are few changes; within a position, mobility, then strength, then stretches.

Rules of the main part (the warm-up is gentle loosening and is not counted):

- it ends with a calm stretch, held still;
- no level-3 move under 10 minutes, and at most one level-3 move in any plan;
- before any strength move, a spinal mobility move; before a strength move that bends
  or loads the spine one way, a mobility move that moves it the same way;
- at most 3 moves share a direction, and never 3 in a row;
- at most 3 changes of position on the floor.
"""

from __future__ import annotations

from collections.abc import Sequence

from backtimer.core.exercise import Exercise

#: Where a move is done: standing (and at a wall), on a chair, on the floor.
PLACE = {"standing": 0, "wall": 0, "chair": 1}
FLOOR = 2
#: The order of positions on the floor: sitting, then hands and knees, kneeling, face
#: down, and the back last (the calmest place to finish).
FLOOR_ORDER = ("seated", "all-fours", "kneeling", "prone", "supine")
KIND_ORDER = ("mobility", "strength", "stretch")
MAX_SAME_WAY, MAX_IN_A_ROW = 3, 2
MAX_FLOOR_CHANGES = 3
HARD_LEVEL, HARD_MIN_MINUTES, MAX_HARD = 3, 10, 1


def place(exercise: Exercise) -> int:
    return PLACE.get(exercise.position, FLOOR)


def is_calm_stretch(exercise: Exercise) -> bool:
    """A stretch held still: what a session ends with."""
    return exercise.kind == "stretch" and exercise.mode == "hold"


def ways(exercise: Exercise) -> set[str]:
    """The directions that count for spreading moves out (not "neutral")."""
    return {str(way) for way in exercise.direction} - {"neutral"}


def is_spinal_mobility(exercise: Exercise) -> bool:
    return exercise.kind == "mobility" and bool(ways(exercise) - {"neck"})


def ordered(moves: Sequence[Exercise], finisher: Exercise | None) -> list[Exercise]:
    """``moves`` in the order they are done, then ``finisher``."""
    last = finisher.position if finisher is not None and place(finisher) == FLOOR else None
    floor = [p for p in FLOOR_ORDER if p != last] + ([last] if last else [])

    def key(e: Exercise) -> tuple[int, int, int, int]:
        group = floor.index(e.position) if place(e) == FLOOR and e.position in floor else 0
        kind = KIND_ORDER.index(e.kind) if e.kind in KIND_ORDER else 0
        return (place(e), group, kind, e.level)

    body = sorted((e for e in moves if e is not finisher), key=key)
    return body + ([finisher] if finisher is not None else [])


def problems(main: Sequence[Exercise], minutes: int) -> list[str]:
    """Every rule the ordered main part ``main`` breaks (empty: a plan to sign)."""
    found = []
    if not main or not is_calm_stretch(main[-1]):
        found.append("it does not end with a calm stretch")
    places = [place(e) for e in main]
    if places != sorted(places):
        found.append(f"up and down between standing, chair and floor: {places}")
    hard = [e.id for e in main if e.level >= HARD_LEVEL]
    if hard and minutes < HARD_MIN_MINUTES:
        found.append(f"a level-3 move under {HARD_MIN_MINUTES} minutes: {hard}")
    if len(hard) > MAX_HARD:
        found.append(f"{len(hard)} level-3 moves: {hard}")
    for i, e in enumerate(main):
        if e.kind != "strength":
            continue
        before = main[:i]
        if not any(is_spinal_mobility(m) for m in before):
            found.append(f"{e.id}: strength with no spinal mobility before it")
        for way in ways(e):
            if not any(m.kind == "mobility" and way in m.direction for m in before):
                found.append(f"{e.id}: {way} under load with no {way} mobility before it")
    counts: dict[str, int] = {}
    for e in main:
        for way in ways(e):
            counts[way] = counts.get(way, 0) + 1
    found += [f"{n} {way} moves" for way, n in counts.items() if n > MAX_SAME_WAY]
    for i in range(len(main) - MAX_IN_A_ROW):
        shared = set.intersection(*(ways(e) for e in main[i : i + MAX_IN_A_ROW + 1]))
        if shared:
            run = [e.id for e in main[i : i + MAX_IN_A_ROW + 1]]
            found.append(f"{MAX_IN_A_ROW + 1} {'/'.join(sorted(shared))} moves in a row: {run}")
    floor = [e.position for e in main if place(e) == FLOOR]
    changes = sum(1 for a, b in zip(floor, floor[1:], strict=False) if a != b)
    if changes > MAX_FLOOR_CHANGES:
        found.append(f"{changes} changes of position on the floor: {floor}")
    return found

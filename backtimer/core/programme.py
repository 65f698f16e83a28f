"""The programme a person is on: the main moves of their recent plans, read from the
log, so that plans change slowly. Pure.

A person learns form and progresses on a small, stable set of moves. The planner
keeps the main moves of the last plan (of the same kind: standing or not) for a
block: a move stays until it has been in 6 plans in a row over at least two weeks.
Then one such move makes way for another, one a session, and at most one move a
session is new (one not done in a plan in the last four weeks).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from backtimer.core.exercise import Exercise
from backtimer.core.log import SessionEntry

BLOCK_SESSIONS, BLOCK_DAYS = 6, 14
#: After a break this long the programme starts afresh (as progression steps back).
BREAK_DAYS = 21
#: A move done in a plan this recently is not new.
KNOWN_DAYS = 28


def is_plan(routine: str, standing: bool) -> bool:
    """Was a session with this ``routine`` key a plan of this kind (not an easy day,
    not a named routine)?"""
    return routine.startswith("plan-") and routine.endswith("-standing") == standing


@dataclass(frozen=True)
class Block:
    #: The main moves of the last plan, in order (warm-ups left out).
    moves: tuple[str, ...] = ()
    #: For each of them: the plans in a row it has been in, and the first day of those.
    runs: Mapping[str, tuple[int, date]] = field(default_factory=dict)
    #: Moves done in a plan of this kind in the last four weeks.
    known: frozenset[str] = frozenset()

    def due(self, today: date) -> list[str]:
        """Moves whose block is over: longest first."""
        over = [
            (n, first, move)
            for move, (n, first) in self.runs.items()
            if n >= BLOCK_SESSIONS and (today - first).days >= BLOCK_DAYS
        ]
        return [move for _, _, move in sorted(over, key=lambda item: (-item[0], item[1]))]


def _mains(session: SessionEntry, exercises: Mapping[str, Exercise]) -> list[str]:
    seen: list[str] = []
    for row in session.exercises:
        e = exercises.get(row.id)
        if e is None or e.kind == "warmup" or row.id in seen:
            continue
        if row.status in ("done", "partial"):
            seen.append(row.id)
    return seen


def block(
    sessions: Sequence[SessionEntry],
    today: date,
    exercises: Mapping[str, Exercise],
    *,
    standing: bool,
) -> Block:
    """The programme as of ``today``, from the plans in ``sessions``."""
    plans = sorted(
        (s for s in sessions if s.started_at.date() <= today and is_plan(s.routine, standing)),
        key=lambda s: s.started_at,
    )
    if not plans or (today - plans[-1].started_at.date()).days >= BREAK_DAYS:
        return Block()  # nothing yet, or back after a break: a fresh start
    since = today - timedelta(days=KNOWN_DAYS)
    known = {m for s in plans if s.started_at.date() >= since for m in _mains(s, exercises)}
    last = _mains(plans[-1], exercises)
    runs: dict[str, tuple[int, date]] = {}
    for move in last:
        n, first = 0, plans[-1].started_at.date()
        for s in reversed(plans):
            if move not in _mains(s, exercises):
                break
            n, first = n + 1, s.started_at.date()
        runs[move] = (n, first)
    return Block(tuple(last), runs, frozenset(known))

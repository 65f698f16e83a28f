"""What the session log holds: one entry per session, declared once, and how a
finished session becomes an entry."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

from backtimer.core.dose import Dose
from backtimer.core.vocab import FILE_CONFIG, Len, NonNegative, Pain, Status

if TYPE_CHECKING:
    from backtimer.core.engine import SessionRecord

#: The log's schema: 2 records each exercise's dose; schema-1 logs are still read.
LOG_SCHEMA = 2
#: The longest note a session can carry.
NOTE_LENGTH = 500


@dataclass(frozen=True, slots=True)
class ExerciseEntry:
    __pydantic_config__ = FILE_CONFIG

    id: Annotated[str, Len(1, 200)]
    status: Status
    active_s: NonNegative
    sides: tuple[str, ...] = ()
    #: The dose it was done at (log schema 2; absent in schema-1 logs).
    dose: Dose | None = None

    def plain(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "active_s": self.active_s,
            "sides": list(self.sides),
        }
        if self.dose is not None:
            data["dose"] = self.dose.plain()
        return data


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """One recorded session, as held in memory (light: thousands load in milliseconds)."""

    __pydantic_config__ = FILE_CONFIG

    id: Annotated[str, Len(1, 200)]
    started_at: datetime
    ended_at: datetime
    active_s: NonNegative
    routine: str
    planned_minutes: NonNegative
    planned_s: NonNegative
    completed: bool
    paused_s: NonNegative = 0.0
    ended_early: bool = False
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    #: The answer to "could you have done 2 or 3 more?" after the last strength move
    #: (None: not asked, or skipped). False holds its strength moves' step up.
    could_do_more: bool | None = None
    #: The person's own words about it (added afterwards, as a correction).
    note: Annotated[str, Len(0, NOTE_LENGTH)] | None = None
    exercises: tuple[ExerciseEntry, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = {f: getattr(self, f) for f in SESSION_FIELDS}
        data["started_at"] = self.started_at.isoformat()
        data["ended_at"] = self.ended_at.isoformat()
        data["exercises"] = [e.plain() for e in self.exercises]
        return data


#: Every field but the exercises, in declaration order.
SESSION_FIELDS = tuple(f.name for f in fields(SessionEntry) if f.name != "exercises")
FLOAT_FIELDS = ("active_s", "paused_s", "planned_minutes", "planned_s")


#: The one grammar of an id in the log (a session's, and each exercise's in it), from
#: every source (the log, an import, a merge, a recovery file): an id is written raw in
#: the block's end line, so nothing in it may end a line, start a conflict marker or
#: reach a terminal.
ID_GRAMMAR = re.compile(r"[A-Za-z0-9._:-]{1,64}")
ID_RULE = "an id is 1-64 letters, digits, '.', '_', ':' or '-'"
#: Dates a session can have: anything else is a typo or a broken clock, and years
#: outside these overflow when moved to another offset (a calendar export).
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC)


def entry_problem(entry: SessionEntry) -> tuple[str, str] | None:
    """A rule that spans keys, or that the annotations cannot say, broken by ``entry``:
    the key and the problem."""
    if not ID_GRAMMAR.fullmatch(entry.id):
        return "id", ID_RULE
    for n, exercise in enumerate(entry.exercises):
        if not ID_GRAMMAR.fullmatch(exercise.id):
            return f"exercises.{n}.id", ID_RULE
    for key in ("started_at", "ended_at"):
        moment = getattr(entry, key)
        if moment.utcoffset() is None:
            return key, "needs a UTC offset, e.g. 2026-11-16T08:00:00+01:00"
        if not EARLIEST <= moment <= LATEST:
            return key, "a date from 1970 to 2100 is expected"
    return None


def new_id(started_at: datetime, token: str) -> str:
    """A session id: when it started, and a random ``token`` to tell machines apart."""
    return f"{started_at:%Y%m%dT%H%M%S}-{token}"


def session_entry(
    record: SessionRecord,
    routine: str,
    *,
    token: str,
    pain_before: int | None = None,
    pain_after: int | None = None,
    could_do_more: bool | None = None,
) -> SessionEntry:
    """The log entry for a finished (or ended) session."""
    return SessionEntry(
        id=new_id(record.started_at, token),
        started_at=record.started_at.replace(microsecond=0),
        ended_at=record.ended_at.replace(microsecond=0),
        active_s=round(record.active_s, 1),
        paused_s=round(record.paused_s, 1),
        routine=routine,
        planned_minutes=round(record.planned_s / 60, 1),
        planned_s=round(record.planned_s, 1),
        completed=record.completed,
        ended_early=record.ended_early,
        pain_before=pain_before,
        pain_after=pain_after,
        could_do_more=could_do_more,
        exercises=tuple(
            ExerciseEntry(e.id, e.status, round(e.active_s, 1), tuple(e.sides_done), e.dose)
            for e in record.exercises
        ),
    )

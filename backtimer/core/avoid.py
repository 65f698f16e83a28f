"""What to leave out for now, and why: moves that hurt, the moves that load the spine
the same way, and moves the person excluded. A pure function of the log and today."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from backtimer.core.exercise import Exercise

#: A move stopped for pain, and those that go the same way, are left out this long.
PAIN_MEMORY_DAYS = 14


def short_date(day: date) -> str:
    return f"{day.day} {day:%b}"


@dataclass(frozen=True)
class Avoided:
    """One move left out: until when (None: until the person includes it) and why."""

    id: str
    until: date | None
    why: str
    #: The move whose pain left this one out too (None: it hurt itself, or excluded).
    because: str | None = None
    #: Why it is out: "pain" (for now), "excluded" (by choice, in settings) or
    #: "screening" (until a professional has cleared the person).
    kind: str = "pain"

    def sentence(self, name: str) -> str:
        """``Cat-cow is left out until 5 Dec: it hurt on 21 Nov.``"""
        when = f" until {short_date(self.until)}" if self.until else ""
        return f"{name} is left out{when}: {self.why}."


class Row(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def status(self) -> str: ...


class Done(Protocol):
    """A session, or a desk break (``core.desk``): when, and how each move went."""

    @property
    def started_at(self) -> datetime: ...
    @property
    def exercises(self) -> Sequence[Row]: ...


def avoided_moves(
    sessions: Iterable[Done],
    today: date,
    exercises: dict[str, Exercise],
    excluded: Collection[str] = (),
    brought_back: Mapping[str, date] | None = None,
) -> dict[str, Avoided]:
    """Every move to leave out today, by id, with the reason shown to the person.

    A move stopped for pain in the last two weeks (in a session or a desk break) is
    left out until two weeks after;
    so are the moves that bend or load the spine the same way (cobra hurt: superman
    and Pilates swimming, which also arch the back). Neutral moves are not grouped.
    A move the person brought back early (``brought_back``: id -> the day) is not left
    out for pain felt up to that day, its own or another's; the moves left out with it
    stay out until they are brought back themselves.
    """
    back = brought_back or {}
    since = today - timedelta(days=PAIN_MEMORY_DAYS)
    hurt: dict[str, date] = {}
    for session in sessions:
        day = session.started_at.date()
        if not since < day <= today:
            continue
        for row in session.exercises:
            if row.status == "stopped_for_pain" and day >= hurt.get(row.id, day):
                hurt[row.id] = day
    found: dict[str, Avoided] = {}
    for exercise_id, day in sorted(hurt.items(), key=lambda item: item[1]):
        until = day + timedelta(days=PAIN_MEMORY_DAYS)
        if not (exercise_id in back and day <= back[exercise_id]):
            found[exercise_id] = Avoided(exercise_id, until, f"it hurt on {short_date(day)}")
        source = exercises.get(exercise_id)
        if source is None:
            continue
        ways = set(source.direction) - {"neutral"}
        name = source.name
        for other in exercises.values():
            if other.id in back and day <= back[other.id]:
                continue  # brought back after this pain
            if other.id != exercise_id and other.id not in hurt and ways & set(other.direction):
                why = f"it bends the back like {name}, which hurt on {short_date(day)}"
                found[other.id] = Avoided(other.id, until, why, exercise_id)
    for exercise_id in excluded:  # the person's choice is the reason that lasts
        found[exercise_id] = Avoided(
            exercise_id, None, "you excluded it in settings", kind="excluded"
        )
    return found


def summary(avoided: Mapping[str, Avoided], names: Mapping[str, str]) -> list[str]:
    """One line for each move that hurt: it, how many moves go with it, until when
    (the details are each ``Avoided.sentence``)."""
    lines = []
    for a in avoided.values():
        if a.until is None or a.because is not None:
            continue
        others = sum(1 for b in avoided.values() if b.because == a.id)
        name = names.get(a.id, a.id)
        plural = "s" if others != 1 else ""
        more = f" and {others} move{plural} that bend the back the same way" if others else ""
        lines.append(f"{name}{more} left out until {short_date(a.until)}: {a.why}.")
    return lines

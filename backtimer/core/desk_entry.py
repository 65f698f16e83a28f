"""A desk break as the breaks file keeps it (``store.breaks``): when, how long, the
moves done in full and any stopped for pain. The set itself is ``core.desk``'s."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated

from backtimer.core.log import ID_GRAMMAR, ID_RULE, new_id
from backtimer.core.vocab import FILE_CONFIG, Interval, Len

#: The longest break one entry holds.
MAX_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class Break:
    __pydantic_config__ = FILE_CONFIG

    id: Annotated[str, Len(1, 200)]
    started_at: datetime
    #: Seconds the break ran, pauses left out.
    seconds: Annotated[int, Interval(ge=0, le=MAX_SECONDS)]
    #: The moves done in full, by id.
    moves: tuple[Annotated[str, Len(1, 64)], ...]
    logged_at: datetime
    #: The moves stopped with "this hurts": left out after, as after a session.
    stopped: tuple[Annotated[str, Len(1, 64)], ...] = ()

    def __post_init__(self) -> None:  # lists read from the cache are kept as tuples
        object.__setattr__(self, "moves", tuple(self.moves))
        object.__setattr__(self, "stopped", tuple(self.stopped))

    @property
    def day(self) -> date:
        return self.started_at.date()

    @property
    def exercises(self) -> tuple[Hurt, ...]:
        """The moves that hurt, as a session's rows (``core.avoid`` reads both)."""
        return tuple(Hurt(move) for move in self.stopped)

    def plain(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "seconds": self.seconds,
            "moves": list(self.moves),
            "logged_at": self.logged_at.isoformat(),
        }
        if self.stopped:
            data["stopped"] = list(self.stopped)
        return data


@dataclass(frozen=True, slots=True)
class Hurt:
    """A move stopped for pain in a break, as ``core.avoid`` reads a session's row."""

    id: str
    status: str = "stopped_for_pain"


def break_problem(found: Break) -> tuple[str, str] | None:
    """A rule the annotations cannot say, broken by ``found``: the key and why."""
    if not ID_GRAMMAR.fullmatch(found.id):
        return "id", ID_RULE
    for key in ("started_at", "logged_at"):
        if getattr(found, key).utcoffset() is None:
            return key, "needs a UTC offset, e.g. 2026-11-16T10:30:00+01:00"
    if not 1970 <= found.started_at.year <= 2100:
        return "started_at", "a break's day lies between 1970 and 2100"
    for key in ("moves", "stopped"):
        for n, move in enumerate(getattr(found, key)):
            if not ID_GRAMMAR.fullmatch(move):
                return f"{key}.{n}", ID_RULE
    return None


def new_break(
    started_at: datetime,
    seconds: float,
    moves: Iterable[str],
    now: datetime,
    token: str,
    stopped: Iterable[str] = (),
) -> Break:
    """The entry of a break that started at ``started_at``, logged at ``now``."""
    return Break(
        id=new_id(started_at, token),
        started_at=started_at,
        seconds=min(MAX_SECONDS, round(seconds)),
        moves=tuple(moves),
        logged_at=now,
        stopped=tuple(stopped),
    )


def by_id(found: Iterable[Break]) -> list[Break]:
    """Each break once (by id), in time order."""
    seen: dict[str, Break] = {}
    for item in found:
        seen.setdefault(item.id, item)
    return sorted(seen.values(), key=lambda b: (b.started_at, b.id))

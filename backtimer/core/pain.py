"""How a person's pain is going, from the check-ins in the log: the usual level, a
rising trend, and whether weeks of practice have helped. Pure: the log and a day.

The check-in before a session is the measure (the rating after mostly tells how the
session went, which ``progression`` looks at session by session):

- **usual pain**: the median check-in of the last 14 days (at least two of them);
- **rising**: the average check-in of the last 7 days is 1 point or more above the
  average of the 7 days that ended two weeks earlier (days 14-20 before);
- **not improving**: after 6 weeks or more of regular sessions (at least 12), the usual
  pain of the last two weeks is no lower than in the first two weeks of check-ins.

While pain is rising or the usual pain is 6 or more, no dose steps up.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from backtimer.core.log import SessionEntry

USUAL_DAYS = 14
RISE = 1.0
HIGH = 6.0
IMPROVE_WEEKS, IMPROVE_SESSIONS = 6, 12
HELD_RISING = "held: your pain has been rising"
HELD_HIGH = "held: your usual pain is 6 or more"
ADVICE = (
    "Keep moving gently, as far as is comfortable. If the pain keeps rising, spreads "
    'into a leg, or comes with any sign in "when to stop", stop and get help.'
)
NOT_IMPROVING = (
    "Six weeks of regular sessions have not eased your usual pain. That happens, and it "
    "is worth finding out why: book a visit with a physiotherapist or your GP, and take "
    "`backtimer history` with you."
)


@dataclass(frozen=True)
class Ratings:
    """The check-ins before sessions, by day, oldest first."""

    days: tuple[date, ...]
    values: tuple[int, ...]

    @classmethod
    def of(cls, sessions: Sequence[SessionEntry]) -> Ratings:
        rated = sorted(
            (s.started_at.date(), s.pain_before) for s in sessions if s.pain_before is not None
        )
        return cls(tuple(d for d, _ in rated), tuple(v for _, v in rated))  # type: ignore[misc]

    def between(self, first: date, last: date) -> list[int]:
        """The ratings from ``first`` to ``last``, both included."""
        return list(self.values[bisect_left(self.days, first) : bisect_right(self.days, last)])


@dataclass(frozen=True)
class Trend:
    usual: float | None
    rising: bool

    @property
    def hold(self) -> str | None:
        """Why doses may not step up now, or None."""
        if self.rising:
            return HELD_RISING
        if self.usual is not None and self.usual >= HIGH:
            return HELD_HIGH
        return None


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def trend(ratings: Ratings, day: date) -> Trend:
    """The pain trend as of ``day`` (its own check-ins included). With too few
    check-ins in the last two weeks, the last ones known still stand: a person who
    stopped when it hurt is not taken to be better for having rested (new check-ins
    decide)."""
    last = bisect_right(ratings.days, day)
    if last and len(ratings.between(day - timedelta(days=USUAL_DAYS - 1), day)) < 2:
        day = ratings.days[last - 1]
    recent = ratings.between(day - timedelta(days=USUAL_DAYS - 1), day)
    usual = float(median(recent)) if len(recent) >= 2 else None
    this_week = _mean(ratings.between(day - timedelta(days=6), day))
    earlier = _mean(ratings.between(day - timedelta(days=20), day - timedelta(days=14)))
    rising = this_week is not None and earlier is not None and this_week - earlier >= RISE
    return Trend(usual, rising)


def not_improving(sessions: Sequence[SessionEntry], today: date) -> bool:
    """Six weeks or more of regular sessions, and the usual pain has not fallen."""
    ratings = Ratings.of([s for s in sessions if s.started_at.date() <= today])
    if not ratings.days:
        return False
    first = ratings.days[0]
    recent = [s for s in sessions if first <= s.started_at.date() <= today]
    if (today - first).days < IMPROVE_WEEKS * 7 or len(recent) < IMPROVE_SESSIONS:
        return False
    start = ratings.between(first, first + timedelta(days=USUAL_DAYS - 1))
    now = ratings.between(today - timedelta(days=USUAL_DAYS - 1), today)
    if len(start) < 2 or len(now) < 2:
        return False
    return median(now) >= median(start)

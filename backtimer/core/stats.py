"""Weeks, goals, streaks and totals: pure functions of the log and ``today``.

Weeks are ISO calendar weeks (Monday first) of the day a session *started*, on the
wall clock where it was done: the offset stored with ``started_at``. So a session
started at 23:50 on Sunday counts for that week even though it ends on Monday, and
neither DST nor UTC moves it to another day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from backtimer.core.log import SessionEntry

# the sums everything below is read from (and the rules they are made by)
from backtimer.core.tally import (
    ACTIVE,
    COUNTED,
    COUNTS_FROM,
    PAIN_AFTER,
    PAIN_BEFORE,
    RATED_AFTER,
    RATED_BEFORE,
    UNCOUNTED,
    Tally,
    counts,
    day_of,
    monday,
    tally,
)
from backtimer.core.walk import Walk

if TYPE_CHECKING:
    from backtimer.core.desk_entry import Break

__all__ = ["COUNTS_FROM", "Tally", "counts", "day_of", "monday", "tally"]


def week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Week:
    monday: date
    sessions: int  # sessions that count toward the goal
    active_s: float  # all active time, counted or not
    goal_met: bool
    uncounted: int = 0  # sessions ended early that do not count
    walk_minutes: int = 0  # minutes walked (a counted walk is also in ``sessions``)
    breaks: int = 0  # desk breaks (never in ``sessions``)

    @property
    def label(self) -> str:
        return week_label(self.monday)


def weeks(
    sessions: Iterable[SessionEntry],
    today: date,
    goal: int,
    count: int,
    walks: Iterable[Walk] = (),
    counting: bool = False,
) -> list[Week]:
    """The last ``count`` weeks, oldest first, ending with this week; ``walks`` add
    their minutes, and count toward the goal when ``counting`` (``core.walk``)."""
    return weeks_of(tally(sessions, moves=False).add_walks(walks, counting), today, goal, count)


def weeks_of(t: Tally, today: date, goal: int, count: int) -> list[Week]:
    this = monday(today)
    first = this - timedelta(weeks=count - 1)
    out = []
    for m in (first + timedelta(weeks=n) for n in range(count)):
        sums = t.weeks.get(m)
        walked = t.walks.get(m, (0, 0))[0]
        desk = t.breaks.get(m, (0, 0))[0]
        done = t.counted(m)
        if sums is None:
            out.append(Week(m, done, 0.0, done >= goal, 0, walked, desk))
        else:
            out.append(Week(m, done, sums[ACTIVE], done >= goal, sums[UNCOUNTED], walked, desk))
    return out


def _met_mondays(t: Tally, goal: int) -> set[date]:
    return {m for m in {*t.weeks, *t.walks} if (done := t.counted(m)) >= goal and done}


def _longest(met: set[date]) -> int:
    best = run = 0
    previous: date | None = None
    for week in sorted(met):
        run = run + 1 if previous is not None and week - previous == timedelta(weeks=1) else 1
        best = max(best, run)
        previous = week
    return best


def streaks(
    sessions: Iterable[SessionEntry],
    today: date,
    goal: int,
    walks: Iterable[Walk] = (),
    counting: bool = False,
) -> tuple[int, int]:
    """(current, longest) streak, from one pass over the sessions."""
    return streaks_of(tally(sessions, moves=False).add_walks(walks, counting), today, goal)


def current_of(t: Tally, today: date, goal: int) -> int:
    """The current streak alone, looking back only as far as it goes."""
    this = monday(today)

    def met(week: date) -> bool:
        done = t.counted(week)
        return done >= goal and done > 0

    streak = 1 if met(this) else 0
    week = this - timedelta(weeks=1)
    while met(week):
        streak += 1
        week -= timedelta(weeks=1)
    return streak


def streaks_of(t: Tally, today: date, goal: int) -> tuple[int, int]:
    return current_of(t, today, goal), _longest(_met_mondays(t, goal))


def current_streak(sessions: Iterable[SessionEntry], today: date, goal: int) -> int:
    """Consecutive weeks that met the goal, ending last week; this week adds one once met.

    A week still running never breaks the streak.
    """
    return current_of(tally(sessions, moves=False), today, goal)


def longest_streak(sessions: Iterable[SessionEntry], goal: int) -> int:
    return _longest(_met_mondays(tally(sessions, moves=False), goal))


@dataclass(frozen=True)
class Totals:
    sessions: int
    counted: int
    active_s: float
    per_exercise: dict[str, int]
    pain_before: float | None
    pain_after: float | None


def _mean(total: int, n: int) -> float | None:
    return round(total / n, 1) if n else None


def totals(sessions: Sequence[SessionEntry]) -> Totals:
    return totals_of(tally(sessions))


def totals_of(t: Tally) -> Totals:
    whole = t.whole
    return Totals(
        sessions=t.sessions,
        counted=whole[COUNTED],
        active_s=whole[ACTIVE],
        per_exercise=dict(t.done.most_common()),
        pain_before=_mean(whole[PAIN_BEFORE], whole[RATED_BEFORE]),
        pain_after=_mean(whole[PAIN_AFTER], whole[RATED_AFTER]),
    )


def sessions_by_day(sessions: Iterable[SessionEntry], first: date, last: date) -> Counter[date]:
    """Counted sessions per day between ``first`` and ``last`` inclusive (for the heatmap)."""
    return Counter(d for s in sessions if counts(s) and first <= (d := day_of(s)) <= last)


def report(
    sessions: Sequence[SessionEntry],
    today: date,
    goal: int,
    count: int,
    walks: Sequence[Walk] = (),
    counting: bool = False,
    breaks: Sequence[Break] = (),
) -> dict:
    """Everything ``backtimer history --json`` prints; the history screen reads it too."""
    whole = tally(sessions).add_walks(walks, counting).add_breaks(breaks)
    return report_of(whole, sessions, today, goal, count, walks, breaks)


def report_of(
    whole: Tally,
    sessions: Iterable[SessionEntry],
    today: date,
    goal: int,
    count: int,
    walks: Iterable[Walk] = (),
    breaks: Iterable[Break] = (),
) -> dict:
    """The report from the log's tally (walks and desk breaks added) and its sessions
    (only those of the weeks the report lists are needed), and the walks and desk
    breaks of those weeks."""
    recent = weeks_of(whole, today, goal, count)
    pain = pain_of(whole, recent[0].monday, recent[-1].monday)
    this = recent[-1]
    t = totals_of(whole)
    current, longest = streaks_of(whole, today, goal)
    return {
        "today": today.isoformat(),
        "weekly_goal": goal,
        "current_streak_weeks": current,
        "longest_streak_weeks": longest,
        "this_week": {"week": this.label, "sessions": this.sessions, "goal_met": this.goal_met},
        "weeks": [
            {
                "week": w.label,
                "monday": w.monday.isoformat(),
                "sessions": w.sessions,
                "active_s": round(w.active_s, 1),
                "goal_met": w.goal_met,
                "walk_minutes": w.walk_minutes,
                "desk_breaks": w.breaks,
                "pain_before_avg": pain.get(w.monday, (None, None))[0],
                "pain_after_avg": pain.get(w.monday, (None, None))[1],
            }
            for w in recent
        ],
        "totals": {
            "sessions": t.sessions,
            "counted": t.counted,
            "active_s": round(t.active_s, 1),
            "pain_before_avg": t.pain_before,
            "pain_after_avg": t.pain_after,
            "per_exercise": t.per_exercise,
        },
        "sessions": [
            s.to_json()
            for s in sessions
            if recent[0].monday <= day_of(s) < recent[-1].monday + timedelta(weeks=1)
        ],
        "walks": [
            w.plain()
            for w in walks
            if recent[0].monday <= w.day < recent[-1].monday + timedelta(weeks=1)
        ],
        "desk_breaks": [
            b.plain()
            for b in breaks
            if recent[0].monday <= b.day < recent[-1].monday + timedelta(weeks=1)
        ],
    }


#: A pain check-in this high, or this much above usual, offers an easy day.
EASY_DAY_PAIN, EASY_DAY_RISE = 6, 2
#: A check-in this high shows the triage first ("see a doctor today").
SEVERE_PAIN = 8
#: A rise this large from before to after a session is pointed out.
PAIN_RISE = 2


def usual_pain(sessions: Sequence[SessionEntry], last: int = 5) -> float | None:
    """The person's usual rating before a session: the median of the last few."""
    recent = [s.pain_before for s in sessions if s.pain_before is not None][-last:]
    if not recent:
        return None
    ratings = sorted(recent)
    middle = len(ratings) // 2
    if len(ratings) % 2:
        return float(ratings[middle])
    return (ratings[middle - 1] + ratings[middle]) / 2


def easy_day_due(rating: int | None, usual: float | None) -> bool:
    """Offer an easy day: a rating of 6 or more, or 2 or more above the usual."""
    if rating is None:
        return False
    return rating >= EASY_DAY_PAIN or (usual is not None and rating >= usual + EASY_DAY_RISE)


def pain_rose(session: SessionEntry) -> bool:
    before, after = session.pain_before, session.pain_after
    return before is not None and after is not None and after - before >= PAIN_RISE


def weekly_pain(
    sessions: Iterable[SessionEntry], first: date, last: date
) -> dict[date, tuple[float | None, float | None]]:
    """The average pain before and after sessions, per week (by Monday), for the weeks
    from ``first`` to ``last`` that have any rating."""
    return pain_of(tally(sessions, moves=False), first, last)


def pain_of(t: Tally, first: date, last: date) -> dict[date, tuple[float | None, float | None]]:
    return {
        week: (_mean(s[PAIN_BEFORE], s[RATED_BEFORE]), _mean(s[PAIN_AFTER], s[RATED_AFTER]))
        for week, s in t.weeks.items()
        if first <= week <= last and (s[RATED_BEFORE] or s[RATED_AFTER])
    }


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None], top: float = 10.0) -> str:
    """One character a value (0 to ``top``), a blank where there is none."""
    return "".join(
        " " if v is None else SPARKS[min(len(SPARKS) - 1, int(v / top * len(SPARKS)))]
        for v in values
    )

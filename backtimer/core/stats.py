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

from backtimer.core.log import SessionEntry

#: A session that was not completed still counts when this share of its plan was done.
COUNTS_FROM = 0.8


def counts(session: SessionEntry) -> bool:
    """Does this session count toward its week's goal?"""
    if session.completed:
        return True
    # compared in tenths of a second, as the log stores them: 584.8 of 731 is 80 %
    planned = round(session.planned_s * 10)
    return planned > 0 and round(session.active_s * 10) * 10 >= planned * round(COUNTS_FROM * 10)


def day_of(session: SessionEntry) -> date:
    return session.started_at.date()


_MONDAYS: dict[date, date] = {}


def monday(day: date) -> date:
    """The Monday of ``day``'s week (remembered: a long log asks for the same days
    again and again)."""
    found = _MONDAYS.get(day)
    if found is None:
        found = _MONDAYS[day] = day - timedelta(days=day.weekday())
    return found


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

    @property
    def label(self) -> str:
        return week_label(self.monday)


def weeks(sessions: Iterable[SessionEntry], today: date, goal: int, count: int) -> list[Week]:
    """The last ``count`` weeks, oldest first, ending with this week."""
    this = monday(today)
    first = this - timedelta(weeks=count - 1)
    tally: Counter[date] = Counter()
    short: Counter[date] = Counter()
    active: dict[date, float] = {}
    for session in sessions:
        start = monday(day_of(session))
        if first <= start <= this:
            active[start] = active.get(start, 0.0) + session.active_s
            if counts(session):
                tally[start] += 1
            else:
                short[start] += 1
    return [
        Week(m, tally[m], active.get(m, 0.0), tally[m] >= goal, short[m])
        for m in (first + timedelta(weeks=n) for n in range(count))
    ]


def _met_mondays(sessions: Iterable[SessionEntry], goal: int) -> set[date]:
    tally = Counter(monday(day_of(s)) for s in sessions if counts(s))
    return {m for m, n in tally.items() if n >= goal}


def _current(met: set[date], today: date) -> int:
    this = monday(today)
    streak = 1 if this in met else 0
    week = this - timedelta(weeks=1)
    while week in met:
        streak += 1
        week -= timedelta(weeks=1)
    return streak


def _longest(met: set[date]) -> int:
    best = run = 0
    previous: date | None = None
    for week in sorted(met):
        run = run + 1 if previous is not None and week - previous == timedelta(weeks=1) else 1
        best = max(best, run)
        previous = week
    return best


def streaks(sessions: Iterable[SessionEntry], today: date, goal: int) -> tuple[int, int]:
    """(current, longest) streak, from one pass over the sessions."""
    met = _met_mondays(sessions, goal)
    return _current(met, today), _longest(met)


def current_streak(sessions: Iterable[SessionEntry], today: date, goal: int) -> int:
    """Consecutive weeks that met the goal, ending last week; this week adds one once met.

    A week still running never breaks the streak.
    """
    return _current(_met_mondays(sessions, goal), today)


def longest_streak(sessions: Iterable[SessionEntry], goal: int) -> int:
    return _longest(_met_mondays(sessions, goal))


@dataclass(frozen=True)
class Totals:
    sessions: int
    counted: int
    active_s: float
    per_exercise: dict[str, int]
    pain_before: float | None
    pain_after: float | None


def _mean(values: Sequence[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def totals(sessions: Sequence[SessionEntry]) -> Totals:
    per_exercise = Counter(
        e.id for session in sessions for e in session.exercises if e.status == "done"
    )
    return Totals(
        sessions=len(sessions),
        counted=sum(1 for s in sessions if counts(s)),
        active_s=sum(s.active_s for s in sessions),
        per_exercise=dict(per_exercise.most_common()),
        pain_before=_mean([s.pain_before for s in sessions if s.pain_before is not None]),
        pain_after=_mean([s.pain_after for s in sessions if s.pain_after is not None]),
    )


def sessions_by_day(sessions: Iterable[SessionEntry], first: date, last: date) -> Counter[date]:
    """Counted sessions per day between ``first`` and ``last`` inclusive (for the heatmap)."""
    return Counter(d for s in sessions if counts(s) and first <= (d := day_of(s)) <= last)


def report(sessions: Sequence[SessionEntry], today: date, goal: int, count: int) -> dict:
    """Everything ``backtimer history --json`` prints; the history screen reads it too."""
    recent = weeks(sessions, today, goal, count)
    pain = weekly_pain(sessions, recent[0].monday, recent[-1].monday)
    this = recent[-1]
    t = totals(sessions)
    current, longest = streaks(sessions, today, goal)
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
    }


#: A pain check-in this high, or this much above usual, offers an easy day.
EASY_DAY_PAIN, EASY_DAY_RISE = 6, 2
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
    before: dict[date, list[int]] = {}
    after: dict[date, list[int]] = {}
    for s in sessions:
        week = monday(day_of(s))
        if not first <= week <= last:
            continue
        if s.pain_before is not None:
            before.setdefault(week, []).append(s.pain_before)
        if s.pain_after is not None:
            after.setdefault(week, []).append(s.pain_after)
    return {
        week: (_mean(before.get(week, [])), _mean(after.get(week, [])))
        for week in set(before) | set(after)
    }


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None], top: float = 10.0) -> str:
    """One character a value (0 to ``top``), a blank where there is none."""
    return "".join(
        " " if v is None else SPARKS[min(len(SPARKS) - 1, int(v / top * len(SPARKS)))]
        for v in values
    )

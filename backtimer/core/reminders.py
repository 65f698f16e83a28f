"""Is a nudge due, and what does the status line say? Pure: given the week's count,
the goal, the settings and the local time, never reading a clock itself."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from backtimer.core.words import spoken

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_SETS = {"weekdays": DAYS[:5], "daily": DAYS, "weekends": DAYS[5:]}


def parse_days(text: str) -> tuple[str, ...]:
    """``mon,wed,fri``, ``weekdays``, ``daily``: weekday names in week order."""
    found: set[str] = set()
    for part in text.lower().replace(" ", "").split(","):
        if not part:
            continue
        if part in DAY_SETS:
            found.update(DAY_SETS[part])
        elif part[:3] in DAYS:
            found.add(part[:3])
        else:
            raise ValueError(f"{part!r} is not a day (mon..sun, weekdays, daily)")
    if not found:
        raise ValueError("name at least one day")
    return tuple(d for d in DAYS if d in found)


def parse_time(text: str) -> tuple[int, int]:
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(f"{text!r} is not a time like 18:00")
    h, m = int(hours), int(minutes)
    if not (0 <= h < 24 and 0 <= m < 60):
        raise ValueError(f"{text!r} is not a time of day")
    return h, m


class Week:
    """What the status line and a reminder need to know, and nothing more. (A plain
    class: `backtimer status` runs on every prompt and dataclasses cost 15 ms.)"""

    __slots__ = ("done", "goal", "last_day", "streak")

    def __init__(self, done: int, goal: int, streak: int, last_day: date | None) -> None:
        self.done, self.goal, self.streak = done, goal, streak
        #: The last day with a session that counts, in local time.
        self.last_day = last_day

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Week) and all(
            getattr(self, k) == getattr(other, k) for k in self.__slots__
        )

    def __hash__(self) -> int:
        return hash((self.done, self.goal, self.streak, self.last_day))

    def __repr__(self) -> str:
        return f"Week({self.done}, {self.goal}, {self.streak}, {self.last_day!r})"


def status_line(week: Week, today: date, quiet: bool = False) -> str:
    """``back 1/3 · today?`` / ``back 3/3 ✓``; empty when the person chose quiet."""
    if quiet:
        return ""
    head = f"back {week.done}/{week.goal}"
    if week.done >= week.goal:
        return f"{head} ✓"
    if week.last_day == today:
        return f"{head} · done today"
    return f"{head} · today?"


def days_left(today: date) -> int:
    """Days left in the ISO week, today included (Monday: 7, Sunday: 1)."""
    return 7 - today.weekday()


def sentence(week: Week, today: date) -> str:
    """What a reminder says: how the week stands and what is still needed."""
    left = week.goal - week.done
    if left <= 0:
        return f"{week.done} of {week.goal} this week: goal met. Well done."
    days = days_left(today)
    more = f"{spoken(left).capitalize()} more this week"
    if left > days:
        return f"{more}, more than the days left: a session today still counts."
    if left == days:
        if days == 1:
            return "One more this week: today will do it."
        if days == 2:
            return f"{more}: today and tomorrow will do."
        return f"{more}: one a day from today will do."
    if days <= 3:
        if left == 1:
            return "One more this week: today or tomorrow will do."
        return f"{spoken(left).capitalize()} more this week: today and tomorrow will do."
    return f"{week.done} of {week.goal} this week. Ten minutes today? `backtimer start`"


def due(
    week: Week,
    now: datetime,
    *,
    days: tuple[str, ...],
    at: tuple[int, int],
    last_nudge: date | None,
    paused_until: date | None,
) -> bool:
    """Should a reminder nudge now? Only on the chosen days, from the chosen time on,
    when the goal is not met, nobody exercised today, nothing was sent today, and
    reminders are not paused."""
    today = now.date()
    if paused_until is not None and today <= paused_until:
        return False
    if DAYS[today.weekday()] not in days or (now.hour, now.minute) < at:
        return False
    return not (week.done >= week.goal or week.last_day == today or last_nudge == today)


def next_fire(now: datetime, days: tuple[str, ...], at: tuple[int, int]) -> datetime:
    """When the scheduler next runs the reminder, in local time."""
    for ahead in range(8):
        day = now.date() + timedelta(days=ahead)
        moment = now.replace(
            year=day.year,
            month=day.month,
            day=day.day,
            hour=at[0],
            minute=at[1],
            second=0,
            microsecond=0,
        )
        if DAYS[day.weekday()] in days and moment > now:
            return moment
    raise ValueError("no day chosen")


# ---------------------------------------------------------------------- desk breaks

#: Desk-break nudges come on these days only (days off stay quiet).
WORK_DAYS = DAYS[:5]
#: The scheduler wakes the job this often in work hours; it nudges when one is due.
BREAK_TICK_MIN = 15
#: The shortest and longest interval between break nudges, in minutes.
EVERY_RANGE = (30, 240)


def parse_hours(text: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """``09:00-17:00``: the work hours desk breaks are nudged in."""
    start, dash, end = text.partition("-")
    if not dash:
        raise ValueError(f"{text!r} is not hours like 09:00-17:00")
    first, last = parse_time(start.strip()), parse_time(end.strip())
    if last <= first:
        raise ValueError(f"{text!r}: the hours end before they start")
    return first, last


def break_due(
    now: datetime,
    *,
    hours: tuple[tuple[int, int], tuple[int, int]],
    every: int,
    last_break: datetime | None,
    last_nudge: datetime | None,
    paused_until: date | None,
) -> bool:
    """Should a desk-break nudge come now? On work days, within the hours, once a
    whole interval of the working day has passed with no desk break and no nudge in
    it; never while reminders are paused."""
    if paused_until is not None and now.date() <= paused_until:
        return False
    if DAYS[now.weekday()] not in WORK_DAYS:
        return False
    if not hours[0] <= (now.hour, now.minute) < hours[1]:
        return False
    start = now.replace(hour=hours[0][0], minute=hours[0][1], second=0, microsecond=0)
    since = now - timedelta(minutes=every)
    if since < start:
        return False  # the first interval of the day is not over yet
    return all(moment is None or moment <= since for moment in (last_break, last_nudge))


BREAK_SENTENCE = (
    "Time to move: run backtimer break for a two-minute desk break, or just stand and "
    "walk for a minute."
)

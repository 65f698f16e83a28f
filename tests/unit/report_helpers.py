"""A data folder of twelve weeks that a report has something to say about: sessions
made by following the planner's own plans (two or three a week), back pain easing
from 5 to 2, a move stopped for pain, walks and desk breaks."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from backtimer.core.desk import new_break
from backtimer.core.routine import Catalog
from backtimer.core.walk import new_walk
from backtimer.store import breaks, journal, walks
from tests.unit.coaching_helpers import CET, START, follow, weekdays

#: The day the report is made: the Saturday of the twelfth week.
TODAY = START + timedelta(weeks=11, days=5)


def demo_folder(data: Path, catalog: Catalog) -> date:
    """Write the twelve weeks into ``data``; the report's day."""
    days = [d for d in weekdays(START, 12) if d <= TODAY]
    days = [d for n, d in enumerate(days) if n % 7 != 3]  # some weeks short of the goal

    def pain(day: date) -> tuple[int | None, int | None]:
        week = (day - START).days // 7
        if week == 5:
            return None, None  # a week of no check-ins
        before = max(2, 5 - week // 3)
        return before, max(1, before - 1)

    hurt = {days[14]: "cat-cow"}
    log = follow(catalog, days, minutes=12, pain=pain, hurt=hurt)
    data.mkdir(parents=True, exist_ok=True)
    (data / "state.toml").write_text('safety_acknowledged = true\nscreening = "clear"\n')
    for entry in log:
        journal.append(data / "sessions-demo.toml", entry)
    for w in range(0, 12, 2):
        day = START + timedelta(weeks=w, days=5)
        at = datetime(day.year, day.month, day.day, 18, tzinfo=CET)
        walks.append(data / "walks-demo.toml", new_walk(day, 30 + 5 * w, at, f"w{w}"))
    for n in range(8):
        day = START + timedelta(weeks=8 + n // 3, days=n % 3)
        at = datetime(day.year, day.month, day.day, 11, tzinfo=CET)
        moves = ["marching", "standing-back-extension", "standing-hip-hinge"]
        breaks.append(data / "breaks-demo.toml", new_break(at, 130, moves, at, f"b{n}"))
    return TODAY

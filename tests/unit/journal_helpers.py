from __future__ import annotations

from datetime import datetime, timedelta, timezone

from backtimer.core.log import ExerciseEntry, SessionEntry

CET = timezone(timedelta(hours=1))


def entry(
    started: datetime | str,
    *,
    minutes: float = 12,
    completed: bool = True,
    active_s: float | None = None,
    pain: tuple[int | None, int | None] = (None, None),
    n: int = 0,
) -> SessionEntry:
    start = datetime.fromisoformat(started) if isinstance(started, str) else started
    planned = minutes * 60
    return SessionEntry(
        id=f"{start:%Y%m%dT%H%M%S}-{n:06x}",
        started_at=start,
        ended_at=start + timedelta(seconds=planned),
        active_s=planned if active_s is None else active_s,
        paused_s=0.0,
        routine="gentle",
        planned_minutes=minutes,
        planned_s=planned,
        completed=completed,
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=(
            ExerciseEntry(id="cat-cow", status="done", active_s=70.0),
            ExerciseEntry(id="knee-to-chest", status="partial", active_s=20.0, sides=("left",)),
        ),
    )

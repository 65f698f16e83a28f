"""Clocks: the one place that reads the system time, and a fake one for tests.

The engine never asks for the time; it is handed ``now`` (monotonic seconds). The app
gets it from :class:`MonotonicClock`, tests from :class:`FakeClock`.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Monotonic seconds: only differences mean anything."""

    def wall(self) -> datetime:
        """The offset-aware local wall-clock time, for records."""


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()

    def wall(self) -> datetime:
        return datetime.now().astimezone()


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(
        self,
        start: float = 1000.0,
        wall: datetime | None = None,
    ) -> None:
        self._now = start
        self._start = start
        self._wall = wall or datetime(2026, 11, 16, 8, 0, tzinfo=timezone(timedelta(hours=1)))

    def now(self) -> float:
        return self._now

    def wall(self) -> datetime:
        return self._wall + timedelta(seconds=self._now - self._start)

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a clock does not run backwards")
        self._now += seconds
        return self._now

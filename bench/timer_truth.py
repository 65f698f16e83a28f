"""Figure 2: does the screen show the true time? A real session on the real clock,
headless, recording the countdown at every refresh; once as is and once with the
event loop blocked for 1.5 s in the middle of a hold.
"""

from __future__ import annotations

import asyncio
import math
import time

from common import Row, profile

from backtimer.clock import MonotonicClock
from backtimer.tui.launch import make_app
from backtimer.tui.screens.session import SessionScreen
from backtimer.tui.widgets.countdown import Countdown

EDGE_S = 0.002  # a reading this close to a second boundary could honestly go either way


def expected_shown(durations: list[float], elapsed: float) -> tuple[int, float]:
    """What the countdown should show ``elapsed`` seconds into an unpaused session,
    computed from the plan alone; and how far that moment is from a boundary."""
    t = elapsed
    for duration in durations:
        if t < duration:
            remaining = duration - t
            return math.ceil(remaining - 1e-9), abs(remaining - round(remaining))
        t -= duration
    return 0, 1.0


async def run_once(routine: str, block_at: float | None, voice: bool = False) -> dict[str, float]:
    data, catalog = profile(voice)
    clock = MonotonicClock()
    app = make_app(data_dir=data, catalog=catalog, clock=clock, routine=routine, start=True)
    readings: list[tuple[float, int]] = []
    finished: list[float] = []
    original = SessionScreen.refresh_state

    def recording(screen: SessionScreen) -> None:
        original(screen)
        if screen.state is not None and screen.is_current or screen._done:
            now = clock.now()
            if screen._done and not finished:
                finished.append(now)
            elif not screen._done:
                shown = screen.query_one(Countdown).shown
                # on a rep move the big number is the rep count: the seconds are
                # checked on every hold, timed move, rest and get-ready
                if shown is not None and shown[0] == "clock":
                    readings.append((now, shown[1]))

    SessionScreen.refresh_state = recording  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            while not isinstance(app.screen, SessionScreen):
                await pilot.pause()
            screen = app.screen
            start = screen.session._started
            planned = screen.session.planned_s
            durations = [seg.duration for seg in screen.session.timeline]
            blocked = False
            while not screen._done:
                await asyncio.sleep(0.05)
                if block_at is not None and not blocked and clock.now() - start >= block_at:
                    blocked = True
                    time.sleep(1.5)  # the event loop is stuck: no refresh can run
            await pilot.pause()
    finally:
        SessionScreen.refresh_state = original  # type: ignore[method-assign]
    wrong = 0
    for at, shown in readings:
        want, edge = expected_shown(durations, at - start)
        if shown != want and edge > EDGE_S:
            wrong += 1
    end = finished[0] - start if finished else float("nan")
    return {
        "ticks": len(readings),
        "wrong": wrong,
        "late_ms": (end - planned) * 1000,
        "planned": planned,
    }


def measure(quick: bool = False) -> list[Row]:
    routine = "bench-quick" if quick else "bench-truth"
    rows = []
    cases = (
        ("plain", None, False),
        ("voice and tones on", None, True),
        ("loop blocked 1.5 s mid-hold", 3 + 30 + 5 + 3 + 15, False),
    )
    for label, block, voice in cases:
        if quick and block is not None:
            block = 3 + 2.0
        r = asyncio.run(run_once(routine, block, voice))
        rows.append(
            Row(
                "2 timer truth",
                f"{label}: {r['ticks']} refreshes over {r['planned']:.0f} s; wrong seconds shown",
                "0 (target)",
                f"{r['wrong']}",
                "-",
                "0",
                r["wrong"] == 0,
            )
        )
        rows.append(
            Row(
                "2 timer truth",
                f"{label}: session end vs planned total",
                "0 ms",
                f"{r['late_ms']:+.1f} ms",
                "-",
                "within 50 ms",
                abs(r["late_ms"]) <= 50,
            )
        )
    return rows


if __name__ == "__main__":
    import sys

    from common import table

    print(table(measure(quick="--quick" in sys.argv)))

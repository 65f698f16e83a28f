"""The session's time left changes once a minute until the last minute."""

from __future__ import annotations

from backtimer.tui.screens.session import left_text


def test_time_left_in_minutes_then_seconds() -> None:
    assert left_text(731) == "13 min left"  # rounded up: never less than there is
    assert left_text(720) == "12 min left"
    assert left_text(61) == "2 min left"
    assert left_text(60) == "1 min left"
    assert left_text(59) == "59 s left"
    assert left_text(0) == "0 s left"
    # over a minute of a hold, the text changes at most twice
    assert len({left_text(s) for s in range(600, 660)}) <= 2

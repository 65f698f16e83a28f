"""The voice in a real session: a slow speech command never freezes the countdown."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from backtimer.tui.widgets.countdown import Countdown
from tests.ui.conftest import advance


async def test_a_slow_voice_keeps_the_countdown_exact(app_factory, clock, tmp_path: Path) -> None:
    slow = tmp_path / "slow-voice"
    slow.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(2)\n")
    slow.chmod(0o755)
    app = app_factory(pain_check=False, voice=str(slow))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert app.sinks().names()[0] == "speech"
        began = time.perf_counter()
        for second in range(1, 31):  # 30 s of a session: many cues, each "speaking" 2 s
            await advance(pilot, app, clock, 1.0)
            state = app.screen.session.state(clock.now())
            shown = app.screen.query_one(Countdown).shown
            expected = state.rep if state.rep is not None else None
            if expected is None:
                import math

                assert shown == ("clock", max(0, math.ceil(state.remaining - 1e-9))), second
        assert time.perf_counter() - began < 20  # cues never waited on the voice
        assert app.screen.session.state(clock.now()).session_remaining == (
            app.screen.session.planned_s - 30
        )
        await pilot.press("m")  # mute: the voice stops at once
        assert not app.sinks().sinks[0].player.busy()

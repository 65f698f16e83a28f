"""A desk break from Home (b) and from `backtimer break`: the standing set runs
through the session screen, is recorded as a break, not a session, and a move that
hurts in it leaves the plan."""

from __future__ import annotations

from pathlib import Path

from backtimer.core.settings import Settings
from backtimer.store import breaks
from backtimer.tui.launch import make_app
from backtimer.tui.screens.home import HomeScreen
from backtimer.tui.screens.session import SessionScreen
from tests.ui.conftest import advance

QUIET = Settings(safety_acknowledged=True, voice="off", tones=False)


def _app(tmp_path: Path, clock, **options):
    state = tmp_path / "data" / "state.toml"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text('safety_acknowledged = true\nscreening = "clear"\n')
    return make_app(
        clock=clock,
        data_dir=tmp_path / "data",
        cache_dir=tmp_path / "cache",
        settings=QUIET,
        **options,
    )


async def test_b_on_home_runs_a_break_that_is_logged_as_a_break(tmp_path: Path, clock) -> None:
    app = _app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        names = [s.exercise.id for s in app.screen.session.steps]
        assert names == ["marching", "standing-back-extension", "standing-hip-hinge"]
        await pilot.pause()
        from tests.ui.conftest import text

        assert text(app, "phase") == "Desk break 1 / 3  ·  Marching in place"
        await advance(pilot, app, clock, 200, step=0.5)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    found = breaks.load_all(app.profile.paths.log_files("breaks"))
    assert len(found) == 1 and len(found[0].moves) == 3 and found[0].stopped == ()
    assert not list((tmp_path / "data").glob("sessions*.toml"))  # not a session
    assert app.profile.log.sessions == []


async def test_a_move_that_hurts_in_a_break_leaves_todays_plan(tmp_path: Path, clock) -> None:
    app = _app(tmp_path, clock, desk_break=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        for _ in range(200):  # into the back extension's work
            state = app.screen.session.state(clock.now())
            if state.step.exercise.id == "standing-back-extension" and state.segment == "work":
                break
            await advance(pilot, app, clock, 1.0, step=1.0)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")  # go on with the rest of the break
        await pilot.pause()
        await advance(pilot, app, clock, 120, step=0.5)
        await pilot.pause()
    assert app.farewell is not None and "Desk break done" in app.farewell
    assert "Standing back extension left out until 30 Nov, with 5 moves" in app.farewell
    [found] = breaks.load_all(app.profile.paths.log_files("breaks"))
    assert found.stopped == ("standing-back-extension",)
    day = app.today()
    assert "standing-back-extension" in app.profile.avoided(day)
    assert "cobra" in app.profile.avoided(day)  # arches the back the same way

"""Whatever covers a running session pauses it; screens return results the app saves."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Select

from backtimer.clock import FakeClock
from backtimer.store import journal
from backtimer.tui.dialogs.help import HelpScreen
from backtimer.tui.launch import make_app
from backtimer.tui.screens.home import HomeScreen
from backtimer.tui.screens.library import LibraryScreen
from backtimer.tui.screens.session import SessionScreen
from backtimer.tui.screens.settings import SettingsScreen
from tests.ui.conftest import advance, text


async def test_palette_then_library_mid_session_pauses_it(app_factory, clock) -> None:
    app = app_factory(pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        session_screen = app.screen
        assert isinstance(session_screen, SessionScreen)
        await advance(pilot, app, clock, 9.0)  # 4 s into the marching
        before = session_screen.session.state(clock.now())
        assert before.segment == "work" and not before.paused

        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"library")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await advance(pilot, app, clock, 30.0)  # 30 s browsing the library
        await pilot.press("escape")
        await pilot.pause()

        assert app.screen is session_screen
        after = session_screen.session.state(clock.now())
        assert after.paused
        assert (after.exercise_index, after.segment) == (before.exercise_index, before.segment)
        assert abs(after.remaining - before.remaining) < 0.01
        assert "PAUSED" in str(app.screen.query_one("#paused").render())
        await pilot.press("q", "y")  # end it: nothing was done behind the library
        await pilot.pause()
    [entry] = journal.load(app.paths.sessions).sessions
    assert [e.status for e in entry.exercises][1:] == ["skipped"] * (len(entry.exercises) - 1)


async def test_a_dialog_pauses_and_resumes(app_factory, clock) -> None:
    app = app_factory(pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await advance(pilot, app, clock, 7.0)
        session = app.screen.session
        left = session.state(clock.now()).remaining
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        clock.advance(20.0)
        await pilot.pause()
        assert session.paused
        await pilot.press("escape")
        await pilot.pause()
        state = session.state(clock.now())
        assert not state.paused and abs(state.remaining - left) < 0.01


SETTINGS = """\
# my settings
weekly_goal = 2   # knee still healing

get_ready_s = 10
bell = false
"""


async def test_settings_screen_changes_one_line(tmp_path: Path, catalog_file: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text(SETTINGS)
    app = make_app(clock=FakeClock(start=0.0), data_dir=data, catalog=catalog_file)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#weekly_goal", Select).value = 4
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "0 of 4 this week" in text(app, "week")
    assert (data / "settings.toml").read_text() == SETTINGS.replace(
        "weekly_goal = 2 ", "weekly_goal = 4 "
    )


async def test_chosen_routine_is_shown_and_remembered(app_factory, tmp_path, catalog_file) -> None:
    app = app_factory(routine="gentle")
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Gentle daily" in text(app, "routine")
        await pilot.press("r", "o")
        await pilot.pause()
        app.screen.query_one("OptionList").highlighted = list(app.profile.catalog.routines).index(
            "quick"
        )
        await pilot.press("enter")  # open Quick five
        await pilot.press("u")  # use it
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Quick five" in text(app, "routine")
    again = make_app(clock=FakeClock(start=0.0), data_dir=tmp_path / "data", catalog=catalog_file)
    assert again.choice.key == "quick"

"""Saving a routine by hand: what is saved always loads, and nothing is replaced unasked."""

from __future__ import annotations

from textual.widgets import Input

from backtimer.store.routines import load_routines
from backtimer.tui.dialogs.ask import AskScreen
from backtimer.tui.dialogs.confirm import ConfirmScreen


async def save_as(pilot, name: str) -> None:
    await pilot.press("s")
    pilot.app.screen.query_one(Input).value = name
    await pilot.press("enter")
    await pilot.pause()


async def test_a_name_the_loader_would_refuse_is_refused(app_factory) -> None:
    app = app_factory(routine="quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await save_as(pilot, "x" * 250)
        assert isinstance(app.screen, AskScreen)
        assert "name" in str(app.screen.query_one("#problem").content)
    assert not app.paths.routines.exists()


async def test_replacing_another_saved_routine_asks(app_factory) -> None:
    app = app_factory(routine="quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await save_as(pilot, "Morning")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r", "o")
        await pilot.pause()
        options = app.screen.query_one("OptionList")
        options.highlighted = list(app.profile.catalog.routines).index("gentle")
        await pilot.press("enter")
        await save_as(pilot, "morning!")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Replace your saved routine 'Morning'" in app.screen.question
        await pilot.press("enter")  # "No" is focused: nothing is replaced
        await pilot.pause()
    saved = load_routines(app.paths.routines, app.profile.builtin)
    assert saved["morning"].name == "Morning"
    assert [m.id for _, m in saved["morning"].members()][-1] == "childs-pose"


async def test_deleting_a_saved_routine_and_dropping_edits_ask_first(app_factory) -> None:
    from backtimer.tui.screens.home import HomeScreen
    from backtimer.tui.screens.routine_editor import RoutineScreen

    app = app_factory(routine="quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await save_as(pilot, "Morning")
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete your saved routine 'Morning'?" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert "morning" in load_routines(app.paths.routines, app.profile.builtin)
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert "morning" not in load_routines(app.paths.routines, app.profile.builtin)

        await pilot.press("d")  # an edit: leaving asks before dropping it
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "Drop your changes" in app.screen.question
        await pilot.press("n")  # stay
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

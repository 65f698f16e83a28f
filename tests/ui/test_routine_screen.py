"""Building a routine by hand on the routine screen, saving it and starting it."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select, Switch

from backtimer.store import journal
from backtimer.store.routines import load_routines
from backtimer.store.settings import load_settings
from backtimer.tui.dialogs.pain import PainScreen
from backtimer.tui.screens.home import HomeScreen
from backtimer.tui.screens.routine_editor import RoutineScreen
from backtimer.tui.screens.session import SessionScreen
from backtimer.tui.screens.settings import SettingsScreen
from tests.ui.conftest import advance, text


def rows(app) -> list[tuple[str, str, str]]:
    table = app.screen.query_one(DataTable)
    # (phase, exercise, dose): the time column sits between the last two; the flags
    # beside a name ("(not unlocked)") are left off
    return [
        tuple(str(table.get_row_at(i)[c]).split(" (")[0] for c in (0, 1, 3))
        for i in range(table.row_count)
    ]


async def type_text(pilot, value: str) -> None:
    field = pilot.app.screen.query_one(Input)
    field.value = ""
    for ch in value:
        await pilot.press(ch if ch != " " else "space")


async def test_open_a_routine_and_use_it(app_factory) -> None:
    app = app_factory(routine="gentle")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, RoutineScreen)
        await pilot.press("o")
        await pilot.press("down", "down", "enter")  # gentle -> strength -> quick
        assert rows(app)[0][1] == "Marching in place"
        await pilot.press("u")
        assert isinstance(app.screen, HomeScreen)
        assert "Quick five" in text(app, "routine")


async def test_build_save_and_start_a_routine(app_factory, clock) -> None:
    app = app_factory(routine="quick")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "p")
        await type_text(pilot, "10")
        await pilot.press("enter")
        planned = rows(app)
        assert str(app.screen.query_one("#routine-title").content) == "10-minute plan"
        assert 4 <= sum(1 for r in planned if r[0] == "") <= 9

        # add plank after the selected row, raise its hold, add a set, move it up, remove one
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=len(planned) - 1)
        await pilot.press("a")
        options = app.screen.query_one("OptionList")
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index("plank")
        await pilot.press("enter")
        # the dose it will really have: a new profile starts at the bottom of the range
        assert rows(app)[-1][1:] == ("Forearm plank", "hold 10 s")
        assert str(table.get_row_at(len(planned))[1]) == "Forearm plank (not unlocked)"
        total_before = str(app.screen.query_one("#routine-total").content)
        await pilot.press("plus", "plus", "right_square_bracket")
        assert rows(app)[-1][2] == "hold 20 s, 2 sets"
        assert rows(app)[-1][2] != "hold 10 s"
        assert str(app.screen.query_one("#routine-total").content) != total_before
        for _ in range(20):  # the articles' maximum is a ceiling
            await pilot.press("plus")
        assert rows(app)[-1][2] == "hold 60 s, 2 sets"
        await pilot.press("shift+up")
        assert rows(app)[-2][1] == "Forearm plank"
        table.move_cursor(row=len(rows(app)) - 1)
        removed = rows(app)[-1][1]
        await pilot.press("d")
        assert removed not in [r[1] for r in rows(app)]
        assert "(edited)" in str(app.screen.query_one("#routine-title").content)

        # save it under a name
        await pilot.press("s")
        await type_text(pilot, "Lunch break")
        await pilot.press("enter")
        saved = load_routines(app.paths.routines, app.profile.builtin)
        assert list(saved) == ["lunch-break"]
        assert str(app.screen.query_one("#routine-title").content) == "Lunch break"
        steps = app.profile.catalog.steps(saved["lunch-break"])
        assert [s.exercise.name for s in steps] == [r[1] for r in rows(app)]
        assert any(s.exercise.id == "plank" and s.hold_s == 60 and s.sets == 2 for s in steps)
        # only the dose set here is written (and the plan's sets, which shape it): the
        # planned moves keep growing with the person
        written = saved["lunch-break"]
        assert all(set(i.changes()) <= {"sets"} for _, i in written.members() if i.id != "plank")

        # and start it
        await pilot.press("enter")
        assert isinstance(app.screen, PainScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        assert text(app, "phase").startswith("Warm-up 1 /")
        await advance(pilot, app, clock, 9.0)  # 4 s into the first move: something was done
        await pilot.press("q", "y", "enter")
    [entry] = journal.load(app.paths.sessions).sessions
    assert entry.routine == "lunch-break"


async def test_saved_routine_reappears_next_time(app_factory) -> None:
    app = app_factory(routine="gentle")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "s")
        await type_text(pilot, "gentle")  # a built-in id: refused
        await pilot.press("enter")
        assert "built-in" in str(app.screen.query_one("#problem").content)
        await type_text(pilot, "Mine")
        await pilot.press("enter")
    again = app_factory(routine="mine")
    assert again.choice.name == "Mine"


async def test_settings_screen_saves(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#weekly_goal", Select).value = 5
        app.screen.query_one("#bell", Switch).value = False
        app.screen.query_one("#get_ready_s", Input).value = "99"
        await pilot.press("ctrl+s")
        assert "less than or equal to 30" in str(app.screen.query_one("#problem").content)
        app.screen.query_one("#get_ready_s", Input).value = "8"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, HomeScreen)
        assert "0 of 5 this week" in text(app, "week")
    saved = load_settings(app.paths.settings)
    assert (saved.weekly_goal, saved.bell, saved.get_ready_s) == (5, False, 8)


async def test_rename_copy_warm_up_and_delete_say_the_name(app_factory) -> None:
    """A saved routine can be renamed and copied, its warm-up chosen, and deleting it
    names it, not its file key (issue 31)."""
    app = app_factory()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, RoutineScreen)
        await pilot.press("s")
        await type_text(pilot, "Lunch break")
        await pilot.press("enter")
        # choose a warm-up: the first row is one, so it is replaced
        app.screen.query_one(DataTable).move_cursor(row=0)
        await pilot.press("w")
        options = app.screen.query_one("OptionList")
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert "arm-circles" in ids and "bridge" not in ids  # warm-up moves only
        options.highlighted = ids.index("arm-circles")
        await pilot.press("enter")
        assert rows(app)[0][:2] == ("warm-up", "Arm circles")
        await pilot.press("s")
        await pilot.press("enter")  # save under its own name again
        await pilot.pause()
        # rename it
        await pilot.press("r")
        await type_text(pilot, "Desk reset")
        await pilot.press("enter")
        await pilot.pause()
        saved = load_routines(app.paths.routines, app.profile.builtin)
        assert list(saved) == ["desk-reset"] and saved["desk-reset"].name == "Desk reset"
        assert saved["desk-reset"].members()[0][1].id == "arm-circles"
        # copy it
        await pilot.press("c")
        await type_text(pilot, "Desk reset short")
        await pilot.press("enter")
        await pilot.pause()
        saved = load_routines(app.paths.routines, app.profile.builtin)
        assert set(saved) == {"desk-reset", "desk-reset-short"}
        assert str(app.screen.query_one("#routine-title").content) == "Desk reset short"
        # delete the copy: the message names it
        await pilot.press("ctrl+d", "y")
        await pilot.pause()
        notice = str(app.screen.query_one("#notice").render())
        assert "Deleted your saved routine 'Desk reset short'." in notice
        assert "desk-reset-short" not in notice
    assert set(load_routines(app.paths.routines, app.profile.builtin)) == {"desk-reset"}

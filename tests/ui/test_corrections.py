"""Correcting a session from History: pain ratings, a mistaken "this hurts", delete."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Input

from backtimer.core.log import ExerciseEntry
from backtimer.store import journal
from backtimer.tui.dialogs.ask import AskScreen
from backtimer.tui.dialogs.confirm import ConfirmScreen
from backtimer.tui.dialogs.pick import PickScreen
from backtimer.tui.screens.history import HistoryScreen
from tests.unit.journal_helpers import entry


def logged(app_factory):
    app = app_factory(routine="quick")
    hurt = entry("2026-11-15T08:00:00+01:00", n=2, pain=(4, 7))
    hurt = replace(
        hurt, exercises=(ExerciseEntry("cat-cow", "stopped_for_pain", 10.0), *hurt.exercises[1:])
    )
    mistake = entry("2026-11-16T07:00:00+01:00", n=3)
    journal.append_many(app.paths.sessions, [hurt, mistake])
    return app_factory(routine="quick"), hurt, mistake


async def pick(pilot, app, key: str) -> None:
    """Choose the option ``key`` in the open picker."""
    assert isinstance(app.screen, PickScreen)
    options = app.screen.query_one("OptionList")
    options.highlighted = [o.id for o in options._options].index(key)
    await pilot.press("enter")
    await pilot.pause()


async def test_pain_delete_and_not_hurt_from_history(app_factory) -> None:
    app, hurt, mistake = logged(app_factory)
    assert "cat-cow" in app.profile.avoided(app.today())
    log_bytes = app.paths.sessions.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        # the 7 after was a typo for a 2
        await pilot.press("c")
        await pilot.pause()
        await pick(pilot, app, hurt.id)
        await pick(pilot, app, "pain")
        assert isinstance(app.screen, AskScreen)
        await pilot.press("enter")  # before: keep the 4
        await pilot.pause()
        app.screen.query_one(Input).value = "2"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.profile.session(hurt.id).pain_after == 2
        # "this hurts" was pressed by mistake
        await pilot.press("c")
        await pilot.pause()
        await pick(pilot, app, hurt.id)
        await pick(pilot, app, "hurt:cat-cow")
        assert "cat-cow" not in app.profile.avoided(app.today())
        # a session logged by mistake: asks first
        await pilot.press("c")
        await pilot.pause()
        await pick(pilot, app, mistake.id)
        await pick(pilot, app, "delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.profile.session(mistake.id) is None
        text = str(app.screen.query_one("#history-text").content)
        assert "Mon 16 Nov" not in text and "All time:[/b] 1 session" in text
    assert app.paths.sessions.read_bytes() == log_bytes  # the log itself untouched
    assert len(app.profile.log.corrections.items) == 3


async def test_home_undoes_a_mistaken_this_hurts_of_today(app_factory) -> None:
    from backtimer.tui.screens.home import HomeScreen

    app = app_factory(routine="gentle")
    today = entry("2026-11-16T07:00:00+01:00", n=5)  # the fake clock's morning
    today = replace(
        today, exercises=(ExerciseEntry("cat-cow", "stopped_for_pain", 10.0), *today.exercises[1:])
    )
    journal.append_many(app.paths.sessions, [today])
    app = app_factory(routine="gentle")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        notes = str(app.screen.query_one("#notes").content)
        assert "Cat-cow" in notes and "by mistake today? [b]u[/b]" in notes
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "Cat-cow" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "cat-cow" not in app.profile.avoided(app.today())
        assert "by mistake" not in str(app.screen.query_one("#notes").content)
        assert "cat-cow" in [s.exercise.id for s in app.choice.steps]


async def test_a_walk_from_home_shows_in_history(app_factory) -> None:
    app = app_factory(routine="quick")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        app.screen.query_one(Input).value = "35"
        await pilot.press("enter")
        await pilot.pause()
        assert [w.minutes for w in app.profile.log.walks] == [35]
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "walked 35 min" in str(app.screen.query_one("#history-text").render())
    assert len(list(app.paths.data_dir.glob("walks-*.toml"))) == 1

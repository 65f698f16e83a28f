"""Issue 17, the rest: small terminals, keys shown from the live bindings, the
routine and settings screens, and a history that explains itself."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, OptionList, SelectionList

from backtimer.core.keys import markdown_keys
from backtimer.store.settings import load_settings
from backtimer.tui.dialogs.confirm import ConfirmScreen
from backtimer.tui.dialogs.pain import PainScreen
from backtimer.tui.dialogs.pick import PickScreen
from backtimer.tui.dialogs.safety import SafetyScreen
from backtimer.tui.screens.home import HomeScreen
from backtimer.tui.screens.routine_editor import RoutineScreen
from backtimer.tui.screens.session import SessionScreen
from backtimer.tui.screens.settings import SettingsScreen, key_field
from tests.ui.conftest import advance, plain, shown
from tests.unit.journal_helpers import entry

README = Path(__file__).parents[2] / "README.md"


def whole(widget: Widget, min_width: int = 1) -> bool:
    """On screen from edge to edge, at least one row high and ``min_width`` wide."""
    size = widget.screen.size
    region = widget.region
    return (
        widget.display
        and Region(0, 0, size.width, size.height).contains_region(region)
        and region.height >= 1
        and region.width >= min_width
    )


# ------------------------------------------------------------------ 2: small terminals


async def test_end_and_pain_dialogs_are_usable_at_30x10(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, PainScreen)
        field = app.screen.query_one(Input)
        assert whole(field, 4) and app.focused is field
        await pilot.press("3", "enter")
        await advance(pilot, app, clock, 8.0)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        for button in app.screen.query(Button):
            label = str(button.label)
            assert whole(button, len(label)), label
        assert "End (y)" in shown(app) and "Keep going (n)" in shown(app)
        await pilot.press("n")  # keep going; then "this hurts": its footer and text fit
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        assert "Exercise stopped" in shown(app)
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen) and app.screen.session.paused


async def test_every_screen_works_at_40x12(app_factory, tmp_path) -> None:
    app = app_factory()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert whole(app.screen.query_one("#start"), 8)
        assert not app.screen.query_one("#too-small").display
        await pilot.press("l")
        assert app.screen.query_one("#exercise-detail").region.width >= 30
        await pilot.press("escape", "comma")
        assert whole(app.screen.query_one("#weekly_goal"), 6)
        assert whole(app.screen.query_one("#get_ready_s", Input), 4)
        await pilot.press("escape", "h")
        calendar = str(app.screen.query_one("#history-text").content).split("\n\n")[1]
        room = app.screen.query_one("#history-text").region.width
        assert all(len(re.sub(r"\[/?[^\]]*\]", "", line)) <= room for line in calendar.split("\n"))
        await pilot.press("escape", "r")
        assert app.screen.query_one(DataTable).region.height >= 7  # a header and 6 rows


async def test_below_40x12_it_says_make_the_terminal_larger(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        assert whole(app.screen.query_one("#too-small"))
        assert "larger" in shown(app)
        await pilot.press("enter", "enter")  # the keys still work: a session starts
        assert isinstance(app.screen, SessionScreen)


# ------------------------------------------------------------------ 4: keys from the bindings


def test_the_readme_key_table_is_the_generated_one() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- keys:", 1)[1].split("-->", 1)[1].split("<!-- /keys -->")[0]
    assert block.strip() == markdown_keys().strip(), (
        "README's key table is stale: paste `python -m backtimer.core.keys` between the markers"
    )


async def test_help_lists_the_live_keymap(app_factory) -> None:
    app = app_factory(keymap={"session.pause": "p", "home.history": "y"})
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        shown = plain(app.screen.query_one("#keys").content)
        pause = next(line for line in shown.splitlines() if "pause / resume" in line)
        assert pause.split()[0] == "p"
        history = next(line for line in shown.splitlines() if "history: weeks" in line)
        assert history.split()[0] == "y"


async def test_confirm_buttons_and_home_show_moved_keys(app_factory, clock) -> None:
    app = app_factory(pain_check=False, keymap={"confirm.yes": "e", "home.start": "g"})
    async with app.run_test(size=(100, 30)) as pilot:
        assert "(g)" in str(app.screen.query_one("#start").content)
        await pilot.press("g")
        await advance(pilot, app, clock, 8.0)
        await pilot.press("q")
        assert str(app.screen.query_one("#yes", Button).label) == "End (e)"


# ------------------------------------------------------------------ 13: the routine screen


async def test_routine_screen_shows_every_key_asks_and_filters(app_factory) -> None:
    app = app_factory(routine="gentle")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        hints = str(app.screen.query_one("#routine-help").content)
        assert "delete saved" in hints and "^d" in hints
        assert "K/" in hints and "J/" in hints
        table = app.screen.query_one(DataTable)
        assert [str(c.label) for c in table.columns.values()][2] == "time"

        await pilot.press("a")  # the picker narrows as you type
        assert isinstance(app.screen, PickScreen)
        for key in "plank":
            await pilot.press(key)
        options = app.screen.query_one(OptionList)
        names = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert names and all("plank" in n.lower() for n in names)
        await pilot.press("enter")
        assert isinstance(app.screen, RoutineScreen)
        assert "(edited)" in str(app.screen.query_one("#routine-title").content)

        await pilot.press("escape")  # edits not saved: it asks, and "Stay" is safe
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, RoutineScreen)
        await pilot.press("s")  # "Save as" has room for a real name
        assert app.screen.query_one(Input).region.width >= 30
        await pilot.press("escape", "escape", "y")
        assert isinstance(app.screen, HomeScreen)


# ------------------------------------------------------------------ 14: settings


async def test_settings_edit_the_keymap_and_the_moves_left_out(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        moves = app.screen.query_one("#excluded", SelectionList)
        moves.select("bridge")
        app.screen.query_one(f"#{key_field('session.pause')}", Input).value = "p"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    saved = load_settings(app.paths.settings)
    assert saved.excluded == ("bridge",) and saved.keymap == {"session.pause": "p"}
    assert "bridge" not in [s.exercise.id for s in app.choice.steps]
    assert "Bridge" in "\n".join(app.choice.notes)


async def test_settings_show_every_problem(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("comma")
        app.screen.query_one("#breath_in_s", Input).value = "0"
        app.screen.query_one("#breath_out_s", Input).value = "99"
        app.screen.query_one(f"#{key_field('session.next')}", Input).value = "space"
        await pilot.press("ctrl+s")
        problem = str(app.screen.query_one("#problem").content)
        assert "breath: in" in problem and "breath: out" in problem
        assert "'space' is also the key of 'session.pause'" in problem
        assert isinstance(app.screen, SettingsScreen)  # nothing saved


# ------------------------------------------------------------------ 12: history


def test_history_labels_months_and_explains_uncounted_weeks() -> None:
    from backtimer.tui.screens.history import history_text

    sessions = [
        entry("2026-11-16T08:00:00+01:00"),
        entry("2026-11-17T08:00:00+01:00", n=1),
        entry("2026-11-18T08:00:00+01:00", completed=False, active_s=60, n=2),
    ]
    text = history_text(sessions, date(2026, 11, 19), 3, {"cat-cow": "Cat-cow"}, {}, 80)
    stripped = re.sub(r"\[/?[^\]]*\]", "", text)
    assert re.search(r"Jun +Jul +Aug +Sep +Oct +Nov", stripped)
    assert "this week" in stripped
    week = next(line for line in stripped.splitlines() if "2/3" in line)
    assert "+1 not counted: ended early" in week
    assert all(len(line) <= 78 for line in stripped.splitlines())
    narrow = re.sub(r"\[/?[^\]]*\]", "", history_text(sessions, date(2026, 11, 19), 3, {}, {}, 40))
    assert all(len(line) <= 36 for line in narrow.split("\n\n")[1].splitlines())


# ------------------------------------------------------------------ 15: Backspace, then a digit


async def test_backspace_then_a_digit_in_one_read_keeps_the_digit(app_factory) -> None:
    """Keys posted without waiting, as the terminal driver does when they arrive in
    one read (Textual #6605: a bare Input ends with "5")."""
    from textual import events

    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, PainScreen)
        for key, char in (("5", "5"), ("backspace", "\x7f"), ("3", "3")):
            app.post_message(events.Key(key, char))
        await pilot.pause()
        assert app.screen.query_one(Input).value == "3"


# ------------------------------------------------------------------ 16: notices in a session


async def test_session_notices_hide_nothing(app_factory, clock) -> None:
    app = app_factory(pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await advance(pilot, app, clock, 7.0)
        await pilot.press("m")  # "Sound off: ..."
        await pilot.pause()
        assert not app._notifications  # no toast over the header or the time left
        notice = app.screen.query_one("#notice")
        assert notice.display and "Sound off" in str(notice.content)
        for vital in ("#phase", "#left", "#count"):
            assert not notice.region.overlaps(app.screen.query_one(vital).region), vital


# ------------------------------------------------------------------ 19: 16 colours


async def test_the_track_shows_without_colour(app_factory, clock) -> None:
    """What is left of the session is drawn with its own glyph, so it shows in 16
    colours and with NO_COLOR (checked by eye in tmux with TERM=xterm too)."""
    from backtimer.tui.widgets.track import TrackBar

    app = app_factory(pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await advance(pilot, app, clock, 30.0)
        bar = app.screen.query_one(TrackBar)
        line = bar.render()
        assert "━" in line.plain and "─" in line.plain  # done, and still to do
        assert not any(span.style and "on " in str(span.style) for span in line.spans)


async def test_clicking_start_starts(app_factory) -> None:
    app = app_factory(pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)

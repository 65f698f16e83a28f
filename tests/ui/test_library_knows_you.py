"""The library as it stands for you (issue 31): your dose and where it came from
beside the catalogue's, each move's status (left out, not unlocked, last done),
search as you type, steps that wrap under their own words, and a move started on its
own or added to a routine."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from rich.console import Console
from textual.widgets import Input, OptionList

from backtimer.clock import FakeClock
from backtimer.core.log import ExerciseEntry
from backtimer.core.settings import Settings
from backtimer.store import journal
from backtimer.tui.launch import make_app
from backtimer.tui.screens.library import LibraryScreen, exercise_text
from backtimer.tui.screens.routine_editor import RoutineScreen
from backtimer.tui.screens.session import SessionScreen
from tests.ui.conftest import advance, shown
from tests.unit.journal_helpers import entry

CET = timezone(timedelta(hours=1))
SATURDAY = datetime(2026, 12, 5, 9, 0, tzinfo=CET)


def _app(tmp_path: Path, clock: FakeClock):
    data = tmp_path / "data"
    data.mkdir(parents=True)
    (data / "state.toml").write_text('safety_acknowledged = true\nscreening = "clear"\n')
    hurt = replace(
        entry("2026-12-03T08:00:00+01:00"),
        exercises=(
            ExerciseEntry(id="marching", status="done", active_s=30.0),
            ExerciseEntry(id="cobra", status="stopped_for_pain", active_s=10.0),
        ),
    )
    journal.append(data / "sessions-a.toml", hurt)
    settings = Settings(safety_acknowledged=True, voice="off", tones=False, pain_check=False)
    return make_app(clock=clock, data_dir=data, cache_dir=tmp_path / "c", settings=settings)


def _detail(app) -> str:
    return str(app.screen.query_one("#detail").render())


def _pick(app, move: str) -> None:
    listing = app.screen.query_one(OptionList)
    ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
    listing.highlighted = ids.index(move)


async def test_your_dose_status_and_search(tmp_path: Path) -> None:
    app = _app(tmp_path, FakeClock(start=0.0, wall=SATURDAY))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        listing = app.screen.query_one(OptionList)
        prompts = {
            o.id: str(o.prompt)
            for o in (listing.get_option_at_index(i) for i in range(listing.option_count))
        }
        assert prompts["cobra"].endswith("Cobra  out") and prompts["plank"].endswith("locked")
        assert prompts["bridge"] == "  Bridge"
        _pick(app, "marching")
        await pilot.pause()
        detail = shown(app)
        # a new person's dose is the bottom of the range, not the catalogue's 45 s
        assert "Your dose: 30 s (where everyone starts)" in detail
        assert "Catalogue dose: 45 s" in detail and "Last done: Thu 3 Dec 2026" in detail
        _pick(app, "cobra")
        await pilot.pause()
        assert "Cobra is left out until 17 Dec: it hurt on 3 Dec." in shown(app)
        from tests.ui.conftest import plain

        detail = plain(app.screen.query_one("#detail").content)
        assert "start" in detail and "lift" in detail and "→" in detail  # its poses
        assert any(0x2800 < ord(c) <= 0x28FF for c in detail)
        await pilot.press("slash", "b", "r", "i")
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        found = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        assert [f for f in found if f] == ["bridge"]
        assert app.screen.query_one(Input).value == "bri"
        await pilot.press("escape")  # clears the search first
        assert isinstance(app.screen, LibraryScreen) and app.screen.query_one(Input).value == ""
        await pilot.press("c", "o", "b")  # letters typed in the list search too
        await pilot.pause()
        assert app.screen.query_one(Input).value == "cob"
        await pilot.press("escape", "escape")
        assert not isinstance(app.screen, LibraryScreen)


def test_a_wrapped_step_stays_under_its_own_words(catalog) -> None:
    console = Console(width=40, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(exercise_text(catalog.exercises["cat-cow"]))
    lines = console.export_text().splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith("1."))
    assert lines[first + 1].startswith("   ") and lines[first + 1].strip()  # hanging indent


async def test_start_one_move_or_add_it_to_a_routine(tmp_path: Path) -> None:
    clock = FakeClock(start=0.0, wall=SATURDAY)
    app = _app(tmp_path, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("l")
        _pick(app, "bridge")
        await pilot.press("a")  # add it to what Home shows
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
        assert "bridge" in [s.exercise.id for s in app.screen.steps]
        from textual.widgets import DataTable

        table = app.screen.query_one(DataTable)
        names = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert any(n.startswith("Bridge") for n in names)  # a row of its own
        assert "(edited)" in str(app.screen.query_one("#routine-title").content)
        await pilot.press("escape", "y")  # drop it
        await pilot.pause()
        await pilot.press("l")
        _pick(app, "childs-pose")
        await pilot.press("s")  # start it on its own
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert [s.exercise.id for s in app.screen.session.steps] == ["childs-pose"]
        await advance(pilot, app, clock, 120, step=1.0)
        await pilot.pause()
        assert "One move on its own is practice" in shown(app)
        await pilot.press("enter")
        await pilot.pause()
    practice = app.profile.log.sessions[-1]
    assert practice.routine == "move-childs-pose" and practice.completed
    from backtimer.core import stats

    assert not stats.counts(practice)  # practice, not one of the week's sessions


async def test_after_a_search_s_starts_the_move(tmp_path: Path) -> None:
    """Found with a search and Enter, the move starts with s (not "s" typed on)."""
    clock = FakeClock(start=0.0, wall=SATURDAY)
    app = _app(tmp_path, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("slash", "k", "n", "e", "e", "enter")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "knee"
        await pilot.press("down")
        await pilot.pause()
        chosen = app.screen._current()
        assert chosen is not None
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert [s.exercise.id for s in app.screen.session.steps] == [chosen]

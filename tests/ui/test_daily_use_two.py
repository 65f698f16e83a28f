"""Daily use, round two (issue 31): what Home says in a first week, the pause and the
mute as the footer and the screen say them, and the notices that covered headers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from backtimer.clock import FakeClock
from backtimer.core.settings import Settings
from backtimer.store import journal
from backtimer.tui.launch import make_app
from tests.ui.conftest import shown
from tests.unit.journal_helpers import entry

CET = timezone(timedelta(hours=1))
SATURDAY = datetime(2026, 12, 5, 9, 0, tzinfo=CET)
QUIET = {"voice": "off", "tones": False, "safety_acknowledged": True}


def _app(tmp_path: Path, days: tuple[int, ...] = (), **settings):
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "state.toml").write_text('safety_acknowledged = true\nscreening = "clear"\n')
    for n, day in enumerate(days):
        journal.append(data / "sessions-a.toml", entry(f"2026-{day}T08:00:00+01:00", n=n))
    return make_app(
        clock=FakeClock(start=0.0, wall=SATURDAY),
        data_dir=data,
        cache_dir=tmp_path / "cache",
        settings=Settings(**(QUIET | settings)),
    )


async def test_a_first_week_says_something_encouraging_and_true(tmp_path: Path) -> None:
    app = _app(tmp_path / "new")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = shown(app)
        assert "A first session today is a fine start" in text
        assert "usual" not in text and "more this week" not in text
    app = _app(tmp_path / "one", ("12-05",))  # one session, this Saturday
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = shown(app)
        assert "2 more this week, 2 days left." in text and "usual" not in text
    app = _app(tmp_path / "behind", ("11-20", "11-23", "11-25"))  # none this week
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = shown(app)
        assert "2 days left this week: a session today still counts." in text
        assert "3 more" not in text


async def test_no_pain_question_after_a_session_in_which_nothing_was_done(
    tmp_path: Path,
) -> None:
    from backtimer.tui.dialogs.pain import PainScreen
    from backtimer.tui.screens.home import HomeScreen
    from backtimer.tui.screens.session import SessionScreen

    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # start
        assert isinstance(app.screen, PainScreen)
        await pilot.press("4", "enter")
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("q", "y")  # ended during the first get-ready
        await pilot.pause()
        assert not isinstance(app.screen, PainScreen)  # nothing to ask about
        assert isinstance(app.screen, HomeScreen)
    assert app.profile.log.sessions == []


def _footer(app) -> str:
    return next(line for line in shown(app).splitlines() if "n Next" in line)


async def test_pause_and_mute_say_so_on_the_screen_and_in_the_footer(tmp_path: Path) -> None:
    from tests.ui.conftest import text

    app = _app(tmp_path, pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        footer = _footer(app)
        assert "space Pause" in footer and "f Floor" in footer and "? Help" in footer
        await pilot.press("space")
        await pilot.pause()
        assert text(app, "segment") == "PAUSED"  # the large word, in place of the cue
        footer = _footer(app)
        assert "space Resume" in footer and "Pause" not in footer
        await pilot.press("m")
        await pilot.pause()
        assert "m Unmute" in _footer(app)
        await pilot.press("space", "m")
        await pilot.pause()
        footer = _footer(app)
        assert "space Pause" in footer and "m Mute" in footer
        assert text(app, "segment") != "PAUSED"
        await pilot.press("m", "q", "y")  # muted, then ended: the next session says so
        await pilot.pause()
        app.clear_notifications()
        await pilot.press("enter")
        await pilot.pause()
        assert "m Unmute" in _footer(app)


async def test_notices_never_cover_a_header_or_a_title(tmp_path: Path) -> None:
    from backtimer.tui.dialogs.pain import PainScreen
    from backtimer.tui.screens.routine_editor import RoutineScreen
    from backtimer.tui.widgets.notice import Notice

    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, PainScreen)
        await pilot.press("enter")  # skipped: no "Check-in skipped." over the session
        await pilot.pause()
        assert not app._notifications and not app.screen.query_one(Notice).display
        await pilot.press("q", "y")
        await pilot.pause()
        app.clear_notifications()  # Home's own toast ("nothing was logged")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
        app.screen.notify("Saved 'Lunch' to routines.toml.")
        await pilot.pause()
        notice = app.screen.query_one(Notice)
        assert notice.display and "Saved" in str(notice.render())
        assert not app._notifications  # no toast over the routine's title


async def test_settings_check_rejects_fall_back_to_defaults_and_home_says_so(
    tmp_path: Path,
) -> None:
    from backtimer.tui.screens.session import SessionScreen

    data = tmp_path / "data"
    data.mkdir()
    (data / "state.toml").write_text('safety_acknowledged = true\nscreening = "clear"\n')
    (data / "settings.toml").write_text(
        'theme = "nope"\nexcluded = ["no-such-move", "bridge"]\npain_check = false\n'
        'voice = "off"\n\n[keymap]\n"session.pause" = "n"\n"nowhere.at-all" = "z"\n'
    )
    app = make_app(clock=FakeClock(start=0.0, wall=SATURDAY), data_dir=data, cache_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "settings.toml has 4 problems: run `backtimer check`." in shown(app)
        assert app.theme == "textual-dark" and app.settings.excluded == ("bridge",)
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("n")  # Next, not a pause: the broken keymap entry is not used
        await pilot.pause()
        session = app.screen.session
        assert not session.paused and session.state(app.clock.now()).exercise_index == 1
    assert "theme" in (data / "settings.toml").read_text()  # the file is left as it is


async def test_moves_left_out_in_one_place_brought_back_or_out_for_good(tmp_path: Path) -> None:
    from dataclasses import replace as changed

    from backtimer.core.log import ExerciseEntry
    from backtimer.tui.screens.left_out import LeftOutScreen

    data = tmp_path / "data"
    data.mkdir()
    (data / "state.toml").write_text('safety_acknowledged = true\nscreening = "clear"\n')
    (data / "settings.toml").write_text('excluded = ["plank"]\n# my note\nvoice = "off"\n')
    hurt = changed(
        entry("2026-12-03T08:00:00+01:00"),
        exercises=(ExerciseEntry(id="cobra", status="stopped_for_pain", active_s=10.0),),
    )
    journal.append(data / "sessions-a.toml", hurt)
    app = make_app(clock=FakeClock(start=0.0, wall=SATURDAY), data_dir=data, cache_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "o lists the moves left out" in shown(app)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, LeftOutScreen)
        text = shown(app)
        assert "Cobra" in text and "17 Dec" in text and "it hurt on 3 Dec" in text
        assert "Forearm plank" in text and "until you say" in text
        ids = [a.id for a in app.screen.rows]
        await pilot.press(*["down"] * ids.index("cobra"), "enter")  # Enter does nothing
        await pilot.pause()
        assert "cobra" in [a.id for a in app.screen.rows]
        await pilot.press("b")  # bring the cobra back: asked first
        await pilot.pause()
        assert "Bring it back early only if that pain has settled" in shown(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, LeftOutScreen)
        ids = [a.id for a in app.screen.rows]
        assert "cobra" not in ids
        assert "superman" in ids  # left out with the cobra: it stays out until brought back
        await pilot.press("escape")
        await pilot.pause()
    day = SATURDAY.date()
    assert app.profile.state.brought_back == {"cobra": day}
    assert "cobra" not in app.profile.avoided(day)
    assert "# my note" in (data / "settings.toml").read_text()  # comments kept


async def test_sound_reminders_and_progression_are_set_in_the_app(
    tmp_path: Path, monkeypatch
) -> None:
    from textual.widgets import Input, SelectionList, Switch

    from backtimer.output import scheduler
    from backtimer.tui.screens.settings import SettingsScreen

    installed: list[object] = []
    monkeypatch.setattr(scheduler, "install", lambda plan, cron: installed.append(plan) or [])
    data = tmp_path / "data"
    data.mkdir()
    (data / "state.toml").write_text('safety_acknowledged = true\nscreening = "clear"\n')
    (data / "settings.toml").write_text('# mine\nvoice = "off"\ntones = false\n')
    app = make_app(clock=FakeClock(start=0.0, wall=SATURDAY), data_dir=data, cache_dir=tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#voice_speed", Input).value = "220"
        screen.query_one("#progression", Switch).value = False
        screen.query_one("#quiet_cues", SelectionList).select("breath")
        days = screen.query_one("#remind_days", SelectionList)
        days.deselect_all()
        days.select("tue")
        days.select("thu")
        screen.query_one("#remind_at", Input).value = "07:30"
        screen.query_one("#remind_paused_until", Input).value = "2026-12-24"
        # the two buttons, with what the form says now
        screen.query_one("#sound-test").press()
        await pilot.pause()
        assert "Playing through: bell" in str(screen.query_one("#sound-result").render())
        screen.query_one("#remind-install").press()
        await pilot.pause()
        result = str(screen.query_one("#remind-result").render())
        assert "Reminder installed" in result and "next: Tue 08 Dec 07:30" in result
        [plan] = installed
        await pilot.press("ctrl+s")
        await pilot.pause()
    s = app.profile.settings
    assert (s.voice_speed, s.progression, s.quiet_cues) == (220, False, ("breath",))
    assert s.remind_days == ("tue", "thu") and s.remind_at == "07:30"
    assert str(s.remind_paused_until) == "2026-12-24"
    text = (data / "settings.toml").read_text()
    assert text.startswith("# mine") and "voice_speed = 220" in text

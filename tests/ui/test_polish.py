"""What a person tripped over in a week of daily use."""

from __future__ import annotations

from backtimer.core.log import SessionEntry
from backtimer.core.stats import counts
from backtimer.store import journal
from backtimer.store.settings import load_settings
from backtimer.tui.dialogs.confirm import ConfirmScreen
from backtimer.tui.dialogs.help import HelpScreen
from backtimer.tui.dialogs.safety import SafetyScreen
from backtimer.tui.screens.history import HistoryScreen
from backtimer.tui.screens.home import HomeScreen
from backtimer.tui.screens.session import SessionScreen
from backtimer.tui.screens.summary import SummaryScreen
from tests.ui.conftest import advance, text
from tests.unit.journal_helpers import entry


async def test_help_is_reachable_from_the_summary_and_history(app_factory, clock) -> None:
    app = app_factory(pain_check=False, routine="quick")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await advance(pilot, app, clock, 20.0)
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("s")  # and from help, the stop signs
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("escape", "escape", "h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_escape_on_this_hurts_goes_back_paused(app_factory, clock) -> None:
    app = app_factory(pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await advance(pilot, app, clock, 8.0)
        await pilot.press("x")
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.paused and not app.screen.session.finished


def test_exactly_eighty_percent_counts() -> None:
    session = entry("2026-11-16T08:00:00+01:00", completed=False)
    at_80 = SessionEntry(
        **{
            **{f: getattr(session, f) for f in session.__dataclass_fields__},
            "planned_s": 731.0,
            "active_s": 584.8,
        }
    )
    assert counts(at_80)


async def test_change_direction_not_switch_sides(app_factory, clock) -> None:
    app = app_factory(pain_check=False, routine="desk")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        session = app.screen.session
        while session.state(clock.now()).segment != "switch":
            await advance(pilot, app, clock, 1.0)
        assert text(app, "segment") == "CHANGE DIRECTION"


async def test_a_theme_from_the_palette_is_kept(app_factory, tmp_path) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert load_settings(app.paths.settings).theme == "nord"


async def test_nothing_done_is_not_logged(app_factory, clock) -> None:
    app = app_factory(pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await advance(pilot, app, clock, 2.0)  # still getting ready
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert not app.paths.sessions.exists()


async def test_confirms_focus_the_safe_answer_and_ctrl_q_asks(app_factory, clock) -> None:
    app = app_factory(pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await advance(pilot, app, clock, 8.0)
        await pilot.press("q", "enter")  # Enter: "Keep going"
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and not app.screen.session.finished
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, SessionScreen)


async def test_an_empty_check_in_is_skipped_without_a_toast(app_factory) -> None:
    """Enter alone skips the check-in; no "Check-in skipped." toast is left over the
    session's header (issue 31)."""
    from backtimer.tui.screens.session import SessionScreen

    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert not any("skipped" in n.message for n in app._notifications)


def test_cli_wording_and_usage(capsys, tmp_path) -> None:
    from backtimer.cli import main

    assert main(["plan", "--standing", "--data-dir", str(tmp_path)]) == 2
    assert "--minutes" in capsys.readouterr().err
    try:
        main(["exercises", "--bogus"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "usage: backtimer exercises" in capsys.readouterr().err
    main(["exercises"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.split()[:5] == ["id", "name", "kind", "position", "dose"]
    path = tmp_path / "sessions.toml"
    journal.append(path, entry("2026-11-16T08:00:00+01:00"))
    main(["history", "--data-dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert "week(s)" not in out and "1 session," in out


async def test_home_footer_fits_80_columns(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Quit" in app.export_screenshot()  # not cut to "Q"


async def test_rests_show_what_comes_next(app_factory, clock) -> None:
    app = app_factory(pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await advance(pilot, app, clock, 16.0)  # the marching is over: a rest
        assert text(app, "segment") == "REST"
        assert text(app, "phase") == "Next: Child's pose"
        assert "kneeling" in str(app.screen.query_one("#position").content)


async def test_settings_focus_and_ask_before_discarding(app_factory) -> None:
    from textual.widgets import Input, Select

    from backtimer.tui.screens.settings import SettingsScreen

    app = app_factory()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("comma")
        assert isinstance(app.focused, Select)
        await pilot.press("escape")  # nothing changed: straight back
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("comma")
        app.screen.query_one("#rest_s", Input).value = "20"
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # "Stay" is focused
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#rest_s", Input).value == "20"


async def test_key_hints_follow_the_keymap(app_factory, clock) -> None:
    app = app_factory(pain_check=False, keymap={"session.pause": "p", "home.history": "y"})
    async with app.run_test(size=(100, 30)) as pilot:
        menu = str(app.screen.query_one("#menu").content)
        assert "y history" in menu and "h history" not in menu
        await pilot.press("enter")
        await advance(pilot, app, clock, 7.0)
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.session.paused
        assert "p to resume" in str(app.screen.query_one("#paused").content)


def test_history_names_routines_and_explains_its_marks() -> None:
    from datetime import date

    from backtimer.tui.screens.history import history_text

    sessions = [entry("2026-11-16T08:00:00+01:00")]
    text = history_text(sessions, date(2026, 11, 18), 3, {}, {"gentle": "Gentle daily"})
    assert "Gentle daily" in text and "■ a session" in text and "goal was met" in text


async def test_a_learn_card_after_each_session_in_turn(app_factory, clock) -> None:
    from backtimer.core.learn import CARDS
    from backtimer.tui.screens.home import HomeScreen
    from backtimer.tui.screens.learn import LearnScreen

    app = app_factory(pain_check=False, routine="quick")
    async with app.run_test(size=(80, 24)) as pilot:
        for n in range(2):
            await pilot.press("enter")
            await advance(pilot, app, clock, 20.0)
            await pilot.press("q", "y")
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            summary = str(app.screen.query_one("#summary-text").content)
            assert CARDS[n].title in summary and CARDS[n + 1].title not in summary
            await pilot.press("enter")
            await pilot.pause()
        assert app.profile.state.cards_seen == (CARDS[0].id, CARDS[1].id)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, LearnScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_no_card_when_learn_is_off(app_factory, clock) -> None:
    from backtimer.core.learn import CARDS

    app = app_factory(pain_check=False, routine="quick", learn=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await advance(pilot, app, clock, 20.0)
        await pilot.press("q", "y")
        await pilot.pause()
        summary = str(app.screen.query_one("#summary-text").content)
        assert not any(card.title in summary for card in CARDS)
    assert app.profile.state.cards_seen == ()


async def test_history_charts_show_the_weeks_and_the_pain(app_factory) -> None:
    from datetime import timedelta

    from textual.widgets import Sparkline

    from backtimer.store import journal
    from backtimer.tui.screens.history import WEEKS, history_charts

    app = app_factory(routine="quick")
    today = app.today()
    days = [today - timedelta(days=d) for d in (1, 2, 9, 16, 17, 18)]
    sessions = [
        entry(f"{d.isoformat()}T08:00:00+01:00", n=i, pain=(5, 6 - i)) for i, d in enumerate(days)
    ]
    journal.append_many(app.paths.sessions, sessions)
    charts = history_charts(sessions, today, 3)
    assert len(charts.sessions) == WEEKS and sum(charts.sessions) == 6
    assert charts.pain_after and charts.pain_after[-1] <= 6
    app = app_factory(routine="quick")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#sessions-chart", Sparkline).data == charts.sessions
        assert app.screen.query_one("#pain-chart", Sparkline).data == charts.pain_after
        label = str(app.screen.query_one("#pain-label").render())
        assert f"now {charts.pain_after[-1]:g}" in label


async def test_the_first_run_check_holds_level_3_moves_back_until_cleared(
    app_factory, tmp_path
) -> None:
    from backtimer.core import screening
    from backtimer.tui.dialogs.confirm import ConfirmScreen
    from backtimer.tui.screens.home import HomeScreen
    from backtimer.tui.screens.session import SessionScreen

    app_factory()  # makes the data folder
    (tmp_path / "data" / "state.toml").write_text("")  # a first run: not asked yet
    app = app_factory(routine="strength", pain_check=False)
    level3 = {e.id for e in app.profile.catalog.exercises.values() if e.level >= 3}
    assert level3 and not app.profile.avoided(app.today()).keys() & level3
    assert {s.exercise.id for s in app.choice.steps} & level3  # Strong back has one
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # Start: the check comes first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # not now: nothing recorded, back to Home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.profile.state.screening is None
        await pilot.press("enter")  # asked again
        assert isinstance(app.screen, ConfirmScreen)
        assert "pregnancy" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.profile.state.screening == screening.ASK_FIRST
        assert level3 <= app.profile.avoided(app.today()).keys()
        assert not {s.exercise.id for s in app.choice.steps} & level3  # swapped out
        assert not {s.exercise.id for s in app.screen.session.steps} & level3
        await pilot.press("q", "y")  # ended at once: nothing to log
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "check these moves first" in str(app.screen.query_one("#notes").render())
    # asked once: the next run goes straight on
    again = app_factory(routine="strength")
    assert again.profile.state.screening == screening.ASK_FIRST
    again.profile.remember(screening=screening.CLEARED)  # as the Settings switch does
    assert not again.profile.avoided(again.today()).keys() & level3

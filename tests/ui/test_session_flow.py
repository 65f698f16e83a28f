"""A person's whole session, from Home to the Summary, on a fake clock."""

from __future__ import annotations

from backtimer.store import journal
from backtimer.tui.dialogs.pain import PainScreen
from backtimer.tui.dialogs.safety import SafetyScreen
from backtimer.tui.screens.home import HomeScreen
from backtimer.tui.screens.session import SessionScreen
from backtimer.tui.screens.summary import SummaryScreen
from backtimer.tui.widgets.breath import BreathCue
from backtimer.tui.widgets.countdown import Countdown
from backtimer.tui.widgets.steps import StepList
from tests.ui.conftest import advance, plain, text


def shown(app) -> object:
    """Seconds left on the clock, or ("count", n) when the big number is a rep."""
    value = app.screen.query_one(Countdown).shown
    return value[1] if value is not None and value[0] == "clock" else value


async def start_session(pilot, pain_before: str = "") -> None:
    await pilot.press("enter")  # Home: start
    assert isinstance(pilot.app.screen, PainScreen)
    for key in pain_before:
        await pilot.press(key)
    await pilot.press("enter")  # answer, or skip with Enter alone
    assert isinstance(pilot.app.screen, SessionScreen)


async def test_whole_session_home_to_summary(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert "0 of 3 this week" in text(app, "week")
        assert "Test routine" in text(app, "routine")
        await start_session(pilot, pain_before="4")

        # warm-up: get ready, then a timed move
        assert text(app, "phase") == "Warm-up 1 / 1  ·  Marching in place"
        assert text(app, "segment") == "GET READY" and shown(app) == 5
        assert app.screen.has_class("-ready")
        await advance(pilot, app, clock, 5.5)
        assert text(app, "segment") == "KEEP GOING" and shown(app) == 10
        assert app.screen.has_class("-work")
        assert app.bells == 1  # the bell rings for go, a side switch and the end only
        await advance(pilot, app, clock, 9.5)  # warm-up ends at 15 s: rest before the main part
        assert text(app, "segment") == "REST" and app.screen.has_class("-rest")
        assert app.bells == 1  # no bell for each second of the countdown

        # a hold with a calm breath
        await advance(pilot, app, clock, 10 + 5 + 1)  # rest 10, get ready 5, 1 s into the hold
        assert text(app, "phase") == "Exercise 1 / 3  ·  Child's pose"
        assert text(app, "segment") == "HOLD" and shown(app) == 9
        assert app.screen.query_one(BreathCue).cue[0] == "inhale"
        assert "Up next: Bridge" in text(app, "next")
        await advance(pilot, app, clock, 9 + 10 + 5)  # hold ends, rest, get ready

        # paced reps: lift, hold, lower, with exhale on effort
        assert text(app, "phase") == "Exercise 2 / 3  ·  Bridge"
        await advance(pilot, app, clock, 1.0)
        assert text(app, "detail") == "REP 1 / 2" and text(app, "segment") == "LIFT"
        assert shown(app) == ("count", 1)  # the big number is the rep (a count, not a clock)
        assert app.screen.query_one(BreathCue).cue[0] == "exhale"
        assert app.screen.query_one(StepList).current == 1
        await advance(pilot, app, clock, 2.0)
        assert text(app, "detail") == "REP 1 / 2" and text(app, "segment") == "HOLD"
        await advance(pilot, app, clock, 3.0)
        assert text(app, "detail") == "REP 1 / 2" and text(app, "segment") == "LOWER"
        assert app.screen.query_one(BreathCue).cue[0] == "inhale"
        await advance(pilot, app, clock, 2.0)
        assert text(app, "detail") == "REP 2 / 2" and text(app, "segment") == "LIFT"
        await advance(pilot, app, clock, 6.0 + 10 + 5 + 1)  # reps end, rest, get ready

        # a side switch
        assert text(app, "phase") == "Exercise 3 / 3  ·  Knee-to-chest"
        assert text(app, "detail") == "left side"
        await advance(pilot, app, clock, 4.5)
        assert text(app, "segment") == "SWITCH SIDES" and text(app, "detail") == "now: right side"
        await advance(pilot, app, clock, 4.0)
        assert text(app, "detail") == "right side" and text(app, "segment") == "HOLD"
        await advance(pilot, app, clock, 5.0)

        # the end: effort after the strength move (the bridge), pain check-in, summary
        from backtimer.tui.dialogs.effort import EffortScreen

        assert isinstance(app.screen, EffortScreen)
        await pilot.press("y")
        assert isinstance(app.screen, PainScreen)
        await pilot.press("2", "enter")
        assert isinstance(app.screen, SummaryScreen)
        summary = str(app.screen.query_one("#summary-text").content)
        assert "Session complete." in summary
        assert summary.count("✓ done") == 4
        assert "1 of 3 this week" in summary
        assert "Back pain: 4 before, 2 after" in summary
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        assert "1 of 3 this week" in text(app, "week")

    [saved] = journal.load(app.paths.sessions).sessions
    assert saved.completed and saved.routine == "test"
    assert (saved.pain_before, saved.pain_after) == (4, 2)
    assert saved.active_s == saved.planned_s
    assert [e.status for e in saved.exercises] == ["done"] * 4


async def test_safety_screen_before_first_session(app_factory, clock) -> None:
    app = app_factory(safety_acknowledged=False)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, SafetyScreen)
        assert "numbness" in str(app.screen.query_one(".dialog").query("Static")[1].content)
        await pilot.press("escape")  # not now
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("enter")  # acknowledged, once
        assert isinstance(app.screen, PainScreen)
    from backtimer.store.state import load_state

    # remembered in the state file; the settings file is not written for it
    assert load_state(app.paths.state).safety_acknowledged
    assert not app.paths.settings.exists()


async def test_pause_stops_the_countdown(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await start_session(pilot)
        await advance(pilot, app, clock, 7.0)  # 2 s into marching
        assert shown(app) == 8
        await pilot.press("space")
        assert app.screen.has_class("-paused")
        assert app.screen.query_one("#paused").display
        await advance(pilot, app, clock, 60.0)
        assert shown(app) == 8 and text(app, "segment") == "PAUSED"  # in large letters
        await pilot.press("space")
        assert not app.screen.has_class("-paused")
        await advance(pilot, app, clock, 1.0)
        assert shown(app) == 7 and text(app, "segment") == "KEEP GOING"


async def test_next_back_and_extend(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await start_session(pilot)
        await pilot.press("n")  # skip the warm-up
        assert text(app, "phase").endswith("Child's pose")
        await advance(pilot, app, clock, 7.0)  # 2 s into the hold
        await pilot.press("plus")
        assert shown(app) == 18
        await pilot.press("b")  # restart this exercise
        assert text(app, "segment") == "GET READY" and text(app, "phase").endswith("Child's pose")
        await pilot.press("b")  # at its start: the previous one
        assert text(app, "phase").endswith("Marching in place")
        await pilot.press("n", "n")
        assert text(app, "phase").endswith("Bridge")
        await pilot.press("plus")  # reps cannot be extended: a notice, nothing else
        assert text(app, "segment") == "GET READY"


async def test_this_hurts_stops_and_shows_advice(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await start_session(pilot)
        await pilot.press("n")
        await advance(pilot, app, clock, 8.0)
        await pilot.press("x")
        assert isinstance(app.screen, SafetyScreen)
        await advance(pilot, app, clock, 30.0)  # reading the advice: time does not run
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        assert text(app, "phase").endswith("Bridge") and shown(app) == 5
        await pilot.press("q")
        await pilot.press("y")
        assert isinstance(app.screen, PainScreen)
        await pilot.press("enter")
        summary = str(app.screen.query_one("#summary-text").content)
        assert "✗ stopped: pain" in summary and "Session ended early." in summary
    [saved] = journal.load(app.paths.sessions).sessions
    assert [e.status for e in saved.exercises] == [
        "skipped",
        "stopped_for_pain",
        "skipped",
        "skipped",
    ]


async def test_end_early_asks_first(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await start_session(pilot)
        await advance(pilot, app, clock, 9.0)
        await pilot.press("q")
        await advance(pilot, app, clock, 20.0)  # the question pauses the session
        await pilot.press("n")  # keep going
        assert isinstance(app.screen, SessionScreen) and shown(app) == 6
        await pilot.press("escape", "y")
        assert isinstance(app.screen, PainScreen)
        await pilot.press("enter")
        assert "Session ended early." in str(app.screen.query_one("#summary-text").content)
    [saved] = journal.load(app.paths.sessions).sessions
    assert not saved.completed and saved.exercises[0].status == "partial"


async def test_quitting_mid_session_still_records_it(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await start_session(pilot)
        await advance(pilot, app, clock, 9.0)
        app.save_unfinished()  # what SIGHUP, SIGTERM and ctrl+q do
    [saved] = journal.load(app.paths.sessions).sessions
    assert not saved.completed and saved.active_s == 9.0


async def test_resize_mid_session_keeps_the_session(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        await advance(pilot, app, clock, 7.0)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert app.screen.has_class("-compact")
        assert not app.screen.query_one("#info").display
        await pilot.resize_terminal(120, 40)
        await advance(pilot, app, clock, 1.0)
        assert not app.screen.has_class("-compact") and shown(app) == 7


async def test_library_and_history_and_help_open(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.press("l")
        detail = plain(app.screen.query_one("#detail").content)
        assert "Marching in place" in detail and "Targets" in detail
        await pilot.press("down")
        assert "Arm circles" in plain(app.screen.query_one("#detail").content)
        await pilot.press("escape", "h")
        assert "Streak" in str(app.screen.query_one("#history-text").content)
        await pilot.press("escape", "question_mark")
        assert "pause / resume" in plain(app.screen.query_one("#keys").content)


async def test_no_pain_check_when_turned_off(app_factory, clock) -> None:
    app = app_factory(pain_check=False)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        await advance(pilot, app, clock, 9.0)
        await pilot.press("q", "y")
        assert "Session ended early." in str(app.screen.query_one("#summary-text").content)

"""Coaching in the app: a sore day offers an easy day; moves that hurt stay out."""

from __future__ import annotations

from datetime import timedelta

from backtimer.core.log import ExerciseEntry
from backtimer.store import journal
from backtimer.tui.dialogs.confirm import ConfirmScreen
from backtimer.tui.dialogs.pain import PainScreen
from backtimer.tui.screens.home import HomeScreen
from backtimer.tui.screens.session import SessionScreen
from tests.ui.conftest import text
from tests.unit.journal_helpers import entry


async def answer_pain(pilot, rating: str) -> None:
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, PainScreen)
    await pilot.press(*rating, "enter")


async def test_a_sore_day_offers_an_easy_day(app_factory) -> None:
    app = app_factory(routine="strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_pain(pilot, "7")
        assert isinstance(app.screen, ConfirmScreen)
        assert "at 7 today" in app.screen.question and "Easy day" in app.screen.question
        await pilot.press("enter")  # the safe answer is focused: the easy day
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        steps = app.screen.session.steps
        assert all(s.exercise.level == 1 for s in steps)
        assert not any(
            s.exercise.kind == "strength" and {"extension", "rotation"} & set(s.exercise.direction)
            for s in steps
        )


async def test_going_on_as_planned_is_a_choice(app_factory) -> None:
    app = app_factory(routine="strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_pain(pilot, "7")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert "bird-dog" in [s.exercise.id for s in app.screen.session.steps]


async def test_a_usual_rating_offers_nothing(app_factory, tmp_path) -> None:
    for day in range(3):
        journal.append(
            tmp_path / "data" / "sessions.toml",
            entry(f"2026-11-1{day}T08:00:00+01:00", pain=(4, 3), n=day),
        )
    app = app_factory(routine="quick")
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_pain(pilot, "5")  # usual is 4: one up is not a sore day
        assert isinstance(app.screen, SessionScreen)


async def test_a_move_that_hurt_is_left_out_of_a_named_routine(app_factory, clock) -> None:
    hurt = entry("2026-11-14T08:00:00+01:00")
    hurt = type(hurt)(
        **{
            **{f: getattr(hurt, f) for f in hurt.__dataclass_fields__},
            "exercises": (ExerciseEntry("cat-cow", "stopped_for_pain", 20.0),),
        }
    )
    app0 = app_factory()
    journal.append(app0.paths.sessions, hurt)
    app = app_factory(routine="gentle")
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        notes = text(app, "notes")
        assert "Cat-cow is" in notes and "until 28 Nov: it hurt on 14 Nov" in notes
        assert "cat-cow" not in [s.exercise.id for s in app.choice.steps]
        await pilot.press("i")
        await pilot.pause()
        assert "cat-cow" in [s.exercise.id for s in app.choice.steps]
    assert clock.wall().date() - hurt.started_at.date() == timedelta(days=2)


async def test_severe_pain_shows_the_triage_before_any_exercise(app_factory) -> None:
    app = app_factory(routine="strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_pain(pilot, "9")
        assert isinstance(app.screen, ConfirmScreen)
        question = app.screen.question
        assert "severe pain" in question and "See a doctor today" in question
        assert "emergency" in question and "both legs" in question
        await pilot.press("enter")  # the safe answer is focused: not today
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await answer_pain(pilot, "8")
        await pilot.press("y")  # an easy day after all
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.steps and all(
            s.dose == s.exercise.limits.bottom(s.exercise.dose) for s in app.screen.session.steps
        )


async def test_home_offers_an_easy_day_any_day(app_factory) -> None:
    app = app_factory(routine="strength", pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert app.choice.key.startswith("easy-") and app.choice.minutes == 5
        assert "Easy day" in text(app, "routine")


async def test_strength_work_asks_about_effort_and_a_no_is_logged(app_factory, clock) -> None:
    from backtimer.tui.dialogs.effort import EffortScreen
    from tests.ui.conftest import advance

    app = app_factory(routine="strength", pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await advance(pilot, app, clock, 1500.0, step=2.0)
        await pilot.pause()
        assert isinstance(app.screen, EffortScreen)
        assert "2 or 3 more" in str(app.screen.query_one(".question").content)
        await pilot.press("n")
        await pilot.pause()
    [saved] = journal.load(app.paths.sessions).sessions
    assert saved.could_do_more is False


async def test_home_follows_the_log_after_a_session(app_factory, clock) -> None:
    """A move stopped for pain is out of what Home offers at once, not after a restart."""
    app = app_factory(routine="gentle", pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "cat-cow" in [s.exercise.id for s in app.choice.steps]
        await pilot.press("enter")
        for _ in range(600):
            if isinstance(app.screen, SessionScreen):
                state = app.screen.session.state(clock.now())
                if state.step.exercise.id == "cat-cow" and state.segment == "work":
                    break
            await advance_one(pilot, app, clock)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("q")  # end the session
        await pilot.pause()
        for _ in range(6):
            await pilot.press("enter")
            await pilot.pause()
            if isinstance(app.screen, HomeScreen):
                break
        assert isinstance(app.screen, HomeScreen)
        assert "cat-cow" not in [s.exercise.id for s in app.choice.steps]


async def advance_one(pilot, app, clock) -> None:
    from tests.ui.conftest import advance

    await advance(pilot, app, clock, 1.0, step=1.0)


async def test_this_hurts_names_what_is_left_out_and_can_be_undone(app_factory, clock) -> None:
    from backtimer.tui.dialogs.safety import SafetyScreen

    app = app_factory(routine="gentle", pain_check=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        for _ in range(600):
            if isinstance(app.screen, SessionScreen):
                state = app.screen.session.state(clock.now())
                if state.step.exercise.id == "cat-cow" and state.segment == "work":
                    break
            await advance_one(pilot, app, clock)
        session = app.screen.session
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        header = str(app.screen.query_one(".warning").content)
        assert "Cat-cow stopped for pain" in header and "until" in header
        assert "Skipped in this session too:" in header and "Pelvic tilts" in header
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        i = [s.exercise.id for s in session.steps].index("cat-cow")
        assert session.status(i) != "stopped_for_pain" and not session.left_out()

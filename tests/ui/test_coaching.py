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
        await pilot.press("r")  # the routine screen follows the log too
        assert "out today until" in origin_of(app, "Cat-cow")


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


def origin_of(app, name: str) -> str:
    from textual.widgets import DataTable

    table = app.screen.query_one(DataTable)
    for i in range(table.row_count):
        row = table.get_row_at(i)
        if str(row[1]).split(" (")[0] == name:
            return str(row[4])
    raise AssertionError(f"{name} is not on the routine screen")


def hurt_log(app_factory) -> None:
    hurt = entry("2026-11-14T08:00:00+01:00")
    fields = {f: getattr(hurt, f) for f in hurt.__dataclass_fields__}
    fields["exercises"] = (ExerciseEntry("marching", "stopped_for_pain", 20.0),)
    journal.append(app_factory().paths.sessions, type(hurt)(**fields))


async def test_save_as_keeps_the_moves_chosen_not_todays_swaps(app_factory) -> None:
    """Marching hurt: today it is left out, but a routine saved today keeps it, and no
    dose the person did not set on the routine screen is pinned."""
    from backtimer.store.routines import load_routines
    from tests.ui.test_routine_screen import type_text

    hurt_log(app_factory)
    app = app_factory(routine="gentle")
    async with app.run_test(size=(100, 30)) as pilot:
        assert "marching" not in [s.exercise.id for s in app.choice.steps]
        await pilot.press("r")
        assert "out today until" in origin_of(app, "Marching in place")
        assert "Marching in place (out today)" in [str(r[1]) for r in map(table_row(app), range(3))]
        await pilot.press("s")
        await type_text(pilot, "Mine")
        await pilot.press("enter")
        await pilot.pause()
    saved = load_routines(app.paths.routines, app.profile.builtin)["mine"]
    members = {item.id: item.changes() for _, item in saved.members()}
    gentle = app.profile.builtin.routines["gentle"]
    assert list(members) == [item.id for _, item in gentle.members()]
    assert members["marching"] == {} and members["cat-cow"] == {}
    assert members["childs-pose"] == {"hold_s": 45}  # the routine's own dose stays


async def test_save_as_asks_before_replacing_another_routine(app_factory) -> None:
    from backtimer.store.routines import load_routines
    from tests.ui.test_routine_screen import type_text

    app = app_factory(routine="gentle")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "s")
        await type_text(pilot, "Mine")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("o")
        await pilot.press("down", "down", "enter")  # Quick five
        await pilot.press("s")
        await type_text(pilot, "Mine")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Replace your saved routine 'Mine'" in app.screen.question
        await pilot.press("escape")
        await pilot.pause()
    saved = load_routines(app.paths.routines, app.profile.builtin)["mine"]
    assert [i.id for _, i in saved.members()][0] == "marching"
    assert "pelvic-tilts" in [i.id for _, i in saved.members()]
    assert len(list(saved.members())) == 9  # still Gentle daily's moves


async def test_an_added_move_shows_its_real_dose_and_its_level(app_factory) -> None:
    app = app_factory(routine="gentle")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("r", "a")
        options = app.screen.query_one("OptionList")
        labels = {
            options.get_option_at_index(i).id: str(options.get_option_at_index(i).prompt)
            for i in range(options.option_count)
        }
        assert "level 3: not unlocked yet" in labels["superman"]
        assert "not unlocked" not in labels["bridge"]
        ids = list(labels)
        options.highlighted = ids.index("superman")
        await pilot.press("enter")
        assert "level 3: not unlocked yet" in origin_of(app, "Superman")
        assert "Superman (not unlocked)" in [str(r[1]) for r in map(table_row(app), range(10))]


def table_row(app):
    from textual.widgets import DataTable

    return app.screen.query_one(DataTable).get_row_at

"""Coaching that stays right in week twelve: a steady programme, levels earned by
practice, breaks, pain trends and flare-ups, on literal logs (issue 25)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from backtimer.core.dose import Dose
from backtimer.core.pain import HELD_RISING, Ratings, not_improving, trend
from backtimer.core.plan import choose_routine, easy_minutes, flare_unsafe, move_count, plan
from backtimer.core.plan_rules import is_calm_stretch
from backtimer.core.progression import progress, step
from backtimer.core.routine import Catalog
from backtimer.core.settings import SessionConfig
from backtimer.core.timeline import estimate_seconds
from tests.unit.coaching_helpers import START, choice_for, follow, session_of, weekdays

CONFIG = SessionConfig()


def mains(session) -> list[str]:
    return list(
        dict.fromkeys(
            r.id
            for r in session.exercises
            if not r.id.startswith(("marching", "arm-circles", "torso-twists", "neck-"))
        )
    )


def test_a_programme_changes_slowly_over_twelve_weeks(catalog: Catalog) -> None:
    """At most one new main move a session; a move stays at least 6 sessions and two
    weeks; unlocking level 2 brings its moves in one at a time."""
    log = follow(catalog, weekdays(START, 12))
    tenure: dict[str, list[date]] = {}
    for before, after in zip(log, log[1:], strict=False):
        new = set(mains(after)) - set(mains(before))
        assert len(new) <= 1, (after.started_at.date(), new)
        for move in set(mains(before)) - set(mains(after)):
            days = tenure[move]
            assert len(days) >= 6 and (days[-1] - days[0]).days >= 11, (move, days)
        for move in mains(after):
            if move in mains(before):
                tenure.setdefault(move, [before.started_at.date()]).append(after.started_at.date())
            else:
                tenure[move] = [after.started_at.date()]
    levels = [catalog.exercises[m].level for s in log for m in mains(s)]
    assert max(levels) >= 2  # harder moves did come in
    for before, after in zip(log, log[1:], strict=False):
        hard = {m for m in mains(after) if catalog.exercises[m].level >= 2}
        assert len(hard - set(mains(before))) <= 1


def test_counts_and_length_for_a_new_profile(catalog: Catalog) -> None:
    for minutes in (5, 10, 15, 20, 30, 45):
        steps, note = plan(catalog, minutes, day=START)
        main = list(dict.fromkeys(s.exercise.id for s in steps if s.phase == "main"))
        assert len(main) == move_count(minutes), (minutes, main)
        total = estimate_seconds(steps, CONFIG)
        assert abs(total - minutes * 60) <= 0.1 * minutes * 60 and note is None, minutes


def test_a_routine_keeps_its_length_as_doses_grow(catalog: Catalog) -> None:
    log = follow(catalog, weekdays(START, 12), routine="gentle")
    written = estimate_seconds(catalog.steps(catalog.routine("gentle")), CONFIG)
    choice = choice_for(catalog, log, START + timedelta(weeks=12), 0, routine="gentle")
    assert estimate_seconds(choice.steps, CONFIG) <= written * 1.1
    assert any("kept to the routine's" in o for o in choice.origins)


def test_levels_are_earned_by_practice_not_by_the_goal(catalog: Catalog) -> None:
    # one 10-minute session a week: level 2 after 6 such sessions, not after 2
    weekly = follow(catalog, weekdays(START, 8, (1,)), minutes=10)
    opened = [
        progress(weekly[: n + 1], weekly[n].started_at.date(), catalog.exercises, 1).level
        for n in range(len(weekly))
    ]
    assert opened[:5] == [1] * 5 and opened[5] == 2
    # the weekly goal plays no part
    day = weekly[-1].started_at.date()
    assert {progress(weekly, day, catalog.exercises, g).level for g in (1, 3, 5)} == {2}
    # only ever Quick five (level-1 moves): level 3 never opens
    quick = follow(catalog, weekdays(START, 16), routine="quick")
    assert progress(quick, START + timedelta(weeks=16), catalog.exercises, 3).level == 2


def test_a_stop_for_pain_or_a_pain_rise_starts_the_count_again(catalog: Catalog) -> None:
    days = weekdays(START, 3)
    hurt = follow(catalog, days[:5]) + follow(catalog, [days[5]], hurt={days[5]: "bridge"})
    assert progress(hurt, days[5], catalog.exercises).practice == 0
    risen = follow(catalog, days[:5]) + follow(catalog, [days[5]], pain=lambda d: (2, 5))
    assert progress(risen, days[5], catalog.exercises).practice == 0
    well = follow(catalog, days[:6])
    assert progress(well, days[5], catalog.exercises).practice == 6


def test_breaks(catalog: Catalog) -> None:
    steady = follow(catalog, weekdays(START, 10))
    last = steady[-1].started_at.date()
    before = progress(steady, last, catalog.exercises)
    assert before.level >= 2
    # three weeks off: one notch back, the count starts again, the top level closed
    back = last + timedelta(days=24)
    after = progress(steady, back, catalog.exercises)
    assert after.level == before.level - 1 and after.practice == 0
    assert after.reopens is not None and "reopens" in after.toward_next()
    bridge = catalog.exercises["bridge"]
    assert step(bridge, after.dose_of(bridge), +1) == before.dose_of(bridge) or (
        after.dose_of(bridge) != before.dose_of(bridge)
    )
    # a week back does not reopen it; two weeks and 4 sessions do
    resumed = follow(catalog, [back + timedelta(days=d) for d in (0, 2, 4)], log=steady)
    assert progress(resumed, back + timedelta(days=6), catalog.exercises).level < before.level
    resumed = follow(catalog, [back + timedelta(days=d) for d in (7, 9, 11, 14)], log=resumed)
    assert progress(resumed, back + timedelta(days=14), catalog.exercises).level == before.level
    # six months off: the bottom of every range, level 1, welcome back
    away = progress(steady, last + timedelta(days=183), catalog.exercises)
    assert away.level == 1 and away.doses == {} and away.welcome_back
    choice = choice_for(catalog, steady, last + timedelta(days=183), 15)
    assert choice.notes and choice.notes[0].startswith("Welcome back")


def test_hard_moves_only_where_they_belong(catalog: Catalog) -> None:
    for offset in range(120):
        day = START + timedelta(days=offset)
        for minutes in (5, 10, 20, 45):
            steps, _ = plan(catalog, minutes, day=day, max_level=3)
            hard = {s.exercise.id for s in steps if s.exercise.level == 3}
            assert len(hard) <= (0 if minutes < 10 else 1), (day, minutes, hard)
            assert "russian-twist" not in {s.exercise.id for s in steps}


def test_a_sore_neck_leaves_the_low_back_alone(catalog: Catalog) -> None:
    from backtimer.core.avoid import avoided_moves

    log = follow(catalog, [START], hurt={START: "neck-sway"})
    log = [
        replace(
            log[0],
            exercises=(
                *log[0].exercises,
                replace(log[0].exercises[0], id="neck-sway", status="stopped_for_pain"),
            ),
        )
    ]
    avoided = avoided_moves(log, START + timedelta(days=1), catalog.exercises)
    assert "neck-sway" in avoided and "standing-side-bend" not in avoided


def test_rising_pain_holds_every_step_up(catalog: Catalog) -> None:
    """Weekly average check-ins rising from 2 to 6 over six weeks: no dose steps up in
    the worst weeks, and `progress` says why."""

    def rising(day: date) -> tuple[int, int]:
        week = (day - START).days // 7
        return (2 + week * 4 // 5, 2 + week * 4 // 5)

    log = follow(catalog, weekdays(START, 6), pain=rising)
    ratings = Ratings.of(log)
    last = log[-1].started_at.date()
    assert trend(ratings, last).rising
    prog = progress(log, last, catalog.exercises)
    assert prog.pain_hold == HELD_RISING
    worst = [d for d in (s.started_at.date() for s in log) if trend(ratings, d).hold]
    assert worst
    for exercise_id, current in prog.doses.items():
        assert current.since is None or current.since < worst[0] or current.source != "up", (
            exercise_id,
            current,
        )
    choice = choice_for(catalog, log, last + timedelta(days=1), 15)
    assert any("held: your pain has been rising" in n for n in choice.notes)


def test_rising_pain_opens_no_level_and_fills_no_time_with_sets(catalog: Catalog) -> None:
    """Check-ins before each session rising from 2 to 7 (none after): the count toward
    the next level stops while the trend holds doses, and a long plan gives no move
    more than 2 sets, saying so (found by a physiotherapist's review)."""

    def rising(day: date) -> tuple[int, None]:
        return (min(7, 2 + (day - START).days // 7), None)

    steady = follow(catalog, weekdays(START, 8))
    sore = follow(catalog, weekdays(START, 8), pain=rising)
    day = START + timedelta(weeks=8)
    assert progress(steady, day, catalog.exercises).level == 3
    held = progress(sore, day, catalog.exercises)
    assert held.pain_hold is not None and held.level < 3
    choice = choice_for(catalog, sore, day, 45)
    assert max(s.sets for s in choice.steps) <= 2
    if estimate_seconds(choice.steps, CONFIG) < 0.9 * 45 * 60:
        assert any("so this plan stays gentle" in n for n in choice.notes)


def test_the_forward_fold_only_in_long_standing_plans(catalog: Catalog) -> None:
    log = follow(catalog, weekdays(START, 12))
    day = START + timedelta(weeks=12)
    for minutes in (5, 10, 15, 20, 30, 45):
        floor = choice_for(catalog, log, day, minutes)
        assert "standing-forward-fold" not in [s.exercise.id for s in floor.steps]


def test_not_improving_after_six_weeks(catalog: Catalog) -> None:
    flat = follow(catalog, weekdays(START, 7), pain=lambda d: (5, 5))
    assert not_improving(flat, START + timedelta(weeks=7))
    easing = follow(
        catalog, weekdays(START, 7), pain=lambda d: (max(1, 6 - (d - START).days // 7), 1)
    )
    assert not not_improving(easing, START + timedelta(weeks=7))
    assert not not_improving(flat[:6], START + timedelta(weeks=2))  # too soon to say


def test_the_easy_day_is_a_flare_up_plan(catalog: Catalog) -> None:
    log = follow(catalog, weekdays(START, 6), minutes=20)
    assert easy_minutes(log) == 10 and easy_minutes([]) == 5
    day = START + timedelta(weeks=6)
    prog = progress(log, day, catalog.exercises)
    from backtimer.core.plan import choose_plan

    normal = choose_plan(catalog, 20, day=day, progress=prog)
    easy = choose_plan(catalog, easy_minutes(log), day=day, progress=prog, easy=True)
    assert estimate_seconds(easy.steps, CONFIG) <= 0.6 * estimate_seconds(normal.steps, CONFIG)
    done = {r.id for s in log for r in s.exercises}
    for s in easy.steps:
        e = s.exercise
        assert s.dose == e.limits.bottom(e.dose), e.id  # every dose at its gentlest
        assert e.id in done, f"{e.id} is new on an easy day"
        assert not flare_unsafe(e) and e.position not in ("prone", "seated"), e.id
    assert any("walk" in n for n in easy.notes)


def test_substitutes_stay_in_place_level_and_safety(catalog: Catalog) -> None:
    from backtimer.core.avoid import Avoided

    hurt = {
        "cat-cow": Avoided("cat-cow", START, "it hurt"),
        "bird-dog": Avoided("bird-dog", START, "it hurt"),
    }
    for routine in ("strength", "desk", "gentle"):
        choice = choose_routine(catalog, routine, hurt, progress([], START, catalog.exercises))
        original = {s.exercise.id: s.exercise for s in catalog.steps(catalog.routine(routine))}
        for s in choice.steps:
            e = s.exercise
            assert e.in_plans and not (e.id not in original and flare_unsafe(e)), e.id
            assert e.id in original or e.level == 1, e.id
        places = [s.exercise.floor for s in choice.steps if s.phase == "main"]
        assert places == sorted(places), (routine, places)
    strong = choose_routine(catalog, "strength", {}, progress([], START, catalog.exercises))
    assert strong.notes and "not unlocked yet" in strong.notes[0]


def test_bird_dog_reaches_a_five_second_hold(catalog: Catalog) -> None:
    bird = catalog.exercises["bird-dog"]
    dose = bird.limits.bottom(bird.dose)
    seen = []
    while (dose := step(bird, dose, +1)) is not None:
        seen.append(dose)
    assert any((d.hold_s or 0) >= 5 for d in seen)
    assert step(catalog.exercises["bridge"], Dose(hold_s=3, reps=15), +1) == Dose(hold_s=5, reps=15)


_ = (session_of, is_calm_stretch)


def test_a_stop_for_pain_is_one_line_of_notes(catalog: Catalog) -> None:
    from backtimer.core.avoid import avoided_moves, summary

    log = follow(catalog, [START], hurt={START: "cat-cow"}, minutes=20)
    log = [
        replace(
            log[0],
            exercises=tuple(
                replace(r, status="stopped_for_pain") if r.id == "marching" else r
                for r in log[0].exercises
            ),
        )
    ]
    log[0] = replace(
        log[0],
        exercises=(
            *log[0].exercises,
            replace(log[0].exercises[0], id="cat-cow", status="stopped_for_pain"),
        ),
    )
    avoided = avoided_moves(log, START + timedelta(days=1), catalog.exercises)
    names = {e.id: e.name for e in catalog.exercises.values()}
    lines = summary(avoided, names)
    cat = [line for line in lines if line.startswith("Cat-cow")]
    assert len(cat) == 1 and "that bend the back the same way" in cat[0] and "19 Jan" in cat[0]
    assert len(" ".join(lines)) < 300

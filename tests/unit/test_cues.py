"""The voice's schedule on literal times: which words at which instant, never over itself."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from backtimer.core.cues import Cue, CueOptions, Cuer
from backtimer.core.engine import Session
from backtimer.core.routine import Catalog, Step
from backtimer.core.settings import SessionConfig

WALL = datetime(2026, 11, 16, 8, 0, tzinfo=timezone(timedelta(hours=1)))
CFG = SessionConfig(
    get_ready_s=5, rest_between_sets_s=15, rest_between_exercises_s=10, switch_s=4, long_gap_s=1e9
)


def run(steps: list[Step], until: float, options: CueOptions | None = None, pause_at=None):
    session = Session(steps, 0.0, WALL, CFG)
    cuer = Cuer(options or CueOptions(rep_every=1))
    said: list[Cue] = []
    t = 0.0
    while t <= until + 1e-9:
        if pause_at is not None and abs(t - pause_at) < 1e-9:
            session.pause(t)
        events = session.tick(t)
        said += cuer.cues(t, events, session.state(t))
        t = round(t + 0.1, 1)
    return said


def spoken(cues: list[Cue]) -> list[tuple[float, str]]:
    return [(round(c.at, 1), c.text) for c in cues if c.text]


def never_over_itself(cues: list[Cue]) -> None:
    talking = [c for c in cues if c.text]
    for a, b in zip(talking, talking[1:], strict=False):
        assert b.at >= a.at + a.seconds - 1e-9 or b.priority > a.priority, (a, b)


def test_a_hold(catalog: Catalog) -> None:
    step = Step.of(catalog.exercises["childs-pose"], hold_s=20)
    said = run([step], 26.0)
    text = spoken(said)
    assert text[0] == (0.0, "Child's pose. Hold twenty seconds.")
    assert (5.0, "Go.") in text
    assert (15.0, "Halfway.") in text
    counts = [t for t in text if t[1] in ("three.", "two.", "one.")]
    assert counts == [
        (2.0, "three."),
        (3.0, "two."),
        (4.0, "one."),  # the get-ready
        (22.0, "three."),
        (23.0, "two."),
        (24.0, "one."),
    ]  # the hold
    assert text[-1][1].startswith("Done. Well done.")
    sounds = [(round(c.at, 1), c.sound) for c in said if c.sound]
    assert (5.0, "go") in sounds and sounds[-1] == (25.0, "end")
    assert sounds[:3] == [(2.0, "tick"), (3.0, "tick"), (4.0, "tick")]
    never_over_itself(said)


def test_per_side_with_sets(catalog: Catalog) -> None:
    step = Step.of(catalog.exercises["knee-to-chest"], hold_s=5, sets=2)
    said = run([step, Step.of(catalog.exercises["childs-pose"])], 60.0)
    text = spoken(said)
    assert (10.0, "Switch sides: now your right.") in text  # 5 ready + 5 on the left
    assert (19.0, "Rest. Then set two.") in text
    assert any(t[1] == "Rest. Next: Child's pose." for t in text)
    never_over_itself(said)


def test_paced_breath_reps(catalog: Catalog) -> None:
    # bridge: 2 s lift (exhale), 3 s hold, 2 s lower (inhale); tempo words each turn
    step = Step.of(catalog.exercises["bridge"], reps=2)
    said = run([step], 19.0)
    text = spoken(said)
    assert text[0] == (0.0, "Bridge. Two reps.")
    assert (5.0, "one.") in text  # the rep number first, the tempo word when free
    tempo = [t for t in text if t[1] in ("lift.", "hold.", "lower.")]
    assert [w for _, w in tempo][:3] == ["hold.", "lower.", "lift."] or tempo[0][1] == "lift."
    assert (12.0, "two.") in text
    never_over_itself(said)


def test_nothing_is_said_while_paused(catalog: Catalog) -> None:
    step = Step.of(catalog.exercises["childs-pose"], hold_s=20)
    said = run([step], 40.0, pause_at=8.0)
    after = [c for c in said if c.at >= 8.0]
    assert [c.text for c in after] == ["Paused."]


def test_kinds_can_be_switched_off(catalog: Catalog) -> None:
    step = Step.of(catalog.exercises["childs-pose"], hold_s=20)
    said = run([step], 26.0, CueOptions(quiet=frozenset({"countdown", "halfway"})))
    assert not [c for c in said if c.kind in ("countdown", "halfway")]


def test_rep_numbers_every_few_reps(catalog: Catalog) -> None:
    step = Step.of(catalog.exercises["cat-cow"], reps=8)
    said = run([step], 70.0, CueOptions(rep_every=4))
    assert [c.text for c in said if c.kind == "rep"] == ["four.", "eight."]

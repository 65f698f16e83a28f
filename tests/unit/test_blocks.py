"""The fast block reader gives what tomllib gives, or steps aside."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.core.dose import Dose
from backtimer.core.log import ExerciseEntry, SessionEntry
from backtimer.store.blocks import read_block
from backtimer.store.journal import format_block

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
seconds = st.floats(0, 1e6, allow_nan=False, allow_infinity=False)
doses = st.none() | st.builds(
    Dose,
    hold_s=st.none() | st.integers(1, 300),
    reps=st.none() | st.integers(1, 50),
    sets=st.integers(1, 5),
)
exercises = st.builds(
    ExerciseEntry,
    id=names,
    status=st.sampled_from(["done", "partial", "skipped", "stopped_for_pain"]),
    active_s=seconds,
    sides=st.lists(st.sampled_from(["left", "right"]), max_size=2).map(tuple),
    dose=doses,
)


@st.composite
def sessions(draw) -> SessionEntry:
    start = draw(st.datetimes(datetime(2000, 1, 1), datetime(2090, 1, 1)))
    offset = timezone(timedelta(minutes=draw(st.integers(-14 * 60, 14 * 60))))
    start = start.replace(tzinfo=offset)
    return SessionEntry(
        id=draw(names),
        started_at=start,
        ended_at=start + timedelta(seconds=draw(seconds)),
        active_s=draw(seconds),
        paused_s=draw(seconds),
        routine=draw(names),
        planned_minutes=draw(st.floats(0, 100, allow_nan=False)),
        planned_s=draw(seconds),
        completed=draw(st.booleans()),
        pain_before=draw(st.none() | st.integers(0, 10)),
        pain_after=draw(st.none() | st.integers(0, 10)),
        exercises=tuple(draw(st.lists(exercises, max_size=4))),
    )


@settings(max_examples=300, deadline=None)
@given(sessions())
def test_reads_every_block_backtimer_writes_as_tomllib_does(entry: SessionEntry) -> None:
    block = format_block(entry)
    fast = read_block(block)
    assert fast is None or fast == tomllib.loads(block)
    if "\\" not in block:  # escapes are left to tomllib; everything else is read fast
        assert fast is not None


HAND_EDITS = [
    "active_s = 1_000.0",  # underscores
    "active_s = 1.0 # a comment",
    "routine = 'literal'",
    "started_at = 2026-06-01 08:00:00+01:00",  # a space for the T
    "started_at = 2026-06-01T08:00:00",  # local time
    'routine = "gentle"\nroutine = "again"',  # a key twice: tomllib's error
    "active_s = +1.0",
    "active_s = inf",
    "a.b = 1",
    'exercises = [\n  # a comment\n  { id = "x" },\n]',
    'exercises = [\n  { id = "x", },\n]',  # a trailing comma in a table
    'exercises = [\n  { id = "x" } junk,\n]',
]


def test_other_spellings_are_left_to_tomllib() -> None:
    for edit in HAND_EDITS:
        assert read_block(f"[[session]]\n{edit}\n") is None, edit


def test_same_values_as_tomllib_for_the_plain_shape() -> None:
    block = (
        '[[session]]\nid = "a"\nstarted_at = 2026-06-01T08:00:00Z\nn = -0\nf = 1e-05\n'
        'ok = true\nexercises = [\n  { id = "x", status = "done", active_s = 0, sides = ["left", '
        '"right"], dose = { hold_s = 30, sets = 2 } },\n'
        "]\n# end of session a\n"
    )
    assert read_block(block) == tomllib.loads(block)

"""Snapshots of the move's figure (issue 29) at 80x24 and 160x50, with a frozen fake
clock: the get-ready screen (the start pose), the bridge lifting and lowering (two
phases of a rep), the child's pose held, floor mode's third step and the library.
At 80x24 a move's figure shows while getting ready and in floor mode, not beside
the steps (from 100 columns); at 40x12 there is none."""

from __future__ import annotations

import pytest

from tests.ui.test_snapshots import _at

SIZES = [(80, 24), (160, 50)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_get_ready(snap_compare, app_factory, clock, size) -> None:
    # 52 s: getting ready for the bridge
    assert snap_compare(app_factory(), terminal_size=size, run_before=_at(clock, 52.0))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_rep_lifting(snap_compare, app_factory, clock, size) -> None:
    assert snap_compare(app_factory(), terminal_size=size, run_before=_at(clock, 56.5))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_rep_lowering(snap_compare, app_factory, clock, size) -> None:
    assert snap_compare(app_factory(), terminal_size=size, run_before=_at(clock, 61.0))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_hold(snap_compare, app_factory, clock, size) -> None:
    assert snap_compare(app_factory(), terminal_size=size, run_before=_at(clock, 33.0))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_floor_mode_with_the_figure(snap_compare, app_factory, clock, size) -> None:
    run = _at(clock, 61.0, ("f", "f"))
    assert snap_compare(app_factory(), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_library(snap_compare, app_factory, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("b", "i", "r", "d")  # search: bird-dog
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()

    assert snap_compare(app_factory(), terminal_size=size, run_before=run_before)


def test_no_figure_when_small(snap_compare, app_factory, clock) -> None:
    # 40x12 while getting ready: the countdown and the cue, no figure squeezed in
    assert snap_compare(app_factory(), terminal_size=(40, 12), run_before=_at(clock, 52.0))

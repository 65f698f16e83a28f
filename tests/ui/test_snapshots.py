"""Snapshots of the main screens at 80x24 with a frozen fake clock."""

from __future__ import annotations

from tests.ui.conftest import advance


def _at(clock, seconds: float, keys: tuple[str, ...] = ()):
    async def run_before(pilot) -> None:
        await pilot.press("enter", "enter")  # start, skip the check-in
        await advance(pilot, pilot.app, clock, seconds)
        if keys:
            await pilot.press(*keys)
        pilot.app.clear_notifications()  # toasts time out on the real clock: not in pictures
        await pilot.pause()

    return run_before


def test_home(snap_compare, app_factory) -> None:
    assert snap_compare(app_factory(), terminal_size=(80, 24))


def test_hold(snap_compare, app_factory, clock) -> None:
    # child's pose, 3 s into a 10 s hold, breathing in
    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=_at(clock, 33.0))


def test_paced_reps_with_breath(snap_compare, app_factory, clock) -> None:
    # bridge, rep 1, lowering on the in-breath
    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=_at(clock, 61.0))


def test_paused(snap_compare, app_factory, clock) -> None:
    assert snap_compare(
        app_factory(), terminal_size=(80, 24), run_before=_at(clock, 33.0, ("space",))
    )


def test_summary(snap_compare, app_factory, clock) -> None:
    async def run_before(pilot) -> None:
        await _at(clock, 7.0)(pilot)
        await pilot.press("n", "n")  # finish the warm-up and skip the hold
        await advance(pilot, pilot.app, clock, 200.0)
        await pilot.press("3", "enter")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=run_before)


def test_hold_small(snap_compare, app_factory, clock) -> None:
    # at 40x12 the countdown and the cue stay whole
    assert snap_compare(app_factory(), terminal_size=(40, 12), run_before=_at(clock, 33.0))


def test_hold_large(snap_compare, app_factory, clock) -> None:
    # at 160x50 the digits and the cue word grow to fill the left panel
    assert snap_compare(app_factory(), terminal_size=(160, 50), run_before=_at(clock, 33.0))


def test_floor_mode(snap_compare, app_factory, clock) -> None:
    # f: only the cue, the big number and what is next
    assert snap_compare(
        app_factory(), terminal_size=(120, 40), run_before=_at(clock, 61.0, ("f",))
    )

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


def _finished(clock):
    async def run_before(pilot) -> None:
        await _at(clock, 11.0)(pilot)
        await pilot.press("n", "n")  # finish the warm-up and skip the hold
        await advance(pilot, pilot.app, clock, 200.0)
        await pilot.press("y")  # could have done more of the bridge
        await pilot.press("3", "enter")
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


def test_summary(snap_compare, app_factory, clock) -> None:
    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=_finished(clock))


def test_hold_small(snap_compare, app_factory, clock) -> None:
    # at 40x12 the countdown and the cue stay whole
    assert snap_compare(app_factory(), terminal_size=(40, 12), run_before=_at(clock, 33.0))


def test_hold_large(snap_compare, app_factory, clock) -> None:
    # at 160x50 the digits and the cue word grow to fill the left panel
    assert snap_compare(app_factory(), terminal_size=(160, 50), run_before=_at(clock, 33.0))


def test_floor_mode(snap_compare, app_factory, clock) -> None:
    # f: only the cue, the big number and what is next
    assert snap_compare(app_factory(), terminal_size=(120, 40), run_before=_at(clock, 61.0, ("f",)))


# ---------------------------------------------------------------- every screen, two sizes

SMALL, NORMAL = (40, 12), (80, 24)


def _keys(*keys: str):
    async def run_before(pilot) -> None:
        await pilot.press(*keys)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


def _with_history(app_factory, tmp_path):
    from backtimer.store import journal
    from tests.unit.journal_helpers import entry

    path = tmp_path / "data" / "sessions.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    days = [
        "2026-10-05",
        "2026-10-07",
        "2026-10-09",
        "2026-10-20",
        "2026-11-02",
        "2026-11-04",
        "2026-11-06",
        "2026-11-13",
        "2026-11-16",
    ]
    journal.append_many(
        path,
        [entry(f"{d}T08:00:00+01:00", n=i, pain=(3, 2)) for i, d in enumerate(days)]
        + [entry("2026-11-11T08:00:00+01:00", completed=False, active_s=90, n=99)],
    )
    return app_factory()


def test_home_small(snap_compare, app_factory) -> None:
    assert snap_compare(app_factory(), terminal_size=SMALL)


def test_summary_small(snap_compare, app_factory, clock) -> None:
    assert snap_compare(app_factory(), terminal_size=SMALL, run_before=_finished(clock))


def test_history(snap_compare, app_factory, tmp_path) -> None:
    app = _with_history(app_factory, tmp_path)
    assert snap_compare(app, terminal_size=NORMAL, run_before=_keys("h"))


def test_history_small(snap_compare, app_factory, tmp_path) -> None:
    app = _with_history(app_factory, tmp_path)
    assert snap_compare(app, terminal_size=SMALL, run_before=_keys("h"))


def test_routine(snap_compare, app_factory) -> None:
    assert snap_compare(app_factory("gentle"), terminal_size=NORMAL, run_before=_keys("r"))


def test_routine_small(snap_compare, app_factory) -> None:
    assert snap_compare(app_factory("gentle"), terminal_size=SMALL, run_before=_keys("r"))


def test_settings(snap_compare, app_factory) -> None:
    assert snap_compare(app_factory(), terminal_size=NORMAL, run_before=_keys("comma"))


def test_settings_small(snap_compare, app_factory) -> None:
    assert snap_compare(app_factory(), terminal_size=SMALL, run_before=_keys("comma"))


def test_end_dialog_tiny(snap_compare, app_factory, clock) -> None:
    # 30x10: both answers whole and labelled
    assert snap_compare(app_factory(), terminal_size=(30, 10), run_before=_at(clock, 8.0, ("q",)))


def test_pain_dialog_tiny(snap_compare, app_factory) -> None:
    # 30x10: the question, the scale and a field to type in
    assert snap_compare(app_factory(), terminal_size=(30, 10), run_before=_keys("enter"))

"""A finished session that cannot be saved is never thrown away."""

from __future__ import annotations

import errno

from backtimer.store import journal, recovery
from backtimer.tui.dialogs.confirm import ConfirmScreen
from backtimer.tui.dialogs.save_failed import SaveFailedScreen
from backtimer.tui.screens.home import HomeScreen
from backtimer.tui.screens.summary import SummaryScreen
from tests.ui.conftest import advance
from tests.unit.journal_helpers import entry


def full_disk(path, entry) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


async def test_a_full_disk_offers_the_session_again(app_factory, clock, monkeypatch) -> None:
    app = app_factory(pain_check=False, routine="quick")
    journal.append(app.paths.sessions, entry("2026-11-10T08:00:00+01:00"))
    before = app.paths.sessions.read_bytes()
    app = app_factory(pain_check=False, routine="quick")
    disk = monkeypatch.context()
    disk.__enter__().setattr(journal, "append", full_disk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await advance(pilot, app, clock, 400.0, step=1.0)
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedScreen)
        assert "No space left on device" in app.screen.reason
        assert app.paths.sessions.read_bytes() == before
        [(kept_path, kept)] = recovery.kept(app.paths)
        await pilot.press("r")  # still full
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedScreen)
        disk.__exit__(None, None, None)
        await pilot.press("r")  # space again
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    saved = journal.load(app.paths.sessions).sessions
    assert [s.id for s in saved][-1] == kept.id and not kept_path.exists()


async def test_the_recovery_file_is_offered_at_the_next_start(
    app_factory, clock, monkeypatch
) -> None:
    app = app_factory(pain_check=False, routine="quick")
    with monkeypatch.context() as disk:
        disk.setattr(journal, "append", full_disk)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            await advance(pilot, app, clock, 30.0, step=1.0)
            app.save_unfinished()  # as on SIGTERM: nothing to ask
    assert app.save_error and "No space" in app.save_error and "kept in" in app.save_error
    assert not app.paths.sessions.exists()

    again = app_factory(pain_check=False, routine="quick")
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ConfirmScreen)
        assert "could not be saved last time" in again.screen.question
        await pilot.press("enter")  # "Add it" is focused
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)
    assert len(journal.load(again.paths.sessions).sessions) == 1
    assert recovery.kept(again.paths) == []

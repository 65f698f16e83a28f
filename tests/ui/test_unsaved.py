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


async def answer_effort(pilot, app) -> None:
    """Quick five ends on the bridge, a strength move: skip the effort question."""
    from backtimer.tui.dialogs.effort import EffortScreen

    await pilot.pause()
    assert isinstance(app.screen, EffortScreen)
    await pilot.press("s")
    await pilot.pause()


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
        await answer_effort(pilot, app)
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


async def test_with_the_whole_disk_full_the_session_waits_in_the_temp_folder(
    app_factory, clock, monkeypatch, tmp_path
) -> None:
    """The cache folder is on the full disk too: the recovery file goes to the
    system's temporary folder, and the next start finds it there."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "other-disk"))
    (tmp_path / "other-disk").mkdir()
    app = app_factory(pain_check=False, routine="quick")
    app.paths.cache_dir.mkdir(parents=True, exist_ok=True)
    (app.paths.cache_dir / "unsaved").write_text("")  # the cache folder cannot take it
    with monkeypatch.context() as disk:
        disk.setattr(journal, "append", full_disk)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            await advance(pilot, app, clock, 30.0, step=1.0)
            app.save_unfinished()
    assert app.save_error and "kept in" in app.save_error and "other-disk" in app.save_error
    [(kept_path, _)] = recovery.kept(app.paths)
    assert (tmp_path / "other-disk") in kept_path.parents
    assert kept_path.parent.stat().st_mode & 0o777 == 0o700

    again = app_factory(pain_check=False, routine="quick")
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
    assert len(journal.load(again.paths.sessions).sessions) == 1
    assert recovery.kept(again.paths) == [] and not kept_path.exists()


def test_a_temp_folder_made_by_someone_else_is_not_used(tmp_path, monkeypatch) -> None:
    import tempfile

    from backtimer.store.paths import resolve_paths

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    paths = resolve_paths(str(tmp_path / "data"), None, cache_dir=str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "unsaved").write_text("")
    planted = recovery.fallback(paths)
    planted.mkdir(parents=True)
    planted.chmod(0o777)  # open to every user: not ours to trust
    assert recovery.keep(paths, entry("2026-11-10T08:00:00+01:00")) is None
    assert recovery.kept(paths) == []


async def test_a_refused_append_is_a_failed_save_not_a_crash(
    app_factory, clock, monkeypatch
) -> None:
    """If the log refuses the block (it would not read back), the session is kept and
    offered again, as on a full disk."""
    from backtimer.store.errors import DataError

    def refuse(path, entry) -> None:
        raise DataError(f"{path}: refusing to append a session that would not read back")

    app = app_factory(pain_check=False, routine="quick")
    with monkeypatch.context() as log:
        log.setattr(journal, "append", refuse)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            await advance(pilot, app, clock, 400.0, step=1.0)
            await answer_effort(pilot, app)
            assert isinstance(app.screen, SaveFailedScreen)
            assert "would not read back" in app.screen.reason
    assert recovery.kept(app.paths)

"""Recording a session without Textual: saving, a failed save kept safe and offered
again, a session ended before anything was done, saving elsewhere, letting go."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from backtimer.clock import FakeClock
from backtimer.core.engine import Session
from backtimer.store import journal, recovery
from backtimer.store.profile import Profile, load_profile
from backtimer.store.recorder import NOTHING_DONE, Recorder


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return load_profile(tmp_path / "data", cache_dir=tmp_path / "cache")


def run(recorder: Recorder, clock: FakeClock, seconds: float) -> None:
    """Start Quick five and run it for ``seconds`` (the engine's own clock)."""
    choice = recorder.profile.routine("quick", clock.wall().date())
    config = recorder.profile.settings.session_config()
    session = Session(choice.steps, clock.now(), clock.wall(), config)
    recorder.begin(session, choice.key, pain_before=3)
    for _ in range(int(seconds)):
        session.tick(clock.advance(1.0))


def full_disk(path: Path, entry: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_finished_session_is_saved_once(profile: Profile) -> None:
    clock = FakeClock()
    recorder = Recorder(profile, clock)
    run(recorder, clock, 600)
    entry = recorder.save(pain_after=2)
    assert entry is not None and entry.pain_before == 3 and entry.pain_after == 2
    assert recorder.pending is None and recorder.error is None
    assert [s.id for s in journal.load(profile.paths.sessions).sessions] == [entry.id]
    assert recorder.save() is None  # nothing pending: nothing written twice
    assert len(journal.load(profile.paths.sessions).sessions) == 1


def test_a_session_with_nothing_done_is_not_logged(profile: Profile) -> None:
    clock = FakeClock()
    recorder = Recorder(profile, clock)
    run(recorder, clock, 0)
    assert recorder.save() is None and recorder.note == NOTHING_DONE
    assert not profile.paths.sessions.exists()


def test_a_failed_save_keeps_the_same_entry_and_a_retry_saves_it(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    recorder = Recorder(profile, clock)
    run(recorder, clock, 600)
    with monkeypatch.context() as disk:
        disk.setattr(journal, "append", full_disk)
        assert recorder.save(pain_after=2) is None
        assert recorder.error and "No space left on device" in recorder.error
        assert str(profile.paths.sessions) in recorder.error
        pending = recorder.pending
        assert pending is not None and pending.entry is not None and pending.kept is not None
        [(kept_path, kept)] = recorder.kept()
        assert kept == pending.entry and kept_path == pending.kept
        assert recorder.save() is None  # still full: one recovery file, not two
        assert len(recorder.kept()) == 1
    clock.advance(60)  # a retry later saves the very same entry
    entry = recorder.save()
    assert entry == kept and not kept_path.exists() and recorder.error is None


def test_an_unfinished_session_is_kept_for_the_next_start(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    recorder = Recorder(profile, clock)
    run(recorder, clock, 40)
    with monkeypatch.context() as disk:
        disk.setattr(journal, "append", full_disk)
        recorder.save_unfinished()  # as on SIGTERM
    assert recorder.error and "kept in" in recorder.error
    later = Recorder(profile, FakeClock())
    [(path, entry)] = later.kept()
    assert later.add_kept(path, entry) is None
    assert not path.exists() and journal.load(profile.paths.sessions).sessions == [entry]


def test_saved_elsewhere_or_let_go(
    profile: Profile, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clock = FakeClock()
    recorder = Recorder(profile, clock)
    run(recorder, clock, 600)
    monkeypatch.setattr(journal, "append", full_disk)
    recorder.save()
    assert recorder.save_to(str(tmp_path / "elsewhere.toml"))  # that disk is full too
    assert recorder.pending is not None
    recorder.discard()
    assert recorder.pending is None and recorder.error is None
    assert recovery.kept(profile.paths) == []

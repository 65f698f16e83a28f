from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from backtimer.clock import FakeClock
from backtimer.core.engine import Session
from backtimer.core.log import session_entry
from backtimer.store.errors import DataError
from backtimer.store.journal import append, load
from tests.unit.journal_helpers import entry

ROOT = Path(__file__).resolve().parents[2]


def test_missing_log_is_empty(tmp_path: Path) -> None:
    log = load(tmp_path / "sessions.toml")
    assert log.sessions == [] and log.torn == []


def test_append_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "data" / "sessions.toml"
    first = entry("2026-11-16T08:00:00+01:00", pain=(4, 2))
    second = entry("2026-11-17T19:30:00+01:00", completed=False, active_s=100)
    append(path, first)
    append(path, second)
    log = load(path)
    assert log.sessions == [first, second]
    text = path.read_text()
    assert text.startswith("# backtimer session log")
    assert text.count("schema = 2") == 1
    assert "started_at = 2026-11-16T08:00:00+01:00" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_append_never_rewrites(tmp_path: Path) -> None:
    path = tmp_path / "sessions.toml"
    append(path, entry("2026-11-16T08:00:00+01:00"))
    before = path.read_bytes()
    append(path, entry("2026-11-18T08:00:00+01:00"))
    assert path.read_bytes().startswith(before)


def test_engine_record_round_trip(tmp_path: Path, catalog) -> None:
    clock = FakeClock(start=0.0)
    steps = catalog.steps(catalog.routines["quick"])
    session = Session(steps, clock.now(), clock.wall())
    clock.advance(100)
    session.tick(4.0)
    session.tick(8.0)
    session.end(8.0)  # ended early, by q
    record = session.record(8.0)
    path = tmp_path / "sessions.toml"
    append(path, session_entry(record, "quick", token="abc123", pain_before=3))
    [saved] = load(path).sessions
    assert saved.completed is False
    assert saved.routine == "quick" and saved.pain_before == 3
    assert saved.started_at == clock.wall().replace(microsecond=0) - timedelta(seconds=100)
    assert [e.status for e in saved.exercises] == [
        "partial",
        "skipped",
        "skipped",
        "skipped",
        "skipped",
    ]


def test_corrupt_block_is_reported_and_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "sessions.toml"
    for day in (16, 17, 18):
        append(path, entry(f"2026-11-{day}T08:00:00+01:00"))
    text = path.read_text()
    broken = text.replace("active_s = 720.0", "active_s = seven hundred", 1)
    path.write_text(broken)
    before = path.read_bytes()
    with pytest.raises(DataError) as info:
        load(path)
    line = broken.splitlines().index(next(x for x in broken.splitlines() if "seven" in x)) + 1
    assert f"line {line}" in str(info.value)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


def test_a_last_block_broken_by_hand_is_reported_not_skipped(tmp_path: Path) -> None:
    """A block with its end line was written whole: a retyped header is a hand edit to
    report, not a crash to skip (it was dropped without a word)."""
    path = tmp_path / "sessions.toml"
    for n, day in enumerate((16, 17)):
        append(path, entry(f"2026-11-{day}T08:00:00+01:00", n=n))
    text = path.read_text()
    at = text.rindex("[[session]]")
    path.write_text(text[:at] + "[[sesion]]" + text[at + len("[[session]]") :])
    before = path.read_bytes()
    with pytest.raises(DataError) as info:
        load(path)
    line = text[:at].count("\n") + 1
    assert f"line {line}" in str(info.value) and "not part of it" in str(info.value)
    assert path.read_bytes() == before


def test_invalid_value_names_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "sessions.toml"
    append(path, entry("2026-11-16T08:00:00+01:00"))
    append(path, entry("2026-11-17T08:00:00+01:00"))
    text = (
        path.read_text()
        .replace("pain_before", "pain")
        .replace("completed = true", 'completed = "maybe"', 2)
    )
    path.write_text(text)
    with pytest.raises(DataError) as info:
        load(path)
    msg = str(info.value)
    line = text.splitlines().index('completed = "maybe"') + 1
    assert f"line {line}" in msg and "completed" in msg and "not changed" in msg


def test_bad_exercise_row_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "sessions.toml"
    append(path, entry("2026-11-16T08:00:00+01:00"))
    text = path.read_text().replace('status = "partial"', 'status = "meh"')
    path.write_text(text)
    with pytest.raises(DataError) as info:
        load(path)
    line = next(i for i, x in enumerate(text.splitlines(), 1) if '"meh"' in x)
    assert f"line {line}" in str(info.value) and "exercise #2" in str(info.value)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sessions.toml"
    path.write_text("schema = 9\n")
    with pytest.raises(DataError, match="newer backtimer"):
        load(path)


def test_torn_last_block_at_every_byte(tmp_path: Path) -> None:
    """A crash can stop the write after any byte: earlier sessions always survive."""
    path = tmp_path / "sessions.toml"
    append(path, entry("2026-11-16T08:00:00+01:00", n=1))
    append(path, entry("2026-11-17T08:00:00+01:00", n=2))
    whole = path.read_bytes()
    append(path, entry("2026-11-18T08:00:00+01:00", n=3))
    full = path.read_bytes()
    torn = tmp_path / "torn.toml"
    for cut in range(len(whole), len(full)):
        torn.write_bytes(full[:cut])
        log = load(torn)
        assert [s.id[-1] for s in log.sessions][:2] == ["1", "2"], cut
        if len(log.sessions) == 2 and cut > len(whole) + 2:
            assert log.torn and log.torn_message() is not None
            assert "delete those lines" in log.torn_message()
        assert torn.read_bytes() == full[:cut]


def test_append_after_torn_block_keeps_both(tmp_path: Path) -> None:
    path = tmp_path / "sessions.toml"
    append(path, entry("2026-11-16T08:00:00+01:00", n=1))
    full = path.read_bytes()
    append(path, entry("2026-11-17T08:00:00+01:00", n=2))
    path.write_bytes(path.read_bytes()[: len(full) + 60])  # power cut mid-block
    append(path, entry("2026-11-18T08:00:00+01:00", n=3))
    log = load(path)
    assert [s.id[-1] for s in log.sessions] == ["1", "3"]
    assert len(log.torn) == 1


WRITER = """
import sys
from datetime import datetime, timedelta, timezone
sys.path.insert(0, {root!r})
from pathlib import Path
from backtimer.store.journal import append
import backtimer.store.lock as lock
from tests.unit.journal_helpers import entry
if sys.argv[4:] == ["msvcrt"]:
    from tests.unit import msvcrt_shim
    msvcrt_shim.install()
path = Path(sys.argv[1])
tag = int(sys.argv[2])
count = int(sys.argv[3])
start = datetime(2026, 1, 5, 8, tzinfo=timezone.utc)
print("ready", flush=True)
for n in range(count):
    append(path, entry(start + timedelta(days=n), n=tag * 100000 + n))
print("done", flush=True)
"""


def _writer(tmp_path: Path) -> Path:
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT)))
    return script


@pytest.mark.parametrize("backend", ["flock", "msvcrt"])
def test_two_processes_appending_lose_nothing(tmp_path: Path, backend: str) -> None:
    """Both lock backends (msvcrt is what Windows uses, here through a shim) keep
    writers apart."""
    path = tmp_path / "sessions.toml"
    script = _writer(tmp_path)
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), str(tag), "60", backend], cwd=ROOT
        )
        for tag in (1, 2)
    ]
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    log = load(path)
    assert len(log.sessions) == 120 and not log.torn
    assert len({s.id for s in log.sessions}) == 120
    assert path.read_text().count("schema = 2") == 1


def test_sigkill_mid_append_never_loses_earlier_sessions(tmp_path: Path) -> None:
    """Kill a writer hard at varying moments; every session before the kill survives."""
    path = tmp_path / "sessions.toml"
    script = _writer(tmp_path)
    before: list[str] = []
    for round_no in range(20):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(path), str(round_no + 1), "60"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        time.sleep(0.0007 * (round_no % 10))  # somewhere in the middle of writing
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        log = load(path)  # every earlier session still parses
        ids = [s.id for s in log.sessions]
        assert ids[: len(before)] == before
        assert len(ids) == len(set(ids))
        before = ids
    assert before, "the writers never got to write"

"""Export, import and merge: the log anywhere, and never rewritten."""

from __future__ import annotations

import csv
import errno
import io
import json
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.core.dose import Dose
from backtimer.core.log import ExerciseEntry
from backtimer.store import journal, logbook
from backtimer.store.exchange import CSV_COLUMNS, HABIT_COLUMNS
from tests.unit.journal_helpers import entry

TODAY = date(2026, 11, 21)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv), today=TODAY)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def folder(tmp_path: Path, name: str, days: list[int], tz: int = 1) -> Path:
    data = tmp_path / name
    zone = timezone(timedelta(hours=tz))
    for n in days:
        s = entry(datetime(2026, 11, 1, 8, tzinfo=zone) + timedelta(days=n), n=n, pain=(4, 2))
        row = ExerciseEntry("bridge", "done", 60.0, (), Dose(hold_s=3, reps=10))
        journal.append(data / "sessions.toml", replace(s, exercises=(*s.exercises, row)))
    return data


def test_json_round_trip_gives_the_same_history(tmp_path: Path, capsys) -> None:
    src = folder(tmp_path, "a", [0, 2, 5, 9, 16])
    code, exported, _ = run(capsys, "export", "--data-dir", str(src))
    assert code == 0 and json.loads(exported)["format"] == "backtimer-sessions"
    (tmp_path / "export.json").write_text(exported)
    dst = tmp_path / "b"
    code, out, _ = run(capsys, "import", str(tmp_path / "export.json"), "--data-dir", str(dst))
    assert code == 0 and out.startswith("5 added, 0 already there")
    _, original, _ = run(capsys, "history", "--json", "--weeks", "6", "--data-dir", str(src))
    _, copied, _ = run(capsys, "history", "--json", "--weeks", "6", "--data-dir", str(dst))
    assert json.loads(original) == json.loads(copied)


def test_merge_gives_the_union_and_again_changes_nothing(tmp_path: Path, capsys) -> None:
    laptop = folder(tmp_path, "laptop", [0, 1, 2, 3])
    desktop = folder(tmp_path, "desktop", [2, 3, 4, 5], tz=9)  # Tokyo, a shared pair
    # the shared sessions are the same ones (same id, same content) only if copied:
    shared = journal.load(laptop / "sessions.toml").sessions[2:]
    mine = journal.load(desktop / "sessions.toml").sessions[2:]
    (desktop / "sessions.toml").unlink()
    journal.append_many(desktop / "sessions.toml", [*shared, *mine])
    code, out, _ = run(capsys, "merge", str(desktop), "--data-dir", str(laptop))
    assert code == 0 and out.startswith("2 merged, 2 already there")
    ids = [s.id for s in logbook.read_folder(laptop).sessions]
    assert len(ids) == len(set(ids)) == 6
    before = {p.name: p.read_bytes() for p in laptop.iterdir() if p.suffix == ".toml"}
    code, out, _ = run(capsys, "merge", str(desktop), "--data-dir", str(laptop))
    assert out.startswith("0 merged, 4 already there")
    assert {p.name: p.read_bytes() for p in laptop.iterdir() if p.suffix == ".toml"} == before


def test_a_conflict_is_left_out_and_the_log_untouched(tmp_path: Path, capsys) -> None:
    mine = folder(tmp_path, "mine", [0, 1])
    other = tmp_path / "other.toml"
    [first, second] = journal.load(mine / "sessions.toml").sessions
    journal.append(other, replace(first, routine="changed"))
    before = (mine / "sessions.toml").read_bytes()
    code, out, _ = run(capsys, "import", str(other), "--data-dir", str(mine))
    assert code == 1 and "1 in conflict" in out and repr(first.id) in out
    assert (mine / "sessions.toml").read_bytes() == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "other"}', "not a backtimer export"),
        (
            '{"format": "backtimer-sessions", "version": 1, "sessions": [{"id": "x"}]}',
            "$.sessions[0]",
        ),
        ('{"format": "backtimer-sessions", "version": 9, "sessions": []}', "newer"),
    ],
)
def test_bad_files_leave_the_log_byte_identical(tmp_path: Path, capsys, text, expected) -> None:
    mine = folder(tmp_path, "mine", [0])
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    before = (mine / "sessions.toml").read_bytes()
    code, _, err = run(capsys, "import", str(bad), "--data-dir", str(mine))
    assert code == 1 and str(bad) in err and expected in err and "Traceback" not in err
    assert (mine / "sessions.toml").read_bytes() == before


def test_a_full_disk_leaves_the_log_byte_identical(tmp_path: Path, capsys, monkeypatch) -> None:
    src = folder(tmp_path, "src", [0, 1, 2])
    mine = folder(tmp_path, "mine", [10])
    before = (mine / "sessions.toml").read_bytes()
    real = journal.os.write

    def full(fd, data):
        real(fd, data[:100])
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(journal.os, "write", full)
        code, _, err = run(capsys, "merge", str(src), "--data-dir", str(mine))
    assert code == 1 and "No space" in err
    assert (mine / "sessions.toml").read_bytes() == before


def test_dry_run_writes_nothing(tmp_path: Path, capsys) -> None:
    src = folder(tmp_path, "src", [0, 1])
    mine = tmp_path / "mine"
    code, out, _ = run(capsys, "merge", str(src), "--dry-run", "--data-dir", str(mine))
    assert code == 0 and "2 would be merged" in out and not (mine / "sessions.toml").exists()


def test_csv_and_habits_csv(tmp_path: Path, capsys) -> None:
    src = folder(tmp_path, "src", [0, 1])
    _, out, _ = run(capsys, "export", "--format", "csv", "--data-dir", str(src))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 2
    assert rows[0]["date"] == "2026-11-01" and rows[0]["pain_before"] == "4"
    assert "Bridge" in rows[0]["moves_done"] and rows[0]["completed"] == "yes"
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for column in CSV_COLUMNS:
        assert f"`{column}`" in readme
    _, out, _ = run(capsys, "export", "--format", "habits-csv", "--data-dir", str(src))
    habit = list(csv.reader(io.StringIO(out)))
    assert tuple(habit[0]) == HABIT_COLUMNS and habit[1][3] == "2026-11-01"


def test_ics_parses(tmp_path: Path, capsys) -> None:
    icalendar = pytest.importorskip("icalendar", reason="the test extra has icalendar")
    src = folder(tmp_path, "src", [0, 1, 2])
    _, out, _ = run(capsys, "export", "--format", "ics", "--data-dir", str(src))
    assert all(len(line.encode()) <= 75 for line in out.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(out)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 3
    assert {str(e["UID"]).split("@")[0] for e in events} == {
        s.id for s in journal.load(src / "sessions.toml").sessions
    }
    assert events[0].decoded("DTSTART") == datetime(2026, 11, 1, 7, tzinfo=UTC)


def test_sync_conflict_copies_are_noticed(tmp_path: Path, capsys) -> None:
    mine = folder(tmp_path, "mine", [0])
    (mine / "sessions.sync-conflict-20261121-101010-ABCDEF.toml").write_text("")
    code, out, _ = run(capsys, "check", "--data-dir", str(mine))
    assert code == 1 and "sync-conflict" in out and "backtimer import" in out


def test_git_conflict_markers_are_explained(tmp_path: Path, capsys) -> None:
    mine = folder(tmp_path, "mine", [0])
    path = mine / "sessions.toml"
    path.write_text(path.read_text() + "<<<<<<< HEAD\n=======\n>>>>>>> other\n")
    code, _, err = run(capsys, "history", "--data-dir", str(mine))
    assert code == 1 and "git conflict markers" in err and "backtimer import" in err


@pytest.mark.slow
def test_ten_thousand_sessions_export_and_import(tmp_path: Path, capsys) -> None:
    src = tmp_path / "src"
    start = datetime(2000, 1, 3, 8, tzinfo=UTC)
    many = [entry(start + timedelta(hours=12 * n), n=n) for n in range(10_000)]
    journal.append_many(src / "sessions.toml", many)
    began = time.perf_counter()
    code, exported, _ = run(capsys, "export", "--data-dir", str(src))
    (tmp_path / "all.json").write_text(exported)
    dst = str(tmp_path / "dst")
    code, out, _ = run(capsys, "import", str(tmp_path / "all.json"), "--data-dir", dst)
    took = time.perf_counter() - began
    assert code == 0 and out.startswith("10000 added")
    assert len(logbook.read_folder(tmp_path / "dst").sessions) == 10_000
    print(f"\nexport + import of 10,000 sessions: {took:.1f} s")

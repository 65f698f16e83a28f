"""No input may make the log unreadable: ids, dates and a first write cut short."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.store import journal, recovery
from backtimer.store.errors import DataError
from backtimer.store.paths import resolve_paths
from tests.unit.journal_helpers import entry

TODAY = date(2026, 11, 21)
BAD_IDS = ["a\x1bb", "a\x00b", "x\n<<<<<<< HEAD", "x\n[[session]]", "a b", "é", "x" * 65, ""]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv), today=TODAY)
    out, err = capsys.readouterr()
    return code, out, err


def export_with(tmp_path: Path, **changes: object) -> Path:
    session = entry("2026-11-16T08:00:00+01:00", n=1).to_json()
    session.update(changes)
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps({"format": "backtimer-sessions", "version": 1, "sessions": [session]})
    )
    return path


def everything_still_reads(capsys, data: Path) -> None:
    for argv in (["history"], ["check"], ["export", "--format", "ics"], ["status"]):
        code, _, err = run(capsys, *argv, "--data-dir", str(data))
        assert code == 0, (argv, err)


@pytest.mark.parametrize("bad", BAD_IDS)
def test_an_import_with_a_bad_id_is_refused_and_changes_nothing(
    tmp_path: Path, capsys, bad: str
) -> None:
    data = tmp_path / "data"
    journal.append(data / "sessions.toml", entry("2026-11-10T08:00:00+01:00", n=7))
    before = (data / "sessions.toml").read_bytes()
    code, out, err = run(
        capsys, "import", str(export_with(tmp_path, id=bad)), "--data-dir", str(data)
    )
    assert code == 1 and "nothing was imported" in err and "Traceback" not in err
    assert "\x1b" not in err and len(err) < 600
    assert (data / "sessions.toml").read_bytes() == before
    everything_still_reads(capsys, data)


def test_a_bad_exercise_id_is_refused_too(tmp_path: Path, capsys) -> None:
    session = entry("2026-11-16T08:00:00+01:00", n=1).to_json()
    session["exercises"][0]["id"] = "cat\ncow"
    path = tmp_path / "x.json"
    path.write_text(
        json.dumps({"format": "backtimer-sessions", "version": 1, "sessions": [session]})
    )
    code, _, err = run(capsys, "import", str(path), "--data-dir", str(tmp_path / "d"))
    assert code == 1 and "exercises[0].id" in err


def test_a_toml_escape_in_an_id_is_refused_by_import_merge_and_check(
    tmp_path: Path, capsys
) -> None:
    other = tmp_path / "other"
    journal.append(other / "sessions.toml", entry("2026-11-12T08:00:00+01:00", n=3))
    text = (other / "sessions.toml").read_text()
    good = entry("2026-11-12T08:00:00+01:00", n=3).id
    (other / "sessions.toml").write_text(text.replace(f'id = "{good}"', 'id = "a\\u001bb"'))
    data = tmp_path / "data"
    for argv in (["import", str(other / "sessions.toml")], ["merge", str(other)]):
        code, _, err = run(capsys, *argv, "--data-dir", str(data))
        assert code == 1 and "an id is 1-64" in err, err
    assert not (data / "sessions.toml").exists()
    code, out, _ = run(capsys, "check", "--data-dir", str(other))
    assert code == 1 and "an id is 1-64" in out


@pytest.mark.parametrize("bad", BAD_IDS)
def test_an_append_never_writes_what_would_not_read_back(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "sessions.toml"
    journal.append(path, entry("2026-11-10T08:00:00+01:00", n=7))
    before = path.read_bytes()
    with pytest.raises(DataError, match="would not read back"):
        journal.append(path, replace(entry("2026-11-11T08:00:00+01:00", n=8), id=bad))
    assert path.read_bytes() == before
    assert len(journal.load(path).sessions) == 1


def test_a_recovery_file_with_a_bad_id_is_not_offered(tmp_path: Path) -> None:
    paths = resolve_paths(str(tmp_path / "data"), None, cache_dir=str(tmp_path / "cache"))
    good = entry("2026-11-16T08:00:00+01:00", n=1)
    path = recovery.keep(paths, good)
    assert path is not None
    path.write_text(path.read_text().replace(f'id = "{good.id}"', 'id = "a\\u0000b"'))
    assert recovery.kept(paths) == []


@pytest.mark.parametrize(
    "when",
    [
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-12:00",
        "1969-12-31T23:00:00+00:00",
        "2101-01-01T00:00:00+00:00",
    ],
)
def test_dates_outside_1970_2100_are_refused_everywhere(tmp_path: Path, capsys, when: str) -> None:
    data = tmp_path / "data"
    code, _, err = run(
        capsys, "import", str(export_with(tmp_path, started_at=when)), "--data-dir", str(data)
    )
    assert code == 1 and "1970 to 2100" in err
    journal.append(data / "sessions.toml", entry("2026-11-10T08:00:00+01:00", n=7))
    text = (data / "sessions.toml").read_text()
    start = entry("2026-11-10T08:00:00+01:00", n=7).started_at.isoformat()
    (data / "sessions.toml").write_text(
        text.replace(f"started_at = {start}", f"started_at = {when}")
    )
    for argv in (
        ["check"],
        ["export", "--format", "ics"],
        ["export", "--format", "csv"],
        ["history"],
    ):
        code, _, err = run(capsys, *argv, "--data-dir", str(data))
        assert code == 1 and "Traceback" not in err and "1970 to 2100" in (err + _), argv


def test_every_cut_of_a_first_write_loads_and_takes_the_next_session(tmp_path: Path) -> None:
    """A crash at any byte of the very first write: the log loads (nothing in it, the
    cut reported at most), and the next session appended after it loads too."""
    whole = tmp_path / "whole.toml"
    first = entry("2026-11-10T08:00:00+01:00", n=1)
    journal.append(whole, first)
    data = whole.read_bytes()
    second = entry("2026-11-11T08:00:00+01:00", n=2)
    failures = []
    for cut in range(len(data)):
        path = tmp_path / f"cut{cut}.toml"
        path.write_bytes(data[:cut])
        try:
            assert journal.load(path).sessions in ([], [first])
            journal.append(path, second)
            log = journal.load(path)
            assert log.sessions[-1] == second and len(log.torn) <= 1
            assert set(log.sessions) <= {first, second}
        except (DataError, AssertionError) as exc:
            failures.append((cut, data[:cut][-20:], str(exc)[:120]))
        path.unlink()
    assert not failures, f"{len(failures)} of {len(data)} cuts: {failures[:3]}"


def test_an_id_that_is_not_a_string_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "sessions.toml"
    path.write_bytes(b"[[session]]\nid=[]\n[[session]]")  # found by the fuzz test
    with pytest.raises(DataError):
        journal.load(path)

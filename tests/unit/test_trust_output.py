"""What backtimer writes out: never over its own files, never a formula, never a
terminal escape, never a crash on a console that lacks a character."""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from backtimer.cli import main
from backtimer.store import journal
from tests.unit.journal_helpers import entry

TODAY = date(2026, 11, 21)
OSC52 = "\x1b]52;c;ZWNobyBoaQ==\x07"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv), today=TODAY)
    out, err = capsys.readouterr()
    return code, out, err


def a_log(tmp_path: Path, routine: str = "gentle") -> Path:
    data = tmp_path / "data"
    for n in range(3):
        s = entry(f"2026-11-1{6 + n}T08:00:00+01:00", n=n)
        journal.append(data / "sessions.toml", replace(s, routine=routine))
    return data


def test_export_never_writes_over_the_log_or_an_existing_file(tmp_path: Path, capsys) -> None:
    data = a_log(tmp_path)
    log = data / "sessions.toml"
    before = log.read_bytes()
    # every machine's files too
    theirs = [data / f"{kind}-laptop-ab12.toml" for kind in ("sessions", "amendments", "walks")]
    for path in theirs:
        path.write_text("")
    for target in (log, data / "state.toml", tmp_path / "cache" / "x.csv", *theirs):
        for extra in ([], ["--force"]):
            code, _, err = run(
                capsys,
                "export",
                "--format",
                "csv",
                "--output",
                str(target),
                "--data-dir",
                str(data),
                "--cache-dir",
                str(tmp_path / "cache"),
                *extra,
            )
            assert code == 1 and "backtimer's own files" in err, (target, err)
    link = tmp_path / "link.csv"
    link.symlink_to(log)
    code, _, err = run(capsys, "export", "--output", str(link), "--force", "--data-dir", str(data))
    assert code == 1 and "own files" in err
    assert log.read_bytes() == before
    mine = tmp_path / "mine.csv"
    mine.write_text("my spreadsheet\n")
    code, _, err = run(
        capsys, "export", "--format", "csv", "--output", str(mine), "--data-dir", str(data)
    )
    assert code == 1 and "--force" in err and mine.read_text() == "my spreadsheet\n"
    code, _, _ = run(
        capsys,
        "export",
        "--format",
        "csv",
        "--output",
        str(mine),
        "--force",
        "--data-dir",
        str(data),
    )
    assert code == 0 and mine.read_text().startswith("date,")
    assert not list(tmp_path.glob(".mine.csv.*"))  # the temporary file was renamed
    code, _, err = run(capsys, "export", "--output", str(tmp_path), "--data-dir", str(data))
    assert code == 1 and "folder" in err


def test_csv_cells_never_run_as_formulas(tmp_path: Path, capsys) -> None:
    data = a_log(tmp_path, routine='=HYPERLINK("http://x.example","click")')
    code, out, _ = run(capsys, "export", "--format", "csv", "--data-dir", str(data))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(r["routine"].startswith("'=HYPERLINK") for r in rows)
    from backtimer.store.exchange import cell

    for bad in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\x1b=1"):
        assert str(cell(bad)).startswith("'"), bad
    assert cell("gentle daily") == "gentle daily" and cell(3) == 3


def test_terminal_escapes_in_a_file_never_reach_the_terminal(tmp_path: Path, capsys) -> None:
    data = a_log(tmp_path, routine=f"gentle{OSC52}\x1b[2J")
    for argv in (
        ["export", "--format", "csv"],
        ["export", "--format", "ics"],
        ["history"],
        ["export"],
        ["history", "--json"],
    ):
        code, out, err = run(capsys, *argv, "--data-dir", str(data))
        assert code == 0, argv
        assert "\x1b" not in out + err and "\x07" not in out + err, argv


def test_status_on_a_cp1252_console(tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "data"
    for n in range(3):
        journal.append(data / "sessions.toml", entry(f"2026-11-1{6 + n}T08:00:00+01:00", n=n))
    for _ in range(2):  # the full path, then the light one from the summary it keeps
        raw = io.BytesIO()
        console = io.TextIOWrapper(raw, encoding="cp1252", errors="strict")
        monkeypatch.setattr(sys, "stdout", console)
        assert main(["status", "--data-dir", str(data)], today=TODAY) == 0
        console.flush()
        assert raw.getvalue().decode("cp1252").strip() == "back 3/3 ok"


def test_check_validates_the_files_never_what_is_stored(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from backtimer.cli import checks
    from backtimer.store.cache import Cache
    from backtimer.store.catalog import load_catalog
    from backtimer.store.paths import resolve_paths
    from backtimer.store.plain import to_plain

    paths = resolve_paths(str(tmp_path / "data"), None, cache_dir=str(tmp_path / "cache"))
    real = load_catalog(paths.catalog)
    exercises = [to_plain(e) for e in real.exercises.values()]
    crafted = {
        "exercise": [{**exercises[0], "name": "Renamed by a cache"}, *exercises[1:]],
        "routine": [to_plain(r) for r in real.routines.values()],
    }
    monkeypatch.setattr(Cache, "get", lambda *a: crafted)
    catalog = checks._catalog(paths)
    assert "Renamed by a cache" not in {e.name for e in catalog.exercises.values()}
    assert main(["check", "--data-dir", str(tmp_path / "data")], today=TODAY) == 0
    capsys.readouterr()


STATE_CASES = {
    "fifo": None,
    "zero": None,
    "nested": "[summary]\nx = " + "[" * 3000 + "]" * 3000 + "\n",
    "negative": "done = -5",
    "huge": "done = 1e400",
    "large": "done = 99999",
    "float": "done = 2.0",
    "bool": "done = true",
    "goal0": "goal = 0",
}


def test_status_obeys_the_file_rules_for_state_toml(tmp_path: Path) -> None:
    """A FIFO, /dev/zero, deep nesting, negative, infinite or huge numbers in the
    state file: `status` never blocks, never tracebacks, never prints them."""
    import os
    import subprocess

    data = tmp_path / "data"
    for n in range(2):
        journal.append(data / "sessions.toml", entry(f"2026-11-1{6 + n}T08:00:00+01:00", n=n))
    argv = [sys.executable, "-m", "backtimer", "status", "--data-dir", str(data)]
    env = {**os.environ, "BACKTIMER_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run(argv, env=env, capture_output=True, timeout=60, check=True)
    good = (data / "state.toml").read_text()
    assert "[summary]" in good and "done = " in good
    for name, change in STATE_CASES.items():
        state = data / "state.toml"
        state.unlink()
        if name == "fifo":
            os.mkfifo(state)
        elif name == "zero":
            state.symlink_to("/dev/zero")
        elif name == "nested":
            state.write_text(change or "")
        else:
            key = (change or "").split(" = ")[0]
            lines = [change if line.startswith(f"{key} = ") else line for line in good.splitlines()]
            state.write_text("\n".join(lines) + "\n")
        result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=20)
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, name
        assert len(result.stdout) + len(result.stderr) < 600, name
        if result.returncode == 0:
            done = result.stdout.split()[1].split("/")[0]
            assert done in ("0", "1", "2"), (name, result.stdout)
        state.unlink()
        state.write_text(good)

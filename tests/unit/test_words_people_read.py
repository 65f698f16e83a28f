"""Exports and the CLI name routines and plans as the app does, list what an
ended-early session did, line up their columns and count in words that agree
(issue 31, item 6); an import names the format it tried (item 8)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

from backtimer.cli import main
from backtimer.core.log import ExerciseEntry
from backtimer.core.plan import choice_name
from backtimer.store import journal
from tests.unit.journal_helpers import entry

TODAY = date(2026, 12, 5)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv), today=TODAY)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    keys = ("gentle", "plan-10-standing", "easy-7", "quick")
    for n, key in enumerate(keys):
        found = replace(entry(f"2026-12-0{n + 1}T08:00:00+01:00", n=n), routine=key)
        journal.append(data / "sessions-a.toml", found)
    early = replace(
        entry("2026-12-05T08:00:00+01:00", n=9, completed=False, active_s=70.0),
        routine="quick",
        exercises=(ExerciseEntry(id="marching", status="partial", active_s=20.0),),
    )
    journal.append(data / "sessions-a.toml", early)
    return data


def test_plan_keys_read_as_the_app_names_them() -> None:
    routines = {"gentle": "Gentle daily"}
    assert choice_name("gentle", routines) == "Gentle daily"
    assert choice_name("plan-5", routines) == "5-minute plan"
    assert choice_name("plan-10-standing", routines) == "10-minute plan, standing"
    assert choice_name("easy-7", routines) == "Easy day, 7 minutes"
    assert choice_name("my-old-routine", routines) == "my-old-routine"


def test_csv_and_ics_use_the_names_people_see(tmp_path: Path, capsys) -> None:
    data = str(_folder(tmp_path))
    _, out, _ = run(capsys, "export", "--format", "csv", "--data-dir", data)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["routine"] for r in rows] == [
        "Gentle daily",
        "10-minute plan, standing",
        "Easy day, 7 minutes",
        "Quick five",
        "Quick five",
    ]
    _, out, _ = run(capsys, "export", "--format", "ics", "--data-dir", data)
    unfolded = out.replace("\r\n ", "")
    assert "SUMMARY:Back exercises: Gentle daily" in unfolded
    assert "plan-10" not in unfolded and "easy-7" not in unfolded
    last = unfolded.split("BEGIN:VEVENT")[-1]
    assert "SUMMARY:Back exercises: Quick five (ended early)" in last
    assert "DESCRIPTION:1 active minute. Partly done: Marching in place." in last
    assert "Done: \\n" not in unfolded and "Done: ." not in unfolded


def test_history_names_routines_and_lines_up_its_columns(tmp_path: Path, capsys) -> None:
    data = str(_folder(tmp_path))
    code, out, _ = run(capsys, "history", "--data-dir", data)
    assert code == 0
    recent = out.split("Recent sessions:\n")[1].splitlines()
    assert "10-minute plan, standing" in out and "plan-10" not in out
    assert len({line.index(" min ") for line in recent}) == 1  # one column for minutes
    assert len({line.index(" done,") for line in recent}) == 1
    _, out, _ = run(capsys, "sessions", "--data-dir", data)
    assert "Easy day, 7 minutes" in out and "easy-7" not in out


def test_check_counts_in_words_that_agree_and_lists_problems_in_line_order(
    tmp_path: Path, capsys
) -> None:
    data = tmp_path / "data"
    journal.append(data / "sessions-a.toml", entry("2026-12-01T08:00:00+01:00"))
    (data / "settings.toml").write_text(
        'theme = "nope"\nexcluded = ["no-such-move"]\n\n[keymap]\n"session.pause" = "n"\n'
    )
    code, out, _ = run(capsys, "check", "--data-dir", str(data))
    assert code == 1 and "1 session (" in out and "1 sessions" not in out
    lines = [int(n) for n in __import__("re").findall(r"line (\d+), key", out)]
    assert lines == sorted(lines) and len(lines) >= 3


def test_an_import_names_the_format_it_tried(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("not json {")
    code, _, err = run(capsys, "import", str(bad), "--data-dir", str(tmp_path / "d"))
    assert code == 1 and "not valid JSON" in err and "TOML" not in err
    odd = tmp_path / "odd.txt"
    odd.write_text("not json {")
    code, _, err = run(capsys, "import", str(odd), "--data-dir", str(tmp_path / "d"))
    assert code == 1 and "session log" in err and "JSON export" in err
    assert len(err.strip().splitlines()) == 1

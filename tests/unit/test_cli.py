from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from backtimer import __version__
from backtimer.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, today: date | None = None
) -> tuple[int, str, str]:
    try:
        code = main(list(argv), today=today)
    except SystemExit as exc:  # argparse usage errors and --version
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out
    code, short, _ = run(capsys, "-V")
    assert code == 0 and short == out


def test_python_dash_m_backtimer_runs_the_cli() -> None:
    import subprocess
    import sys

    for argv in (["-V"], ["--data-dir", "/nonexistent/x", "-V"]):
        done = subprocess.run(
            [sys.executable, "-m", "backtimer", *argv], capture_output=True, text=True
        )
        assert done.returncode == 0 and done.stdout == f"backtimer {__version__}\n", done


def test_help_lists_commands(capsys) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for word in ("exercises", "check", "--data-dir", "--catalog"):
        assert word in out


def test_exercises_table(capsys) -> None:
    code, out, _ = run(capsys, "exercises")
    assert code == 0
    assert "cat-cow" in out and "33 exercises" in out


def test_exercises_json(capsys) -> None:
    code, out, _ = run(capsys, "exercises", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data) == 33
    for item in data:
        for key in (
            "id",
            "name",
            "kind",
            "position",
            "reps",
            "hold_s",
            "time_s",
            "sets",
            "per_side",
            "breath",
        ):
            assert key in item
    by_id = {item["id"]: item for item in data}
    assert by_id["cat-cow"]["breath"] is True
    assert by_id["childs-pose"]["breath"] is False
    assert by_id["childs-pose"]["reps"] is None
    assert by_id["marching"]["time_s"] == 45


def test_check_ok(capsys) -> None:
    code, out, _ = run(capsys, "check")
    assert code == 0 and "33 exercises" in out


@pytest.mark.parametrize("before", [True, False])
def test_catalog_option_before_or_after_command(capsys, tmp_path: Path, before: bool) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = 1\n[[exercise]\n")
    argv = ["--catalog", str(bad), "check"] if before else ["check", "--catalog", str(bad)]
    code, out, _ = run(capsys, *argv)
    assert code == 1
    assert str(bad) in out and "line 2" in out


def test_data_error_exit_1_without_traceback(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "exercises", "--catalog", str(tmp_path / "missing.toml"))
    assert code == 1
    assert "missing.toml" in err and "Traceback" not in err
    assert out == ""


def test_usage_error_exit_2(capsys) -> None:
    code, _, err = run(capsys, "exercises", "--frobnicate")
    assert code == 2 and "unrecognized" in err


def test_env_catalog(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BACKTIMER_CATALOG", str(tmp_path / "env.toml"))
    code, _, err = run(capsys, "exercises")
    assert code == 1 and "env.toml" in err


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "backtimer", "exercises", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 33


PACKAGE = ROOT / "backtimer"
#: Every module that must work without Textual (and rich): the core, the store, the CLI.
TEXTUAL_FREE = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for folder in ("core", "store", "cli")
    for p in (PACKAGE / folder).glob("*.py")
) + ["backtimer.clock"]


@pytest.mark.parametrize("module", TEXTUAL_FREE)
def test_module_imports_no_textual(module: str) -> None:
    """Each module on its own, in a fresh interpreter: no textual, no rich; the core
    also no pydantic."""
    forbidden = ["textual", "rich"] + (["pydantic"] if module.startswith("backtimer.core") else [])
    code = (
        f"import sys\nimport {module}\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {forbidden!r}]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def _log_with_sessions(data_dir: Path) -> Path:
    from backtimer.store.journal import append
    from tests.unit.journal_helpers import entry

    path = data_dir / "sessions.toml"
    for n, day in enumerate(("2026-11-16", "2026-11-18", "2026-11-20")):
        append(path, entry(f"{day}T08:00:00+01:00", pain=(5, 3), n=n))
    return path


def test_history_json(capsys, tmp_path: Path, monkeypatch) -> None:
    from datetime import date

    _log_with_sessions(tmp_path)
    code, out, _ = run(
        capsys,
        "history",
        "--json",
        "--weeks",
        "3",
        "--data-dir",
        str(tmp_path),
        today=date(2026, 11, 21),
    )
    assert code == 0
    data = json.loads(out)
    assert data["weekly_goal"] == 3
    assert data["this_week"] == {"week": "2026-W47", "sessions": 3, "goal_met": True}
    assert data["current_streak_weeks"] == 1 and data["longest_streak_weeks"] == 1
    assert [w["week"] for w in data["weeks"]] == ["2026-W45", "2026-W46", "2026-W47"]
    assert set(data["weeks"][0]) >= {"week", "sessions", "active_s", "goal_met"}
    assert len(data["sessions"]) == 3


def test_history_text(capsys, tmp_path: Path) -> None:
    _log_with_sessions(tmp_path)
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "history", today=date(2026, 11, 21))
    assert code == 0
    assert "Streak" in out and "Recent sessions" in out and "before 5.0, after 3.0" in out


@pytest.mark.parametrize("weeks", ["0", "abc", "-3"])
def test_history_bad_weeks_is_usage_error(capsys, weeks: str) -> None:
    code, _, err = run(capsys, "history", "--weeks", weeks)
    assert code == 2 and "--weeks" in err


def test_check_reports_torn_block_with_repair_advice(capsys, tmp_path: Path) -> None:
    path = _log_with_sessions(tmp_path)
    path.write_bytes(path.read_bytes()[:-80])  # into the last block's exercises
    code, out, _ = run(capsys, "check", "--data-dir", str(tmp_path))
    assert code == 1
    assert "cut short" in out and "delete those lines" in out


def test_corrupt_log_history_exit_1_file_unchanged(capsys, tmp_path: Path) -> None:
    path = _log_with_sessions(tmp_path)
    path.write_text(path.read_text().replace("routine = ", "routine = = "))
    before = path.read_bytes()
    code, _, err = run(capsys, "history", "--data-dir", str(tmp_path))
    assert code == 1 and "line " in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_bad_settings_exit_1(capsys, tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("weekly_goal = 12\n")
    code, _, err = run(capsys, "history", "--data-dir", str(tmp_path))
    assert code == 1 and "weekly_goal" in err
    code, out, _ = run(capsys, "check", "--data-dir", str(tmp_path))
    assert code == 1 and "FAIL  settings" in out


def test_warm_start_does_not_import_pydantic(tmp_path: Path) -> None:
    """Validated files are remembered, so starting again needs no pydantic (~170 ms)."""
    from backtimer.store.journal import append
    from tests.unit.journal_helpers import entry

    (tmp_path / "settings.toml").write_text("weekly_goal = 4\n")
    append(tmp_path / "sessions.toml", entry("2026-11-16T08:00:00+01:00"))
    code = (
        "import sys\n"
        "from backtimer.store.profile import load_profile\n"
        f"files = load_profile({str(tmp_path)!r})\n"
        "assert files.settings.weekly_goal == 4 and len(files.log.sessions) == 1\n"
        "print('pydantic' in sys.modules)\n"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert first.returncode == 0 and again.returncode == 0, first.stderr + again.stderr
    assert first.stdout.strip() == "True"  # the first time, every file is validated
    assert again.stdout.strip() == "False"


def test_changed_file_is_validated_again(tmp_path: Path) -> None:
    from backtimer.store.cache import Cache
    from backtimer.store.errors import DataError
    from backtimer.store.settings import load_settings

    path = tmp_path / "settings.toml"
    path.write_text("weekly_goal = 4\n")
    cache = Cache(tmp_path / "cache")
    assert load_settings(path, cache).weekly_goal == 4
    path.write_text("weekly_goal = 40\n")
    with pytest.raises(DataError, match="weekly_goal"):
        load_settings(path, cache)

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from backtimer import __version__
from backtimer.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors and --version
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out


def test_help_lists_commands(capsys) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for word in ("exercises", "check", "--data-dir", "--catalog"):
        assert word in out


def test_exercises_table(capsys) -> None:
    code, out, _ = run(capsys, "exercises")
    assert code == 0
    assert "cat-cow" in out and "25 exercises" in out


def test_exercises_json(capsys) -> None:
    code, out, _ = run(capsys, "exercises", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data) == 25
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
    assert code == 0 and "25 exercises" in out


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
    assert len(json.loads(result.stdout)) == 25


CORE = ["catalog", "paths", "tomlfile", "errors", "cli", "clock", "timeline", "engine"]


def test_core_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import backtimer.{m}\n" for m in CORE)
        + (
            "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
            "assert not bad, bad\n"
        )
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr

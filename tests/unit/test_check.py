"""`backtimer check` finds what the files' own rules cannot: every file, every key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from backtimer.cli import main


def check(capsys, data: Path) -> tuple[int, str]:
    code = main(["check", "--data-dir", str(data)])
    return code, capsys.readouterr().out


def test_all_files_are_checked(capsys, tmp_path: Path) -> None:
    code, out = check(capsys, tmp_path)
    assert code == 0
    for name in ("catalogue", "settings", "saved routines", "state", "session log"):
        assert f"ok    {name}" in out


def test_bad_saved_routines_fail(capsys, tmp_path: Path) -> None:
    (tmp_path / "routines.toml").write_text(
        '[[routine]]\nid = "mine"\nname = "Mine"\nexercises = ["backflip"]\n'
    )
    code, out = check(capsys, tmp_path)
    assert code == 1
    [line] = [line for line in out.splitlines() if "saved routines" in line]
    assert line.startswith("FAIL") and "line 4" in line and "unknown exercise 'backflip'" in line


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ('[keymap]\n"session.paws" = "p"\n', ["line 2", "keymap.session.paws", "no binding"]),
        (
            '[keymap]\n"session.pause" = "n"\n',
            ["line 2", "'n' is also the key of 'session.next'"],
        ),
        ('[keymap]\n"home.start" = "ctrl+q"\n', ["'ctrl+q' is also the key of 'app.quit'"]),
        ('theme = "no-such-theme"\n', ["line 1", "no theme is called 'no-such-theme'", "nord"]),
        ('excluded = ["cat-cow", "backflip"]\n', ["line 1", "no exercise has the id 'backflip'"]),
    ],
)
def test_settings_problems(capsys, tmp_path: Path, settings: str, expected: list[str]) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(settings)
    code, out = check(capsys, tmp_path)
    assert code == 1
    block = out.split("FAIL  settings", 1)[1].split("\nok ", 1)[0].split("\nFAIL", 1)[0]
    line = " ".join(block.split())
    assert str(path) in line
    for part in expected:
        assert part in line, line
    assert path.read_text() == settings


def test_a_good_keymap_passes(capsys, tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('[keymap]\n"session.pause" = "p"\n')
    code, out = check(capsys, tmp_path)
    assert code == 0, out


def test_imports_and_runs_without_fcntl_or_sighup(tmp_path: Path) -> None:
    """As on Windows: no fcntl, no SIGHUP, msvcrt. The package imports with no extra
    dependency, the log locks with msvcrt (a shim here), and the app's signal set-up
    copes."""
    code = (
        "import sys, signal\n"
        "import asyncio, subprocess  # they look for msvcrt to tell Windows: import first\n"
        "import fcntl  # the shim uses it; backtimer must not\n"
        "from tests.unit import msvcrt_shim\n"
        "sys.modules['msvcrt'] = msvcrt_shim\n"
        "sys.modules['fcntl'] = None\n"
        "del signal.SIGHUP\n"
        "from pathlib import Path\n"
        "from backtimer.store import journal, lock\n"
        "assert lock.lock is lock._msvcrt\n"
        "from tests.unit.journal_helpers import entry\n"
        f"path = Path({str(tmp_path)!r}) / 'sessions.toml'\n"
        "journal.append(path, entry('2026-11-16T08:00:00+01:00'))\n"
        "assert len(journal.load(path).sessions) == 1\n"
        "assert msvcrt_shim.calls and all(at == lock.WINDOWS_LOCK_OFFSET "
        "for _, at in msvcrt_shim.calls)\n"
        "assert 'portalocker' not in sys.modules\n"
        "import backtimer.tui.app\n"
        "print('ok')\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=False
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_the_cli_builds_the_app_through_the_factory(monkeypatch, tmp_path: Path) -> None:
    import backtimer.tui.launch as app_module

    built: list[dict] = []

    class Fake:
        save_error = None
        return_code = 0
        farewell = None

        def run(self) -> None:
            pass

    def factory(**kwargs):
        built.append(kwargs)
        return Fake()

    monkeypatch.setattr(app_module, "make_app", factory)
    monkeypatch.setattr("backtimer.cli.commands.no_terminal", lambda: None)  # as in a terminal
    assert main(["start", "--data-dir", str(tmp_path), "--routine", "quick"]) == 0
    assert built and built[0]["start"] is True and built[0]["data_dir"] == str(tmp_path)
    assert main(["break", "--data-dir", str(tmp_path)]) == 0
    assert built[1]["desk_break"] is True and built[1]["start"] is False

"""A finished session is never lost, the log reads what people write, files are private."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.core.log import ExerciseEntry
from backtimer.store import journal
from backtimer.store.errors import DataError
from backtimer.store.journal import append, format_block, load
from tests.unit.journal_helpers import entry

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_write_cut_at_every_byte_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "sessions.toml"
    append(path, entry("2026-11-16T08:00:00+01:00"))
    full = path.read_bytes()
    for cut in range(len(full) + 1):
        path.write_bytes(full[:cut])
        log = load(path)
        assert len(log.sessions) + len(log.torn) <= 1, cut
        assert len(log.sessions) == 1 or cut < len(full) - 1, cut


def test_a_failed_append_leaves_the_log_as_it_was(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "sessions.toml"
    append(path, entry("2026-11-16T08:00:00+01:00", n=1))
    before = path.read_bytes()
    real_write = os.write

    def full_disk(fd: int, data: bytes) -> int:
        real_write(fd, data[: len(data) // 2])  # half the block reaches the disk
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as disk, pytest.raises(OSError, match="No space"):
        disk.setattr(journal.os, "write", full_disk)
        append(path, entry("2026-11-17T08:00:00+01:00", n=2))
    assert path.read_bytes() == before
    append(path, entry("2026-11-18T08:00:00+01:00", n=3))
    assert [s.id[-1] for s in load(path).sessions] == ["1", "3"]


def _log(tmp_path: Path, count: int = 3) -> Path:
    path = tmp_path / "sessions.toml"
    for n in range(count):
        append(path, entry(f"2026-11-1{n}T08:00:00+01:00", n=n))
    return path


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace('id = "20261111T080000-000001"', 'id = "renamed-by-hand"'),
        lambda t: t.replace("[[session]]", "  [[session]]"),
        lambda t: t.replace("[[session]]", "[[session]]  # my note"),
        lambda t: t.replace("# end of session 20261111T080000-000001", "# end of session x y z"),
        lambda t: t.replace("# end of session 20261111T080000-000001\n", ""),
        lambda t: t.replace("\n", "\r\n"),
        lambda t: "\ufeff" + t,
    ],
    ids=["id", "indented", "comment", "end-line", "no-end-line", "crlf", "bom"],
)
def test_hand_edits_keep_every_session(tmp_path: Path, edit) -> None:
    path = _log(tmp_path)
    path.write_bytes(edit(path.read_text()).encode("utf-8"))
    log = load(path)
    assert len(log.sessions) == 3 and not log.torn


def test_a_bad_block_in_the_middle_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = _log(tmp_path)
    text = path.read_text().replace('routine = "gentle"', "routine = gentle", 2)
    path.write_text(text)
    with pytest.raises(DataError) as info:
        load(path)
    message = str(info.value)
    assert "line 10" in message and "lines 5-20" in message
    assert "cut short, probably by a crash" not in message
    assert path.read_text() == text


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_text_in_a_label_keeps_the_log_whole(tmp_path_factory, label: str) -> None:
    path = tmp_path_factory.mktemp("log") / "sessions.toml"
    first = entry("2026-11-16T08:00:00+01:00", n=1)
    row = ExerciseEntry("knee-to-chest", "done", 20.0, sides=(label, f"# end of session {label}"))
    append(path, replace(first, exercises=(row,)))
    append(path, entry("2026-11-17T08:00:00+01:00", n=2))
    log = load(path)
    assert [s.id[-1] for s in log.sessions] == ["1", "2"] and not log.torn
    assert log.sessions[0].exercises[0].sides == row.sides


def test_duplicate_ids_count_once_and_check_says_so(tmp_path: Path, capsys) -> None:
    from backtimer.cli import main

    path = _log(tmp_path, 2)
    path.write_text(path.read_text() + "\n" + format_block(load(path).sessions[0]))
    log = load(path)
    assert len(log.sessions) == 2 and len(log.duplicates) == 1
    assert main(["check", "--data-dir", str(tmp_path)]) == 1
    assert "repeat an id" in capsys.readouterr().out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_place_of_a_file_is_refused(tmp_path: Path) -> None:
    code = (
        "import os, sys\n"
        "from backtimer.cli import main\n"
        f"d = {str(tmp_path)!r}\n"
        "os.mkfifo(d + '/sessions.toml')\n"
        "os.mkfifo(d + '/cat.toml')\n"
        "a = main(['history', '--data-dir', d])\n"
        "b = main(['exercises', '--catalog', d + '/cat.toml'])\n"
        "print(a, b)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=20, cwd=ROOT
    )
    assert result.stdout.split() == ["1", "1"], result.stderr
    assert "not a regular file" in result.stderr and "Traceback" not in result.stderr


def test_dev_zero_as_catalogue_is_refused(capsys) -> None:
    from backtimer.cli import main

    assert main(["exercises", "--catalog", "/dev/zero"]) == 1
    assert "not a regular file" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text", ["weekly_goal = " + "9" * 5000 + "\n", "a = " + "[" * 3000 + "]" * 3000 + "\n"]
)
def test_huge_numbers_and_deep_nesting_are_errors(tmp_path: Path, text: str, capsys) -> None:
    from backtimer.cli import main

    (tmp_path / "settings.toml").write_text(text)
    assert main(["history", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "settings.toml" in err and len(err) < 600


def test_private_under_any_umask(tmp_path: Path) -> None:
    code = (
        "import os\n"
        "os.umask(0)\n"
        "from pathlib import Path\n"
        "from backtimer.store.journal import append\n"
        "from backtimer.store.tomlio import write_atomic\n"
        "from tests.unit.journal_helpers import entry\n"
        f"root = Path({str(tmp_path)!r})\n"
        "append(root / 'a' / 'b' / 'sessions.toml', entry('2026-11-16T08:00:00+01:00'))\n"
        "write_atomic(root / 'c' / 'settings.toml', 'bell = true\\n')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    for folder in ("a", "a/b", "c"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700, folder
    for file in ("a/b/sessions.toml", "c/settings.toml"):
        assert stat.S_IMODE((tmp_path / file).stat().st_mode) == 0o600, file


def test_a_symlinked_log_is_not_written_through(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("someone else's file\n")
    link = tmp_path / "sessions.toml"
    link.symlink_to(target)
    with pytest.raises(OSError, match="symbolic link"):
        append(link, entry("2026-11-16T08:00:00+01:00"))
    assert target.read_text() == "someone else's file\n"


def test_a_symlinked_settings_file_is_written_through(tmp_path: Path) -> None:
    from backtimer.core.settings import Settings
    from backtimer.store.settings import load_settings, save_settings

    real = tmp_path / "dotfiles" / "settings.toml"
    real.parent.mkdir()
    real.write_text("# mine\nweekly_goal = 3\n")
    link = tmp_path / "settings.toml"
    link.symlink_to(real)
    save_settings(link, load_settings(link), Settings(weekly_goal=4))
    assert link.is_symlink() and real.read_text() == "# mine\nweekly_goal = 4\n"

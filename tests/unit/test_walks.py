"""Walks: recorded on their own, shown per week, counted toward the goal only when
a person asks for it (walks_count), and only from 20 minutes."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.core import stats
from backtimer.core.walk import new_walk
from backtimer.store import walks
from backtimer.store.errors import DataError
from backtimer.store.profile import load_profile
from tests.unit.journal_helpers import CET, entry

TODAY = date(2026, 12, 5)  # a Saturday
NOW = datetime(2026, 12, 5, 18, 0, tzinfo=CET)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv), today=TODAY)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_walks_count_only_when_asked_and_only_from_20_minutes() -> None:
    sessions = [entry(f"2026-12-0{d}T08:00:00+01:00", n=d) for d in (1, 2)]
    found = [new_walk(date(2026, 12, 3), 30, NOW, "a"), new_walk(date(2026, 12, 4), 15, NOW, "b")]
    [off] = stats.weeks(sessions, TODAY, 3, 1, found, counting=False)
    [on] = stats.weeks(sessions, TODAY, 3, 1, found, counting=True)
    assert (off.sessions, off.goal_met, off.walk_minutes) == (2, False, 45)
    assert (on.sessions, on.goal_met, on.walk_minutes) == (3, True, 45)  # the 15 does not count
    assert stats.streaks(sessions, TODAY, 3, found, True)[0] == 1
    assert stats.streaks(sessions, TODAY, 3, found, False)[0] == 0
    # a week of walks alone meets the goal when they count
    alone = [new_walk(date(2026, 11, 23 + d), 25, NOW, f"w{d}") for d in range(3)]
    assert stats.weeks([], date(2026, 11, 29), 3, 1, alone, True)[0].goal_met


def test_walk_command_history_and_status(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "data")
    code, out, err = run(capsys, "walk", "30", "--data-dir", data)
    assert code == 0, err
    assert "30 min walked that week" in out and "do not count" in out
    code, out, _ = run(capsys, "walk", "25", "--date", "2026-12-04", "--data-dir", data)
    assert code == 0 and "55 min walked" in out
    code, out, _ = run(capsys, "history", "--json", "--weeks", "1", "--data-dir", data)
    report = json.loads(out)
    assert report["weeks"][0]["walk_minutes"] == 55 and report["weeks"][0]["sessions"] == 0
    assert [w["minutes"] for w in report["walks"]] == [25, 30]
    code, out, _ = run(capsys, "status", "--data-dir", data)
    assert code == 0 and "0/3" in out
    (tmp_path / "data" / "settings.toml").write_text("walks_count = true\n")
    code, out, _ = run(capsys, "status", "--data-dir", data)  # settings changed: read again
    assert code == 0 and "2/3" in out
    code, out, _ = run(capsys, "walk", "10", "--data-dir", data)
    assert "20 minutes or more count" in out
    code, out, _ = run(capsys, "status", "--data-dir", data)  # a new walk: read again
    assert "2/3" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["walk", "0"], "1 to 600"),
        (["walk", "601"], "1 to 600"),
        (["walk", "ten"], "not a whole number"),
        (["walk", "30", "--date", "2026-12-06"], "has not come yet"),
    ],
)
def test_bad_walks_are_refused(tmp_path: Path, capsys, argv: list[str], message: str) -> None:
    code, _, err = run(capsys, *argv, "--data-dir", str(tmp_path / "data"))
    assert code in (1, 2) and message in err and "Traceback" not in err
    assert not list((tmp_path / "data").glob("walks-*.toml"))


def test_walk_file_appended_read_back_and_bad_edits_named(tmp_path: Path) -> None:
    profile = load_profile(tmp_path / "data", cache_dir=tmp_path / "cache")
    profile.walk(new_walk(date(2026, 12, 1), 40, NOW, "a1"))
    profile.walk(new_walk(date(2026, 12, 2), 20, NOW, "b2"))
    path = profile.paths.walks
    text = path.read_text()
    assert text.count("\n[[walk]]\n") == 2 and "# end of walk" in text
    again = load_profile(tmp_path / "data", cache_dir=tmp_path / "cache")
    assert [w.minutes for w in again.log.walks] == [40, 20]
    path.write_text(text.replace("minutes = 40", "minutes = 4000"))
    before = path.read_bytes()
    with pytest.raises(DataError, match=r"line \d+.*minutes"):
        walks.load_all([path])
    assert path.read_bytes() == before
    # a block a crash cut short is skipped; the others read
    path.write_text(text + '\n[[walk]]\nid = "x"\n')
    found, torn = walks.load_all([path])
    assert len(found) == 2 and torn is not None and "cut short" in torn


def test_walks_from_two_machines_are_read_together(tmp_path: Path) -> None:
    data = tmp_path / "data"
    a = load_profile(data, cache_dir=tmp_path / "c1")
    b = load_profile(data, cache_dir=tmp_path / "c2")
    a.walk(new_walk(date(2026, 12, 1), 30, NOW, "a1"))
    b.walk(new_walk(date(2026, 12, 2), 35, NOW, "b1"))
    assert len(list(data.glob("walks-*.toml"))) == 2
    seen = load_profile(data, cache_dir=tmp_path / "c1").log.walks
    assert [w.minutes for w in seen] == [30, 35]

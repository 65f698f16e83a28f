from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.core.settings import Settings
from backtimer.store.errors import DataError
from backtimer.store.settings import load_settings, save_settings


def test_defaults_when_missing(tmp_path: Path) -> None:
    s = load_settings(tmp_path / "settings.toml")
    assert s.weekly_goal == 3 and s.bell and s.get_ready_s == 5


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    new = Settings(weekly_goal=5, bell=False, keymap={"session.pause": "p"})
    save_settings(path, Settings(), new)
    s = load_settings(path)
    assert (s.weekly_goal, s.bell, s.keymap) == (5, False, {"session.pause": "p"})
    assert s.session_config().get_ready_s == 5
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("weekly_goal = 9\n", ["line 1", "'weekly_goal'", "less than or equal to 7"]),
        ("weekly_goal = 3\nbel = false\n", ["line 2", "unknown key 'bel'"]),
        ("weekly_goal = \n", ["line 1", "not valid TOML"]),
        ('bell = "loud"\n', ["'bell'"]),
        # a misspelt cue kind is named, not silently ignored
        ('quiet_cues = ["breath", "halfwya"]\n', ["line 1", "quiet_cues", "'halfway'"]),
    ],
)
def test_bad_settings(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text)
    with pytest.raises(DataError) as info:
        load_settings(path)
    for part in [str(path), *expected]:
        assert part in str(info.value)
    assert path.read_text() == text

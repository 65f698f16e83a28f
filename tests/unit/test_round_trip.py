"""Saving a person's settings or routines changes only what they changed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from backtimer.core.routine import Catalog, routine_from_steps
from backtimer.core.settings import Settings
from backtimer.store.routines import delete_routine, load_routines, save_routine
from backtimer.store.settings import load_settings, save_settings

MINE = """\
# my settings: I like a long get-ready
get_ready_s = 10   # seconds on the floor to get into position

# fewer sessions while my knee heals
weekly_goal = 2
bell = false
"""


def test_changing_one_setting_changes_one_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(MINE)
    old = load_settings(path)
    save_settings(path, old, replace(old, weekly_goal=4))
    assert path.read_text() == MINE.replace("weekly_goal = 2", "weekly_goal = 4")
    assert load_settings(path).weekly_goal == 4


def test_a_new_key_is_added_and_nothing_else_moves(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(MINE)
    old = load_settings(path)
    save_settings(path, old, replace(old, theme="gruvbox", keymap={"session.pause": "p"}))
    text = path.read_text()
    assert text.startswith(MINE)
    assert 'theme = "gruvbox"' in text and "[keymap]" in text
    assert load_settings(path).keymap == {"session.pause": "p"}


def test_no_file_means_only_the_changes_are_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings(), replace(Settings(), rest_s=20))
    lines = [line for line in path.read_text().splitlines() if not line.startswith("#")]
    assert lines == ["rest_s = 20"]


def test_safety_is_state_not_a_setting(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(MINE)
    old = load_settings(path)
    save_settings(path, old, replace(old, safety_acknowledged=True))
    assert path.read_text() == MINE


ROUTINES = """\
# routines I use at work
[[routine]]
id = "lunch"   # after lunch
name = "Lunch"
exercises = ["cat-cow"]

# evenings
[[routine]]
id = "evening"
name = "Evening"
exercises = ["childs-pose", "knee-to-chest"]
"""


def test_saving_one_routine_keeps_the_others_and_their_comments(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "routines.toml"
    path.write_text(ROUTINES)
    steps = catalog.steps(load_routines(path, catalog)["lunch"])
    steps.append(catalog.steps(catalog.routines["gentle"])[-1])
    save_routine(path, routine_from_steps("lunch", "Lunch", steps))
    text = path.read_text()
    assert text.startswith('# routines I use at work\n[[routine]]\nid = "lunch"   # after lunch\n')
    assert ROUTINES.split("# evenings")[1] in text
    saved = load_routines(path, catalog)
    assert [m.id for _, m in saved["lunch"].members()][-1] == steps[-1].exercise.id
    assert saved["evening"].name == "Evening"


def test_adding_and_deleting_routines(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "routines.toml"
    path.write_text(ROUTINES)
    steps = catalog.steps(catalog.routines["quick"])
    save_routine(path, routine_from_steps("mine", "Mine", steps))
    assert path.read_text().startswith(ROUTINES)
    assert set(load_routines(path, catalog)) == {"lunch", "evening", "mine"}
    delete_routine(path, "mine")
    assert set(load_routines(path, catalog)) == {"lunch", "evening"}
    assert path.read_text().startswith(ROUTINES.split("# evenings")[0])

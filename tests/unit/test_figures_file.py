"""The shipped figures (issue 29): every move of the catalogue has its key poses,
every pose is possible, `check` says so, and `exercises --show` draws them."""

from __future__ import annotations

from pathlib import Path

from backtimer.cli import main
from backtimer.store.catalog import load_catalog
from backtimer.store.figures import load_figures, shipped_figures
from backtimer.store.paths import shipped_catalog


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_every_move_has_possible_poses() -> None:
    figures, problems = load_figures()
    assert problems == []
    catalog = load_catalog(shipped_catalog())
    # every move, the figure-four (a front view, its thighs foreshortened) and thread
    # the needle (the threaded arm turned away from the viewer) included
    assert set(figures) == set(catalog.exercises)
    for move, figure in figures.items():
        exercise = catalog.exercises[move]
        want = 1 if exercise.mode != "reps" else 2  # a rep move: where it starts and ends
        # circles, rolls and alternating limbs show one pose: the move goes round it
        one = {"arm-circles", "neck-shoulder-rolls", "pilates-swimming"}
        assert len(figure.poses) >= want or move in one, move


def test_check_validates_the_figures(tmp_path: Path, capsys, monkeypatch) -> None:
    code, out, _ = run(capsys, "check", "--data-dir", str(tmp_path / "d"))
    assert "ok    figures: 33 moves" in out and "none yet" not in out
    broken = tmp_path / "figures.toml"
    text = shipped_figures().read_text()
    broken.write_text(text.replace("\nshin = -95", "\nshin = -40", 1))  # a knee bent backwards
    monkeypatch.setattr("backtimer.store.figures.shipped_figures", lambda: broken)
    code, out, _ = run(capsys, "check", "--data-dir", str(tmp_path / "d"))
    assert code == 1 and "FAIL  figures" in out and "bent backwards" in out


def test_show_draws_a_moves_poses(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "exercises", "--show", "bridge", "--data-dir", str(tmp_path))
    assert code == 0 and out.startswith("Bridge\n")
    assert "start" in out and "top" in out and "→" in out
    assert any(0x2800 < ord(c) <= 0x28FF for c in out)
    assert "1. On your back" in out
    code, _, err = run(capsys, "exercises", "--show", "nope", "--data-dir", str(tmp_path))
    assert code == 2 and "no exercise has the id 'nope'" in err


def test_all_fours_keeps_a_level_back() -> None:
    """A physiotherapist's first check: bird-dog and cat-cow's neutral with the back
    level from hip to shoulder (straight arms are longer than thighs; the chest hangs
    between the shoulder blades), and bird-dog's leg out in line with it."""
    from backtimer.core.figure import placed

    figures, _ = load_figures()
    for move, name in (("bird-dog", "all fours"), ("bird-dog", "reach"), ("cat-cow", "neutral")):
        pose = figures[move].pose(name)
        assert pose is not None
        at = placed(pose)
        assert abs(at["shoulder"][1] - at["hip"][1]) < 0.02, (move, name)
    reach = figures["bird-dog"].pose("reach")
    assert reach is not None
    at = placed(reach)
    assert abs(at["far_foot"][1] - at["hip"][1]) < 0.03  # the leg in line with the back
    assert abs(at["near_hand"][1] - at["shoulder"][1]) < 0.05  # the arm at shoulder height

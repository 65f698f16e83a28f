"""One safety text, everywhere, with the urgent signs first and plainly urgent."""

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.core.routine import Catalog
from backtimer.core.safety import SECTIONS, safety_markdown, safety_text

ROOT = Path(__file__).resolve().parents[2]

RED_FLAGS = [
    "genitals, buttocks or inner thighs",
    "passing or holding urine",
    "not feeling your bladder fill",
    "both legs",
    "foot that drags",
    "fever",
    "hot and shivery",
    "weight loss",
    "history of cancer",
    "fall or an accident",
    "much worse at night",
    "severe pain",
    "spinal surgery",
    "osteoporosis",
    "pregnancy",
]


def test_every_red_flag_is_there() -> None:
    text = safety_text()
    for flag in RED_FLAGS:
        assert flag in text, flag


def test_bladder_bowel_and_saddle_signs_are_an_emergency_now() -> None:
    first = SECTIONS[0]
    assert "emergency" in first.heading and "now" in first.heading
    joined = " ".join(first.items)
    for sign in ("genitals", "urine", "bowels"):
        assert sign in joined


def test_readme_holds_the_same_text() -> None:
    readme = (ROOT / "README.md").read_text()
    assert safety_markdown() in readme


def test_backtimer_safety_prints_it(capsys) -> None:
    assert main(["safety"]) == 0
    out = capsys.readouterr().out
    for flag in RED_FLAGS:
        assert flag in out.replace("\n  ", " ").replace("\n", " "), flag


def test_the_safety_screen_shows_it() -> None:
    from backtimer.tui.dialogs.safety import ADVICE

    for flag in RED_FLAGS:
        assert flag in ADVICE


@pytest.mark.parametrize(
    ("exercise", "words"),
    [
        ("seated-forward-bend", ["sciatica"]),
        ("hamstring-stretch-chair", ["sciatica"]),
        ("partial-crunches", ["bending forward", "osteoporosis"]),
        ("cobra", ["stenosis"]),
        ("superman", ["stenosis"]),
        ("pilates-swimming", ["stenosis"]),
        ("childs-pose", ["knees"]),
        ("supine-twist", ["hip replacement"]),
        ("knee-to-chest", ["hip replacement"]),
        ("standing-forward-fold", ["osteoporosis", "dizzy"]),
    ],
)
def test_care_notes(catalog: Catalog, exercise: str, words: list[str]) -> None:
    care = catalog.exercises[exercise].care or ""
    for word in words:
        assert word in care, (exercise, word)


def test_content_corrections(catalog: Catalog) -> None:
    ex = catalog.exercises
    assert ex["standing-forward-fold"].level == 2
    assert "head last" not in " ".join(ex["standing-forward-fold"].steps)
    assert "vertebra" not in " ".join(ex["bridge"].steps)
    assert "arch" in " ".join(ex["bridge"].steps)
    assert "low back" in " ".join(ex["wall-angels"].steps)
    assert "no higher than your back" in " ".join(ex["bird-dog"].steps)
    assert "just an arm" in (ex["bird-dog"].care or "")
    assert "flutter" not in " ".join(ex["pilates-swimming"].steps)
    assert "Easier" in (ex["pilates-swimming"].care or "")
    assert "head" not in " ".join(ex["neck-shoulder-rolls"].steps[1:3]).lower()
    assert ex["neck-sway"].time_s


def test_every_move_has_a_direction(catalog: Catalog) -> None:
    for e in catalog.exercises.values():
        assert e.direction, e.id
    assert set(catalog.exercises["cat-cow"].direction) == {"flexion", "extension"}

from __future__ import annotations

from pathlib import Path

import pytest

from backtimer.core.routine import Catalog, Step
from backtimer.store.catalog import load_catalog
from backtimer.store.errors import DataError
from backtimer.store.paths import shipped_catalog

EXPECTED = {
    "marching",
    "arm-circles",
    "torso-twists",
    "neck-shoulder-rolls",
    "cat-cow",
    "childs-pose",
    "pelvic-tilts",
    "knee-to-chest",
    "seated-forward-bend",
    "bridge",
    "wall-angels",
    "thread-the-needle",
    "supine-twist",
    "standing-forward-fold",
    "seated-spinal-twist",
    "bird-dog",
    "partial-crunches",
    "superman",
    "plank",
    "hamstring-stretch-chair",
    "cobra",
    "pilates-swimming",
    "dead-bug",
    "hip-flexor-stretch",
    "russian-twist",
}
#: Standing and chair moves added so that no-floor plans reach 10-15 minutes.
HOUSE = {
    "neck-sway",
    "standing-back-extension",
    "seated-cat-cow",
    "seated-knee-lift",
    "wall-sit",
    "standing-side-bend",
    "standing-hip-hinge",
    "chair-figure-four",
}

MINIMAL = """\
schema = 1

[[exercise]]
id = "hold-me"
name = "Hold me"
kind = "stretch"
position = "supine"
direction = ["flexion"]
why = "Because."
targets = ["back"]
steps = ["Lie down."]
hold_s = 20

[[routine]]
id = "r"
name = "R"
exercises = ["hold-me"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cat.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_catalogue_has_every_seed_exercise(catalog: Catalog) -> None:
    assert set(catalog.exercises) == EXPECTED | HOUSE


def test_shipped_catalogue_kinds_and_warmups(catalog: Catalog) -> None:
    warmups = {e.id for e in catalog.exercises.values() if e.kind == "warmup"}
    assert warmups == {
        "marching",
        "arm-circles",
        "torso-twists",
        "neck-shoulder-rolls",
        "neck-sway",
    }
    assert {e.kind for e in catalog.exercises.values()} == {
        "warmup",
        "stretch",
        "strength",
        "mobility",
    }


def test_seed_dosages_carry_over(catalog: Catalog) -> None:
    ex = catalog.exercises
    assert ex["cat-cow"].reps_range == (8, 15)
    assert ex["childs-pose"].hold_range == (20, 60)
    assert ex["bridge"].tempo is not None and ex["bridge"].hold_s == 3
    assert ex["marching"].time_s == 45 and ex["marching"].time_range == (30, 60)
    assert ex["knee-to-chest"].per_side and ex["knee-to-chest"].sets_range == (2, 3)
    assert ex["bird-dog"].alternate


def test_breath_cues_are_data(catalog: Catalog) -> None:
    cow = catalog.exercises["cat-cow"]
    assert cow.breath is not None
    assert (cow.breath.into, cow.breath.return_) == ("inhale", "exhale")
    for e in catalog.exercises.values():
        if e.kind == "strength" and e.breath is not None:
            assert e.breath.into == "exhale", f"{e.id}: exhale on effort"


def test_care_notes(catalog: Catalog) -> None:
    assert "acute" in (catalog.exercises["russian-twist"].care or "")
    plank = catalog.exercises["plank"]
    assert plank.care and plank.hold_s is not None and plank.hold_s <= 60


def test_article_001_scrambles_are_fixed(catalog: Catalog) -> None:
    bridge = " ".join(catalog.exercises["bridge"].steps).lower()
    assert "ankle" not in bridge and "4" not in bridge
    knee = " ".join(catalog.exercises["knee-to-chest"].steps).lower()
    assert "heels" not in knee


def test_required_routines(catalog: Catalog) -> None:
    assert {"gentle", "strength", "quick", "desk"} <= set(catalog.routines)
    gentle = catalog.steps(catalog.routines["gentle"])
    assert 4 <= sum(1 for s in gentle if s.phase == "main") <= 6
    desk = catalog.steps(catalog.routines["desk"])
    assert not any(s.exercise.floor for s in desk)


def test_routine_overrides_apply(catalog: Catalog) -> None:
    quick = {s.exercise.id: s for s in catalog.steps(catalog.routines["quick"])}
    assert quick["marching"].time_s == 30
    assert quick["knee-to-chest"].sets == 1


def test_describe_dose(catalog: Catalog) -> None:
    assert Step.of(catalog.exercises["knee-to-chest"]).describe() == "hold 20 s, 2 sets, each side"
    assert Step.of(catalog.exercises["bridge"]).describe() == "10 reps, hold 3 s"


def test_minimal_catalogue_loads(tmp_path: Path) -> None:
    cat = load_catalog(write(tmp_path, MINIMAL))
    assert list(cat.exercises) == ["hold-me"]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # malformed TOML: names the line
        (lambda t: t.replace('kind = "stretch"', 'kind = "stretch'), ["line 6", "not valid TOML"]),
        # wrong type: names the exercise, key and line
        (
            lambda t: t.replace("hold_s = 20", 'hold_s = "long"'),
            ["line 12", "'hold-me'", "'hold_s'"],
        ),
        # unknown key
        (
            lambda t: t.replace("hold_s = 20", "hold_s = 20\nholds = 3"),
            ["line 13", "unknown key 'holds'"],
        ),
        # bad enum value
        (lambda t: t.replace('"supine"', '"upside-down"'), ["'position'", "line 7"]),
        # no dosage at all
        (lambda t: t.replace("hold_s = 20", ""), ["'hold-me'", "needs a dosage"]),
        # negative duration
        (
            lambda t: t.replace("hold_s = 20", "hold_s = -5"),
            ["'hold_s'", "greater than or equal to 0"],
        ),
        # duplicate id
        (
            lambda t: t.replace(
                "[[routine]]",
                MINIMAL.split("schema = 1\n")[1].split("[[routine]]")[0] + "[[routine]]",
            ),
            ["'hold-me' is used twice", "line 16"],
        ),
        # unknown routine member
        (
            lambda t: t.replace('exercises = ["hold-me"]', 'exercises = ["hold-me", "backflip"]'),
            ["routine 'r'", "unknown exercise 'backflip'", "line 17"],
        ),
        # reps without tempo
        (lambda t: t.replace("hold_s = 20", "reps = 10"), ["needs a tempo"]),
        # override above the safe maximum
        (
            lambda t: t.replace("hold_s = 20", "hold_s = 20\nhold_range = [10, 30]").replace(
                'exercises = ["hold-me"]', 'exercises = [{ id = "hold-me", hold_s = 300 }]'
            ),
            ["routine 'r'", "above the safe maximum"],
        ),
    ],
)
def test_bad_catalogue_gives_clear_error_and_leaves_file(tmp_path: Path, edit, expected) -> None:
    text = edit(MINIMAL)
    path = write(tmp_path, text)
    before = path.read_bytes()
    with pytest.raises(DataError) as info:
        load_catalog(path)
    message = str(info.value)
    assert str(path) in message
    for part in expected:
        assert part in message, message
    assert "\n" not in message
    assert path.read_bytes() == before


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="file not found"):
        load_catalog(tmp_path / "nope.toml")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "cat.toml"
    path.write_bytes(b'schema = 1\nname = "\xff"\n')
    with pytest.raises(DataError, match="not UTF-8"):
        load_catalog(path)


def test_shipped_catalog_path_exists() -> None:
    assert shipped_catalog().is_file()

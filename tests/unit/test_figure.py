"""The figure's core (issue 29, first part): a pose, given as the direction of each
body part, becomes segments fitted to a box; an impossible pose is named."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from backtimer.core.figure import (
    Pose,
    between,
    flexion,
    mirrored,
    placed,
    pose_problems,
)
from backtimer.core.figure_draw import drawing

LIMBS = ("upper_arm", "forearm", "thigh", "shin")


def pose(touch=("near_foot", "far_foot"), **angles: float) -> Pose:
    base = {"trunk": 90.0, "neck": 90.0}
    base |= {f"{side}_{limb}": -90.0 for side in ("near", "far") for limb in LIMBS}
    return Pose(base | angles, touch=touch)


STANDING = pose()
#: The top of a bridge: shoulders on the mat, a straight line from shoulders through
#: hips to knees, shins about upright, feet flat.
BRIDGE_TOP = Pose(
    {
        "trunk": 200.9,
        "neck": 175.0,
        "near_upper_arm": 0.0,
        "far_upper_arm": 0.0,
        "near_forearm": 0.0,
        "far_forearm": 0.0,
        "near_thigh": 20.9,
        "far_thigh": 20.9,
        "near_shin": -95.0,
        "far_shin": -95.0,
    },
    touch=("shoulder", "near_foot", "far_foot"),
)


def test_standing_is_straight_and_stands_on_the_floor() -> None:
    assert all(abs(bend) < 1e-9 for bend in flexion(STANDING).values())
    at = placed(STANDING)
    assert at["near_foot"][1] == pytest.approx(0.0)
    assert at["head"][1] == pytest.approx(0.245 * 2 + 0.30 + 0.05 + 0.06)
    assert pose_problems(STANDING) == []


def test_the_bridge_top_is_a_straight_line_from_shoulders_to_knees() -> None:
    assert pose_problems(BRIDGE_TOP, "bridge") == []
    at = placed(BRIDGE_TOP)
    sx, sy = at["shoulder"]
    hx, hy = at["hip"]
    kx, ky = at["near_knee"]
    # the hip lies on the line from shoulder to knee: no arched or sagging back
    cross = (hx - sx) * (ky - sy) - (hy - sy) * (kx - sx)
    assert abs(cross) < 1e-9 and sy == pytest.approx(0.05, abs=2e-3) and hy > 0.1  # on the mat
    assert 100 < flexion(BRIDGE_TOP)["near_knee"] < 130


def test_impossible_poses_are_named() -> None:
    backwards = pose(near_shin=-60.0)  # the shin forward of the thigh: knee bent back
    [problem] = pose_problems(backwards, "lunge")
    assert "near knee" in problem and "bent backwards" in problem
    floating = pose(touch=("near_foot", "near_hand"))  # a hand "on the floor" at the hip
    problems = pose_problems(floating, "reach")
    assert any("near hand should touch the floor" in p for p in problems)
    missing = Pose({"trunk": 90.0}, touch=("near_foot",))
    assert "no angle for" in pose_problems(missing)[0]
    assert "is not a point" in pose_problems(pose(touch=("elbow",)))[0]


def test_sides_mirror_and_poses_blend() -> None:
    one = pose(near_thigh=0.0, near_shin=-90.0, touch=("far_foot",))  # a knee lift
    other = mirrored(one)
    assert other.angles["far_thigh"] == 0.0 and other.angles["near_thigh"] == -90.0
    assert other.touch == ("near_foot",) and mirrored(other) == one
    half = between(STANDING, one, 0.5)
    assert half.angles["near_thigh"] == pytest.approx(-45.0)
    # the short way round: from 170 to -170 passes through 180, not 0
    turned = between(pose(trunk=170.0), pose(trunk=-170.0), 0.5)
    assert math.isclose(abs(turned.angles["trunk"]) % 360, 180.0)


def test_a_drawing_fits_its_box_and_stands_on_the_mat() -> None:
    for width, height in ((40.0, 24.0), (160.0, 100.0), (20.0, 60.0)):
        d = drawing(STANDING, width, height)
        points = [(x, y) for x1, y1, x2, y2, _ in d.segments for x, y in ((x1, y1), (x2, y2))]
        hx, hy, r = d.head
        assert all(0 <= x <= width and 0 <= y <= height for x, y in points)
        assert hy - r >= 0 and hy + r <= height and r > 0
        feet = max(y for _, y in points)
        assert feet == pytest.approx(height * 0.94)  # on the floor line
    flipped = drawing(pose(near_upper_arm=0.0), 40, 24, mirror=True)
    normal = drawing(pose(near_upper_arm=0.0), 40, 24)
    # the near arm reaches forward: right of the hip when the figure faces right,
    # left of it when mirrored (segment 8: the near forearm; segment 0 starts at the hip)
    assert normal.segments[8][2] > normal.segments[0][0] + 2
    assert flipped.segments[8][2] < flipped.segments[0][0] - 2


def test_braille_draws_the_figure_in_cells() -> None:
    from backtimer.core.figure_draw import braille

    rows = braille(drawing(STANDING, 40, 48), 20, 12)
    assert len(rows) == 12 and all(len(r) <= 20 for r in rows)
    assert all(0x2800 <= ord(c) <= 0x28FF for r in rows for c in r)
    assert len(rows[-1].strip("\u2800")) >= 4  # the mat under the feet
    assert rows[0].strip("\u2800")  # the head at the top
    # a bridge is long and low: its top rows are empty
    low = braille(drawing(BRIDGE_TOP, 40, 48), 20, 12)
    assert not "".join(low[:6]).strip("\u2800") and low[-1].strip("\u2800")


def test_a_two_part_back_shows_cat_and_cow() -> None:
    """Hands and knees: the low back and the upper back turn apart, so a rounded
    back (cat) and a hollow one (cow) look different; too far is impossible."""
    base = {f"{side}_{limb}": -90.0 for side in ("near", "far") for limb in LIMBS} | {"neck": 0.0}
    touch = ("near_hand", "far_hand", "near_knee", "far_knee")
    # shins lie back along the mat, from knee to foot
    legs = {"near_shin": 180.0, "far_shin": 180.0}
    cat = Pose(base | legs | {"trunk": 20.0, "chest": -20.0, "neck": -60.0}, touch=touch)
    cow = Pose(base | legs | {"trunk": -10.0, "chest": 10.0, "neck": 30.0}, touch=touch)
    assert flexion(cat)["spine"] == pytest.approx(40.0)
    assert flexion(cow)["spine"] == pytest.approx(-20.0)
    assert placed(cat)["back"][1] > placed(cow)["back"][1]  # the back higher in cat
    folded = Pose(base | legs | {"trunk": 60.0, "chest": -60.0}, touch=touch)
    assert any("spine" in p for p in pose_problems(folded))


def test_a_figures_table_reads_into_poses_and_names_its_mistakes() -> None:
    from backtimer.core.figure import figure_from

    tables = [
        {
            "name": "start",
            "trunk": 90,
            "neck": 90,
            "upper_arm": -90,
            "forearm": -90,
            "thigh": -90,
            "shin": -90,
            "touch": ["near_foot", "far_foot"],
        },
        {
            "name": "knee up",
            "trunk": 90,
            "neck": 90,
            "upper_arm": -90,
            "forearm": -90,
            "thigh": -90,
            "shin": -90,
            "near_thigh": -5,
            "near_shin": -95,
            "touch": ["far_foot"],
        },
    ]
    figure, problems = figure_from("marching", tables)
    assert problems == [] and [n for n, _ in figure.poses] == ["start", "knee up"]
    up = figure.pose("knee up")
    assert up is not None and up.angles["near_thigh"] == -5 and up.angles["far_thigh"] == -90
    _, problems = figure_from("marching", [{**tables[0], "tail": 10, "near_shin": -40}])
    assert any("'tail' is not a body part" in p for p in problems)
    assert any("near knee" in p and "bent backwards" in p for p in problems)


def test_a_straight_arm_on_the_floor_hangs_the_chest_between_the_shoulder_blades() -> None:
    from backtimer.core.figure import SHOULDER_BLADES, joints, on_straight_arm

    base = {"trunk": 0.0, "neck": -10.0, "upper_arm": -90.0, "forearm": -90.0}
    angles = {k: v for k, v in base.items() if k in ("trunk", "neck")}
    for side in ("near", "far"):
        angles |= {f"{side}_upper_arm": -90.0, f"{side}_forearm": -90.0}
        angles |= {f"{side}_thigh": -90.0, f"{side}_shin": 180.0}
    fours = Pose(angles, touch=("near_hand", "far_hand", "near_knee", "far_knee"))
    assert on_straight_arm(fours, "near") and on_straight_arm(fours, "far")
    at = joints(fours)
    # the arm hangs from above the back line: the elbow is higher than it would be
    assert at["near_elbow"][1] == pytest.approx(at["shoulder"][1] + SHOULDER_BLADES - 0.16)
    # the same arms not on the floor hang from the shoulder itself
    hanging = Pose(angles, touch=("near_knee", "far_knee"))
    assert not on_straight_arm(hanging, "near")
    assert joints(hanging)["near_elbow"][1] == pytest.approx(at["shoulder"][1] - 0.16)
    # a bent arm on the floor (a forearm plank's hands) does not count
    bent = Pose(angles | {"near_forearm": 0.0}, touch=("near_hand",))
    assert not on_straight_arm(bent, "near")


def test_a_part_turned_toward_the_viewer_is_drawn_shorter() -> None:
    """Foreshortening: a thigh pointing at the viewer from a chair (the figure-four,
    seen from the front) is drawn at the share of its length given; its joints are
    not range-checked in the picture's plane; a share outside 0.05-1 is named."""
    from backtimer.core.figure import figure_from, joints

    seated = {
        "name": "sit",
        "front": True,
        "props": ["chair"],
        "trunk": 90,
        "neck": 90,
        "upper_arm": -90,
        "forearm": -90,
        "thigh": -90,
        "thigh_reach": 0.25,
        "shin": -90,
        "seat": ["hip"],
        "touch": ["near_foot", "far_foot"],
    }
    figure, problems = figure_from("sit", [seated])
    pose = figure.poses[0][1]
    assert pose.reach == {"near_thigh": 0.25, "far_thigh": 0.25}
    at = joints(pose)
    assert at["near_hip"][1] - at["near_knee"][1] == pytest.approx(0.245 * 0.25)
    assert problems == []  # the feet on the floor, the hips on the seat
    # a knee bent "backwards" in the picture is fine when the thigh points at you
    _, problems = figure_from("sit", [seated | {"near_shin": 170, "touch": ["far_foot"]}])
    assert not any("knee" in p for p in problems)
    _, problems = figure_from("sit", [seated | {"thigh_reach": 1.5}])
    assert problems and "reach is 1.5" in problems[0]
    _, problems = figure_from("sit", [seated | {"thigh_reach": "far"}])
    assert "thigh_reach must be a share of its length" in problems[0]


def test_a_front_view_has_shoulders_and_hips_with_their_width() -> None:
    from backtimer.core.figure import HALF_HIPS, HALF_SHOULDERS, joints

    angles = {"trunk": 90.0, "neck": 90.0}
    for side in ("near", "far"):
        angles |= {f"{side}_upper_arm": -90.0, f"{side}_forearm": -90.0}
        angles |= {f"{side}_thigh": -90.0, f"{side}_shin": -90.0}
    front = joints(Pose(angles, touch=("near_foot", "far_foot"), front=True))
    assert front["near_knee"][0] == pytest.approx(HALF_HIPS)  # the right leg, to +x
    assert front["far_knee"][0] == pytest.approx(-HALF_HIPS)
    assert front["near_elbow"][0] == pytest.approx(HALF_SHOULDERS)
    side = joints(Pose(angles, touch=("near_foot", "far_foot")))
    assert side["near_knee"][0] == pytest.approx(0.0) == side["far_knee"][0]
    d = drawing(Pose(angles, touch=("near_foot", "far_foot"), front=True), 100, 100)
    assert len(d.segments) == len(drawing(Pose(angles), 100, 100).segments) + 2


def test_a_moves_poses_are_drawn_at_one_scale() -> None:
    """A body reaching out (wider) is not drawn smaller than the same body on all
    fours: every pose of a move at the scale at which all of them fit."""
    from backtimer.core.figure_draw import common_scale, fitted

    fours = {f"{s}_{limb}": -90.0 for s in ("near", "far") for limb in LIMBS}
    fours |= {"trunk": 0.0, "neck": -10.0, "near_shin": 180.0, "far_shin": 180.0}
    touch = ("near_hand", "far_hand", "near_knee", "far_knee")
    start = Pose(fours, touch=touch)
    reach = Pose(
        fours | {"near_upper_arm": 5.0, "near_forearm": 5.0, "far_thigh": 180.0},
        touch=("far_hand", "near_knee"),
    )
    alone = [drawing(p, 80, 40).scale for p in (start, reach)]
    assert alone[0] > alone[1] * 1.2  # each fitted alone: the reach much smaller
    together = common_scale((start, reach), 80, 40)
    assert together == pytest.approx(min(alone))
    drawn = [fitted(p, 40, 10, among=(start, reach)) for p in (start, reach)]
    assert all(d is not None and d.scale == pytest.approx(together) for d in drawn)


def test_what_a_session_shows_of_a_move() -> None:
    """Reps by the tempo's phase, a timed move round its poses with the seconds, and
    the second side: the other limbs (side view) or the picture flipped (front)."""
    from backtimer.core.figure import Figure, mirrored, shown_pose

    side = {f"{s}_{limb}": -90.0 for s in ("near", "far") for limb in LIMBS}
    stand = Pose(side | {"trunk": 90.0, "neck": 90.0}, touch=("near_foot", "far_foot"))
    knee = Pose(stand.angles | {"near_thigh": -5.0, "near_shin": -95.0}, touch=("far_foot",))
    marching = Figure((("stand", stand), ("knee up", knee)))
    seen = [shown_pose(marching, working=True, timed=True, second=n) for n in (8, 7, 6, 5)]
    assert seen == [(knee, False), (stand, False), (mirrored(knee), False), (stand, False)]
    # getting ready: the start; a rep coming back: the start; going into it: the end
    assert shown_pose(marching, working=False) == (stand, False)
    assert shown_pose(marching, working=True, tempo_phase="into") == (knee, False)
    assert shown_pose(marching, working=True, tempo_phase="return") == (stand, False)
    # the second side of a side view: the other leg, not the figure turned round
    assert shown_pose(marching, working=True, tempo_phase="into", other_side=True) == (
        mirrored(knee),
        False,
    )
    assert marching.swapped(knee) is marching.swapped(knee)  # made once: drawn once
    front = Figure((("turn", replace(stand, front=True)),))
    flips = [shown_pose(front, working=True, timed=True, second=n)[1] for n in (5, 4, 3, 2)]
    assert flips == [False, False, True, True]  # one way, then the other, 2 s each
    assert shown_pose(front, working=False, other_side=True)[1] is True

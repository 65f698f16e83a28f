"""A drawn figure of a move (issue 29, its model): a pose is a small skeleton seen from
the side (or the front), given as the direction of each body part; this module places
its joints, says what is impossible about a pose, reads a figures file's tables, and
picks the pose a session shows at each moment. ``figure_draw`` draws it. Pure: no
Textual, no drawing surface.

Angles are absolute, in degrees, in the figure's own frame: 0 points the way the
figure faces (+x), 90 points up. A standing figure has its trunk at 90 and its
thighs and shins at -90. "Near" limbs are the ones toward the viewer, "far" the
others (drawn fainter). The figure is placed so that the points it says touch the
floor lie on the floor line (y = 0), and nothing goes below it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

#: Body parts, as a fraction of standing height (a simple, adult proportion).
LENGTHS: Mapping[str, float] = {
    "trunk": 0.15,  # hip to the middle of the back (the low back)
    "chest": 0.15,  # the middle of the back to the shoulders (the upper back)
    "neck": 0.05,
    "upper_arm": 0.16,
    "forearm": 0.15,
    "thigh": 0.245,
    "shin": 0.245,
}
HEAD_RADIUS = 0.06
#: The parts whose direction a pose gives, near and far side for limbs.
LIMBS = ("upper_arm", "forearm", "thigh", "shin")
SIDES = ("near", "far")
#: Points that can touch the floor, a chair's seat or a wall.
CONTACTS = (
    "hip",
    "shoulder",
    "head",
    "near_hand",
    "far_hand",
    "near_elbow",
    "far_elbow",
    "near_knee",
    "far_knee",
    "near_foot",
    "far_foot",
    "back",  # the middle of the back (lying on the back or the belly)
)
#: How close (in heights) a point said to touch a surface must be to it.
TOUCH = 0.02
#: How high above a surface a point lies when it rests on it: a hand, a foot, a knee
#: or an elbow is drawn at the surface; the trunk's points lie half a body's thickness
#: above it, and the head rests on the back of the skull.
RESTS = {"hip": 0.05, "back": 0.05, "shoulder": 0.05, "head": HEAD_RADIUS}
#: Half the width of the hips and of the shoulders (between the joints), drawn in a
#: front view.
HALF_HIPS, HALF_SHOULDERS = 0.07, 0.1
#: On a straight arm (hand on the floor, arm near vertical, as on all fours) the chest
#: hangs between the shoulder blades: that arm's joint lies this far (in heights) above
#: the back line, toward the back, and the arm is drawn from where it meets the back
#: line. Without it straight arms, longer than the thighs, would tip a level back
#: uphill toward the head.
SHOULDER_BLADES = 0.065
#: The ranges each joint moves through, in degrees of flexion (negative: the other
#: way). Generous on purpose: a pose outside them is a mistake, not a stretch.
JOINT_RANGES: Mapping[str, tuple[float, float]] = {
    "knee": (-5.0, 160.0),
    "elbow": (-5.0, 155.0),
    "hip": (-40.0, 165.0),  # a deep child's pose folds the hip about 160°
    "shoulder": (-70.0, 200.0),
    "neck": (-70.0, 70.0),
    # the spine between the low and the upper back: forward (rounding, as in cat) is
    # positive, arching back (as in cobra or cow) negative
    "spine": (-45.0, 75.0),
}


@dataclass(frozen=True)
class Pose:
    """One key position of a move. ``angles``: part -> absolute direction, parts being
    "trunk" (the low back), "chest" (the upper back; the trunk's direction when not
    given, a straight back), "neck" and "<near|far>_<limb>". ``touch``: the points on the floor;
    ``seat``/``wall``: points on the chair's seat or against the wall."""

    angles: Mapping[str, float]
    touch: tuple[str, ...] = ()
    seat: tuple[str, ...] = ()
    wall: tuple[str, ...] = ()
    #: Props drawn with it: "mat", "chair", "wall".
    props: tuple[str, ...] = ("mat",)
    #: A front view (side bends, arm circles): "near" is the figure's right side.
    front: bool = False
    #: Foreshortening: part -> the share of its length seen (1: in the picture's
    #: plane; less: turned toward or away from the viewer, as a thigh pointing at
    #: the viewer from a chair). Parts not named are seen whole.
    reach: Mapping[str, float] = field(default_factory=dict)

    def length(self, part: str) -> float:
        """The part's length as drawn (``LENGTHS`` times its ``reach``)."""
        kind = part.removeprefix("near_").removeprefix("far_")
        return LENGTHS[kind] * self.reach.get(part, 1.0)

    def angle(self, part: str) -> float:
        if part == "chest" and "chest" not in self.angles:
            return float(self.angles["trunk"])  # a straight back
        return float(self.angles[part])


def _towards(x: float, y: float, degrees: float, length: float) -> tuple[float, float]:
    rad = math.radians(degrees)
    return x + length * math.cos(rad), y + length * math.sin(rad)


def on_straight_arm(pose: Pose, side: str) -> bool:
    """Whether the body rests on that side's straight arm, held near vertical (as on
    all fours)."""
    if f"{side}_hand" not in pose.touch:
        return False
    arm, forearm = pose.angle(f"{side}_upper_arm"), pose.angle(f"{side}_forearm")
    return abs(_turn(arm, -90.0)) <= 30.0 and abs(_turn(arm, forearm)) <= 15.0


def joints(pose: Pose) -> dict[str, tuple[float, float]]:
    """Every joint's position with the hip at the origin (y up)."""
    at: dict[str, tuple[float, float]] = {"hip": (0.0, 0.0)}
    at["back"] = _towards(0.0, 0.0, pose.angle("trunk"), pose.length("trunk"))
    at["shoulder"] = _towards(*at["back"], pose.angle("chest"), pose.length("chest"))
    neck = _towards(*at["shoulder"], pose.angle("neck"), pose.length("neck"))
    at["neck"] = neck
    at["head"] = _towards(*neck, pose.angle("neck"), HEAD_RADIUS)
    blades = _towards(*at["shoulder"], pose.angle("chest") + 90.0, SHOULDER_BLADES)
    for side in SIDES:
        # seen from the front, the shoulders and the hips have their width ("near",
        # the right side, toward +x); from the side they are one point each
        out = (-90.0 if side == "near" else 90.0) if pose.front else None
        hip, shoulder = (0.0, 0.0), at["shoulder"]
        if out is not None:  # the hips level, the shoulders square to the upper back
            hip = (HALF_HIPS if side == "near" else -HALF_HIPS, 0.0)
            half = HALF_SHOULDERS * pose.reach.get("shoulders", 1.0)  # turned: narrower
            shoulder = _towards(*shoulder, pose.angle("chest") + out, half)
        at[f"{side}_hip"], at[f"{side}_shoulder"] = hip, shoulder
        arm = blades if on_straight_arm(pose, side) else shoulder
        elbow = _towards(*arm, pose.angle(f"{side}_upper_arm"), pose.length(f"{side}_upper_arm"))
        at[f"{side}_elbow"] = elbow
        forearm = pose.length(f"{side}_forearm")
        at[f"{side}_hand"] = _towards(*elbow, pose.angle(f"{side}_forearm"), forearm)
        knee = _towards(*hip, pose.angle(f"{side}_thigh"), pose.length(f"{side}_thigh"))
        at[f"{side}_knee"] = knee
        shin = pose.length(f"{side}_shin")
        at[f"{side}_foot"] = _towards(*knee, pose.angle(f"{side}_shin"), shin)
    return at


def _turn(a: float, b: float) -> float:
    """The angle from direction ``a`` to ``b``, -180 to 180 (counter-clockwise +)."""
    return (b - a + 180.0) % 360.0 - 180.0


def flexion(pose: Pose) -> dict[str, float]:
    """Each joint's bend in degrees, on the figure's near and far side, by the same
    convention as ``JOINT_RANGES`` (a knee bent backwards is negative)."""
    out = {
        "neck": _turn(pose.angle("chest"), pose.angle("neck")),
        "spine": -_turn(pose.angle("trunk"), pose.angle("chest")),
    }
    down_trunk = pose.angle("trunk") + 180.0
    down_chest = pose.angle("chest") + 180.0
    for side in SIDES:
        # the knee bends the shin back, behind the thigh: a clockwise turn
        out[f"{side}_knee"] = -_turn(pose.angle(f"{side}_thigh"), pose.angle(f"{side}_shin"))
        # the elbow bends the forearm forward and up: counter-clockwise
        out[f"{side}_elbow"] = _turn(pose.angle(f"{side}_upper_arm"), pose.angle(f"{side}_forearm"))
        # the hip: the thigh forward of the line down the trunk (counter-clockwise)
        out[f"{side}_hip"] = _turn(down_trunk, pose.angle(f"{side}_thigh"))
        out[f"{side}_shoulder"] = _turn(down_chest, pose.angle(f"{side}_upper_arm")) % 360.0
        if out[f"{side}_shoulder"] > 270.0:
            out[f"{side}_shoulder"] -= 360.0
        if pose.front and side == "far":  # the left side, seen from the front: mirrored
            out["far_elbow"], out["far_knee"] = -out["far_elbow"], -out["far_knee"]
    return out


def placed(pose: Pose, seat_height: float = 0.25) -> dict[str, tuple[float, float]]:
    """The joints moved so that the lowest point the pose says touches the floor (or
    the seat) lies on it; a pose that touches nothing stands on its lowest point."""
    at = joints(pose)
    if pose.touch:
        lift = max(RESTS.get(p, 0.0) - at[p][1] for p in pose.touch)
    elif pose.seat:
        lift = max(seat_height + RESTS.get(p, 0.0) - at[p][1] for p in pose.seat)
    else:
        lift = -min(y for _, y in at.values())
    return {k: (x, y + lift) for k, (x, y) in at.items()}


#: The parts on either side of each joint.
_AROUND = {
    "neck": ("chest", "neck"),
    "spine": ("trunk", "chest"),
    "knee": ("thigh", "shin"),
    "elbow": ("upper_arm", "forearm"),
    "hip": ("trunk", "thigh"),
    "shoulder": ("chest", "upper_arm"),
}


def _foreshortened(pose: Pose, joint: str) -> bool:
    side, _, kind = joint.rpartition("_")
    for part in _AROUND[kind]:
        name = f"{side}_{part}" if side and part in LIMBS else part
        if pose.reach.get(name, 1.0) < 1.0:
            return True
    return False


def pose_problems(pose: Pose, name: str = "pose", seat_height: float = 0.25) -> list[str]:
    """What is impossible about ``pose``: a missing part, a joint outside its range,
    a point said to touch the floor (or seat) that does not, a body part below it."""
    parts = {"trunk", "neck", *(f"{s}_{limb}" for s in SIDES for limb in LIMBS)}
    missing = sorted(parts - set(pose.angles))
    if missing:
        return [f"{name}: no angle for {', '.join(missing)}"]
    problems = []
    for part, share in pose.reach.items():
        if part not in parts | {"chest", "shoulders"}:
            problems.append(f"{name}: {part!r} is not a body part (a reach)")
        elif not 0.05 <= share <= 1.0:
            what = part.replace("_", " ")
            problems.append(f"{name}: the {what}'s reach is {share:g}, not 0.05 to 1")
    if problems:
        return problems
    for joint, bend in flexion(pose).items():
        kind = joint.split("_", 1)[-1]
        if pose.front and kind in ("hip", "shoulder", "elbow"):
            continue  # seen from the front these turn out of the picture's plane
        if _foreshortened(pose, joint):
            continue  # a part turned toward the viewer: its angle here is not its bend
        low, high = JOINT_RANGES[kind]
        if not low <= bend <= high:
            problems.append(
                f"{name}: the {joint.replace('_', ' ')} is bent {bend:.0f}°, outside "
                f"{low:.0f}° to {high:.0f}°" + (" (bent backwards)" if bend < low else "")
            )
    for point in (*pose.touch, *pose.seat, *pose.wall):
        if point not in CONTACTS:
            problems.append(f"{name}: {point!r} is not a point that can touch anything")
    if problems:
        return problems
    at = placed(pose, seat_height)
    for point in pose.touch:
        above = at[point][1] - RESTS.get(point, 0.0)
        if abs(above) > TOUCH:
            problems.append(
                f"{name}: the {point.replace('_', ' ')} should touch the floor "
                f"but is {above:.2f} above it"
            )
    for point in pose.seat:
        if abs(at[point][1] - RESTS.get(point, 0.0) - seat_height) > TOUCH:
            problems.append(f"{name}: the {point.replace('_', ' ')} should rest on the seat")
    lowest = min(at, key=lambda k: at[k][1] - RESTS.get(k, 0.0))
    if at[lowest][1] - RESTS.get(lowest, 0.0) < -TOUCH:
        problems.append(f"{name}: the {lowest.replace('_', ' ')} is below the floor")
    return problems


def mirrored(pose: Pose) -> Pose:
    """The same pose on the other side: near and far limbs swap (a per-side move's
    two sides mirror each other)."""
    swapped = {}
    for part, value in pose.angles.items():
        side, _, limb = part.partition("_")
        if side in SIDES and limb in LIMBS:
            other = "far" if side == "near" else "near"
            swapped[f"{other}_{limb}"] = value
        else:
            swapped[part] = value

    def swap(points: Iterable[str]) -> tuple[str, ...]:
        out = []
        for p in points:
            side, _, rest = p.partition("_")
            out.append(f"{'far' if side == 'near' else 'near'}_{rest}" if side in SIDES else p)
        return tuple(out)

    return replace(
        pose,
        angles=swapped,
        touch=swap(pose.touch),
        seat=swap(pose.seat),
        wall=swap(pose.wall),
        reach=dict(zip(swap(pose.reach), pose.reach.values(), strict=True)),
    )


def between(a: Pose, b: Pose, fraction: float) -> Pose:
    """The pose ``fraction`` (0 to 1) of the way from ``a`` to ``b``, each part
    turning the short way round; contacts and props of the nearer one."""
    t = min(1.0, max(0.0, fraction))
    angles = {part: a.angle(part) + _turn(a.angle(part), b.angle(part)) * t for part in a.angles}
    parts = set(a.reach) | set(b.reach)
    reach = {p: (1 - t) * a.reach.get(p, 1.0) + t * b.reach.get(p, 1.0) for p in parts}
    return replace(a if t < 0.5 else b, angles=angles, reach=reach)


#: Short keys a figures file may use for both sides at once.
BOTH = ("upper_arm", "forearm", "thigh", "shin")
#: What a pose's table may hold besides angles.
POSE_KEYS = frozenset({"name", "touch", "seat", "wall", "props", "front"})


@dataclass(frozen=True)
class Figure:
    """A move's key poses, in order (a hold: one; a rep move: start, end and any pose
    between), by name."""

    poses: tuple[tuple[str, Pose], ...]
    #: Each pose with its near and far limbs swapped, made once (see ``swapped``).
    _swapped: dict[int, Pose] = field(default_factory=dict, compare=False, repr=False)

    def pose(self, name: str) -> Pose | None:
        return next((p for n, p in self.poses if n == name), None)

    def swapped(self, pose: Pose) -> Pose:
        """``pose`` on the other side (``mirrored``), the same object each time."""
        key = id(pose)
        if key not in self._swapped:
            self._swapped[key] = mirrored(pose)
        return self._swapped[key]


def figure_from(move: str, tables: Iterable[Mapping[str, object]]) -> tuple[Figure, list[str]]:
    """A figure from a figures file's ``[[<move>]]`` tables (one a pose: its name,
    what touches what, and each part's direction; ``thigh = -90`` sets both thighs,
    ``near_thigh`` one), and what is wrong with it."""
    poses: list[tuple[str, Pose]] = []
    problems: list[str] = []
    for n, table in enumerate(tables, 1):
        name = str(table.get("name", f"pose {n}"))
        angles: dict[str, float] = {}
        reach: dict[str, float] = {}
        for key, value in table.items():
            if key in POSE_KEYS:
                continue
            if not isinstance(value, int | float) or isinstance(value, bool):
                what = "a share of its length" if key.endswith("_reach") else "a number of degrees"
                problems.append(f"{move}, {name}: {key} must be {what}")
                continue
            if key.endswith("_reach"):
                part = key.removesuffix("_reach")
                for one in (f"near_{part}", f"far_{part}") if part in BOTH else (part,):
                    reach[one] = float(value)
                continue
            if key in BOTH:
                angles.setdefault(f"near_{key}", float(value))
                angles.setdefault(f"far_{key}", float(value))
            elif (
                key in {"trunk", "chest", "neck"}
                or key.removeprefix("near_").removeprefix("far_") in BOTH
            ):
                angles[key] = float(value)
            else:
                problems.append(f"{move}, {name}: {key!r} is not a body part")

        def points(key: str, table: Mapping[str, object] = table) -> tuple[str, ...]:
            found = table.get(key, ())
            return tuple(str(p) for p in found) if isinstance(found, list | tuple) else ()

        props = points("props") or ("mat",)
        pose = Pose(
            angles,
            touch=points("touch"),
            seat=points("seat"),
            wall=points("wall"),
            props=props,
            front=bool(table.get("front", False)),
            reach=reach,
        )
        problems += pose_problems(pose, f"{move}, {name}")
        poses.append((name, pose))
    return Figure(tuple(poses)), problems


def phase_pose(
    figure: Figure,
    *,
    working: bool,
    tempo_phase: str | None = None,
    words: tuple[str, str, str] | None = None,
) -> Pose:
    """The pose a session shows: the start (a pose named "neutral", else the first)
    while getting ready, resting or switching; during a hold or a timed move the last
    pose (the one held); in a rep, the pose the tempo's word names when there is one
    (cat-cow's "cow" and "cat"), else the end pose while moving into it and holding
    it and the start while coming back."""
    poses = figure.poses
    if not working:
        return figure.pose("neutral") or poses[0][1]
    if tempo_phase is None:
        return poses[-1][1]
    into, _, back = words or ("", "", "")
    if tempo_phase == "return":
        return figure.pose(back) or poses[0][1]
    return figure.pose(into) or poses[-1][1]


def shown_pose(
    figure: Figure,
    *,
    working: bool,
    tempo_phase: str | None = None,
    words: tuple[str, str, str] | None = None,
    timed: bool = False,
    second: int = 0,
    other_side: bool = False,
) -> tuple[Pose, bool]:
    """What a session draws now: the pose (``phase_pose``) and whether to draw it
    flipped left to right. A timed move goes round its poses with the countdown's
    seconds (marching: a knee up, down, the other knee up, down; neck sway: one side
    then the other every two seconds). The other side of a per-side move: seen from
    the side, the same person with the other limbs at work (the figure does not
    turn round); seen from the front, the picture flipped."""
    poses = [p for _, p in figure.poses]
    front = poses[0].front
    flip = swap = False
    if working and timed and front:
        pose = poses[(second // 2) % len(poses)]
        flip = len(poses) == 1 and (second // 2) % 2 == 1  # a turn one way, then the other
    elif working and timed and len(poses) > 1:
        step = second % 4
        pose = poses[-1] if step % 2 == 0 else poses[0]
        swap = step == 2
    else:
        pose = phase_pose(figure, working=working, tempo_phase=tempo_phase, words=words)
    if other_side:
        flip, swap = (not flip, swap) if front else (flip, not swap)
    return (figure.swapped(pose) if swap else pose), flip

"""Drawing a figure (issue 29): a pose (``core.figure``) fitted to a box as line
segments and a head circle, with its props (the mat, a chair, a wall); then as text
cells, Braille (fine: the library and ``exercises --show``) or half blocks (bold: the
session, read from the floor). The legible size, the common scale of a move's poses
and the side-by-side strip of a move's poses are here too. Pure: no Textual.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from backtimer.core.figure import (
    HEAD_RADIUS,
    RESTS,
    Figure,
    Pose,
    placed,
)


@dataclass(frozen=True)
class Drawing:
    """What a widget draws: segments (x1, y1, x2, y2, layer) and the head, in the
    units of the box it was fitted to (y grows downward, as on a screen). Layer 0 is
    the far side and the props, 1 the near side."""

    segments: tuple[tuple[float, float, float, float, int], ...]
    head: tuple[float, float, float]
    width: float
    height: float
    props: tuple[tuple[float, float, float, float], ...] = field(default=())
    #: Units of the box per standing height (how large the body is drawn).
    scale: float = 1.0
    #: Where the floor is (nothing is drawn below it); None: the box's bottom.
    floor: float | None = None
    #: The room the pose takes, in heights, hip at 0, facing right: left, right, top.
    extent: tuple[float, float, float] = (0.0, 0.0, 0.0)


#: The share of a box left empty on each side of a drawing.
MARGIN = 0.06


def drawing(
    pose: Pose,
    width: float,
    height: float,
    *,
    mirror: bool = False,
    margin: float = MARGIN,
    seat_height: float = 0.25,
    scale: float | None = None,
    frame: tuple[float, float, float] | None = None,
) -> Drawing:
    """``pose`` as segments fitted into a ``width`` x ``height`` box (y down), its
    proportions kept, standing on the bottom edge; ``mirror`` faces it the other way."""
    at = placed(pose, seat_height)
    if mirror:
        at = {k: (-x, y) for k, (x, y) in at.items()}
    bones: list[tuple[str, str, int]] = [
        ("hip", "back", 1),
        ("back", "shoulder", 1),
        ("shoulder", "neck", 1),
    ]
    if pose.front:  # the shoulders' and the hips' width
        bones += [("far_shoulder", "near_shoulder", 1), ("far_hip", "near_hip", 1)]
    for side, layer in (("far", 0), ("near", 1)):
        bones += [
            (f"{side}_shoulder", f"{side}_elbow", layer),
            (f"{side}_elbow", f"{side}_hand", layer),
            (f"{side}_hip", f"{side}_knee", layer),
            (f"{side}_knee", f"{side}_foot", layer),
        ]
    head_x, head_y = at["head"]
    xs = [x for x, _ in at.values()] + [head_x - HEAD_RADIUS, head_x + HEAD_RADIUS]
    ys = [y for _, y in at.values()] + [head_y + HEAD_RADIUS, 0.0]
    props: list[tuple[float, float, float, float]] = []
    if "chair" in pose.props and pose.front:
        # seen from the front the thighs hide the seat: its legs, one at each side
        hip_x = at["hip"][0]
        sides = (hip_x - 0.17, hip_x + 0.17)
        props += [(x, 0.0, x, seat_height) for x in sides]
        xs += list(sides)
    elif "chair" in pose.props:
        hip_x = at["hip"][0]
        back = -1.0 if not mirror else 1.0
        # sitting toward the front of the seat, as chair moves ask: a straightened leg
        # clears its front edge
        seat = (hip_x - 0.26 * -back, seat_height, hip_x + 0.03 * -back, seat_height)
        props += [seat, (seat[0], 0.0, seat[0], seat_height), (seat[2], 0.0, seat[2], seat_height)]
        xs += [seat[0], seat[2]]
    if "wall" in pose.props and pose.wall:
        # the wall behind the back's surface (half a body's thickness behind the line
        # drawn), so that the back of the head is not drawn through it
        behind = RESTS["back"]
        wall_x = (
            min(at[p][0] for p in pose.wall) - behind
            if not mirror
            else max(at[p][0] for p in pose.wall) + behind
        )
        props.append((wall_x, 0.0, wall_x, max(ys) + 0.05))
        xs.append(wall_x)
    left, right = min(xs) - 0.05, max(xs) + 0.05
    top = max(ys) + 0.02
    extent = (-right, -left, top) if mirror else (left, right, top)  # as if unmirrored
    if frame is not None:  # the room all of a move's poses take: none jumps sideways
        left, right = (-frame[1], -frame[0]) if mirror else frame[:2]
        top = max(top, frame[2])
    span_x, span_y = right - left, top
    usable_w, usable_h = width * (1 - 2 * margin), height * (1 - 2 * margin)
    fit = min(usable_w / span_x, usable_h / span_y) if span_x and span_y else 1.0
    scale = min(fit, scale) if scale else fit
    off_x = (width - span_x * scale) / 2 - left * scale
    floor_y = height - height * margin

    def map_point(x: float, y: float) -> tuple[float, float]:
        return off_x + x * scale, floor_y - y * scale

    segments = []
    for a, b, layer in bones:
        segments.append((*map_point(*at[a]), *map_point(*at[b]), layer))
    mapped_props = [(*map_point(x1, y1), *map_point(x2, y2)) for x1, y1, x2, y2 in props]
    if "mat" in pose.props:
        # the mat a little under the floor line, so that an arm or a leg resting on
        # it (the child's pose's arms) is seen on it rather than lost in it
        (x1, y1), (x2, _) = map_point(left, 0.0), map_point(right, 0.0)
        below = max(0.0, min(MAT_GAP, height * margin - 1))
        mapped_props.insert(0, (x1, y1 + below, x2, y1 + below))
    hx, hy = map_point(head_x, head_y)
    return Drawing(
        tuple(segments),
        (hx, hy, HEAD_RADIUS * scale),
        width,
        height,
        tuple(mapped_props),
        scale,
        floor_y,
        extent,
    )


#: How far (in units of the box: a Braille dot; two are a half-block pixel) the mat is
#: drawn under the floor line: a pixel of space between.
MAT_GAP = 4.0
#: Below this many text rows for a standing height the figure is left out rather
#: than squeezed: drawn in half blocks (two pixels a row), a smaller head is a ring
#: of a pixel or two and a folded pose a blob (checked by eye at 80x24, 100x30 and
#: 160x50).
LEGIBLE_ROWS = 14.0
#: At most this many text rows for a standing height: in a tall column a standing
#: figure is not drawn twice the size of one lying down.
MOST_ROWS = 26.0
#: From this many half-block pixels for a standing height, lines are two thick.
THICK_FROM = 44.0


def common_fit(
    poses: Iterable[Pose], width: float, height: float
) -> tuple[float, tuple[float, float, float]]:
    """The scale at which every one of a move's poses fits a ``width`` x ``height``
    box, and the room they take together (left, right, top): drawn at both, the
    body keeps its size and its place from one pose to the next (a bird-dog reaching
    out is not drawn smaller than on all fours, and the hips stay put)."""
    drawn = [drawing(p, width, height) for p in poses]
    left = min(d.extent[0] for d in drawn)
    right = max(d.extent[1] for d in drawn)
    top = max(d.extent[2] for d in drawn)
    scale = min(d.scale for d in drawn)
    usable_w, usable_h = width * (1 - 2 * MARGIN), height * (1 - 2 * MARGIN)
    scale = min(scale, usable_w / (right - left), usable_h / top)
    return scale, (left, right, top)


def common_scale(poses: Iterable[Pose], width: float, height: float) -> float:
    """The scale of ``common_fit``."""
    return common_fit(poses, width, height)[0]


def fitted(
    pose: Pose,
    columns: int,
    rows: int,
    mirror: bool = False,
    among: Iterable[Pose] = (),
) -> Drawing | None:
    """``pose`` fitted to ``columns`` x ``rows`` text cells, in units of half a cell's
    width (a Braille dot; a cell is two across and four down, so the units are
    square), at the scale of all the poses ``among`` (its move's) when given; None
    when the body would be drawn smaller than ``LEGIBLE_ROWS``."""
    others = tuple(among)
    scale, frame = common_fit(others, columns * 2, rows * 4) if others else (None, None)
    cap = MOST_ROWS * 4  # a body standing in a tall column is not drawn as tall as it
    scale = min(scale, cap) if scale else cap
    d = drawing(pose, columns * 2, rows * 4, mirror=mirror, scale=scale, frame=frame)
    return d if d.scale / 4 >= LEGIBLE_ROWS else None


#: Braille dots: (column, row) in a 2 x 4 cell -> its bit.
_DOTS = {
    (0, 0): 0x01,
    (0, 1): 0x02,
    (0, 2): 0x04,
    (1, 0): 0x08,
    (1, 1): 0x10,
    (1, 2): 0x20,
    (0, 3): 0x40,
    (1, 3): 0x80,
}


def braille(d: Drawing, columns: int, rows: int) -> list[str]:
    """``d`` (fitted to ``columns * 2`` by ``rows * 4``) drawn in Braille cells: each
    cell holds 2 x 4 dots, so a figure 20 cells wide is 40 dots across. The head is a
    ring."""
    grid = _raster(d, columns * 2, rows * 4)
    lines = []
    for r in range(rows):
        cells = []
        for c in range(columns):
            bits = 0
            for (dx, dy), bit in _DOTS.items():
                if grid[r * 4 + dy][c * 2 + dx]:
                    bits |= bit
            cells.append(chr(0x2800 + bits))
        lines.append("".join(cells).rstrip("\u2800"))
    return lines


def _raster(d: Drawing, width: int, height: int, weight: int = 1) -> list[list[bool]]:
    """``d`` (in units of ``width`` x ``height`` pixels) as a grid of pixels, the
    body's lines ``weight`` pixels thick (the props, lighter, one)."""
    grid = [[False] * width for _ in range(height)]
    floor = d.floor if d.floor is not None else float(height)

    def dot(x: float, y: float, body: bool) -> None:
        # a body point resting on the floor is drawn on it, never a pixel through it;
        # a thick line grows up from the floor
        if body:
            y = min(y, floor)
        thick = weight if body else 1
        for dx in range(thick):
            for dy in range(thick):
                col, row = int(x) + dx, int(y) - dy
                if 0 <= col < width and 0 <= row < height:
                    grid[row][col] = True

    def line(x1: float, y1: float, x2: float, y2: float, body: bool = True) -> None:
        steps = max(1, int(max(abs(x2 - x1), abs(y2 - y1)) * 2))
        for n in range(steps + 1):
            t = n / steps
            dot(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t, body)

    for x1, y1, x2, y2 in d.props:
        line(x1, y1, x2, y2, body=False)
    for x1, y1, x2, y2, _ in d.segments:
        line(x1, y1, x2, y2)
    hx, hy, r = d.head
    ring = max(8, int(r * 8))
    for n in range(ring):
        angle = 2 * math.pi * n / ring
        dot(hx + r * math.cos(angle), hy + r * math.sin(angle), True)
    return grid


def half_blocks(d: Drawing, columns: int, rows: int) -> list[str]:
    """``d`` (fitted to ``columns * 2`` by ``rows * 4``, as for Braille) drawn with
    half-block cells: each cell is two pixels, one above the other, so the lines are
    as thick as a cell is wide (bolder, and coarser, than Braille); a large figure's
    lines are two pixels thick, to be read from the floor two metres away."""
    half = Drawing(
        tuple((x1 / 2, y1 / 2, x2 / 2, y2 / 2, k) for x1, y1, x2, y2, k in d.segments),
        (d.head[0] / 2, d.head[1] / 2, d.head[2] / 2),
        d.width / 2,
        d.height / 2,
        tuple((x1 / 2, y1 / 2, x2 / 2, y2 / 2) for x1, y1, x2, y2 in d.props),
        d.scale / 2,
        d.floor / 2 if d.floor is not None else None,
    )
    weight = 2 if half.scale >= THICK_FROM else 1
    grid = _raster(half, columns, rows * 2, weight)
    glyph = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
    return [
        "".join(glyph[grid[2 * r][c], grid[2 * r + 1][c]] for c in range(columns)).rstrip()
        for r in range(rows)
    ]


def side_by_side(figure: Figure, columns: int = 24, rows: int = 12) -> list[str]:
    """A figure's poses in Braille, side by side with an arrow between them and each
    pose's name below; the empty rows above a figure lying down left out."""
    poses = [pose for _, pose in figure.poses]
    scale = common_scale(poses, columns * 2, rows * 4)
    drawn = [
        braille(drawing(pose, columns * 2, rows * 4, scale=scale), columns, rows) for pose in poses
    ]
    blank = "\u2800 "
    first = min(next((r for r, row in enumerate(d) if row.strip(blank)), rows) for d in drawn)
    middle = (first + rows) // 2
    lines = []
    for r in range(first, rows):
        cells = [d[r].ljust(columns, "\u2800") for d in drawn]
        arrow = "  →  " if r == middle else "     "
        lines.append(arrow.join(cells).rstrip(blank))
    lines.append("     ".join(name.center(columns) for name, _ in figure.poses).rstrip())
    return lines

"""A move's figure in the session: the pose of the moment drawn with half-block
cells (or Braille), as large as the widget's room allows, in the widget's colour,
mirrored for the other side. Drawn again only when the pose or the size changes
(``PlainLines``), so a hold or paced reps cost no extra frames. Left blank below
the size where a body can be read (``core.figure.LEGIBLE_ROWS``)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Literal

from rich.style import Style
from textual.strip import Strip

from backtimer.core.figure import Pose
from backtimer.core.figure_draw import braille, fitted, half_blocks
from backtimer.tui.widgets.plain import PlainLines, centred

#: How a figure is drawn: half blocks (bold, read from the floor) or Braille (fine).
Cells = Literal["blocks", "braille"]


def figure_rows(
    pose: Pose,
    width: int,
    height: int,
    mirror: bool,
    cells: Cells,
    among: tuple[Pose, ...] = (),
) -> list[str]:
    """The figure's rows (at the scale of its move's poses ``among``), the empty ones
    above and below it left out (a figure lying down is then centred rather than
    sitting under a tall empty space); none when it would be too small to read."""
    d = fitted(pose, width, height, mirror, among)
    if d is None:
        return []
    draw = half_blocks if cells == "blocks" else braille
    rows = [row.replace("\u2800", " ").rstrip() for row in draw(d, width, height)]
    while rows and not rows[0]:
        rows.pop(0)
    while rows and not rows[-1]:
        rows.pop()
    left = min((len(r) - len(r.lstrip()) for r in rows if r), default=0)
    return [r[left:] for r in rows]


class FigureView(PlainLines):
    """Shows one pose; ``show`` changes it (and repaints only the rows that differ)."""

    DEFAULT_CSS = """
    FigureView {
        width: 1fr;
        height: 1fr;
    }
    """

    def __init__(self, cells: Cells = "blocks", **where: str | None) -> None:
        """``where``: Textual's ``id`` and ``classes``."""
        super().__init__(**where)  # type: ignore[arg-type]
        self.cells: Cells = cells
        self._pose: Pose | None = None
        self._mirror = False
        self._among: tuple[Pose, ...] = ()
        #: Rows drawn before, by (pose, mirror, size): a rep move goes back and forth
        #: between the same two or three poses.
        self._drawn: dict[tuple[int, bool, int, int], list[str]] = {}

    @property
    def pose(self) -> Pose | None:
        return self._pose

    @property
    def among(self) -> tuple[Pose, ...]:
        return self._among

    def show(self, pose: Pose | None, mirror: bool = False, among: tuple[Pose, ...] = ()) -> None:
        """Show ``pose`` (mirrored), drawn at the scale of its move's poses ``among``
        so that the body keeps its size from one pose to the next."""
        if pose is self._pose and mirror == self._mirror:
            return
        self._pose, self._mirror, self._among = pose, mirror, among
        self.repaint_rows()

    def key(self) -> Hashable:
        return (id(self._pose), self._mirror, self.cells)

    def build(self, width: int, height: int, style: Style) -> list[Strip]:
        if self._pose is None:
            return centred([], width, height, style)
        key = (id(self._pose), self._mirror, width, height)
        rows = self._drawn.get(key)
        if rows is None:
            # a little less room (the pause banner, a notice): the figure drawn for more
            # room still fits, so it keeps its size rather than shrinking and back
            rows = next(
                (
                    drawn
                    for (pose, mirror, w, h), drawn in self._drawn.items()
                    if (pose, mirror, w) == key[:3] and h > height and len(drawn) <= height
                ),
                None,
            )
            if len(self._drawn) >= 8:
                self._drawn.clear()
            if rows is None:
                rows = figure_rows(self._pose, width, height, self._mirror, self.cells, self._among)
            self._drawn[key] = rows
        wide = max((len(r) for r in rows), default=0)
        return centred([(r.ljust(wide), style) for r in rows], width, height, style)

"""Where a session shows the move's figure, from the screen's size and mode alone
(issue 29): beside the steps on a wide screen, in their place while getting into
position on a narrower one, beside the number in floor mode's third step; nowhere
on a small screen, without a figure, in floor mode's second step, or where the room
it would have is too small to read it (it is left out rather than squeezed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from backtimer.core.figure import Pose

#: Below this size the session drops the details, the figure among them.
COMPACT_WIDTH, COMPACT_HEIGHT = 60, 20
#: From this width the figure stands beside the steps all through a move; narrower,
#: it takes the steps' place while getting ready and before a move.
WIDE_WIDTH = 100
#: The figure's share of the width beside the steps and in floor mode (as in
#: session.tcss), to know before the layout whether it would be legible there.
FIGURE_SHARE = {"beside": 0.30, "floor": 0.45}
#: The rows the session's header, progress bar and footer take from the figure.
CHROME_ROWS = 4

Place = Literal["", "beside", "instead", "floor"]


def figure_place(
    pose: Pose | None,
    among: tuple[Pose, ...],
    size: tuple[int, int],
    *,
    floor: bool,
    floor_figure: bool,
    setup: bool,
) -> Place:
    """Where the figure goes ("" for nowhere). ``among``: the move's poses (the
    figure is drawn at their common scale); ``setup``: getting ready or resting
    before the move."""
    from backtimer.core.figure_draw import fitted

    width, height = size
    if pose is None or width < COMPACT_WIDTH or height < COMPACT_HEIGHT:
        return ""
    place: Place
    if floor:
        place = "floor" if floor_figure else ""
    elif width >= WIDE_WIDTH:
        place = "beside"
    elif setup:
        place = "instead"
    else:
        place = ""
    if not place:
        return ""
    columns = {
        "beside": width * FIGURE_SHARE["beside"],
        "instead": width - max(32, width * 0.44),
        "floor": width * FIGURE_SHARE["floor"],
    }[place]
    return place if fitted(pose, int(columns), height - CHROME_ROWS, among=among) else ""

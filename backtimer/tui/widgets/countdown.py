"""Big countdown digits, readable from the floor, redrawn only when the second changes."""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Literal

from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip

from backtimer.tui.widgets.plain import PlainLines, centred

# A 5-row block font: strokes two cells wide so digits keep their shape at a distance.
FONT: dict[str, tuple[str, ...]] = {
    "0": ("██████", "██  ██", "██  ██", "██  ██", "██████"),
    "1": ("  ██  ", "████  ", "  ██  ", "  ██  ", "██████"),
    "2": ("██████", "    ██", "██████", "██    ", "██████"),
    "3": ("██████", "    ██", " █████", "    ██", "██████"),
    "4": ("██  ██", "██  ██", "██████", "    ██", "    ██"),
    "5": ("██████", "██    ", "██████", "    ██", "██████"),
    "6": ("██████", "██    ", "██████", "██  ██", "██████"),
    "7": ("██████", "    ██", "   ██ ", "  ██  ", "  ██  "),
    "8": ("██████", "██  ██", "██████", "██  ██", "██████"),
    "9": ("██████", "██  ██", "██████", "    ██", "██████"),
    ":": ("  ", "██", "  ", "██", "  "),
}
HEIGHT = 5


def shown_seconds(remaining: float) -> int:
    """The whole second a countdown shows: 30 at the start of a 30 s hold, 1 in its last second."""
    return max(0, math.ceil(remaining - 1e-9))


def format_clock(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}" if minutes else str(secs)


def big(text: str, scale: int = 1) -> list[str]:
    """``text`` (digits and colons) in the block font, ``scale`` times as tall and
    wide: its rows, all of one width."""
    rows = [" ".join(FONT[ch][row] for ch in text) for row in range(HEIGHT)]
    return ["".join(c * scale for c in row) for row in rows for _ in range(scale)]


def fitted(text: str, width: int, height: int) -> list[str]:
    """The rows of the largest rendering of ``text`` that fits: the block font at 4x,
    3x, 2x or 1x, the three-row font, or plain text. The countdown is never cut."""
    from backtimer.tui.widgets.bigtext import big_rows

    one = len(" ".join(FONT[ch][0] for ch in text))
    for scale in (4, 3, 2, 1):
        if HEIGHT * scale <= height and one * scale <= width:
            return big(text, scale)
    rows = big_rows(text)
    if rows is not None and height >= 3 and len(rows[0]) <= width:
        return rows
    return [text]


#: What the big digits show: a clock (seconds left) or a count (the rep).
Shown = Literal["clock", "count"]


class Countdown(PlainLines):
    """The digits. They change every second, so they skip Textual's text layout (see
    ``PlainLines``): the rows are built once per new second."""

    DEFAULT_CSS = """
    Countdown {
        width: 100%;
        height: 5;
    }
    """

    #: What is shown: ("clock", seconds left) or ("count", the rep); None is blank.
    shown: reactive[tuple[Shown, int] | None] = reactive(None, repaint=False)

    def watch_shown(self) -> None:
        self.repaint_rows()

    def show(self, remaining: float) -> None:
        # reactive: redraws only on a new second
        self.shown = ("clock", shown_seconds(remaining))

    def show_number(self, number: int) -> None:
        """A plain number (the rep), not a clock."""
        self.shown = ("count", number)

    def text(self) -> str:
        """What the digits say, as plain text."""
        if self.shown is None:
            return ""
        kind, value = self.shown
        return str(value) if kind == "count" else format_clock(value)

    def key(self) -> Hashable:
        return self.shown

    def build(self, width: int, height: int, style: Style) -> list[Strip]:
        # every row has the same width, so the block is centred as a whole
        text = self.text()
        rows = fitted(text, width, height) if text else []
        return centred([(row, style) for row in rows], width, height, style)

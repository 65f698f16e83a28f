"""Big countdown digits, readable from the floor, redrawn only when the second changes."""

from __future__ import annotations

import math

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

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


def big(text: str) -> str:
    """``text`` (digits and colons) in the block font, rows joined by newlines.

    Blanks are no-break spaces: line layout strips ordinary leading spaces, which
    would slide a row like ``    ██`` to the left and turn a 3 into an E.
    """
    rows = (" ".join(FONT[ch][row] for ch in text) for row in range(HEIGHT))
    return "\n".join(row.replace(" ", "\u00a0") for row in rows)


class Countdown(Widget):
    DEFAULT_CSS = """
    Countdown {
        width: 100%;
        height: 5;
        content-align: center top;
    }
    """

    shown: reactive[int | None] = reactive(None)

    def show(self, remaining: float) -> None:
        self.shown = shown_seconds(remaining)  # reactive: redraws only on a new second

    def render(self) -> Text:
        if self.shown is None:
            return Text("")
        # every row has the same width; CSS centres the block as a whole (justifying
        # each line would strip its spaces and misalign the rows)
        return Text(big(format_clock(self.shown)), no_wrap=True, overflow="crop")

"""Big letters for the words that matter from the floor (HOLD, REST, REP 4 / 10), drawn
three rows high when there is room, in plain bold when there is not."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

FONT3: dict[str, tuple[str, str, str]] = {
    "A": ("█▀█", "█▀█", "▀ ▀"),
    "B": ("█▀▄", "█▀▄", "▀▀ "),
    "C": ("█▀▀", "█  ", "▀▀▀"),
    "D": ("█▀▄", "█ █", "▀▀ "),
    "E": ("█▀▀", "█▀▀", "▀▀▀"),
    "F": ("█▀▀", "█▀▀", "▀  "),
    "G": ("█▀▀", "█ █", "▀▀▀"),
    "H": ("█ █", "█▀█", "▀ ▀"),
    "I": ("▀█▀", " █ ", "▀▀▀"),
    "J": ("  █", "  █", "▀▀ "),
    "K": ("█ █", "█▀▄", "▀ ▀"),
    "L": ("█  ", "█  ", "▀▀▀"),
    "M": ("█▄ ▄█", "█ ▀ █", "▀   ▀"),
    "N": ("█▄ █", "█ ▀█", "▀  ▀"),
    "O": ("█▀█", "█ █", "▀▀▀"),
    "P": ("█▀█", "█▀▀", "▀  "),
    "Q": ("█▀█", "█ █", "▀▀█"),
    "R": ("█▀█", "█▀▄", "▀ ▀"),
    "S": ("█▀▀", "▀▀█", "▀▀▀"),
    "T": ("▀█▀", " █ ", " ▀ "),
    "U": ("█ █", "█ █", "▀▀▀"),
    "V": ("█ █", "█ █", " ▀ "),
    "W": ("█   █", "█ █ █", " ▀ ▀ "),
    "X": ("█ █", "▄▀▄", "▀ ▀"),
    "Y": ("█ █", "▀█▀", " ▀ "),
    "Z": ("▀▀█", "▄▀ ", "▀▀▀"),
    "0": ("█▀█", "█ █", "▀▀▀"),
    "1": ("▄█ ", " █ ", "▀▀▀"),
    "2": ("▀▀█", "█▀▀", "▀▀▀"),
    "3": ("▀▀█", " ▀█", "▀▀▀"),
    "4": ("█ █", "▀▀█", "  ▀"),
    "5": ("█▀▀", "▀▀█", "▀▀▀"),
    "6": ("█▀▀", "█▀█", "▀▀▀"),
    "7": ("▀▀█", "  █", "  ▀"),
    "8": ("█▀█", "█▀█", "▀▀▀"),
    "9": ("█▀█", "▀▀█", "▀▀▀"),
    " ": ("  ", "  ", "  "),
    "/": ("  █", " █ ", "█  "),
    "-": ("   ", "▀▀▀", "   "),
    ":": (" ", "▀", "▀"),
    "·": (" ", "▄", " "),
}


def big_rows(text: str) -> list[str] | None:
    """``text`` in the three-row font, or None when a character has no big glyph."""
    text = text.upper()
    if not text or any(ch not in FONT3 for ch in text):
        return None
    return [" ".join(FONT3[ch][row] for ch in text) for row in range(3)]


class BigText(Widget):
    """A word or two, big when its box is three rows high and wide enough."""

    DEFAULT_CSS = """
    BigText {
        height: 1;
        width: 1fr;
    }
    """

    text: reactive[str] = reactive("", layout=False)

    def render(self) -> Text:
        rows = big_rows(self.text) if self.size.height >= 3 else None
        if rows is None or len(rows[0]) > self.size.width:
            pad = "\n" * max(0, (self.size.height - 1) // 2)
            return Text(pad + self.text, justify="center", style="bold", no_wrap=True)
        # no-break spaces: line layout would strip the leading ones and skew the rows
        lines = [row.replace(" ", "\u00a0") for row in rows]
        return Text("\n".join(lines), justify="center", style="bold", no_wrap=True)

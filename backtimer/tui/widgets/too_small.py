"""The line a screen shows when the terminal is under 40x12 (the CSS shows it then)."""

from __future__ import annotations

from textual.widgets import Static

TEXT = "Make the terminal larger (40x12) to see it all; the keys below still work."


def too_small() -> Static:
    return Static(TEXT, id="too-small")

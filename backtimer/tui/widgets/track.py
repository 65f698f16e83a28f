"""The session's progress as a plain line, drawn in the same frame as the countdown.

Textual's ProgressBar repaints on a timer of its own; this one changes only when the
session's share done moves a step, and its track shows in any number of colours (a
heavy line for what is done, a light one for what is left)."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class TrackBar(Widget):
    DEFAULT_CSS = """
    TrackBar {
        height: 1;
        width: 1fr;
    }
    """

    done: reactive[float] = reactive(0.0, layout=False)

    def render(self) -> Text:
        width = max(0, self.size.width - 1)
        filled = round(width * max(0.0, min(1.0, self.done)))
        text = Text(no_wrap=True)
        text.append("━" * filled, style="bold")
        text.append("─" * (width - filled), style="dim")
        return text

"""A line of text that repaints only itself when it changes.

``Static.update`` asks for a new layout of the whole screen (its size may change), so
text that changes every second lives here instead, in a box whose size the stylesheet
fixes.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class Line(Widget):
    DEFAULT_CSS = """
    Line {
        height: 1;
        width: 1fr;
    }
    """

    text: reactive[str] = reactive("", layout=False)

    def render(self) -> Content:
        return Content.from_markup(self.text)

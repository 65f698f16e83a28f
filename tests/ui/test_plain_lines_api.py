"""PlainLines (tui/widgets/plain.py) draws the countdown and the breath bar by
overriding Textual's line rendering; the bench keeps it for the CPU it saves in a
hold. It leans on Textual API beyond the documented widget surface, so this test fails
loudly, naming what moved, when a Textual upgrade changes any of it."""

from __future__ import annotations

import inspect
from collections.abc import Hashable

from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from backtimer.tui.widgets.plain import PlainLines, centred


def test_the_textual_api_plain_lines_uses_is_there() -> None:
    def params(fn: object) -> list[str]:
        return list(inspect.signature(fn).parameters)  # type: ignore[arg-type]

    assert params(Widget.render_line) == ["self", "y"], "Widget.render_line changed"
    assert params(Widget.render_lines) == ["self", "crop"], "Widget.render_lines changed"
    assert isinstance(inspect.getattr_static(Widget, "visual_style"), property)
    assert callable(Widget.get_line_filters), "Widget.get_line_filters is gone"
    assert isinstance(inspect.getattr_static(Widget, "background_colors"), property)
    assert params(Strip.apply_filter)[1:3] == ["filter", "background"]
    assert callable(Strip.blank) and callable(Strip.crop)
    region = Region(0, 2, 10, 3)
    assert (region.line_range, region.column_span) == (range(2, 5), (0, 10))


class Word(PlainLines):
    def key(self) -> Hashable:
        return "plain"

    def build(self, width: int, height: int, style: Style) -> list[Strip]:
        return centred([("plain", style)], width, height, style)


class Shown(App[None]):
    CSS = "Word { height: 3; width: 20; }"

    def compose(self) -> ComposeResult:
        yield Word()


async def test_textual_draws_what_plain_lines_builds() -> None:
    app = Shown()
    async with app.run_test(size=(30, 5)) as pilot:
        await pilot.pause()
        lines = [
            "".join(segment.text for segment in strip)
            for strip in app.screen._compositor.render_strips()  # what reaches the terminal
        ]
    assert lines[1].startswith(" " * 7 + "plain" + " " * 8), lines
    assert lines[0].strip() == "" and lines[2].strip() == ""

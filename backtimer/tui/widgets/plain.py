"""Widgets drawn from plain rows, for what changes every second of a session.

Textual lays out rich text and passes every line through its style cache (padding,
borders, tint) on each frame; for the countdown and the breath bar that was most of
the frame's cost. A ``PlainLines`` widget builds its rows once per new value, as
strips in its own style, and hands them to the compositor as they are. It supports
what those widgets use: colour, background and text style from the stylesheet; no
padding or border.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.containers import Horizontal, Vertical
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

RUNS = re.compile(r" +|[^ ]+")


def centred(rows: list[tuple[str, Style]], width: int, height: int, style: Style) -> list[Strip]:
    """``rows`` (text, style) centred in a ``width`` x ``height`` box of ``style``."""
    top = max(0, (height - len(rows)) // 2)
    strips = [row_strip(" " * width, style, style)] * height
    for i, (text, ink) in enumerate(rows[: max(0, height - top)]):
        text = text[:width]
        left = (width - len(text)) // 2
        line = " " * left + text + " " * (width - left - len(text))
        strips[top + i] = row_strip(line, style, ink)
    return strips


@lru_cache(maxsize=512)
def row_strip(line: str, style: Style, ink: Style) -> Strip:
    """One row as a strip: each run of blanks or of ink is its own segment, as
    Textual's own layout gives (a screenshot's SVG misplaces a long mixed run).

    Rows come back often (the top bar of a 5 is the top bar of a 7), and a strip
    keeps what the app's colour filters made of it, so the same row is the same
    strip."""
    segments = [Segment(run, style if run[0] == " " else ink) for run in RUNS.findall(line)]
    return Strip(segments, len(line))


class PlainLines(Widget):
    """Subclasses say what they show (``key``) and how it looks (``build``)."""

    _rows: tuple[Hashable, list[Strip]] = (None, [])  # (what they show, the strips)

    def key(self) -> Hashable:
        raise NotImplementedError

    def build(self, width: int, height: int, style: Style) -> list[Strip]:
        raise NotImplementedError

    def repaint_rows(self) -> None:
        """Repaint only the rows that differ from those on screen: from 6 to 5 the
        digits change in two rows of ten. Subclasses call it when what they show
        changes (their reactives do not repaint by themselves)."""
        if not self.is_mounted or self._rows[0] is None:
            self.refresh()
            return
        old_key, old = self._rows
        new = self._strips()
        if old_key[1:] != self._rows[0][1:] or len(old) != len(new):  # type: ignore[index]
            self.refresh()  # a new size, style or filter: all of it
            return
        width = self.size.width
        changed = [y for y, (was, now) in enumerate(zip(old, new, strict=True)) if was != now]
        if changed:
            self.refresh(*(Region(0, y, width, 1) for y in changed))

    def _strips(self) -> list[Strip]:
        """The rows as the screen shows them, built when what they show, their size,
        their style or the app's colour filters change."""
        width, height = self.size
        style = self.visual_style.rich_style
        filters = tuple(self.get_line_filters())  # 16 colours, no colour: as Textual applies them
        key = (self.key(), width, height, style, filters)
        if self._rows[0] != key:
            strips = self.build(width, height, style)
            if filters:
                background = self.background_colors[1]
                for line_filter in filters:
                    strips = [strip.apply_filter(line_filter, background) for strip in strips]
            self._rows = (key, strips)
        return self._rows[1]

    def render_line(self, y: int) -> Strip:
        rows = self._strips()
        return rows[y] if 0 <= y < len(rows) else Strip.blank(self.size.width)

    def render_lines(self, crop: Region) -> list[Strip]:
        rows = self._strips()
        y1, y2 = crop.line_range.start, crop.line_range.stop
        strips = rows[y1:y2] + [Strip.blank(self.size.width)] * max(0, y2 - max(y1, len(rows)))
        x1, x2 = crop.column_span
        if (x1, x2) != (0, self.size.width):
            strips = [strip.crop(x1, x2) for strip in strips]
        return strips


class Row(Horizontal):
    """A row of widgets with nothing of its own to draw (no border, no text): the
    compositor asks every container on the screen for its lines on each frame, and
    Textual's ``BLANK`` hands it blank ones without styling each line."""

    BLANK = True


class Column(Vertical):
    """A column of widgets, blank of its own (see ``Row``)."""

    BLANK = True

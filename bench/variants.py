"""backtimer with one shortcut taken out, to measure what the shortcut is worth.

    python bench/variants.py shipped|no-plain-lines [backtimer arguments]

Both sides of a comparison start through this file (``shipped`` changes nothing), so
they start the same way. ``apply`` is also what ``probe.py --variant`` calls.

- ``no-plain-lines``: the countdown and the breath cue render through Textual's text
  layout, as a ``Static`` does, and repaint whole; the session's rows and columns are
  ordinary containers (``tui/widgets/plain.py`` unused).
"""

from __future__ import annotations

import sys

VARIANTS = ("shipped", "no-plain-lines")


def apply(variant: str) -> None:
    if variant not in VARIANTS:
        raise SystemExit(f"variants.py: unknown variant {variant!r} (one of {VARIANTS})")
    if variant == "no-plain-lines":
        _without_plain_lines()


def _without_plain_lines() -> None:
    from rich.text import Text
    from textual.widget import Widget

    from backtimer.tui.widgets import plain

    def render(self: plain.PlainLines) -> Text:
        width, height = self.size
        text = Text(no_wrap=True, end="")
        for y, strip in enumerate(self.build(width, height, self.rich_style)):
            if y:
                text.append("\n")
            for segment in strip:
                text.append(segment.text, segment.style)
        return text

    def repaint_rows(self: plain.PlainLines) -> None:
        self.refresh()

    cls = plain.PlainLines
    del cls.render_line, cls.render_lines
    cls.render = render  # type: ignore[method-assign,assignment]
    cls.repaint_rows = repaint_rows  # type: ignore[method-assign]
    assert cls.render_lines is Widget.render_lines
    plain.Row.BLANK = plain.Column.BLANK = False


if __name__ == "__main__":
    apply(sys.argv[1])
    sys.argv = ["backtimer", *sys.argv[2:]]
    from backtimer.cli import main

    raise SystemExit(main())

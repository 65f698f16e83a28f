"""The breath cue: a word and a bar that grows on the in-breath and shrinks on the out-breath."""

from __future__ import annotations

from collections.abc import Hashable

from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip

from backtimer.tui.widgets.plain import PlainLines, centred

WORDS = {"inhale": "BREATHE IN", "exhale": "BREATHE OUT", "natural": "breathe naturally"}
#: The bar moves in this many steps a second, on the same clock as the countdown, so a
#: breath never wakes the screen between two of its seconds.
STEPS_PER_SECOND = 1
#: The finest the bar goes, in parts of a full bar.
STEPS = 24


def bar_size(breath: str, progress: float, span: float = 0.0) -> float:
    """How full the breath bar is: it grows while breathing in and shrinks while
    breathing out, one step each whole second of the breath."""
    if breath == "natural":
        return 0.0
    seconds = max(1, round(span * STEPS_PER_SECOND)) if span else STEPS
    done = min(seconds, int(progress * seconds + 1e-9))
    if breath == "inhale":
        return (done + 1) / seconds
    return 1.0 - done / seconds


class BreathCue(PlainLines):
    """It changes every second of a breath, so it skips Textual's text layout (see
    ``PlainLines``)."""

    DEFAULT_CSS = """
    BreathCue {
        height: 2;
        width: 1fr;
    }
    """

    COMPONENT_CLASSES = {"breath--inhale", "breath--exhale"}

    cue: reactive[tuple[str, int]] = reactive(("natural", 0), repaint=False)

    def watch_cue(self) -> None:
        self.repaint_rows()

    def show(self, breath: str, progress: float, span: float = 0.0) -> None:
        step = round(bar_size(breath, progress, span) * STEPS)
        if (breath, step) == self.cue:
            return
        self.cue = (breath, step)

    def rows(self, width: int) -> list[tuple[str, bool]]:
        """The cue's rows as (text, is the word), not yet centred."""
        breath, step = self.cue
        word = WORDS[breath] + {"inhale": " ↑", "exhale": " ↓"}.get(breath, "")
        if breath == "natural":
            return [(word, True)]
        bar = max(4, min(width - 2, 40))
        filled = max(1, round(bar * step / STEPS))
        pad = (bar - filled) // 2
        return [(word, True), (" " * pad + "█" * filled + " " * (bar - filled - pad), False)]

    def _colour(self) -> Style:
        """In-breath and out-breath colours come from the stylesheet's component
        classes: a class on the widget would restyle it at every turn of the breath."""
        breath = self.cue[0]
        if breath == "natural":
            return Style()
        return self.get_component_rich_style(f"breath--{breath}", partial=True)

    def key(self) -> Hashable:
        return self.cue  # a new theme restyles the widget, which changes its own style too

    def build(self, width: int, height: int, style: Style) -> list[Strip]:
        natural = self.cue[0] == "natural"
        style += self._colour()
        word = style + Style(bold=not natural, dim=natural)
        rows = [(text, word if is_word else style) for text, is_word in self.rows(width)]
        return centred(rows, width, height, style)

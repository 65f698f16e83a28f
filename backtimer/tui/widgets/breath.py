"""The breath cue: a word and a bar that grows on the in-breath and shrinks on the out-breath."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

WORDS = {"inhale": "BREATHE IN", "exhale": "BREATHE OUT", "natural": "breathe naturally"}
#: The bar moves in this many steps, so it redraws at most this often per breath phase
#: (twice a second in a 4 s in-breath).
STEPS = 8


def bar_size(breath: str, progress: float) -> float:
    """How full the breath bar is: 0 -> 1 while breathing in, 1 -> 0 while breathing out."""
    if breath == "inhale":
        return progress
    if breath == "exhale":
        return 1.0 - progress
    return 0.0


class BreathCue(Widget):
    DEFAULT_CSS = """
    BreathCue {
        height: 2;
        width: 1fr;
        content-align: center middle;
    }
    """

    cue: reactive[tuple[str, int]] = reactive(("natural", 0), layout=False)

    def show(self, breath: str, progress: float) -> None:
        step = round(bar_size(breath, progress) * STEPS)
        if (breath, step) == self.cue:
            return
        if breath != self.cue[0]:
            self.set_class(breath == "inhale", "-inhale")
            self.set_class(breath == "exhale", "-exhale")
        self.cue = (breath, step)

    def render(self) -> Text:
        breath, step = self.cue
        width = max(4, min(self.size.width - 2, 40))
        word = WORDS[breath]
        arrow = {"inhale": " ↑", "exhale": " ↓"}.get(breath, "")
        text = Text(justify="center")
        text.append(word + arrow + "\n", style="bold" if breath != "natural" else "dim")
        if breath == "natural":
            return text
        filled = max(1, round(width * step / STEPS))
        pad = (width - filled) // 2
        text.append(" " * pad + "█" * filled + " " * (width - filled - pad))
        return text

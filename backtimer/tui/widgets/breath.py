"""The breath cue: a word and a bar that grows on the in-breath and shrinks on the out-breath."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

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


class BreathCue(Widget):
    DEFAULT_CSS = """
    BreathCue {
        height: 2;
        width: 1fr;
        content-align: center middle;
    }
    """

    cue: reactive[tuple[str, int]] = reactive(("natural", 0), layout=False)

    def show(self, breath: str, progress: float, span: float = 0.0) -> None:
        step = round(bar_size(breath, progress, span) * STEPS)
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

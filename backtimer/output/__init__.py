"""Output of every kind (speech, tones, the terminal bell) behind one small interface.

The core says what to cue (``backtimer.core.cues``); a sink decides how. Sinks never
block: a sound or a sentence runs in a subprocess that the next, more urgent cue, a
pause or the end of the session stops.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from backtimer.core.cues import Cue


class Sink(Protocol):
    name: str

    def play(self, cue: Cue) -> None:
        """Start outputting ``cue``; return at once."""

    def stop(self) -> None:
        """Stop whatever is playing."""


class Sinks:
    """Every sink the app chose, muted and unmuted together."""

    def __init__(self, sinks: Sequence[Sink]) -> None:
        self.sinks = list(sinks)
        self.muted = False

    def play(self, cue: Cue) -> None:
        if self.muted:
            return
        for sink in self.sinks:
            sink.play(cue)

    def stop(self) -> None:
        for sink in self.sinks:
            sink.stop()

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        if self.muted:
            self.stop()
        return self.muted

    def names(self) -> list[str]:
        return [s.name for s in self.sinks]

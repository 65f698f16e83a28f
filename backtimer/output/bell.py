"""The terminal bell: the fallback when nothing else sounds, and over ssh."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from backtimer.core.cues import Cue

#: By default the bell rings for go, a side switch and the end; not every second.
RINGS = frozenset({"go", "switch", "end"})


@dataclass
class BellSink:
    ring: Callable[[], None]
    countdown: bool = False
    name: str = "bell"

    def play(self, cue: Cue) -> None:
        if cue.sound in RINGS or (self.countdown and cue.sound == "tick"):
            self.ring()

    def stop(self) -> None:
        pass

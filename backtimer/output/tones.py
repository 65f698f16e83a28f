"""Short, distinct tones made with the standard library, written once as WAV files into
the cache folder and played through the system's player."""

from __future__ import annotations

import math
import shutil
import struct
import sys
import wave
from dataclasses import dataclass, field
from pathlib import Path

from backtimer.core.cues import Cue
from backtimer.output.process import Player

RATE = 22050
#: Each tone: (frequency in Hz, seconds) parts played one after another; 0 Hz is a gap.
TONES: dict[str, list[tuple[float, float]]] = {
    "go": [(660.0, 0.12), (0.0, 0.03), (880.0, 0.18)],  # a rising two-tone
    "tick": [(1000.0, 0.05)],  # a soft tick for each of the last three seconds
    "switch": [(784.0, 0.15), (988.0, 0.15), (784.0, 0.2)],  # a chime
    "end": [(523.0, 0.5), (659.0, 0.5), (784.0, 0.7)],  # a longer chord, note by note
}


def samples(parts: list[tuple[float, float]], volume: float) -> bytes:
    frames = bytearray()
    for freq, seconds in parts:
        count = int(RATE * seconds)
        for n in range(count):
            fade = min(1.0, n / (RATE * 0.01), (count - n) / (RATE * 0.02))  # no clicks
            value = math.sin(2 * math.pi * freq * n / RATE) if freq else 0.0
            frames += struct.pack("<h", int(32767 * volume * fade * value))
    return bytes(frames)


def write_tones(folder: Path, volume: float = 0.6) -> dict[str, Path]:
    """The WAV file of each tone (made when missing or made at another volume)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    found = {}
    for name, parts in TONES.items():
        path = folder / f"{name}-{round(volume * 100)}.wav"
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            with wave.open(str(tmp), "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(RATE)
                out.writeframes(samples(parts, volume))
            tmp.replace(path)
        found[name] = path
    return found


PLAYERS = ("pw-play", "paplay", "aplay", "afplay")


def find_player() -> list[str] | None:
    for program in PLAYERS:
        found = shutil.which(program)
        if found:
            return [found, "-q"] if program == "aplay" else [found]
    return None


@dataclass
class ToneSink:
    files: dict[str, Path]
    player_argv: list[str]
    name: str = "tones"
    player: Player = field(default_factory=Player)

    def play(self, cue: Cue) -> None:
        if cue.sound and cue.sound in self.files:
            self.player.start([*self.player_argv, str(self.files[cue.sound])])

    def stop(self) -> None:
        self.player.stop()


@dataclass
class WinsoundSink:  # pragma: no cover - Windows only
    files: dict[str, Path]
    name: str = "tones"

    def play(self, cue: Cue) -> None:
        import winsound

        if cue.sound and cue.sound in self.files:
            flags = getattr(winsound, "SND_FILENAME", 0) | getattr(winsound, "SND_ASYNC", 0)
            getattr(winsound, "PlaySound")(str(self.files[cue.sound]), flags)  # noqa: B009

    def stop(self) -> None:
        import winsound

        getattr(winsound, "PlaySound")(None, 0)  # noqa: B009


def tone_sink(folder: Path, volume: float) -> ToneSink | WinsoundSink | None:
    try:
        files = write_tones(folder, volume)
    except OSError:
        return None
    if sys.platform == "win32":  # pragma: no cover
        return WinsoundSink(files)
    argv = find_player()
    return ToneSink(files, argv) if argv else None

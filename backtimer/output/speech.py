"""Speech through what the system has: espeak-ng or spd-say on Linux, ``say`` on
macOS, the SAPI voice through PowerShell on Windows. Offline, never through a shell."""

from __future__ import annotations

import shlex
import shutil
import sys
from dataclasses import dataclass, field

from backtimer.core.cues import Cue
from backtimer.output.process import Player


@dataclass
class Voice:
    """A speech command: the program and how to pass speed, voice and text."""

    program: str
    argv: list[str]

    def command(self, text: str, speed: int, voice: str) -> list[str]:
        name = self.program.rsplit("/", 1)[-1].lower()
        if name in ("espeak-ng", "espeak"):
            extra = ["-s", str(speed)] + (["-v", voice] if voice else [])
            return [*self.argv, *extra, "--", text]  # a cue may start with "-"
        if name == "spd-say":
            rate = max(-100, min(100, (speed - 175) // 2))
            return [*self.argv, "-r", str(rate), *(["-y", voice] if voice else []), "--", text]
        if name == "say":
            return [*self.argv, "-r", str(speed), *(["-v", voice] if voice else []), "--", text]
        if name in ("powershell", "powershell.exe", "pwsh"):
            escaped = text.replace("'", "''")
            # SAPI's rate runs from -10 to 10, 0 being about 170 words a minute
            rate = max(-10, min(10, round((speed - 170) / 20)))
            chosen = ""
            if voice:  # a voice the system lacks keeps the default, never fails
                quoted = voice.replace("'", "''")
                chosen = f"try {{ $s.SelectVoice('{quoted}') }} catch {{}}; "
            script = (
                "Add-Type -AssemblyName System.Speech; "
                "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
                f"$s.Rate = {rate}; {chosen}"
                f"$s.Speak('{escaped}')"
            )
            return [*self.argv, "-NoProfile", "-Command", script]
        return [*self.argv, text]  # a command the person named: the text goes last


CANDIDATES = ("espeak-ng", "espeak", "spd-say", "say")


def find_voice(setting: str = "auto") -> Voice | None:
    """The speech command for ``voice`` in settings: "auto" (what the system has),
    "off", or a command line of the person's own."""
    if setting == "off":
        return None
    if setting != "auto":
        argv = shlex.split(setting)
        if not argv or shutil.which(argv[0]) is None:
            return None
        return Voice(argv[0], [shutil.which(argv[0]) or argv[0], *argv[1:]])
    for program in CANDIDATES:
        found = shutil.which(program)
        if found:
            return Voice(program, [found])
    if sys.platform == "win32":
        shell = shutil.which("powershell") or shutil.which("pwsh")
        if shell:
            return Voice("powershell", [shell])
    return None


@dataclass
class SpeechSink:
    voice: Voice
    speed: int = 170
    voice_name: str = ""
    name: str = "speech"
    player: Player = field(default_factory=Player)

    def play(self, cue: Cue) -> None:
        if cue.text:
            self.player.start(self.voice.command(cue.text, self.speed, self.voice_name))

    def stop(self) -> None:
        self.player.stop()

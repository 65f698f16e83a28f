"""Speech that really speaks, tones that differ, and a slow voice that never slows the timer."""

from __future__ import annotations

import array
import shutil
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from backtimer.core.cues import Cue
from backtimer.output.bell import BellSink
from backtimer.output.speech import SpeechSink, Voice, find_voice
from backtimer.output.tones import TONES, write_tones


def voiced_seconds(path: Path, threshold: int = 500) -> tuple[float, float]:
    """(total seconds, seconds of non-silent audio) of a 16-bit WAV file."""
    with wave.open(str(path)) as w:
        rate, width, channels = w.getframerate(), w.getsampwidth(), w.getnchannels()
        frames = w.readframes(w.getnframes())
    assert width == 2
    data = array.array("h", frames)
    window = rate // 50  # 20 ms
    loud = sum(
        1
        for i in range(0, len(data) - window, window * channels)
        if max(abs(v) for v in data[i : i + window * channels]) > threshold
    )
    return len(data) / channels / rate, loud * window / rate


@pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="needs the Debian package espeak-ng (not installed)"
)
def test_espeak_ng_really_speaks_a_cue(tmp_path: Path) -> None:
    voice = find_voice("auto")
    assert voice is not None

    def spoken(text: str, name: str) -> float:
        out = tmp_path / name
        argv = voice.command(text, 170, "")
        subprocess.run([argv[0], "-w", str(out), *argv[1:]], check=True, timeout=30)
        return voiced_seconds(out)[1]

    voiced = spoken("Bridge. Ten reps.", "cue.wav")
    # four words at 170 a minute: about a second and a half of speech, some pauses
    assert 0.8 <= voiced <= 3.5, voiced
    assert spoken("Switch sides: now your left. Rest. Next: child's pose.", "long.wav") > (
        voiced + 1.0
    )
    # a cue that starts with "-" is spoken, not taken for an option
    assert spoken("-5 seconds. Rest.", "dash.wav") > 0.5


def test_tones_are_generated_once_and_differ(tmp_path: Path) -> None:
    files = write_tones(tmp_path / "tones", volume=0.6)
    assert set(files) == {"go", "tick", "switch", "end"}
    lengths = {}
    for name, path in files.items():
        total, voiced = voiced_seconds(path, threshold=1000)
        expected = sum(seconds for _, seconds in TONES[name])
        assert abs(total - expected) < 0.01, name
        assert voiced > 0.03, name
        lengths[name] = total
    assert lengths["tick"] < lengths["go"] < lengths["switch"] < lengths["end"]
    contents = {p.read_bytes() for p in files.values()}
    assert len(contents) == 4
    stamp = files["go"].stat().st_mtime_ns
    write_tones(tmp_path / "tones", volume=0.6)
    assert files["go"].stat().st_mtime_ns == stamp  # written once


def test_a_slow_voice_never_blocks(tmp_path: Path) -> None:
    slow = tmp_path / "slow-voice"
    slow.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(2)\n")
    slow.chmod(0o755)
    sink = SpeechSink(Voice(str(slow), [str(slow)]))
    began = time.perf_counter()
    for n in range(5):  # each new cue stops the one before
        sink.play(Cue("countdown", float(n), "three."))
    assert time.perf_counter() - began < 1.5
    assert sink.player.busy()
    sink.stop()
    assert not sink.player.busy()


def test_the_bell_rings_for_go_switch_and_end_only() -> None:
    rings: list[str] = []
    bell = BellSink(lambda: rings.append("ding"))
    for sound in ("go", "tick", "switch", "end", None):
        bell.play(Cue("go", 0, None, sound))  # type: ignore[arg-type]
    assert len(rings) == 3


def test_a_missing_voice_command_is_reported_by_check(tmp_path: Path, capsys) -> None:
    from backtimer.cli import main

    (tmp_path / "settings.toml").write_text('voice = "no-such-speaker --fast"\n')
    assert main(["check", "--data-dir", str(tmp_path)]) == 1
    assert "no program 'no-such-speaker --fast'" in capsys.readouterr().out


def test_text_goes_as_an_argument_never_through_a_shell() -> None:
    voice = Voice("espeak-ng", ["/usr/bin/espeak-ng"])
    argv = voice.command("Rest; rm -rf ~", 170, "")
    assert argv[-1] == "Rest; rm -rf ~" and argv[0] == "/usr/bin/espeak-ng"
    for program in ("espeak-ng", "espeak", "spd-say", "say"):
        argv = Voice(program, [program]).command("-v x", 170, "en")
        assert argv[-2:] == ["--", "-v x"], program


def test_the_windows_voice_takes_the_speed_and_the_voice_name() -> None:
    shell = Voice("powershell", ["powershell.exe"])
    script = shell.command("Lift 'up'", 250, "Microsoft Zira's")[-1]
    assert "$s.Rate = 4;" in script  # 250 words a minute on SAPI's -10..10
    assert "SelectVoice('Microsoft Zira''s')" in script and "catch" in script
    assert script.endswith("$s.Speak('Lift ''up''')")
    slow = shell.command("x", 80, "")[-1]
    assert "$s.Rate = -4;" in slow and "SelectVoice" not in slow
    assert "$s.Rate = 10;" in shell.command("x", 400, "")[-1]

"""Which sinks to use, from settings and what the system has."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from backtimer.core.settings import Settings
from backtimer.output import Sink, Sinks
from backtimer.output.bell import BellSink


def choose_sinks(settings: Settings, cache_dir: Path, ring: Callable[[], None]) -> Sinks:
    """Speech and tones where the system has them; the terminal bell when the
    setting asks for it or nothing else can sound."""
    sinks: list[Sink] = []
    if settings.voice != "off":  # the speech and tone modules load only when used
        from backtimer.output.speech import SpeechSink, find_voice

        voice = find_voice(settings.voice)
        if voice is not None:
            sinks.append(SpeechSink(voice, settings.voice_speed, settings.voice_name))
    if settings.tones:
        from backtimer.output.tones import tone_sink

        tones = tone_sink(cache_dir / "tones", settings.volume)
        if tones is not None:
            sinks.append(tones)
    if settings.bell or not sinks:
        sinks.append(BellSink(ring, countdown=settings.bell_countdown))
    return Sinks(sinks)

"""What a person can set in ``settings.toml``: declared once, with its defaults and
limits. ``SessionConfig`` (the engine's timings) is derived from it in one place."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Annotated, Any

from backtimer.core.vocab import FILE_CONFIG, CueKind, Interval, Len


@dataclass(frozen=True, slots=True)
class Settings:
    __pydantic_config__ = FILE_CONFIG

    #: Sessions a week to aim for; 3 to 5 is the usual advice.
    weekly_goal: Annotated[int, Interval(ge=1, le=7)] = 3
    get_ready_s: Annotated[int, Interval(ge=0, le=30)] = 5
    rest_s: Annotated[int, Interval(ge=0, le=120)] = 10
    set_rest_s: Annotated[int, Interval(ge=0, le=180)] = 15
    breath_in_s: Annotated[float, Interval(ge=2, le=10)] = 4.0
    breath_out_s: Annotated[float, Interval(ge=2, le=12)] = 6.0
    bell: bool = True
    #: The bell also in each of the last three seconds (off: go, switch, end only).
    bell_countdown: bool = False
    #: Speech: "auto" (espeak-ng, spd-say, say, Windows' voice), "off", or a command.
    voice: Annotated[str, Len(1, 200)] = "auto"
    voice_speed: Annotated[int, Interval(ge=80, le=400)] = 170
    #: A voice name the speech command knows (empty: its default).
    voice_name: Annotated[str, Len(0, 80)] = ""
    #: Short tones for go, the last three seconds, a side switch and the end.
    tones: bool = True
    volume: Annotated[float, Interval(ge=0, le=1)] = 0.6
    #: Say the rep number every this many reps (0: never).
    rep_every: Annotated[int, Interval(ge=0, le=20)] = 1
    #: Kinds of cue to keep quiet, e.g. ["breath", "rep"] (see `backtimer sound test`).
    quiet_cues: tuple[CueKind, ...] = ()
    #: Start sessions in floor mode: only the cue, the big number and what is next.
    floor_mode: bool = False
    #: Draw each move's figure in a session (from 100 columns beside the steps; while
    #: getting ready in their place; a third step of floor mode).
    figures: bool = True
    #: Reminder days and time (`backtimer remind install` uses them by default).
    remind_days: tuple[str, ...] = ("mon", "wed", "fri")
    remind_at: Annotated[str, Len(4, 5)] = "18:00"
    #: No reminders up to and including this day (a holiday, an illness).
    remind_paused_until: date | None = None
    #: `backtimer status` prints nothing (for a prompt you want quiet).
    status_quiet: bool = False
    #: Ask "how is your back, 0-10" before and after each session.
    pain_check: bool = True
    theme: Annotated[str, Len(1, 40)] = "textual-dark"
    #: Binding id -> keys, e.g. {"session.pause" = "p"}.
    keymap: dict[str, str] = field(default_factory=dict)
    #: Exercise ids never to plan automatically.
    excluded: tuple[str, ...] = ()
    #: Doses grow with you and step back when it hurts; off: the catalogue's doses.
    progression: bool = True
    #: A walk of 20 minutes or more counts as a session toward the weekly goal.
    walks_count: bool = False
    #: A short card on what helps a back after each session (`backtimer learn`).
    learn: bool = True
    #: Read from older files only: it now lives in the state file.
    safety_acknowledged: bool = False

    def session_config(self) -> SessionConfig:
        return SessionConfig(
            get_ready_s=self.get_ready_s,
            rest_between_exercises_s=self.rest_s,
            rest_between_sets_s=self.set_rest_s,
            breath_in_s=self.breath_in_s,
            breath_out_s=self.breath_out_s,
        )

    def changed_from(self, other: Settings) -> dict[str, Any]:
        """The keys whose values differ from ``other``'s, with this one's values."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) != getattr(other, f.name)
        }


_DEFAULT = Settings()


@dataclass(frozen=True)
class SessionConfig:
    """The engine's timings. Those a person can change come from ``Settings``."""

    get_ready_s: float = _DEFAULT.get_ready_s
    rest_between_sets_s: float = _DEFAULT.set_rest_s
    rest_between_exercises_s: float = _DEFAULT.rest_s
    switch_s: float = 4.0
    breath_in_s: float = _DEFAULT.breath_in_s
    breath_out_s: float = _DEFAULT.breath_out_s
    #: Holds and rests at least this long get a paced calm breath.
    paced_breath_min_s: float = 10.0
    #: A gap between ticks longer than this pauses the session where it was (see engine).
    long_gap_s: float = 5.0
    extend_s: float = 10.0

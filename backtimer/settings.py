"""The user's settings file, ``settings.toml``.

The rules for each value live in ``backtimer.schema.SettingsModel``; here is the light
object the app works with.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from backtimer.timeline import SessionConfig
from backtimer.tomlfile import load_checked, validate, write_atomic


@dataclass(slots=True)
class Settings:
    #: Sessions a week to aim for; the articles recommend 3 to 5.
    weekly_goal: int = 3
    get_ready_s: int = 5
    rest_s: int = 10
    set_rest_s: int = 15
    breath_in_s: float = 4.0
    breath_out_s: float = 6.0
    bell: bool = True
    #: Ask "how is your back, 0-10" before and after each session.
    pain_check: bool = True
    theme: str = "textual-dark"
    #: Binding id -> keys, e.g. {"session.pause" = "p"}.
    keymap: dict[str, str] = field(default_factory=dict)
    #: Exercise ids never to plan automatically.
    excluded: list[str] = field(default_factory=list)
    safety_acknowledged: bool = False

    def session_config(self) -> SessionConfig:
        return SessionConfig(
            get_ready_s=self.get_ready_s,
            rest_between_exercises_s=self.rest_s,
            rest_between_sets_s=self.set_rest_s,
            breath_in_s=self.breath_in_s,
            breath_out_s=self.breath_out_s,
        )

    def plain(self) -> dict[str, Any]:
        return asdict(self)


def checked_settings(values: dict[str, Any]) -> Settings:
    """Settings from ``values``, validated; raises pydantic's ValidationError."""
    from backtimer.schema import SettingsModel

    return Settings(**SettingsModel.model_validate(values).model_dump())


def _check(path: Path, text: str, raw: dict[str, Any]) -> dict[str, Any]:
    from backtimer.schema import SettingsModel

    place = lambda loc: f"key {'.'.join(map(str, loc))!r}"  # noqa: E731
    return validate(path, text, raw, SettingsModel, place).model_dump()


def load_settings(path: Path, cache_dir: Path | None = None) -> Settings:
    """Read settings; a missing file means the defaults. Bad values raise DataError."""
    if not path.exists():
        return Settings()
    data, _ = load_checked(path, cache_dir, _check)
    return Settings(**data)


def save_settings(path: Path, settings: Settings) -> None:
    header = "# backtimer settings. `backtimer check` validates this file.\n"
    write_atomic(path, header + tomli_w.dumps(settings.plain()))

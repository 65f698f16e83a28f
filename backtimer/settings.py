"""The user's settings file, ``settings.toml``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import tomli_w
from pydantic import BaseModel, ConfigDict, Field

from backtimer.timeline import SessionConfig
from backtimer.tomlfile import read_toml, validate, write_atomic


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    #: Sessions a week to aim for; the articles recommend 3 to 5.
    weekly_goal: Annotated[int, Field(ge=1, le=7)] = 3
    get_ready_s: Annotated[int, Field(ge=0, le=30)] = 5
    rest_s: Annotated[int, Field(ge=0, le=120)] = 10
    set_rest_s: Annotated[int, Field(ge=0, le=180)] = 15
    breath_in_s: Annotated[float, Field(ge=2, le=10)] = 4.0
    breath_out_s: Annotated[float, Field(ge=2, le=12)] = 6.0
    bell: bool = True
    #: Ask "how is your back, 0-10" before and after each session.
    pain_check: bool = True
    theme: Annotated[str, Field(min_length=1, max_length=40)] = "textual-dark"
    #: Binding id -> keys, e.g. {"session.pause" = "p"}.
    keymap: dict[str, str] = {}
    #: Exercise ids never to plan automatically.
    excluded: list[str] = []
    safety_acknowledged: bool = False

    def session_config(self) -> SessionConfig:
        return SessionConfig(
            get_ready_s=self.get_ready_s,
            rest_between_exercises_s=self.rest_s,
            rest_between_sets_s=self.set_rest_s,
            breath_in_s=self.breath_in_s,
            breath_out_s=self.breath_out_s,
        )


def load_settings(path: Path) -> Settings:
    """Read settings; a missing file means the defaults. Bad values raise DataError."""
    if not path.exists():
        return Settings()
    data, text = read_toml(path)
    return validate(path, text, data, Settings, lambda loc: f"key {'.'.join(map(str, loc))!r}")


def save_settings(path: Path, settings: Settings) -> None:
    header = "# backtimer settings. `backtimer check` validates this file.\n"
    write_atomic(path, header + tomli_w.dumps(settings.model_dump()))

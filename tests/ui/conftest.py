"""Helpers for driving the app with a FakeClock: time moves only when a test says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backtimer.clock import FakeClock
from backtimer.core.settings import Settings
from backtimer.store.paths import shipped_catalog
from backtimer.tui.app import BacktimerApp
from backtimer.tui.launch import make_app
from backtimer.tui.screens.session import SessionScreen

TEST_ROUTINE = """

[[routine]]
id = "test"
name = "Test routine"
description = "A warm-up, a hold, paced reps and a side switch, with rests."
warmup = [{ id = "marching", time_s = 10 }]
exercises = [
  { id = "childs-pose", hold_s = 10 },
  { id = "bridge", reps = 2 },
  { id = "knee-to-chest", hold_s = 5, sets = 1 },
]
"""


@pytest.fixture
def catalog_file(tmp_path: Path) -> Path:
    path = tmp_path / "exercises.toml"
    path.write_text(shipped_catalog().read_text() + TEST_ROUTINE)
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=0.0)


@pytest.fixture
def app_factory(tmp_path: Path, catalog_file: Path, clock: FakeClock):
    def make(routine: str = "test", **settings) -> BacktimerApp:
        values = {
            "safety_acknowledged": True,
            "get_ready_s": 5,
            "rest_s": 10,
            "voice": "off",  # tests that speak choose to
            "tones": False,
        } | settings
        state = tmp_path / "data" / "state.toml"
        if not state.exists():  # the first-run check answered (its own tests ask it)
            state.parent.mkdir(parents=True, exist_ok=True)
            state.write_text('screening = "clear"\n')
        return make_app(
            clock=clock,
            data_dir=tmp_path / "data",
            cache_dir=tmp_path / "cache",
            catalog=catalog_file,
            routine=routine,
            settings=Settings(**values),
        )

    return make


def text(app: BacktimerApp, widget_id: str) -> str:

    from backtimer.tui.widgets.bigtext import BigText
    from backtimer.tui.widgets.line import Line

    widget = app.screen.query_one(f"#{widget_id}")
    return widget.text if isinstance(widget, Line | BigText) else str(widget.content)


async def advance(pilot, app: BacktimerApp, clock: FakeClock, seconds: float, step: float = 0.25):
    """Move the fake clock forward, letting the session screen tick as the timer would."""
    moved = 0.0
    while moved < seconds - 1e-9:
        delta = min(step, seconds - moved)
        clock.advance(delta)
        moved += delta
        if isinstance(app.screen, SessionScreen):
            app.screen.refresh_state()
    await pilot.pause()


def plain(renderable: object, width: int = 100) -> str:
    """A Rich renderable (a table...) as the text a person reads."""
    from rich.console import Console

    console = Console(width=width, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


def shown(app: BacktimerApp) -> str:
    """The text on the screen now (from the screenshot), to look for words in."""
    import html
    import re

    svg = app.export_screenshot()
    body = svg.split("</style>")[-1]
    return html.unescape(re.sub(r"<[^>]+>", "", body)).replace("\xa0", " ")

"""Building the app from a person's files: the one way, for the CLI and tests alike."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from backtimer.clock import Clock, MonotonicClock
from backtimer.core.plan import Choice
from backtimer.core.settings import Settings
from backtimer.store.profile import Profile, load_profile
from backtimer.tui.app import BacktimerApp


def make_app(
    *,
    clock: Clock | None = None,
    data_dir: str | os.PathLike[str] | Path | None = None,
    catalog: str | os.PathLike[str] | Path | None = None,
    cache_dir: str | os.PathLike[str] | Path | None = None,
    start: bool = False,
    desk_break: bool = False,
    routine: str | None = None,
    settings: Settings | None = None,
    choose: Callable[[Profile], Choice | None] | None = None,
) -> BacktimerApp:
    """The one way to build the app, for the CLI and for tests alike.

    ``desk_break`` runs a desk break at once and quits after it.
    ``choose(profile)`` picks what Start runs (the CLI's --routine/--minutes);
    ``routine`` does the same by id; ``settings`` replaces the file's (tests).
    """
    profile = load_profile(data_dir, catalog, cache_dir)
    if settings is not None:
        profile.settings = settings
    choice = choose(profile) if choose is not None else None
    if routine is not None:
        choice = profile.routine(routine, (clock or MonotonicClock()).wall().date())
    return BacktimerApp(
        profile=profile, clock=clock, choice=choice, start=start, desk_break=desk_break
    )

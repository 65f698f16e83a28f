"""Recording a walk from Home: how many minutes, then it is saved by the profile
(``Profile.walk``, appended to this machine's walks file) and Home's week redrawn."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING, Any

from backtimer.core.walk import COUNTS_FROM_MINUTES, MAX_MINUTES, new_walk
from backtimer.store.errors import DataError

if TYPE_CHECKING:
    from textual.app import App

    from backtimer.store.profile import Profile


def _minutes_check(text: str) -> str | None:
    if not text.isdigit() or not 1 <= int(text) <= MAX_MINUTES:
        return f"Minutes walked, 1 to {MAX_MINUTES}."
    return None


async def log_walk(app: App[Any], profile: Profile, now: datetime) -> bool:
    """Ask how long today's walk was and record it; whether one was recorded."""
    from backtimer.tui.dialogs.ask import AskScreen

    answer = await app.push_screen_wait(
        AskScreen(
            "Minutes walked today:",
            placeholder="30",
            check=_minutes_check,
            restrict=r"[0-9]*",
        )
    )
    if answer is None:
        return False
    walk = new_walk(now.date(), int(answer), now, secrets.token_hex(3))
    try:
        profile.walk(walk)
    except (OSError, DataError) as exc:
        app.notify(f"Could not save the walk: {exc}", severity="error", timeout=10)
        return False
    if profile.settings.walks_count and walk.minutes >= COUNTS_FROM_MINUTES:
        note = "It counts as a session this week."
    else:
        note = "Minutes walked show in History."
    app.notify(f"Walk of {walk.minutes} min recorded. {note}", timeout=4)
    return True

"""What backtimer remembers between runs that is not a setting: ``state.toml`` in the
data folder. Written by backtimer only (atomically); read like every other file."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import tomli_w

from backtimer.core.vocab import FILE_CONFIG
from backtimer.store.cache import Cache
from backtimer.store.files import load_validated
from backtimer.store.tomlio import write_atomic

HEADER = (
    "# What backtimer remembers between runs (not settings: see settings.toml).\n"
    "# Written by backtimer; safe to delete.\n"
)


@dataclass(frozen=True, slots=True)
class State:
    __pydantic_config__ = FILE_CONFIG

    #: The person has read "when to stop" before a first session.
    safety_acknowledged: bool = False
    #: The routine Home offers: the one chosen last.
    routine: str | None = None
    #: The day a reminder last nudged (reminders never nudge twice a day).
    last_reminder: date | None = None
    #: When a desk-break nudge last came (``remind --if-due --breaks``).
    last_break_nudge: datetime | None = None
    #: This week at a glance, for `backtimer status` (see store/summary.py).
    summary: dict[str, Any] | None = None
    #: The day the "pain not improving" advice was first shown (it shows that day,
    #: then not again for a week).
    advice_shown: date | None = None
    #: The learn cards shown after sessions, in order (``core.learn``).
    cards_seen: tuple[str, ...] = ()
    #: The first-run check (``core.screening``): "clear", "ask-first" or "cleared";
    #: None: not asked yet.
    screening: Literal["clear", "ask-first", "cleared"] | None = None
    #: Moves brought back early after pain (id -> the day): pain felt up to that day
    #: no longer leaves them out (``core.avoid``).
    brought_back: dict[str, date] = field(default_factory=dict)


def load_state(path: Path, cache: Cache | None = None) -> State:
    if not path.exists():
        return State()
    state, _ = load_validated(path, cache, "state", State)
    return state


def save_state(path: Path, state: State) -> None:
    data: dict[str, Any] = {
        f.name: getattr(state, f.name) for f in fields(state) if getattr(state, f.name) is not None
    }
    write_atomic(path, HEADER + tomli_w.dumps(data))


def update_state(path: Path, state: State, **changes: Any) -> State:
    """Save ``state`` with ``changes`` and return it."""
    new = replace(state, **changes)
    if new != state:
        save_state(path, new)
    return new


__all__ = ["State", "load_state", "save_state", "update_state"]

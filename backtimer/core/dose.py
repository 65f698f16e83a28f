"""A dose: how much of a move (hold, reps, sets, time), its safe range, and how it is
described and nudged. One value, used by exercises, routines, plans and the log."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from backtimer.core.vocab import FILE_CONFIG, Count, Mode, Seconds, SetCount, TimedSeconds

DOSE_KEYS = ("hold_s", "reps", "sets", "time_s")
#: One notch of each key: what + and - change in the routine screen and the planner.
NOTCH = {"reps": 1, "hold_s": 5, "time_s": 15, "sets": 1}


def _n(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True, slots=True)
class Dose:
    """How much: the hold (or the pause at the top of each rep), reps, sets, time."""

    __pydantic_config__ = FILE_CONFIG

    hold_s: Seconds | None = None
    reps: Count | None = None
    sets: SetCount = 1
    time_s: TimedSeconds | None = None

    @property
    def mode(self) -> Mode:
        """Reps when it has reps, timed when it has a time, otherwise a hold."""
        if self.reps is not None:
            return "reps"
        return "timed" if self.time_s is not None else "hold"

    @property
    def main_key(self) -> str:
        """The key that + and - change first."""
        return {"reps": "reps", "hold": "hold_s", "timed": "time_s"}[self.mode]

    def with_changes(self, **changes: Any) -> Dose:
        """This dose with the given keys changed; None means "keep"."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def plain(self) -> dict[str, float | int]:
        """The keys that are set, as the log stores them."""
        return {k: v for k in DOSE_KEYS if (v := getattr(self, k)) is not None}

    def describe(self) -> str:
        """``10 reps, hold 3 s, 2 sets``; the side part is the exercise's to add."""
        parts: list[str] = []
        if self.mode == "reps":
            parts.append(f"{self.reps} reps")
            if self.hold_s:
                parts.append(f"hold {_n(self.hold_s)} s")
        elif self.mode == "timed":
            parts.append(f"{_n(self.time_s or 0)} s")
        else:
            parts.append(f"hold {_n(self.hold_s or 0)} s")
        if self.sets > 1:
            parts.append(f"{self.sets} sets")
        return ", ".join(parts)

    def nudged(
        self, direction: int, key: str | None, *, limits: Limits, default: Dose
    ) -> Dose | None:
        """One notch more (+1) or less (-1) of ``key`` (None: the main key), kept inside
        ``limits`` of a move whose catalogue dose is ``default``; None at the limit."""
        key = key or self.main_key
        value = getattr(self, key) or 0
        new = value + direction * NOTCH[key]
        if direction > 0:
            new = min(new, limits.most(default, key))
        else:
            new = max(new, limits.least(default, key))
        if new == value or new <= 0:
            return None
        changes: dict[str, Any] = {key: int(new) if key in ("reps", "sets") else new}
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Limits:
    """The safe range of each dose key, from the catalogue (None: no range given)."""

    hold_s: tuple[float, float] | None = None
    reps: tuple[int, int] | None = None
    sets: tuple[int, int] | None = None
    time_s: tuple[float, float] | None = None

    def range(self, key: str, default: Dose) -> tuple[float, float] | None:
        """The range of ``key``. Sets come only from a range the catalogue gives: a
        move with none is done at its default number of sets."""
        bounds: tuple[float, float] | None = getattr(self, key)
        if key == "sets" and bounds is None:
            bounds = (default.sets, default.sets)
        return bounds

    def bottom(self, default: Dose) -> Dose:
        """The gentlest dose: the bottom of every range (a new person starts here)."""
        changes: dict[str, Any] = {}
        for key in ("hold_s", "reps", "sets", "time_s"):
            bounds = getattr(self, key)
            if bounds is not None and getattr(default, key) is not None:
                changes[key] = bounds[0]
        return replace(default, **changes)

    def most(self, default: Dose, key: str) -> float:
        """The most of ``key`` a plan may ask for: the safe range, else 1.5x the default."""
        bounds = self.range(key, default)
        return bounds[1] if bounds else math.floor((getattr(default, key) or 0) * 1.5)

    def least(self, default: Dose, key: str) -> float:
        if key == "sets":
            return 1
        bounds = self.range(key, default)
        return bounds[0] if bounds else math.ceil((getattr(default, key) or 0) * 0.5)

    def problem(self, default: Dose, changes: dict[str, Any]) -> str | None:
        """Why ``changes`` to a move's ``default`` dose do not fit it, or None.

        Doing less than the recommended range is never unsafe; doing more is.
        """
        allowed = {
            "reps": {"reps", "hold_s", "sets"},
            "hold": {"hold_s", "sets"},
            "timed": {"time_s", "sets"},
        }[default.mode]
        for key, value in changes.items():
            if key not in allowed:
                return f"{key} does not apply to a {default.mode} move"
            bounds = self.range(key, default)
            if bounds is not None and value > bounds[1]:
                return f"{key} = {value:g} is above the safe maximum of {bounds[1]:g}"
        return None

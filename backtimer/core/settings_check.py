"""What ``settings.toml`` says that its own rules cannot catch (a binding id or key
that does not exist or hides another, a theme no one ships, an exercise id not in the
catalogue), and the settings with the defaults in place of each of those keys: the
app then opens on working keys and says, in one line, to run ``backtimer check``."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import Any

from backtimer.core.keys import keymap_problems
from backtimer.core.settings import Settings


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def settings_problems(
    settings: Settings, exercise_ids: Collection[str], themes: Collection[str]
) -> list[tuple[str, str]]:
    """(key, problem) for each of them, keymap entries as ``keymap.<binding id>``."""
    problems = [
        (f"keymap.{binding}", problem) for binding, problem in keymap_problems(settings.keymap)
    ]
    if settings.theme not in themes:
        problems.append(
            (
                "theme",
                f"no theme is called {_short(settings.theme)}; "
                f"choose one of {', '.join(sorted(themes))}",
            )
        )
    for exercise_id in settings.excluded:
        if exercise_id not in exercise_ids:
            problems.append(("excluded", f"no exercise has the id {_short(exercise_id)}"))
    return problems


def with_defaults(
    settings: Settings, exercise_ids: Collection[str], themes: Collection[str]
) -> tuple[Settings, list[tuple[str, str]]]:
    """``settings`` with the default in place of every key that has a problem (the
    keymap without its broken entries, the default theme, only known exclusions),
    and the problems."""
    problems = settings_problems(settings, exercise_ids, themes)
    keys = {key for key, _ in problems}
    broken = {key.partition(".")[2] for key in keys if key.startswith("keymap.")}
    changes: dict[str, Any] = {}
    if broken:
        changes["keymap"] = {k: v for k, v in settings.keymap.items() if k not in broken}
    if "theme" in keys:
        changes["theme"] = Settings().theme
    if "excluded" in keys:
        changes["excluded"] = tuple(e for e in settings.excluded if e in exercise_ids)
    return (replace(settings, **changes) if changes else settings), problems


def note(count: int) -> str:
    """What Home says of them, in one line."""
    if count == 1:
        return "settings.toml has a problem: run `backtimer check`. Its default is used for now."
    return (
        f"settings.toml has {count} problems: run `backtimer check`. "
        "Their defaults are used for now."
    )

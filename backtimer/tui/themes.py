"""The themes Textual ships and backtimer's own, by name: what `theme` in settings may
be."""

from __future__ import annotations


def builtin_themes() -> set[str]:
    from textual.theme import BUILTIN_THEMES

    from backtimer.tui.palette import THEMES

    return set(BUILTIN_THEMES) | {theme.name for theme in THEMES}

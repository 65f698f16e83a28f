"""The themes Textual ships, by name: what `theme` in settings may be."""

from __future__ import annotations


def builtin_themes() -> set[str]:
    from textual.theme import BUILTIN_THEMES

    return set(BUILTIN_THEMES)

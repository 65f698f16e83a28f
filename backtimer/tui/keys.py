"""Textual bindings built from the one table of keys (``backtimer.core.keys``)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from backtimer.core.keys import scope


def bindings(name: str) -> list[BindingType]:
    """The bindings of screen ``name`` (``"session"``, ``"home"``...), each with its id
    so that ``keymap`` in settings can move it."""
    return [
        Binding(k.keys, k.action, k.description, show=k.show, priority=k.priority, id=k.id)
        for k in scope(name)
    ]

"""Textual bindings built from the one table of keys (``backtimer.core.keys``)."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding, BindingType

from backtimer.core.keys import BY_ID, scope


def bindings(name: str) -> list[BindingType]:
    """The bindings of screen ``name`` (``"session"``, ``"home"``...), each with its id
    so that ``keymap`` in settings can move it."""
    return [
        Binding(k.keys, k.action, k.description, show=k.show, priority=k.priority, id=k.id)
        for k in scope(name)
    ]


def key_hint(app: Any, binding_id: str) -> str:
    """The key a binding is on now (the person's keymap, else the default), as the
    footer shows it: every hint in a screen's text comes from here."""
    keymap = getattr(app, "_keymap", None) or {}
    keys = keymap.get(binding_id) or BY_ID[binding_id].keys
    first = keys.split(",")[0].strip()
    return str(app.get_key_display(Binding(first, "")))

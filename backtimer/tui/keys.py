"""Textual bindings built from the one table of keys (``backtimer.core.keys``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.binding import Binding, BindingType

from backtimer.core.keys import BY_ID, scope, split_keys


def bindings(name: str) -> list[BindingType]:
    """The bindings of screen ``name`` (``"session"``, ``"home"``...), each with its id
    so that ``keymap`` in settings can move it."""
    return [
        Binding(k.keys, k.action, k.description, show=k.show, priority=k.priority, id=k.id)
        for k in scope(name)
    ]


def relabel(node: Any, binding_id: str, description: str) -> None:
    """What the footer says for a binding, changed where it is (Pause becomes Resume
    while paused); its keys, the person's keymap included, stay as they are."""
    from dataclasses import replace

    table = node._bindings.key_to_bindings  # Textual keeps no public setter for this
    changed = False
    for key, found in table.items():
        if any(b.id == binding_id and b.description != description for b in found):
            table[key] = [
                replace(b, description=description) if b.id == binding_id else b for b in found
            ]
            changed = True
    if changed:
        node.refresh_bindings()


def live_keys(app: Any, binding_id: str) -> list[str]:
    """The keys a binding is on now: the person's keymap, else the default."""
    keymap = getattr(app, "_keymap", None) or {}
    return split_keys(keymap.get(binding_id, "")) or split_keys(BY_ID[binding_id].keys)


def key_hint(app: Any, binding_id: str) -> str:
    """The first key a binding is on now, as the footer shows it: every hint in a
    screen's text comes from here."""
    return str(app.get_key_display(Binding(live_keys(app, binding_id)[0], "")))


def all_keys(app: Any, binding_id: str) -> str:
    """Every key a binding is on now, as the footer shows them: ``K/⇧+↑``."""
    return "/".join(str(app.get_key_display(Binding(k, ""))) for k in live_keys(app, binding_id))


def hint_line(app: Any, items: Iterable[tuple[str, str]], *, every_key: bool = False) -> Text:
    """The key in bold, then its words, for each (binding id, words), with the live
    keys. Text, not markup: keys such as ``[`` stay keys."""
    show = all_keys if every_key else key_hint
    line = Text()
    for n, (binding, words) in enumerate(items):
        line.append("   " if n else "")
        line.append(show(app, binding), style="bold")
        line.append(f" {words}")
    return line

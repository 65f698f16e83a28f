"""The keys, generated from the bindings with the person's keymap, and a way back to
the safety advice."""

from __future__ import annotations

from typing import cast

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from backtimer.core.keys import help_table
from backtimer.tui.keys import bindings


def keys_table(keymap: dict[str, str]) -> Table:
    """Every section of the help as one two-column table: it wraps the words, never
    the keys, at any width."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column()
    for number, (heading, rows) in enumerate(help_table(keymap)):
        if number:
            table.add_row("", "")
        table.add_row(Text(heading, style="bold"), "")
        for keys, words in rows:
            table.add_row(Text(keys, style="bold"), words)
    return table


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = bindings("help")

    def compose(self) -> ComposeResult:
        keymap = cast("dict[str, str]", getattr(self.app, "_keymap", None) or {})
        with Vertical(classes="dialog wide"):
            yield Static("Keys", classes="title")
            with VerticalScroll():
                yield Static(keys_table(keymap), id="keys")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_safety(self) -> None:
        from backtimer.tui.dialogs.safety import SafetyScreen

        self.app.push_screen(SafetyScreen())

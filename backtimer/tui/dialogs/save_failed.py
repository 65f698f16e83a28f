"""A session could not be saved: try again, save it elsewhere, or let it go."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from backtimer.tui.keys import bindings

Choice = Literal["retry", "elsewhere", "discard"]


class SaveFailedScreen(ModalScreen[Choice]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = bindings("unsaved")

    def __init__(self, reason: str, kept: str | None) -> None:
        super().__init__()
        self.reason = reason
        self.kept = kept

    def compose(self) -> ComposeResult:
        kept = (
            f"It is kept in {self.kept} and will be offered again next time."
            if self.kept
            else "It could not be kept for later either."
        )
        with Vertical(classes="dialog"):
            yield Static("Your session could not be saved", classes="title")
            yield Static(f"{self.reason}\n{kept}", classes="question")
            with Horizontal(classes="buttons"):
                yield Button("Retry (r)", variant="primary", id="retry")
                yield Button("Save elsewhere (s)", id="elsewhere")
                yield Button("Discard (d)", variant="error", id="discard")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(str(event.button.id))

    def action_choose(self, choice: str) -> None:
        if choice in ("retry", "elsewhere", "discard"):
            self.dismiss(choice)  # type: ignore[arg-type]

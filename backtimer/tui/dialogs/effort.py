"""After a session with strength work: "could you have done 2 or 3 more?" One key to
answer, one to skip. A "no" holds the strength moves' next step up."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from backtimer.tui.keys import bindings, key_hint


class EffortScreen(ModalScreen[bool | None]):
    """Dismisses with True (more in reserve), False (that was my limit) or None."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = bindings("effort")

    def __init__(self, move: str) -> None:
        super().__init__()
        self.move = move

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                f"{self.move}: could you have done 2 or 3 more, with good form?",
                classes="question",
            )
            with Horizontal(classes="buttons"):
                yield Button(f"Yes ({key_hint(self.app, 'effort.yes')})", id="yes")
                yield Button(f"No ({key_hint(self.app, 'effort.no')})", id="no")
                yield Button(f"Skip ({key_hint(self.app, 'effort.skip')})", id="skip")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss({"yes": True, "no": False}.get(event.button.id or ""))

    def action_answer(self, value: bool | None) -> None:
        self.dismiss(value)

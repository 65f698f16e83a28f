"""A yes/no question (after frogmouth's YesNoDialog)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from backtimer.tui.keys import bindings, key_hint


class ConfirmScreen(ModalScreen[bool]):
    """y or n; Enter presses the focused button, which starts on the safe answer
    (``safe``: "no" when yes would end or delete something, else "yes")."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = bindings("confirm")

    def __init__(self, question: str, yes: str = "Yes", no: str = "No", safe: str = "no") -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no
        self.safe = safe

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            with VerticalScroll():  # a long question scrolls; the buttons stay in view
                yield Static(self.question, classes="question")
            with Horizontal(classes="buttons"):
                yes_key, no_key = (
                    key_hint(self.app, "confirm.yes"),
                    key_hint(self.app, "confirm.no"),
                )
                yes = Button(f"{self.yes} ({yes_key})", variant="error", id="yes")
                if self.safe != "no":
                    yes.variant = "default"
                yield yes
                yield Button(f"{self.no} ({no_key})", variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one(f"#{self.safe}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class ScreeningScreen(ConfirmScreen):
    """The first-run check (``core.screening``): yes, no, or Escape for not now (None:
    nothing is recorded and it is asked again at the next Start)."""

    BINDINGS = bindings("screening")

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__(question, yes=yes, no=no, safe="yes")

    def action_later(self) -> None:
        self.dismiss(None)  # type: ignore[arg-type]

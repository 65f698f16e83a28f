"""The pain check-in: "how is your back, 0-10", before and after a session."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from backtimer.tui.keys import bindings
from backtimer.tui.widgets.typed_input import TypedInput


def parse_rating(text: str) -> int | None | str:
    """An int 0-10, None for an empty answer (skip), or an error message."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 0 <= int(text) <= 10:
        return "Type a whole number from 0 (no pain) to 10 (worst imaginable)."
    return int(text)


class PainScreen(ModalScreen[int | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = bindings("pain")

    def __init__(self, when: str) -> None:
        super().__init__()
        self.when = when

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            question = "before you start" if self.when == "before" else "now, after the session"
            yield Static(f"How is your back {question}?", classes="title")
            yield Static("0 = no pain, 10 = worst imaginable.  Escape skips.")
            yield TypedInput(placeholder="0-10", max_length=2, id="rating", restrict=r"[0-9]*")
            yield Static("", id="problem", classes="warning")
        yield Footer()

    @on(Input.Submitted)
    def answer(self, event: Input.Submitted) -> None:
        value = parse_rating(event.value)
        if isinstance(value, str):
            self.query_one("#problem", Static).update(value)
            return
        self.dismiss(value)  # None: skipped (no notice: it would cover what comes next)

    def action_skip(self) -> None:
        self.dismiss(None)

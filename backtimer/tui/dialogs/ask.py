"""Answer one line of text: a small reusable dialog."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from backtimer.tui.keys import bindings
from backtimer.tui.widgets.typed_input import TypedInput


class AskScreen(ModalScreen[str | None]):
    """One line of text. ``check`` returns an error message, or None when it is fine."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = bindings("ask")

    def __init__(
        self,
        question: str,
        *,
        value: str = "",
        placeholder: str = "",
        check: Callable[[str], str | None] | None = None,
        restrict: str | None = None,
        width: int = 12,
    ) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.placeholder = placeholder
        self.check = check
        self.restrict = restrict
        self.width = width

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="title")
            answer = TypedInput(
                value=self.value, placeholder=self.placeholder, restrict=self.restrict
            )
            answer.styles.width = self.width
            answer.styles.max_width = "100%"
            yield answer
            yield Static("", id="problem", classes="warning")
        yield Footer()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        problem = self.check(event.value) if self.check else None
        if problem:
            self.query_one("#problem", Static).update(problem)
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)

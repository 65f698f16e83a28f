"""Pick one item from a list: a small reusable dialog."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from backtimer.tui.keys import bindings


class PickScreen(ModalScreen[str | None]):
    """Choose one of ``choices`` ((id, label) pairs); dismisses with its id or None."""

    BINDINGS = bindings("pick")

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str | None = None):
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.title_text, classes="title")
            yield OptionList(*[Option(label, id=key) for key, label in self.choices])
        yield Footer()

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        keys = [key for key, _ in self.choices]
        listing.highlighted = keys.index(self.current) if self.current in keys else 0
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

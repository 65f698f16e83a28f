"""Pick which routine Start runs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option


class RoutinePicker(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="routines.cancel")]

    def __init__(self, choices: list[tuple[str, str]], current: str) -> None:
        """``choices``: (routine id, label) pairs."""
        super().__init__()
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("Choose a routine", classes="title")
            yield OptionList(*[Option(label, id=rid) for rid, label in self.choices])
        yield Footer()

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        ids = [rid for rid, _ in self.choices]
        listing.highlighted = ids.index(self.current) if self.current in ids else 0
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

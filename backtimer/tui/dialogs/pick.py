"""Pick one item from a list, typing to narrow it: a small reusable dialog."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from backtimer.tui.keys import bindings
from backtimer.tui.widgets.typed_input import TypedInput


def matches(label: str, words: str) -> bool:
    """Every typed word is somewhere in the label (markup aside, any case)."""
    plain = Text.from_markup(label).plain.lower()
    return all(word in plain for word in words.lower().split())


class PickScreen(ModalScreen[str | None]):
    """Choose one of ``choices`` ((id, label) pairs); dismisses with its id or None.
    Typing filters the list; up and down move in it; Enter picks."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = bindings("pick")

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str | None = None):
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.title_text, classes="title")
            words = TypedInput(placeholder="type to filter", id="filter")
            words.styles.width = "100%"
            yield words
            yield OptionList(*[Option(label, id=key) for key, label in self.choices])
        yield Footer()

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        keys = [key for key, _ in self.choices]
        listing.highlighted = keys.index(self.current) if self.current in keys else 0
        self.query_one("#filter", Input).focus()

    @on(Input.Changed, "#filter")
    def narrow(self, event: Input.Changed) -> None:
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(
            Option(label, id=key) for key, label in self.choices if matches(label, event.value)
        )
        listing.highlighted = 0 if listing.option_count else None

    @on(Input.Submitted, "#filter")
    def pick_highlighted(self) -> None:
        listing = self.query_one(OptionList)
        if listing.highlighted is not None:
            self.dismiss(listing.get_option_at_index(listing.highlighted).id)

    def action_cursor(self, step: int) -> None:
        listing = self.query_one(OptionList)
        if step < 0:
            listing.action_cursor_up()
        else:
            listing.action_cursor_down()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

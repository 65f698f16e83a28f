"""Learn: every card on what helps a back (``core.learn``), to read at leisure."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from backtimer.core.learn import CARDS, text_of
from backtimer.tui.keys import bindings, key_hint
from backtimer.tui.widgets.too_small import too_small


class LearnScreen(Screen[None]):
    CSS_PATH = "screens.tcss"
    BINDINGS = bindings("learn")

    def compose(self) -> ComposeResult:
        stop = f"{key_hint(self.app, 'home.help')} then {key_hint(self.app, 'help.safety')}"
        walk = key_hint(self.app, "home.walk")
        blocks = [
            f"[b]{escape(card.title)}[/b]\n{escape(text_of(card, stop=stop, walk=walk))}"
            for card in CARDS
        ]
        yield too_small()
        with VerticalScroll(id="learn"):
            yield Static("What helps a back", classes="title")
            yield Static("\n\n".join(blocks))
        yield Footer()

    def action_back(self) -> None:
        self.dismiss(None)

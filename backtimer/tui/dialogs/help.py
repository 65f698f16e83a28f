"""The keys, and a way back to the safety advice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from backtimer.tui.keys import bindings

KEYS = """\
[b]Home[/b]
  enter / s   start the routine shown
  r           routine: open one, plan a length, edit and save
  ,           settings
  l           exercise library
  h           history: weeks, streaks, pain trend
  ?           this help        ctrl+p  command palette

[b]During a session[/b]
  space       pause / resume
  n           next: skip the rest of this exercise
  b           back: restart this exercise (twice: the previous one)
  +           add 10 seconds to this hold or rest
  x           this hurts: stop this exercise and show advice
  m           mute or unmute the voice and sounds
  f           floor mode: just the cue, the number, what is next
  q / escape  end the session (asks first; what you did is saved)

[b]Waiting screens[/b]
  enter       continue (skips the pain check-in)"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings("help")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("Keys", classes="title")
            with VerticalScroll():
                yield Static(KEYS)
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_safety(self) -> None:
        from backtimer.tui.dialogs.safety import SafetyScreen

        self.app.push_screen(SafetyScreen())

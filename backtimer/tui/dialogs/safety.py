"""When to stop and see a professional: shown before the first session and on "this hurts"."""

from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from backtimer.core.safety import safety_text
from backtimer.tui.keys import bindings, key_hint

ADVICE = safety_text(markup=True)

PAIN_HEADER = (
    "It is recorded as stopped for pain. For two weeks it, and "
    "the moves that bend your back the same way, are left out of your routines and "
    "plans. The session is paused.\n"
)


class SafetyScreen(ModalScreen[bool]):
    """Dismisses with True to go on; False means stop (end the session, or do not start)."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = bindings("safety")

    def __init__(self, *, pain: bool = False, first: bool = False) -> None:
        super().__init__()
        self.pain = pain
        self.first = first

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(
                "Exercise stopped"
                if self.pain
                else "Before your first session: when to stop"
                if self.first
                else "When to stop",
                classes="title",
            )
            with VerticalScroll():
                if self.pain:  # in the scroll, so a small terminal can still reach it all
                    yield Static(PAIN_HEADER, classes="warning")
                    yield Static("[b]When to stop[/b]")
                yield Static(ADVICE)
            k = partial(key_hint, self.app)
            if self.pain:
                hint = (
                    f"{k('safety.continue')}: go on    {k('safety.back')}: back, paused    "
                    f"{k('safety.end')}: end the session"
                )
            elif self.first:
                hint = (
                    f"{k('safety.continue')}: I understand, start    {k('safety.later')}: not now"
                )
            else:
                hint = f"{k('safety.close')}: close"
            yield Static(hint, classes="hint")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        modes = ("stop", "back") if self.pain else ("later",) if self.first else ("close",)
        return action in modes or action not in ("stop", "back", "later", "close")

    def action_go_on(self) -> None:
        self.dismiss(True)

    def action_stop(self) -> None:
        self.dismiss(False)

    def action_back(self) -> None:
        """Back to the session, still paused (None: neither go on nor end)."""
        self.dismiss(None)  # type: ignore[arg-type]

    action_later = action_stop

    def action_close(self) -> None:
        self.dismiss(True)

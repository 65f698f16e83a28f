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


def pain_header(stopped: str, left: list[str], until: str) -> str:
    """One line on what happened, then what is left out."""
    line = (
        f"[b]{stopped} stopped for pain; the session is paused.[/b] It and the moves that "
        f"bend your back the same way are left out of your plans until {until}."
    )
    if left:
        line += f" Skipped in this session too: {', '.join(left)}."
    return line + "\n"


class SafetyScreen(ModalScreen["bool | str | None"]):
    """Dismisses with True to go on; False means stop (end the session, or do not
    start); None (after pain): back to the session, paused; "undo": the stop for pain
    was a mistake."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = bindings("safety")

    def __init__(
        self,
        *,
        pain: bool = False,
        first: bool = False,
        stopped: str = "The move",
        left: list[str] | None = None,
        until: str = "two weeks from today",
    ) -> None:
        super().__init__()
        self.pain = pain
        self.first = first
        self.stopped, self.left, self.until = stopped, left or [], until

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
                    yield Static(
                        pain_header(self.stopped, self.left, self.until), classes="warning"
                    )
                    yield Static("[b]When to stop[/b]")
                yield Static(ADVICE)
            k = partial(key_hint, self.app)
            if self.pain:
                hint = (
                    f"{k('safety.continue')}: go on    {k('safety.back')}: back, paused    "
                    f"{k('safety.end')}: end    {k('safety.undo')}: undo, it was a mistake"
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
        modes = ("stop", "back", "undo") if self.pain else ("later",) if self.first else ("close",)
        return action in modes or action not in ("stop", "back", "later", "close", "undo")

    def action_go_on(self) -> None:
        self.dismiss(True)

    def action_stop(self) -> None:
        self.dismiss(False)

    def action_back(self) -> None:
        """Back to the session, still paused (None: neither go on nor end)."""
        self.dismiss(None)

    def action_undo(self) -> None:
        """The stop for pain was a mistake."""
        self.dismiss("undo")

    action_later = action_stop

    def action_close(self) -> None:
        self.dismiss(True)

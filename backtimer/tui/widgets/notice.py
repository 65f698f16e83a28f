"""A screen's own notice line: where a toast would cover its header or its title (the
session's time left, the routine screen's name), a notice takes a line of its own and
clears itself. ``BacktimerApp.notify`` sends a notice here when the screen has one."""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import Static


class Notice(Static):
    DEFAULT_CSS = """
    Notice {
        display: none;
        height: auto;
        max-height: 4;
        width: 100%;
        padding: 0 1;
        background: $boost;
    }
    Notice.-warning { color: $warning; }
    Notice.-error { color: $error; }
    """

    _timer: Timer | None = None

    def show(self, message: str, severity: str = "information", timeout: float = 5) -> None:
        """``message`` on one line (line breaks become spaces) for ``timeout`` seconds."""
        self.update(" ".join(message.split("\n")))
        self.set_classes(f"-{severity}")
        self.display = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(timeout, self.clear)

    def clear(self) -> None:
        self.display = False
        self._timer = None

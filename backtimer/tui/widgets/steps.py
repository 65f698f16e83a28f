"""An exercise's instructions with the current one marked."""

from __future__ import annotations

from rich.table import Table
from textual.reactive import reactive
from textual.widget import Widget


class StepList(Widget):
    DEFAULT_CSS = """
    StepList {
        height: auto;
        width: 1fr;
    }
    """

    steps: reactive[tuple[str, ...]] = reactive((), layout=True)
    current: reactive[int] = reactive(-1)

    def render(self) -> Table:
        # a grid keeps wrapped lines indented under their own text
        table = Table.grid(padding=(0, 1))
        table.add_column(width=1, no_wrap=True)
        table.add_column(ratio=1)
        for n, line in enumerate(self.steps):
            here = n == self.current
            table.add_row("▶" if here else " ", line, style="bold reverse" if here else "")
        return table

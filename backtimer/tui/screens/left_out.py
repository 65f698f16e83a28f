"""Moves left out: every move out of today's plans, why and until when, in one place;
bring one back now, or leave one out for good. The screen returns what the person
chose; the app applies it (``navigation.left_out``) and shows the list again."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from backtimer.core.avoid import Avoided, short_date
from backtimer.tui.keys import bindings, hint_line
from backtimer.tui.widgets.too_small import too_small

Choice = tuple[Literal["bring", "exclude"], str]
UNTIL = {"excluded": "until you say", "screening": "until cleared"}


class LeftOutScreen(Screen[Choice | None]):
    CSS_PATH = "screens.tcss"
    BINDINGS = bindings("leftout")

    def __init__(
        self, avoided: Mapping[str, Avoided], names: Mapping[str, str], cursor: int = 0
    ) -> None:
        super().__init__()
        self.rows = list(avoided.values())
        self.names = names
        self.cursor = cursor

    def compose(self) -> ComposeResult:
        yield too_small()
        with Vertical(id="left-out"):
            yield Static("Moves left out", classes="title")
            if not self.rows:
                yield Static("None: every move is in today's plans.")
            else:
                yield DataTable(id="left-out-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="left-out-why")
                help_line = (
                    ("leftout.bring", "bring back now"),
                    ("leftout.exclude", "leave out for good"),
                )
                yield Static(hint_line(self.app, help_line), id="left-out-help")
        yield Footer()

    def on_mount(self) -> None:
        if not self.rows:
            return
        table = self.query_one(DataTable)
        table.add_columns("move", "until", "why")
        for a in self.rows:  # the whole reason is in the line below the table
            until = short_date(a.until) if a.until else UNTIL.get(a.kind, "")
            table.add_row(self.names.get(a.id, a.id), until, self._short(a))
        table.move_cursor(row=min(self.cursor, len(self.rows) - 1))
        table.focus()

    def _short(self, a: Avoided) -> str:
        if a.kind == "excluded":
            return "your choice"
        if a.kind == "screening":
            return "level 3"
        if a.because is not None:
            return f"like {self.names.get(a.because, a.because)}"
        return "it hurt"

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        a = self.rows[event.cursor_row]
        name = escape(self.names.get(a.id, a.id))
        if a.kind == "pain":
            text = f"{escape(a.sentence(self.names.get(a.id, a.id)))}"
        elif a.kind == "excluded":
            text = f"{name} is left out by your choice, until you bring it back."
        else:
            text = (
                f"{name} is a level 3 move, held back until a physiotherapist or doctor has "
                "checked these moves with you. Only once they have, say so in Settings."
            )
        self.query_one("#left-out-why", Static).update(text)

    def _selected(self) -> Avoided | None:
        if not self.rows:
            return None
        return self.rows[self.query_one(DataTable).cursor_row]

    def action_bring_back(self) -> None:
        found = self._selected()
        if found is not None:
            self.dismiss(("bring", found.id))

    def action_exclude(self) -> None:
        found = self._selected()
        if found is not None and found.kind != "excluded":
            self.dismiss(("exclude", found.id))

    def action_back(self) -> None:
        self.dismiss(None)

"""Browse the catalogue, as it stands for you: every move's why, targets and steps,
your dose and where it came from, and its status (not unlocked yet, left out until a
day, last done on a day). Type to search; start one move now, or add it to a
routine. The screen returns what the person chose (``LibraryChoice``); the app does it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Key
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from backtimer.core.exercise import Exercise
from backtimer.core.figure import Figure
from backtimer.core.figure_draw import side_by_side
from backtimer.core.routine import Catalog
from backtimer.tui.keys import bindings
from backtimer.tui.widgets.too_small import too_small

KIND_ORDER = ("warmup", "mobility", "stretch", "strength")
KIND_NAMES = {
    "warmup": "Warm-up",
    "mobility": "Mobility",
    "stretch": "Stretch",
    "strength": "Strength",
}

LibraryChoice = tuple[Literal["start", "add"], str]


@dataclass(frozen=True)
class Yours:
    """A move as it stands for the person (``navigation.library`` fills it in)."""

    dose: str
    #: Where the dose came from: "where everyone starts", "up on 2 Dec: three good
    #: sessions"...
    source: str
    #: A word for the list ("locked", "out") and a sentence for the detail.
    tag: str = ""
    status: str = ""
    last_done: str = ""


def _ranges(exercise: Exercise) -> str:
    parts = []
    for key, label, unit in (
        ("reps", "reps", ""),
        ("hold_s", "hold", " s"),
        ("sets", "sets", ""),
        ("time_s", "time", " s"),
    ):
        value = getattr(exercise.limits, key)
        if value and value[0] == value[1]:
            parts.append(f"{label} {value[0]:g}{unit}")
        elif value:
            parts.append(f"{label} {value[0]:g}-{value[1]:g}{unit}")
    return ", ".join(parts)


def exercise_text(
    exercise: Exercise, yours: Yours | None = None, figure: Figure | None = None
) -> RenderableType:
    """The detail of one move: its key poses drawn (``figure``), a block of text, then
    its steps numbered with a hanging indent (a wrapped step stays under its own
    words)."""
    lines = [
        f"[b]{escape(exercise.name)}[/b]",
        f"[dim]{KIND_NAMES[exercise.kind]} · {exercise.position} · level {exercise.level}[/]",
    ]
    if yours is not None and yours.status:
        lines.append(f"[b $warning]{escape(yours.status)}[/]")
    lines += ["", escape(exercise.why), ""]
    lines.append(f"[b]Targets:[/b] {escape(', '.join(exercise.targets))}")
    if yours is not None:
        lines.append(f"[b]Your dose:[/b] {escape(yours.dose)} [dim]({escape(yours.source)})[/]")
        if yours.last_done:
            lines.append(f"[b]Last done:[/b] {escape(yours.last_done)}")
    lines.append(f"[b]Catalogue dose:[/b] {escape(exercise.describe(exercise.dose))}")
    ranges = _ranges(exercise)
    if ranges:
        lines.append(f"[b]Range:[/b] {ranges}")
    if exercise.tempo and exercise.mode == "reps":
        t = exercise.tempo
        lines.append(
            f"[b]Tempo:[/b] {t.into_s:g} s {escape(t.words[0] or 'in')}, "
            f"{exercise.hold_s or 0:g} s hold, {t.return_s:g} s {escape(t.words[2] or 'back')}"
        )
    if exercise.breath_note:
        lines.append(f"[b]Breath:[/b] {escape(exercise.breath_note)}")
    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", no_wrap=True)
    steps.add_column(ratio=1)
    for n, line in enumerate(exercise.steps, 1):
        steps.add_row(f"{n}.", line)
    head, body = lines[:2], lines[2:]
    parts: list[RenderableType] = [Text.from_markup("\n".join(head))]
    if figure is not None:  # the poses, under the name
        parts.append(Text("\n" + "\n".join(side_by_side(figure, 16, 8)), no_wrap=True))
    parts += [Text.from_markup("\n".join(body) + "\n"), steps]
    if exercise.care:
        parts.append(Text.from_markup(f"\n[b]Care:[/b] {escape(exercise.care)}"))
    return Group(*parts)


class LibraryScreen(Screen[LibraryChoice | None]):
    CSS_PATH = "screens.tcss"
    BINDINGS = bindings("library")

    def __init__(
        self,
        catalog: Catalog,
        yours: Mapping[str, Yours] | None = None,
        figures: Mapping[str, Figure] | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.yours = dict(yours or {})
        self.figures = dict(figures or {})

    def compose(self) -> ComposeResult:
        yield too_small()
        with Horizontal(id="library"):
            with Vertical(id="exercise-side"):
                yield Input(placeholder="search (/)", id="exercise-search", select_on_focus=False)
                yield OptionList(*self._options(""), id="exercise-list")
            with VerticalScroll(id="exercise-detail"):
                yield Static(id="detail")
        yield Footer()

    def _options(self, query: str) -> list[Option | None]:
        words = query.lower().split()
        options: list[Option | None] = []
        for kind in KIND_ORDER:
            members = [
                e
                for e in self.catalog.exercises.values()
                if e.kind == kind
                and all(
                    w in f"{e.name} {e.id} {' '.join(e.targets)} {e.position}".lower()
                    for w in words
                )
            ]
            if not members:
                continue
            options.append(Option(f"[b]{KIND_NAMES[kind]}[/b]", disabled=True))
            for e in members:
                tag = self.yours[e.id].tag if e.id in self.yours else ""
                mark = f"  [dim]{tag}[/]" if tag else ""
                prompt = Text.from_markup(f"  {escape(e.name)}{mark}")
                prompt.no_wrap, prompt.overflow = True, "ellipsis"  # a tag never wraps
                options.append(Option(prompt, id=e.id))
        return options

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = 1
        listing.focus()

    #: Enter ended the search: s and a are the screen's keys again (not more letters).
    _search_done = False

    @on(Input.Changed, "#exercise-search")
    def search(self, event: Input.Changed) -> None:
        self._search_done = False
        listing = self.query_one(OptionList)
        listing.clear_options()
        found = self._options(event.value)
        listing.add_options(found)
        first = next((n for n, o in enumerate(found) if o is not None and o.id), None)
        if first is not None:
            listing.highlighted = first
        else:
            self.query_one("#detail", Static).update("No move matches: Escape clears the search.")

    @on(Input.Submitted, "#exercise-search")
    def to_list(self) -> None:
        self._search_done = True
        self.query_one(OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            exercise = self.catalog.exercises[event.option.id]
            self.query_one("#detail", Static).update(
                exercise_text(exercise, self.yours.get(exercise.id), self.figures.get(exercise.id))
            )

    def _current(self) -> str | None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def action_search(self) -> None:
        self.query_one("#exercise-search", Input).focus()

    def on_key(self, event: Key) -> None:
        """A letter typed in the list goes to the search (a quick typist's letters
        after "/" may reach the list before the search box has the focus)."""
        search = self.query_one("#exercise-search", Input)
        if search.has_focus or not event.is_printable or not event.character:
            return
        screen_key = event.character in "sa" and (not search.value or self._search_done)
        if event.character in ("/", "?") or screen_key:
            return  # the screen's own keys, while no search is under way or once it ended
        search.value += event.character
        search.cursor_position = len(search.value)
        search.focus()
        event.stop()
        event.prevent_default()

    def action_start_move(self) -> None:
        move = self._current()
        if move is not None:
            self.dismiss(("start", move))

    def action_add_move(self) -> None:
        move = self._current()
        if move is not None:
            self.dismiss(("add", move))

    def action_close(self) -> None:
        search = self.query_one("#exercise-search", Input)
        if search.value:  # Escape first clears the search
            search.value = ""
            self.query_one(OptionList).focus()
            return
        self.dismiss(None)

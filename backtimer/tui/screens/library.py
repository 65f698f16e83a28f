"""Browse the catalogue: why, target muscles, steps and dosage of every exercise."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from backtimer.core.exercise import Exercise
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


def exercise_text(exercise: Exercise) -> str:
    lines = [
        f"[b]{exercise.name}[/b]",
        f"[dim]{KIND_NAMES[exercise.kind]} · {exercise.position} · level {exercise.level}[/]",
        "",
        exercise.why,
        "",
        f"[b]Targets:[/b] {', '.join(exercise.targets)}",
        f"[b]Dose:[/b] {exercise.describe(exercise.dose)}",
    ]
    ranges = []
    for key, label, unit in (
        ("reps", "reps", ""),
        ("hold_s", "hold", " s"),
        ("sets", "sets", ""),
        ("time_s", "time", " s"),
    ):
        value = getattr(exercise.limits, key)
        if value:
            ranges.append(f"{label} {value[0]:g}-{value[1]:g}{unit}")
    if ranges:
        lines.append(f"[b]Range:[/b] {', '.join(ranges)}")
    if exercise.tempo and exercise.mode == "reps":
        t = exercise.tempo
        lines.append(
            f"[b]Tempo:[/b] {t.into_s:g} s {t.words[0] or 'in'}, "
            f"{exercise.hold_s or 0:g} s hold, {t.return_s:g} s {t.words[2] or 'back'}"
        )
    if exercise.breath_note:
        lines.append(f"[b]Breath:[/b] {exercise.breath_note}")
    lines.append("")
    lines += [f"{n}. {line}" for n, line in enumerate(exercise.steps, 1)]
    if exercise.care:
        lines += ["", f"[b]Care:[/b] {exercise.care}"]
    return "\n".join(lines)


class LibraryScreen(Screen[None]):
    CSS_PATH = "screens.tcss"
    BINDINGS = bindings("library")

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        yield too_small()
        options: list[Option | None] = []
        for kind in KIND_ORDER:
            members = [e for e in self.catalog.exercises.values() if e.kind == kind]
            if not members:
                continue
            options.append(Option(f"[b]{KIND_NAMES[kind]}[/b]", disabled=True))
            options += [Option(f"  {e.name}", id=e.id) for e in members]
        with Horizontal(id="library"):
            yield OptionList(*options, id="exercise-list")
            with VerticalScroll(id="exercise-detail"):
                yield Static(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = 1
        listing.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.query_one("#detail", Static).update(
                exercise_text(self.catalog.exercises[event.option.id])
            )

    def action_close(self) -> None:
        self.dismiss(None)

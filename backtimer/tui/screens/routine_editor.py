"""The routine screen: pick a routine or a length, then shape it by hand and save it.

Every change re-estimates the session with the engine's own ``estimate_seconds``, so
the total shown is the length the session will run.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from backtimer.core.avoid import Avoided, short_date
from backtimer.core.exercise import Exercise
from backtimer.core.plan import MAX_MINUTES, MIN_MINUTES, Choice
from backtimer.core.routine import Routine, RoutineItem, Step
from backtimer.core.timeline import estimate_seconds, step_seconds
from backtimer.core.vocab import Phase
from backtimer.store.errors import DataError
from backtimer.store.profile import Profile
from backtimer.tui.dialogs.ask import AskScreen
from backtimer.tui.dialogs.confirm import ConfirmScreen
from backtimer.tui.dialogs.pick import PickScreen
from backtimer.tui.keys import bindings, hint_line, key_hint
from backtimer.tui.widgets.notice import Notice
from backtimer.tui.widgets.too_small import too_small

#: The hint line under the table: every key of this screen, with the live keymap.
HELP = (
    ("routine.open", "open"),
    ("routine.plan", "plan a length"),
    ("routine.standing", "standing plan"),
    ("routine.add", "add"),
    ("routine.warmup", "warm-up"),
    ("routine.remove", "remove"),
    ("routine.up", "up"),
    ("routine.down", "down"),
    ("routine.more", "more"),
    ("routine.less", "less"),
    ("routine.set_more", "+set"),
    ("routine.set_less", "-set"),
    ("routine.save", "save"),
    ("routine.rename", "rename"),
    ("routine.duplicate", "copy"),
    ("routine.delete", "delete saved"),
    ("routine.use", "use"),
    ("routine.start", "start"),
    ("routine.help", "help"),
)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "my-routine"


def clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


def check_minutes(text: str) -> str | None:
    if not text.strip().isdigit() or not MIN_MINUTES <= int(text) <= MAX_MINUTES:
        return f"A whole number of minutes from {MIN_MINUTES} to {MAX_MINUTES}."
    return None


@dataclass(frozen=True)
class RoutineOutcome:
    """What the person chose: the routine to use, and whether to start it now."""

    choice: Choice
    start: bool = False


@dataclass
class Row:
    """One member of the routine being shaped: what a saved routine will say."""

    phase: Phase
    item: RoutineItem
    #: The dose was set on this screen (it is saved with the routine).
    here: bool = False


def rows_of(choice: Choice, profile: Profile, today: date) -> list[Row]:
    """The members the person chose: a routine as written (not today's pain swaps or
    doses); a plan's moves, with its sets where they differ from the person's own."""
    if choice.written is not None:
        return [Row(phase, item) for phase, item in choice.written.members()]
    progress = profile.progress(today)
    rows = []
    for s in choice.steps:
        sets = None if s.sets == progress.dose_of(s.exercise).sets else s.sets
        rows.append(Row(s.phase, RoutineItem(s.exercise.id, sets=sets)))
    return rows


class RoutineScreen(Screen[RoutineOutcome | None]):
    """Shape a routine. Saving and deleting saved routines go through ``profile``;
    the routine to use comes back with ``dismiss()`` (None: keep the old one)."""

    CSS_PATH = "screens.tcss"

    BINDINGS = bindings("routine")

    def __init__(self, choice: Choice, profile: Profile, today: date) -> None:
        super().__init__()
        self.profile = profile
        self.today = today
        self._load(choice)
        self._saved_here = False

    def _load(self, choice: Choice) -> None:
        #: What Start runs while nothing is changed here: the choice as it came.
        self.source = choice
        self.name_text = choice.name
        self.source_key = choice.key
        self.source_routine = choice.routine
        self.rows = rows_of(choice, self.profile, self.today)
        #: Edits not saved yet: Escape asks before dropping them.
        self._dirty = False
        self.view = self._view()

    @property
    def edited(self) -> bool:
        return self.name_text.endswith(" (edited)")

    @property
    def steps(self) -> list[Step]:
        """The steps as they run (every move, none left out), one per row."""
        return list(self.view.steps)

    def written(self, routine_id: str | None = None, name: str | None = None) -> Routine:
        """The routine the rows make, as a saved routine will say it."""
        return Routine(
            id=routine_id or self.source_key,
            name=name or self.name_text.removesuffix(" (edited)"),
            warmup=tuple(r.item for r in self.rows if r.phase == "warmup"),
            exercises=tuple(r.item for r in self.rows if r.phase == "main"),
        )

    def _view(self) -> Choice:
        """The rows at the doses they will run at (a plan as planned until changed)."""
        if not self.edited and self.source.written is None:
            return self.source
        return self.profile.shape(self.written(), self.today, include_all=True)

    def flags(self, step: Step, level: int, avoided: Collection[str]) -> list[str]:
        """What to know about a row today, shortest first (shown beside its name)."""
        flags = []
        if step.exercise.id in avoided:
            flags.append("out today")
        if step.exercise.level > level:
            flags.append("not unlocked")
        return flags

    def origin(self, index: int, level: int, avoided: Mapping[str, Avoided]) -> str:
        """Where the row's dose comes from, and why a flag is there."""
        row, step = self.rows[index], self.view.steps[index]
        parts = ["set here" if row.here else self.view.origin(index) or "start"]
        if step.exercise.level > level:
            parts.append(f"level {step.exercise.level}: not unlocked yet")
        reason = avoided.get(step.exercise.id)
        if reason is not None:
            when = f" until {short_date(reason.until)}" if reason.until else ""
            parts.append(f"out today{when}: {reason.why}")
        return "; ".join(parts)

    def compose(self) -> ComposeResult:
        yield too_small()
        with Vertical(id="routine-editor"):
            yield Static(id="routine-title", classes="title")
            with Horizontal(id="routine-body"):
                yield DataTable(id="routine-steps", cursor_type="row", zebra_stripes=True)
            yield Static(id="routine-total")
            yield Notice(id="notice")
            yield Static(hint_line(self.app, HELP, every_key=True), id="routine-help")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "exercise", "time", "dose", "from")
        self.redraw()
        table.focus()

    # ------------------------------------------------------------------ drawing

    def redraw(self, cursor: int | None = None) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row if cursor is None else cursor
        table.clear()
        self.view = self._view()
        shares = step_seconds(self.steps, self.profile.settings.session_config())
        level = self.profile.progress(self.today).level
        avoided = self.profile.avoided(self.today)
        for i, (step, share) in enumerate(zip(self.steps, shares, strict=True)):
            flags = self.flags(step, level, avoided)
            phase = "warm-up" if step.phase == "warmup" else ""
            table.add_row(
                phase,
                step.exercise.name + (f" ({', '.join(flags)})" if flags else ""),
                f"{share / 60:.1f} min",
                step.describe(),
                self.origin(i, level, avoided),
            )
        if self.steps:
            table.move_cursor(row=max(0, min(row, len(self.steps) - 1)))
        total = sum(shares)
        self.query_one("#routine-title", Static).update(self.name_text)
        main = sum(1 for s in self.steps if s.phase == "main")
        today = ""
        if any(s.exercise.id in avoided for s in self.steps):
            run = estimate_seconds(self._choice().steps, self.profile.settings.session_config())
            today = f"   today: {clock(run)}, moves out"
        self.query_one("#routine-total", Static).update(
            f"[b]Total: {clock(total)}[/b]   "
            f"{len(self.steps) - main} warm-up + {main} main exercises{today}"
        )

    def _selected(self) -> int | None:
        if not self.rows:
            return None
        return self.query_one(DataTable).cursor_row

    def _edited(self, cursor: int | None = None) -> None:
        if not self.edited:
            self.name_text = f"{self.name_text} (edited)"
        self.source_key = slug(self.name_text.removesuffix(" (edited)"))
        self._dirty = True
        self.redraw(cursor)

    def _choice(self) -> Choice:
        """What Start runs: today's version, with the moves to avoid left out."""
        if not self.edited:
            return self.source
        return replace(self.profile.shape(self.written(), self.today), routine=None)

    # ------------------------------------------------------------------ actions

    @work(exclusive=True, group="dialog")
    async def action_open(self) -> None:
        config = self.profile.settings.session_config()
        routines = self.profile.catalog.routines
        choices = [
            (
                r.id,
                f"{r.name}  ·  "
                f"{sum(step_seconds(self.profile.catalog.steps(r), config)) / 60:.0f} min"
                + ("  [dim](saved)[/]" if r.id in self.profile.saved else "")
                + (f"\n  [dim]{r.description}[/]" if r.description else ""),
            )
            for r in routines.values()
        ]

        key = await self.app.push_screen_wait(
            PickScreen("Open a routine", choices, self.source_key)
        )
        if key:
            self._load(self.profile.routine(key, self.today))
            self.redraw(0)

    @work(exclusive=True, group="dialog")
    async def _plan(self, standing: bool) -> None:
        where = " (standing only)" if standing else ""
        text = await self.app.push_screen_wait(
            AskScreen(
                f"Plan a routine of how many minutes{where}? ({MIN_MINUTES}-{MAX_MINUTES})",
                value="15",
                check=check_minutes,
                restrict=r"[0-9]*",
            )
        )
        if text:
            try:
                choice = self.profile.plan(int(text), day=self.today, standing=standing)
            except DataError as exc:
                self.notify(str(exc), severity="warning", timeout=8)
                return
            self._load(choice)
            self.redraw(0)

    def action_plan(self) -> None:
        self._plan(standing=False)

    def action_plan_standing(self) -> None:
        self._plan(standing=True)

    @work(exclusive=True, group="dialog")
    async def action_add(self) -> None:
        present = {r.item.id for r in self.rows}
        progress = self.profile.progress(self.today)

        def label(e: Exercise) -> str:
            dose = e.describe(progress.dose_of(e))
            locked = f", level {e.level}: not unlocked yet" if e.level > progress.level else ""
            tick = "  ✓" if e.id in present else ""
            return f"{e.name}{tick}  [dim]{e.kind}, {e.position}, {dose}{locked}[/]"

        choices = [(e.id, label(e)) for e in self.profile.catalog.exercises.values()]

        key = await self.app.push_screen_wait(PickScreen("Add an exercise", choices))
        if not key:
            return
        exercise = self.profile.catalog.exercises[key]
        phase: Phase = "warmup" if exercise.kind == "warmup" else "main"
        at = self._selected()
        index = len(self.rows) if at is None else at + 1
        warmups = sum(1 for r in self.rows if r.phase == "warmup")
        # warm-ups stay before the main part
        index = min(index, warmups) if phase == "warmup" else max(index, warmups)
        self.rows.insert(index, Row(phase, RoutineItem(exercise.id)))
        self._edited(index)

    def action_remove(self) -> None:
        at = self._selected()
        if at is None:
            return
        if len(self.rows) == 1:
            self.notify("A routine needs at least one exercise.", severity="warning")
            return
        del self.rows[at]
        self._edited(at)

    def action_move(self, delta: int) -> None:
        at = self._selected()
        if at is None:
            return
        to = at + delta
        if not 0 <= to < len(self.rows) or self.rows[to].phase != self.rows[at].phase:
            return  # warm-ups stay first; the main part stays after them
        self.rows[at], self.rows[to] = self.rows[to], self.rows[at]
        self._edited(to)

    def _nudge(self, direction: int, key: str | None) -> None:
        at = self._selected()
        if at is None:
            return
        step = self.steps[at]
        changed = step.nudged(direction, key)
        if changed is None:
            what = "the top of its recommended range" if direction > 0 else "its useful minimum"
            self.notify(f"{step.exercise.name} is at {what}.", timeout=3)
            return
        row = self.rows[at]
        if key == "sets" and set(row.item.changes()) <= {"sets"}:
            # sets shape the routine; the rest of the dose still grows with the person
            row.item = RoutineItem(row.item.id, sets=changed.sets)
        else:  # the whole dose, as it is now, is the routine's own
            d = changed.dose
            row.item = RoutineItem(row.item.id, d.hold_s, d.reps, d.sets, d.time_s)
        row.here = True
        self._edited(at)

    def action_dose(self, direction: int) -> None:
        self._nudge(direction, None)

    def action_sets(self, direction: int) -> None:
        self._nudge(direction, "sets")

    async def _ask_name(self, question: str, default: str, *, new: bool) -> str | None:
        """A routine's name, checked by the loader's own rules so that a saved
        routine always loads again; ``new``: it may not be one saved already."""
        builtin = self.profile.builtin.routines
        saved = self.profile.saved

        def check(name: str) -> str | None:
            from backtimer.store.files import problems

            if not name.strip():
                return "Give the routine a name."
            if slug(name) in builtin:
                return f"{slug(name)!r} is a built-in routine; choose another name."
            if new and slug(name) in saved:
                return f"You have a saved routine called {saved[slug(name)].name!r} already."
            _, found = problems(self.written(slug(name), name.strip()).plain(), Routine)
            if found:
                key, problem = found[0]
                return f"{key}: {problem}."
            return None

        name = await self.app.push_screen_wait(
            AskScreen(question, value=default, check=check, width=44)
        )
        return name.strip() if name else None

    def _keep(self, routine: Routine) -> bool:
        """Save ``routine`` and show it; whether it was saved."""
        try:
            self.profile.save_routine(routine)
        except (OSError, DataError) as exc:
            self.notify(f"Could not save: {exc}", severity="error", timeout=10)
            return False
        self._load(self.profile.routine(routine.id, self.today))
        self._saved_here = True
        self.redraw()
        return True

    @work(exclusive=True, group="dialog")
    async def action_save(self) -> None:
        default = self.name_text.removesuffix(" (edited)")
        name = await self._ask_name("Save this routine as:", default, new=False)
        if not name:
            return
        key = slug(name)
        taken = self.profile.saved.get(key)
        if taken is not None and key != self.source_routine:
            question = f"Replace your saved routine {taken.name!r} with this one?"
            if not await self.app.push_screen_wait(ConfirmScreen(question, yes="Replace")):
                return
        routine = self.written(key, name)
        if self._keep(routine):
            self.notify(f"Saved {routine.name!r} to {self.profile.paths.routines}.")

    @work(exclusive=True, group="dialog")
    async def action_rename(self) -> None:
        old = self.source_routine
        if old not in self.profile.saved:
            self.notify("Only a routine you saved can be renamed; save it first.", timeout=4)
            return
        before = self.profile.saved[old].name
        name = await self._ask_name(f"Rename {before!r} to:", before, new=True)
        if not name or slug(name) == old and name == before:
            return
        routine = replace(self.profile.saved[old], id=slug(name), name=name)
        if not self._keep(routine):
            return
        if routine.id != old:
            try:
                self.profile.delete_routine(old)
            except OSError as exc:
                self.notify(f"Saved as {name!r}, but could not remove the old one: {exc}")
                return
        self.notify(f"Renamed {before!r} to {name!r}.")

    @work(exclusive=True, group="dialog")
    async def action_duplicate(self) -> None:
        base = self.name_text.removesuffix(" (edited)")
        name = await self._ask_name("Save a copy as:", f"{base} copy", new=True)
        if name and self._keep(self.written(slug(name), name)):
            self.notify(f"Saved a copy: {name!r}. You are editing the copy now.")

    @work(exclusive=True, group="dialog")
    async def action_warmup(self) -> None:
        """Choose a warm-up move: it replaces the selected warm-up, or joins the end
        of the warm-up."""
        moves = [e for e in self.profile.catalog.exercises.values() if e.kind == "warmup"]
        present = {r.item.id for r in self.rows if r.phase == "warmup"}
        choices = [
            (e.id, f"{e.name}{'  ✓' if e.id in present else ''}  [dim]{e.position}[/]")
            for e in moves
        ]
        key = await self.app.push_screen_wait(PickScreen("Choose a warm-up move", choices))
        if not key:
            return
        at = self._selected()
        row = Row("warmup", RoutineItem(key))
        if at is not None and self.rows[at].phase == "warmup":
            self.rows[at] = row
        else:
            at = sum(1 for r in self.rows if r.phase == "warmup")
            self.rows.insert(at, row)
        self._edited(at)

    @work(exclusive=True, group="dialog")
    async def action_delete_saved(self) -> None:
        key = self.source_key
        if key not in self.profile.saved:
            self.notify("Only a routine you saved can be deleted.", timeout=3)
            return

        name = self.profile.saved[key].name
        question = f"Delete your saved routine {name!r}?"
        if not await self.app.push_screen_wait(ConfirmScreen(question, yes="Delete")):
            return
        try:
            self.profile.delete_routine(key)
        except OSError as exc:
            self.notify(f"Could not delete: {exc}", severity="error")
            return
        self.notify(f"Deleted your saved routine {name!r}.")

    def action_use(self) -> None:
        self.dismiss(RoutineOutcome(self._choice()))

    def action_start(self) -> None:
        self.dismiss(RoutineOutcome(self._choice(), start=True))

    @work(exclusive=True, group="dialog")
    async def action_close(self) -> None:
        """Back to Home: with the routine just saved, if there was one. Edits not
        saved are dropped only when the person says so."""
        outcome = RoutineOutcome(self._choice()) if self._saved_here else None
        if not self._dirty:
            self.dismiss(outcome)
            return

        question = (
            f"Drop your changes to {self.name_text.removesuffix(' (edited)')!r}? "
            f"({key_hint(self.app, 'routine.save')} saves them, "
            f"{key_hint(self.app, 'routine.use')} uses them without saving)"
        )
        if await self.app.push_screen_wait(ConfirmScreen(question, yes="Drop", no="Stay")):
            self.dismiss(outcome)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on the table starts the routine, as Enter continues everywhere."""
        self.action_start()

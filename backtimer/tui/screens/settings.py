"""The settings screen: shows the settings it is given; returns the changed ones.

Dismisses with the new ``Settings`` (validated by the file's own rules) or None; the
app saves them, changing only the keys that changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    Switch,
)

from backtimer.core.keys import SECTIONS, keymap_problems, scope, split_keys
from backtimer.core.settings import Settings
from backtimer.tui.keys import bindings, key_hint
from backtimer.tui.widgets.too_small import too_small
from backtimer.tui.widgets.typed_input import TypedInput

#: Fields of whole numbers (the others take tenths).
WHOLE = frozenset({"get_ready_s", "rest_s", "set_rest_s"})
#: (field, label, unit) for the number fields.
NUMBERS = (
    ("get_ready_s", "Get ready before each exercise", "s"),
    ("rest_s", "Rest between exercises", "s"),
    ("set_rest_s", "Rest between sets", "s"),
    ("breath_in_s", "Calm breath: in", "s"),
    ("breath_out_s", "Calm breath: out", "s"),
)

#: (section heading, binding) for each key a person can move here.
KEYMAP_ROWS = tuple((heading, key) for name, heading in SECTIONS for key in scope(name) if key.help)


def key_field(binding_id: str) -> str:
    return "key-" + binding_id.replace(".", "-")


class SettingsScreen(Screen[Settings | None]):
    CSS_PATH = "screens.tcss"
    BINDINGS = bindings("settings")

    def __init__(
        self,
        settings: Settings,
        themes: list[str],
        exercises: Sequence[tuple[str, str]] = (),
        cleared: bool | None = None,
    ) -> None:
        """``exercises``: (id, name) of every move, for the list of moves to leave out.
        ``cleared``: whether a professional has cleared the person for every move (the
        first-run check's answer, kept in the state file; None: the switch is not
        shown). Saving sets ``cleared_now``."""
        super().__init__()
        self.settings = settings
        self.themes = themes
        self.exercises = list(exercises)
        self.cleared = cleared
        self.cleared_now: bool | None = None

    def compose(self) -> ComposeResult:
        yield too_small()
        s = self.settings
        with VerticalScroll(id="settings"):
            yield Static("Settings", classes="title")
            with Horizontal(classes="field"):
                yield Label("Sessions a week to aim for (3-5 is the usual advice)")
                yield Select(
                    [(str(n), n) for n in range(1, 8)],
                    value=s.weekly_goal,
                    allow_blank=False,
                    id="weekly_goal",
                )
            for key, label, unit in NUMBERS:
                with Horizontal(classes="field"):
                    yield Label(f"{label} ({unit})")
                    allowed = r"[0-9]*" if key in WHOLE else r"[0-9]*\.?[0-9]?"
                    yield TypedInput(f"{getattr(s, key):g}", id=key, restrict=allowed)
            with Horizontal(classes="field"):
                yield Label("Bell on cues")
                yield Switch(value=s.bell, id="bell")
            with Horizontal(classes="field"):
                yield Label("Ask how my back is, before and after")
                yield Switch(value=s.pain_check, id="pain_check")
            if self.cleared is not None:
                with Horizontal(classes="field"):
                    yield Label("A professional has cleared me for every move")
                    yield Switch(value=self.cleared, id="cleared")
            with Horizontal(classes="field"):
                yield Label("A learn card after each session")
                yield Switch(value=s.learn, id="learn")
            with Horizontal(classes="field"):
                yield Label("Count walks of 20+ minutes as sessions")
                yield Switch(value=s.walks_count, id="walks_count")
            with Horizontal(classes="field"):
                yield Label("Theme")
                themes = self.themes
                yield Select(
                    [(t, t) for t in themes],
                    value=s.theme if s.theme in themes else themes[0],
                    allow_blank=False,
                    id="theme",
                )
            yield Static("Moves to leave out of every routine and plan", classes="subtitle")
            yield Static(
                f"Moves left out for now after pain: {key_hint(self.app, 'home.left_out')} on "
                "Home lists them, why and until when, and brings one back early."
            )
            yield SelectionList[str](
                *[(name, key, key in s.excluded) for key, name in self.exercises],
                id="excluded",
            )
            yield Static(
                "Keys: one or more for each, with commas (space, p, ctrl+s, question_mark)",
                classes="subtitle",
            )
            for heading, binding in KEYMAP_ROWS:
                with Horizontal(classes="field"):
                    yield Label(f"{heading}: {binding.help}")
                    live = s.keymap.get(binding.id, binding.keys)
                    yield TypedInput(live, id=key_field(binding.id), classes="key")
            yield Static("", id="problem", classes="warning")
            yield Button(
                f"Save ({key_hint(self.app, 'settings.save')})", variant="primary", id="save"
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#weekly_goal", Select).focus()

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {"weekly_goal": self.query_one("#weekly_goal", Select).value}
        for key, _, _ in NUMBERS:
            values[key] = self.query_one(f"#{key}", Input).value or "0"
        values["bell"] = self.query_one("#bell", Switch).value
        values["pain_check"] = self.query_one("#pain_check", Switch).value
        values["walks_count"] = self.query_one("#walks_count", Switch).value
        values["learn"] = self.query_one("#learn", Switch).value
        values["theme"] = self.query_one("#theme", Select).value
        known = {key for key, _ in self.exercises}
        values["excluded"] = [
            *self.query_one("#excluded", SelectionList).selected,
            *(x for x in self.settings.excluded if x not in known),  # moves of another catalogue
        ]
        keymap = dict(self.settings.keymap)
        for _, binding in KEYMAP_ROWS:
            field = self.query_one(f"#{key_field(binding.id)}", Input)
            typed = ",".join(split_keys(field.value))
            if typed == binding.keys:
                keymap.pop(binding.id, None)
            else:
                keymap[binding.id] = typed
        values["keymap"] = keymap
        return values

    def action_save(self) -> None:
        from backtimer.store.files import problems as problems_of
        from backtimer.store.plain import to_plain

        values = {**to_plain(self.settings), **self._values()}
        labels = {key: label for key, label, _ in NUMBERS}
        checked, found = problems_of(values, Settings)
        problems = [f"{labels.get(key, key)}: {problem}" for key, problem in found]
        keys = {binding.id: binding.help for _, binding in KEYMAP_ROWS}
        problems += [
            f"Key for {keys.get(binding, binding)!r}: {problem}"
            for binding, problem in keymap_problems(values["keymap"])
        ]
        if problems:  # every one of them, not just the first
            self.query_one("#problem", Static).update("\n".join(problems))
            self.query_one("#problem", Static).scroll_visible()
            return
        # numbers typed as "5" and stored as 5.0 compare equal: keep the originals
        assert checked is not None  # no problems: it was checked
        changed = checked.changed_from(self.settings)
        if self.cleared is not None:
            self.cleared_now = self.query_one("#cleared", Switch).value
        self.dismiss(replace(self.settings, **changed))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()

    def action_close(self) -> None:
        """Back: with unsaved changes, ask first."""
        from backtimer.store.plain import to_plain

        current = to_plain(self.settings)
        changed = any(
            str(current.get(k)) != str(v) and not _same(current.get(k), v)
            for k, v in self._values().items()
        )
        if not changed:
            self.dismiss(None)
            return
        from backtimer.tui.dialogs.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Leave without saving your changes?", yes="Discard", no="Stay"),
            answered,
        )


def _same(old: Any, new: Any) -> bool:
    """5 and "5", 4.0 and "4": the same value as typed and as stored."""
    try:
        return float(old) == float(new)
    except (TypeError, ValueError):
        return bool(old == new)

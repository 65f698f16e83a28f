"""The settings screen: what settings.toml holds, saved atomically."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Select, Static, Switch

from backtimer.settings import checked_settings

if TYPE_CHECKING:
    from backtimer.tui.app import BacktimerApp

#: (field, label, unit) for the number fields.
NUMBERS = (
    ("get_ready_s", "Get ready before each exercise", "s"),
    ("rest_s", "Rest between exercises", "s"),
    ("set_rest_s", "Rest between sets", "s"),
    ("breath_in_s", "Calm breath: in", "s"),
    ("breath_out_s", "Calm breath: out", "s"),
)


class SettingsScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings.save"),
        Binding("escape", "close", "Back", id="settings.back"),
    ]

    @property
    def bt(self) -> BacktimerApp:
        return cast("BacktimerApp", self.app)

    def compose(self) -> ComposeResult:
        s = self.bt.settings
        with VerticalScroll(id="settings"):
            yield Static("Settings", classes="title")
            with Horizontal(classes="field"):
                yield Label("Sessions a week to aim for (articles: 3-5)")
                yield Select(
                    [(str(n), n) for n in range(1, 8)],
                    value=s.weekly_goal,
                    allow_blank=False,
                    id="weekly_goal",
                )
            for key, label, unit in NUMBERS:
                with Horizontal(classes="field"):
                    yield Label(f"{label} ({unit})")
                    yield Input(f"{getattr(s, key):g}", id=key, restrict=r"[0-9.]*")
            with Horizontal(classes="field"):
                yield Label("Bell on cues")
                yield Switch(value=s.bell, id="bell")
            with Horizontal(classes="field"):
                yield Label("Ask how my back is, before and after")
                yield Switch(value=s.pain_check, id="pain_check")
            with Horizontal(classes="field"):
                yield Label("Theme")
                themes = sorted(self.app.available_themes)
                yield Select(
                    [(t, t) for t in themes],
                    value=s.theme if s.theme in themes else self.app.theme,
                    allow_blank=False,
                    id="theme",
                )
            yield Static("", id="problem", classes="warning")
            yield Button("Save (ctrl+s)", variant="primary", id="save")
        yield Footer()

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = self.bt.settings.plain()
        values["weekly_goal"] = self.query_one("#weekly_goal", Select).value
        for key, _, _ in NUMBERS:
            values[key] = self.query_one(f"#{key}", Input).value or "0"
        values["bell"] = self.query_one("#bell", Switch).value
        values["pain_check"] = self.query_one("#pain_check", Switch).value
        values["theme"] = self.query_one("#theme", Select).value
        return values

    def action_save(self) -> None:
        from pydantic import ValidationError

        try:
            settings = checked_settings(self._values())
        except ValidationError as exc:
            labels = {key: label for key, label, _ in NUMBERS}
            problems = [
                f"{labels.get(str(e['loc'][0]), e['loc'][0])}: {e['msg'].lower()}"
                for e in exc.errors()
            ]
            self.query_one("#problem", Static).update("\n".join(problems))
            return
        self.bt.files.settings = settings
        try:
            self.bt.files.save_settings()
        except OSError as exc:
            self.query_one("#problem", Static).update(f"Could not save: {exc}")
            return
        self.app.theme = settings.theme
        self.notify(f"Saved to {self.bt.paths.settings}.")
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()

    def action_close(self) -> None:
        self.dismiss(None)

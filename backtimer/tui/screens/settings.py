"""The settings screen: shows the settings it is given; returns the changed ones.

Dismisses with the new ``Settings`` (validated by the file's own rules) or None; the
app saves them, changing only the keys that changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
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

if TYPE_CHECKING:
    from backtimer.store.paths import Paths

#: Fields of whole numbers (the others take tenths).
WHOLE = frozenset({"get_ready_s", "rest_s", "set_rest_s", "voice_speed", "rep_every"})
#: (field, label, unit) for the number fields.
NUMBERS = (
    ("get_ready_s", "Get ready before each exercise", "s"),
    ("rest_s", "Rest between exercises", "s"),
    ("set_rest_s", "Rest between sets", "s"),
    ("breath_in_s", "Calm breath: in", "s"),
    ("breath_out_s", "Calm breath: out", "s"),
)
#: (field, label, unit) for the number fields of the sound section.
SOUND_NUMBERS = (
    ("voice_speed", "Voice speed", "words a minute, 80-400"),
    ("volume", "Tones' volume", "0 to 1"),
    ("rep_every", "Say the rep number every", "reps; 0: never"),
)
#: (field, label) for the switches of the sound and session section.
SOUND_SWITCHES = (
    ("tones", "Tones for go, the last seconds, a side switch and the end"),
    ("bell_countdown", "The bell in each of the last three seconds too"),
    ("floor_mode", "Start sessions in floor mode (the cue and the number only)"),
    ("figures", "Draw each move's figure in a session"),
)
#: What each kind of cue is called here (``quiet_cues``).
CUE_WORDS = {
    "announce": "the move's name and dose",
    "go": "go",
    "tempo": "the tempo words (lift, lower)",
    "rep": "rep numbers",
    "breath": "breathe in, breathe out",
    "countdown": "three, two, one",
    "halfway": "halfway",
    "switch": "switch sides",
    "rest": "rest, and what is next",
    "paused": "paused",
    "resumed": "go on",
    "done": "done",
}
DAY_WORDS = (
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
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
        paths: Paths | None = None,
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
        #: The person's folders: the sound test's tones and the reminders' job.
        self.paths = paths

    @property
    def cache_dir(self) -> Path:
        return self.paths.cache_dir if self.paths is not None else Path(".")

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
            yield from self._sound(s)
            yield from self._reminders(s)
            yield Static("Progression", classes="subtitle")
            with Horizontal(classes="field"):
                yield Label("Doses grow with you and step back when it hurts")
                yield Switch(value=s.progression, id="progression")
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

    def _sound(self, s: Settings) -> ComposeResult:
        yield Static("Sound and voice", classes="subtitle")
        with Horizontal(classes="field"):
            yield Label("Voice: auto (what the system has), off, or a command")
            yield Input(s.voice, id="voice")
        with Horizontal(classes="field"):
            yield Label("Voice name (empty: the speech program's own)")
            yield Input(s.voice_name, id="voice_name")
        for key, label, unit in SOUND_NUMBERS:
            with Horizontal(classes="field"):
                yield Label(f"{label} ({unit})")
                allowed = r"[0-9]*" if key in WHOLE else r"[0-9]*\.?[0-9]{0,2}"
                yield TypedInput(f"{getattr(s, key):g}", id=key, restrict=allowed)
        for key, label in SOUND_SWITCHES:
            with Horizontal(classes="field"):
                yield Label(label)
                yield Switch(value=getattr(s, key), id=key)
        yield Static("Cues to keep quiet, in the voice and the plain text (ticked: quiet):")
        yield SelectionList[str](
            *[(words, kind, kind in s.quiet_cues) for kind, words in CUE_WORDS.items()],
            id="quiet_cues",
        )
        yield Button("Test the voice and the tones", id="sound-test")
        yield Static("", id="sound-result")

    def _reminders(self, s: Settings) -> ComposeResult:
        yield Static("Reminders", classes="subtitle")
        yield Static("Days to be reminded on:")
        yield SelectionList[str](
            *[(word, day, day in s.remind_days) for day, word in DAY_WORDS], id="remind_days"
        )
        with Horizontal(classes="field"):
            yield Label("At (HH:MM)")
            yield TypedInput(s.remind_at, id="remind_at", restrict=r"[0-9:]*")
        with Horizontal(classes="field"):
            yield Label("Pause reminders until (YYYY-MM-DD, or empty)")
            paused = s.remind_paused_until.isoformat() if s.remind_paused_until else ""
            yield TypedInput(paused, id="remind_paused_until", restrict=r"[0-9-]*")
        yield Button("Install the reminders with these days and time", id="remind-install")
        yield Static("", id="remind-result")

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
        for key in ("voice", "voice_name"):
            values[key] = self.query_one(f"#{key}", Input).value.strip()
        for key, _, _ in SOUND_NUMBERS:
            values[key] = self.query_one(f"#{key}", Input).value or "0"
        for key, _ in SOUND_SWITCHES:
            values[key] = self.query_one(f"#{key}", Switch).value
        values["progression"] = self.query_one("#progression", Switch).value
        values["quiet_cues"] = list(self.query_one("#quiet_cues", SelectionList).selected)
        days = set(self.query_one("#remind_days", SelectionList).selected)
        values["remind_days"] = [day for day, _ in DAY_WORDS if day in days]
        values["remind_at"] = self.query_one("#remind_at", Input).value
        paused = self.query_one("#remind_paused_until", Input).value.strip()
        values["remind_paused_until"] = paused or None
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
        labels = {key: label for key, label, _ in (*NUMBERS, *SOUND_NUMBERS)}
        checked, found = problems_of(values, Settings)
        problems = [f"{labels.get(key, key)}: {problem}" for key, problem in found]
        problems += self._reminder_problems(values)
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

    @staticmethod
    def _reminder_problems(values: dict[str, Any]) -> list[str]:
        from backtimer.core.reminders import parse_time

        problems = []
        try:
            parse_time(values["remind_at"])
        except ValueError as exc:
            problems.append(f"Reminder time: {exc}")
        if not values["remind_days"]:
            problems.append("Reminder days: choose at least one.")
        return problems

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "sound-test":
            self.test_sound()
        elif event.button.id == "remind-install":
            self.install_reminders()

    def _checked(self) -> Settings | None:
        """The settings as the form has them now, if they are valid (else None, and
        the problems shown)."""
        from backtimer.store.files import problems as problems_of
        from backtimer.store.plain import to_plain

        values = {**to_plain(self.settings), **self._values()}
        checked, found = problems_of(values, Settings)
        problems = [f"{key}: {problem}" for key, problem in found]
        problems += self._reminder_problems(values)
        if problems or checked is None:
            self.query_one("#problem", Static).update("\n".join(problems))
            return None
        return checked

    @work(exclusive=True, group="sound-test")
    async def test_sound(self) -> None:
        """What `backtimer sound test` does, with the values on the form."""
        import asyncio

        from backtimer.tui.settings_actions import SAMPLES, sinks_for

        settings = self._checked()
        if settings is None:
            return
        result = self.query_one("#sound-result", Static)
        sinks, found = sinks_for(settings, self.cache_dir, self.app.bell)
        result.update(found)
        for cue in SAMPLES:
            sinks.play(cue)
            await asyncio.sleep(max(1.2, cue.seconds + 0.3))
        sinks.stop()

    @work(exclusive=True, group="remind-install")
    async def install_reminders(self) -> None:
        """What `backtimer remind install` does, with the days and time on the form."""
        from backtimer.tui.settings_actions import install_reminders

        settings = self._checked()
        if settings is None or self.paths is None:
            return
        clock = getattr(self.app, "clock", None)  # the app's clock: "next" from its now
        now = clock.wall().astimezone() if clock is not None else None
        said = install_reminders(settings, self.paths, now)
        self.query_one("#remind-result", Static).update(said)

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

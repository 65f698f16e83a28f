"""Every key binding, declared once: its id (what ``keymap`` in settings remaps), the
default keys, the action and the words shown for it. The screens build their
bindings from this table; ``backtimer check`` checks a keymap against it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Key:
    id: str
    keys: str
    action: str
    description: str
    show: bool = True
    priority: bool = False

    @property
    def scope(self) -> str:
        return self.id.split(".", 1)[0]


KEYS: tuple[Key, ...] = (
    Key("app.quit", "ctrl+q", "quit", "Quit", show=False, priority=True),
    Key("home.start", "enter,s", "app.start", "Start"),
    Key("home.routine", "r", "app.choose_routine", "Routine"),
    Key("home.settings", "comma", "app.settings", "Settings"),
    Key("home.library", "l", "app.library", "Moves"),
    Key("home.history", "h", "app.history", "History"),
    Key("home.help", "question_mark", "app.help", "Help"),
    Key("home.include", "i", "app.include_all", "Include left-out", show=False),
    Key("home.quit", "q", "app.quit", "Quit"),
    Key("session.pause", "space", "pause", "Pause"),
    Key("session.next", "n", "next", "Next"),
    Key("session.back", "b", "back", "Back"),
    Key("session.extend", "plus,equals_sign", "extend", "+10s"),
    Key("session.hurt", "x", "hurt", "Hurts"),
    Key("session.end", "q,escape", "end", "End"),
    Key("session.mute", "m", "mute", "Mute"),
    Key("session.floor", "f", "floor", "Floor mode", show=False),
    Key("session.help", "question_mark", "help", "Help"),
    Key("summary.home", "enter,escape,q", "close", "Home"),
    Key("summary.history", "h", "history", "History"),
    Key("summary.help", "question_mark", "app.help", "Help"),
    Key("history.back", "escape,q", "close", "Back"),
    Key("history.help", "question_mark", "app.help", "Help"),
    Key("library.back", "escape,q", "close", "Back"),
    Key("library.help", "question_mark", "app.help", "Help"),
    Key("settings.save", "ctrl+s", "save", "Save"),
    Key("settings.back", "escape", "close", "Back"),
    Key("routine.start", "enter", "start", "Start"),
    Key("routine.use", "u", "use", "Use", show=False),
    Key("routine.open", "o", "open", "Open"),
    Key("routine.plan", "p", "plan", "Plan length"),
    Key("routine.standing", "t", "plan_standing", "Standing plan", show=False),
    Key("routine.add", "a", "add", "Add", show=False),
    Key("routine.remove", "d,delete", "remove", "Remove", show=False),
    Key("routine.up", "K,shift+up", "move(-1)", "Up", show=False),
    Key("routine.down", "J,shift+down", "move(1)", "Down", show=False),
    Key("routine.more", "plus,equals_sign", "dose(1)", "More", show=False),
    Key("routine.less", "minus", "dose(-1)", "Less", show=False),
    Key("routine.set_more", "right_square_bracket", "sets(1)", "+set", show=False),
    Key("routine.set_less", "left_square_bracket", "sets(-1)", "-set", show=False),
    Key("routine.save", "s", "save", "Save"),
    Key("routine.delete", "ctrl+d", "delete_saved", "Delete saved", show=False),
    Key("routine.back", "escape", "close", "Back"),
    Key("confirm.yes", "y", "answer(True)", "Yes"),
    Key("confirm.no", "n,escape", "answer(False)", "No"),
    Key("pain.skip", "escape", "skip", "Skip"),
    Key("unsaved.retry", "r", "choose('retry')", "Retry"),
    Key("unsaved.elsewhere", "s", "choose('elsewhere')", "Save elsewhere"),
    Key("unsaved.discard", "d", "choose('discard')", "Discard"),
    Key("pick.cancel", "escape", "cancel", "Cancel"),
    Key("ask.cancel", "escape", "cancel", "Cancel"),
    Key("help.close", "escape,enter,question_mark,q", "close", "Close"),
    Key("help.safety", "s", "safety", "When to stop"),
    # one of these three is live, by what the safety screen was opened for
    Key("safety.continue", "enter", "go_on", "Continue"),
    Key("safety.end", "q", "stop", "End session"),
    Key("safety.back", "escape", "back", "Back (paused)"),
    Key("safety.later", "escape", "later", "Not now"),
    Key("safety.close", "escape", "close", "Close"),
)

BY_ID: dict[str, Key] = {k.id: k for k in KEYS}


def scope(name: str) -> tuple[Key, ...]:
    return tuple(k for k in KEYS if k.scope == name)


def _split(keys: str) -> list[str]:
    return [k.strip() for k in keys.split(",") if k.strip()]


def keymap_problems(keymap: Mapping[str, str]) -> list[tuple[str, str]]:
    """(binding id, problem) for each entry of ``keymap`` that is unknown or that puts
    a key on two bindings of one screen (or on a key the whole app uses)."""
    problems: list[tuple[str, str]] = []
    for binding_id, keys in keymap.items():
        if binding_id not in BY_ID:
            problems.append((binding_id, "no binding has this id (ids look like 'session.pause')"))
        elif not _split(keys):
            problems.append((binding_id, "names no key"))
    live = {k.id: _split(keymap.get(k.id, k.keys)) for k in KEYS}
    for binding_id in keymap:
        if binding_id not in BY_ID:
            continue
        mine = BY_ID[binding_id]
        for key in live[binding_id]:
            for other in KEYS:
                if other.id == binding_id or key not in live[other.id]:
                    continue
                if other.scope in (mine.scope, "app") or mine.scope == "app":
                    clash = f"{key!r} is also the key of {other.id!r}; one would hide the other"
                    problems.append((binding_id, clash))
    return problems

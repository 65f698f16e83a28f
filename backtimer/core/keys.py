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
    #: What the help screen and the README say it does ("" for keys they leave out).
    help: str = ""

    @property
    def scope(self) -> str:
        return self.id.split(".", 1)[0]


KEYS: tuple[Key, ...] = (
    Key(
        "app.quit",
        "ctrl+q",
        "quit",
        "Quit",
        show=False,
        priority=True,
        help="quit (asks first during a session)",
    ),
    Key("home.start", "enter,s", "app.start", "Start", help="start the routine shown"),
    Key(
        "home.routine",
        "r",
        "app.choose_routine",
        "Routine",
        help="routine: open one, plan a length, edit and save",
    ),
    Key("home.settings", "comma", "app.settings", "Settings", help="settings"),
    Key("home.library", "l", "app.library", "Moves", help="the exercise library"),
    Key("home.history", "h", "app.history", "History", help="history: weeks, streaks, pain trend"),
    Key("home.help", "question_mark", "app.help", "Help", help="this help"),
    Key(
        "home.easy",
        "e",
        "easy_day",
        "Easy day",
        show=False,
        help="an easy day for a sore back: about half your usual time, every move gentlest",
    ),
    Key(
        "home.include",
        "i",
        "include_all",
        "Include left-out",
        show=False,
        help="include the moves left out after pain, this time only",
    ),
    Key(
        "home.undo_hurt",
        "u",
        "undo_hurt",
        "Undo hurt",
        show=False,
        help="undo a 'this hurts' pressed by mistake today",
    ),
    Key(
        "home.walk",
        "w",
        "log_walk",
        "Walk",
        show=False,
        help="record a walk you took today (minutes walked show in history)",
    ),
    Key(
        "home.break",
        "b",
        "app.desk_break",
        "Desk break",
        show=False,
        help="desk break: two minutes of standing moves (not counted toward the goal)",
    ),
    Key(
        "home.left_out",
        "o",
        "app.left_out",
        "Left out",
        show=False,
        help="moves left out: why and until when; bring one back or leave it out for good",
    ),
    Key(
        "home.learn",
        "k",
        "learn",
        "Learn",
        show=False,
        help="learn: short cards on what helps a back",
    ),
    Key("home.quit", "q", "app.quit", "Quit", help="quit"),
    Key("session.pause", "space", "pause", "Pause", help="pause / resume"),
    Key("session.next", "n", "next", "Next", help="next: skip the rest of this exercise"),
    Key(
        "session.back",
        "b",
        "back",
        "Back",
        help="back: restart this exercise (at its start: the one before)",
    ),
    Key(
        "session.extend",
        "plus,equals_sign",
        "extend",
        "+10s",
        help="add 10 seconds to this hold or rest",
    ),
    Key(
        "session.hurt",
        "x",
        "hurt",
        "Hurts",
        help="this hurts: stop this exercise and show when to stop",
    ),
    Key(
        "session.end",
        "q,escape",
        "end",
        "End",
        help="end the session (asks first; what you did is saved)",
    ),
    Key("session.mute", "m", "mute", "Mute", help="mute or unmute the voice and sounds"),
    Key(
        "session.floor",
        "f",
        "floor",
        "Floor",
        help="floor mode: the cue, the number and what is next; again: with the move's "
        "figure; again: back",
    ),
    Key("session.help", "question_mark", "help", "Help", help="this help (pauses)"),
    Key("summary.home", "enter,escape,q", "close", "Home", help="back to Home"),
    Key("summary.history", "h", "history", "History", help="history"),
    Key("summary.help", "question_mark", "app.help", "Help", help="this help"),
    Key("history.back", "escape,q", "close", "Back", help="back"),
    Key(
        "history.correct",
        "c",
        "app.correct_session",
        "Correct",
        help="correct a session: pain ratings, a note, a mistaken 'this hurts', delete",
    ),
    Key("history.help", "question_mark", "app.help", "Help", help="this help"),
    Key("library.back", "escape", "close", "Back", help="back (first clears a search)"),
    Key("library.search", "slash", "search", "Search", help="search: type to filter the moves"),
    Key("library.start", "s", "start_move", "Start it", help="start this move now, on its own"),
    Key("library.add", "a", "add_move", "Add to routine", help="add this move to a routine"),
    Key("library.help", "question_mark", "app.help", "Help", help="this help"),
    Key("settings.save", "ctrl+s", "save", "Save", help="save and close"),
    Key(
        "settings.back", "escape", "close", "Back", help="close (asks first when something changed)"
    ),
    Key("routine.start", "enter", "start", "Start", help="start this routine now"),
    Key("routine.use", "u", "use", "Use", show=False, help="use it on Home, without starting"),
    Key("routine.open", "o", "open", "Open", help="open a routine"),
    Key("routine.plan", "p", "plan", "Plan length", help="plan a routine of N minutes"),
    Key(
        "routine.standing",
        "t",
        "plan_standing",
        "Standing plan",
        show=False,
        help="plan one with no floor work",
    ),
    Key(
        "routine.add",
        "a",
        "add",
        "Add",
        show=False,
        help="add a move after the selected row (type to filter)",
    ),
    Key(
        "routine.remove",
        "d,delete",
        "remove",
        "Remove",
        show=False,
        help="remove the selected move",
    ),
    Key("routine.up", "K,shift+up", "move(-1)", "Up", show=False, help="move the selected move up"),
    Key(
        "routine.down",
        "J,shift+down",
        "move(1)",
        "Down",
        show=False,
        help="move the selected move down",
    ),
    Key(
        "routine.more",
        "plus,equals_sign",
        "dose(1)",
        "More",
        show=False,
        help="a longer hold or more reps",
    ),
    Key(
        "routine.less", "minus", "dose(-1)", "Less", show=False, help="a shorter hold or fewer reps"
    ),
    Key(
        "routine.set_more",
        "right_square_bracket",
        "sets(1)",
        "+set",
        show=False,
        help="one more set",
    ),
    Key(
        "routine.set_less",
        "left_square_bracket",
        "sets(-1)",
        "-set",
        show=False,
        help="one set fewer",
    ),
    Key("routine.save", "s", "save", "Save", help="save it under a name"),
    Key(
        "routine.rename",
        "r",
        "rename",
        "Rename",
        show=False,
        help="rename the saved routine",
    ),
    Key(
        "routine.duplicate",
        "c",
        "duplicate",
        "Copy",
        show=False,
        help="save a copy under another name",
    ),
    Key(
        "routine.warmup",
        "w",
        "warmup",
        "Warm-up",
        show=False,
        help="choose a warm-up move (replaces the selected warm-up)",
    ),
    Key(
        "routine.delete",
        "ctrl+d",
        "delete_saved",
        "Delete saved",
        show=False,
        help="delete the saved routine (asks first)",
    ),
    Key("routine.back", "escape", "close", "Back", help="back (asks first when something changed)"),
    Key("routine.help", "question_mark", "app.help", "Help", help="this help"),
    Key("confirm.yes", "y", "answer(True)", "Yes", help="yes"),
    Key("confirm.no", "n,escape", "answer(False)", "No", help="no (Enter: the button lit)"),
    Key("pain.skip", "escape", "skip", "Skip", help="skip the pain check-in"),
    Key("screening.yes", "y", "answer(True)", "Yes", help="yes: one of them applies"),
    Key("screening.no", "n", "answer(False)", "No", help="no: none of them"),
    Key("screening.later", "escape", "later", "Not now", help="not now: asked again next time"),
    Key("effort.yes", "y", "answer(True)", "Yes", help="yes: 2 or 3 more were in me"),
    Key("effort.no", "n", "answer(False)", "No", help="no: that was my limit (holds the step up)"),
    Key("effort.skip", "escape,s", "answer(None)", "Skip", help="skip the question"),
    Key("unsaved.retry", "r", "choose('retry')", "Retry"),
    Key("unsaved.elsewhere", "s", "choose('elsewhere')", "Save elsewhere"),
    Key("unsaved.discard", "d", "choose('discard')", "Discard"),
    Key("pick.cancel", "escape", "cancel", "Cancel"),
    Key("pick.up", "up", "cursor(-1)", "Up", show=False, priority=True),
    Key("pick.down", "down", "cursor(1)", "Down", show=False, priority=True),
    Key("ask.cancel", "escape", "cancel", "Cancel"),
    Key("help.close", "escape,enter,question_mark,q", "close", "Close", help="close"),
    Key("help.safety", "s", "safety", "When to stop", help="when to stop"),
    Key("learn.back", "escape,q", "back", "Back", help="back to Home"),
    Key("leftout.back", "escape,q", "back", "Back", help="back"),
    Key(
        "leftout.bring",
        "b",
        "bring_back",
        "Bring back",
        help="bring the move back now (asks first)",
    ),
    Key(
        "leftout.exclude",
        "x",
        "exclude",
        "Keep out",
        help="keep it out until you bring it back yourself",
    ),
    # one of these three is live, by what the safety screen was opened for
    Key("safety.continue", "enter", "go_on", "Continue"),
    Key("safety.end", "q", "stop", "End session"),
    Key("safety.back", "escape", "back", "Back (paused)"),
    Key("safety.undo", "u", "undo", "Undo: a mistake"),
    Key("safety.later", "escape", "later", "Not now"),
    Key("safety.close", "escape", "close", "Close"),
)

#: The help screen's and the README's sections, in order: (scope, heading).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("app", "Everywhere"),
    ("home", "Home"),
    ("session", "During a session"),
    ("summary", "After a session"),
    ("history", "History"),
    ("library", "Exercise library"),
    ("leftout", "Moves left out"),
    ("settings", "Settings"),
    ("routine", "Routine screen"),
    ("confirm", "Questions"),
    ("pain", "Pain check-in"),
    ("effort", "Effort, after strength work"),
    ("help", "This help"),
)

#: Textual's own key, shown with the app's.
PALETTE = ("ctrl+p", "command palette: screens, themes, quit")

_NAMES = {
    "enter": "Enter",
    "escape": "Esc",
    "space": "Space",
    "delete": "Delete",
    "question_mark": "?",
    "comma": ",",
    "slash": "/",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "up": "↑",
    "down": "↓",
}


def key_name(key: str) -> str:
    """How a key is written for people: ``ctrl+s`` is Ctrl+S, ``question_mark`` is ?."""
    *mods, last = key.split("+")
    name = _NAMES.get(last, last if len(last) == 1 else last.capitalize())
    if mods and len(name) == 1:
        name = name.upper()
    return "+".join([*(m.capitalize() for m in mods), name])


def keys_shown(keys: str) -> str:
    """Several keys as people read them: ``q,escape`` is ``q, Esc``."""
    return ", ".join(key_name(k) for k in split_keys(keys))


def help_table(keymap: Mapping[str, str] | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(keys, what they do)]) for every binding that has help text, with the
    keys a person's ``keymap`` puts them on; the help screen and the README show it."""
    keymap = keymap or {}
    table: list[tuple[str, list[tuple[str, str]]]] = []
    for name, heading in SECTIONS:
        rows = [(keys_shown(keymap.get(k.id, k.keys)), k.help) for k in scope(name) if k.help]
        if name == "app":
            rows.append((keys_shown(PALETTE[0]), PALETTE[1]))
        table.append((heading, rows))
    return table


def markdown_keys() -> str:
    """The README's key tables (default keys), one per section."""
    parts = []
    for heading, rows in help_table():
        lines = [f"**{heading}**", "", "| key | does |", "| --- | --- |"]
        lines += [f"| {keys} | {text} |" for keys, text in rows]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


BY_ID: dict[str, Key] = {k.id: k for k in KEYS}


def scope(name: str) -> tuple[Key, ...]:
    return tuple(k for k in KEYS if k.scope == name)


def split_keys(keys: str) -> list[str]:
    """``"q, escape"`` as ``["q", "escape"]``."""
    return [k.strip() for k in keys.split(",") if k.strip()]


def keymap_problems(keymap: Mapping[str, str]) -> list[tuple[str, str]]:
    """(binding id, problem) for each entry of ``keymap`` that is unknown or that puts
    a key on two bindings of one screen (or on a key the whole app uses)."""
    problems: list[tuple[str, str]] = []
    for binding_id, keys in keymap.items():
        if binding_id not in BY_ID:
            problems.append((binding_id, "no binding has this id (ids look like 'session.pause')"))
        elif not split_keys(keys):
            problems.append((binding_id, "names no key"))
    live = {k.id: split_keys(keymap.get(k.id, k.keys)) for k in KEYS}
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


if __name__ == "__main__":  # the README's key tables
    print(markdown_keys())

"""The screens beside the session (library, history, keys, settings, when to stop) and
the command palette's entries. Each opens a screen with what it shows; settings come
back as a result the profile saves. (Functions of the app, without importing it.)"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand

if TYPE_CHECKING:
    from textual.theme import Theme

    from backtimer.core.plan import Choice
    from backtimer.store.profile import Profile
    from backtimer.tui.screens.routine_editor import RoutineOutcome

#: The command palette: title, help, action, and whether it waits for no session.
COMMANDS = (
    ("Start session", "Start the routine shown on Home", "start", True),
    ("Choose routine", "Pick the routine Start runs", "choose_routine", True),
    ("Exercise library", "Browse every exercise", "library", False),
    ("History", "Weeks, streaks and pain trend", "history", False),
    ("Settings", "Weekly goal, timings, bell, theme", "settings", False),
    ("Keys", "Show the keys", "help", False),
    ("When to stop", "Safety advice", "safety", False),
)


def commands(app: App[Any], idle: bool) -> Iterable[SystemCommand]:
    """backtimer's entries in the palette (Start and Choose only when no session runs)."""
    for title, help_text, action, needs_idle in COMMANDS:
        if idle or not needs_idle:
            yield SystemCommand(title, help_text, getattr(app, f"action_{action}"))


async def library(app: App[Any], profile: Profile, today: date) -> Any:
    """The library, each move as it stands for the person; what they chose to do
    with one (start it now, add it to a routine), or None."""
    from backtimer.store.figures import usable_figures
    from backtimer.tui.screens.library import LibraryScreen

    figures = usable_figures(profile.settings.figures)
    screen = LibraryScreen(profile.catalog, yours(profile, today), figures)
    return await app.push_screen_wait(screen)


def with_move(choice: Choice, exercise: Any, dose: Any) -> Choice:
    """``choice`` with one more move at ``dose`` (a warm-up at the end of the warm-up,
    else at the end), named as edited; its rows come from these steps, not as written."""
    from backtimer.core.routine import Step

    step = Step(exercise, "warmup" if exercise.kind == "warmup" else "main", dose)
    steps = list(choice.steps)
    warmups = sum(1 for s in steps if s.phase == "warmup")
    steps.insert(warmups if step.phase == "warmup" else len(steps), step)
    return replace(choice, steps=tuple(steps), name=f"{choice.name} (edited)", written=None)


def yours(profile: Profile, today: date) -> dict[str, Any]:
    """Each move's dose, where it came from, its status and when it was last done."""
    from backtimer.core.avoid import short_date
    from backtimer.tui.screens.library import Yours

    progress = profile.progress(today)
    avoided = profile.avoided(today)
    last: dict[str, date] = {}
    for session in profile.log.sessions:  # in time order: the last one wins
        for row in session.exercises:
            if row.status == "done":
                last[row.id] = session.started_at.date()
    found = {}
    for e in profile.catalog.exercises.values():
        now = progress.current(e)
        source = now.why if now.since is None else f"{now.origin()}: {now.why}"
        tag = status = ""
        if e.id in avoided:
            a = avoided[e.id]
            tag = "out"
            status = a.sentence(e.name)
        elif e.level > progress.level:
            tag, status = "locked", f"Not unlocked yet: {progress.toward_next()}."
        day = last.get(e.id)
        done = f"{day:%a} {short_date(day)} {day.year}" if day else ""
        found[e.id] = Yours(e.describe(now.dose), source, tag, status, done)
    return found


async def left_out(app: App[Any], profile: Profile, today: date) -> bool:
    """The moves left out, until the person goes back; each choice applied at once
    (a move brought back early after pain is kept in the state file; one left out
    for good, or back from that, in settings.toml). Whether anything changed."""
    from backtimer.store.errors import DataError
    from backtimer.tui.screens.left_out import LeftOutScreen

    names = {e.id: e.name for e in profile.catalog.exercises.values()}
    changed, cursor = False, 0
    while True:
        avoided = profile.avoided(today)
        chosen = await app.push_screen_wait(LeftOutScreen(avoided, names, cursor))
        if chosen is None:
            return changed
        action, move = chosen
        cursor = list(avoided).index(move)
        found, name = avoided[move], names.get(move, move)
        settings = profile.settings
        if (
            action == "bring"
            and found.kind == "pain"
            and not await _bring_back_asked(app, name, found)
        ):
            continue
        try:
            if action == "exclude":
                profile.update_settings(replace(settings, excluded=(*settings.excluded, move)))
                app.notify(f"{name} is kept out until you bring it back.")
            elif found.kind == "excluded":
                kept = tuple(e for e in settings.excluded if e != move)
                profile.update_settings(replace(settings, excluded=kept))
                app.notify(f"{name} is back in your plans.")
            elif found.kind == "screening":
                app.notify(
                    "Only once a physiotherapist or doctor has checked these moves with you, "
                    "say so in Settings.",
                    timeout=8,
                )
                continue
            else:
                profile.remember(brought_back={**profile.state.brought_back, move: today})
                app.notify(
                    f"{name} is back in your plans. Start gently; if it hurts again, press x "
                    "and it is left out again.",
                    timeout=8,
                )
        except (OSError, DataError) as exc:
            app.notify(f"Could not save that: {exc}", severity="error", timeout=10)
            continue
        changed = True


async def _bring_back_asked(app: App[Any], name: str, found: Any) -> bool:
    """Bringing back a move left out after pain: only when the person says so."""
    from backtimer.core.avoid import short_date
    from backtimer.tui.dialogs.confirm import ConfirmScreen

    until = f" and is left out until {short_date(found.until)}" if found.until else ""
    question = (
        f"{name}: {found.why}{until}. Bring it back early only if that pain has settled and "
        "everyday bending this way feels fine. Start gently; if it hurts again, press x."
    )
    answer = await app.push_screen_wait(
        ConfirmScreen(question, yes="Bring back", no="Keep it out", safe="no")
    )
    return bool(answer)


def history(app: App[Any], profile: Profile, today: date) -> None:
    from backtimer.tui.screens.history import HistoryScreen, history_charts, history_text

    routines = {r.id: r.name for r in profile.catalog.routines.values()}
    names = {e.id: e.name for e in profile.catalog.exercises.values()}
    goal = profile.settings.weekly_goal

    def render(width: int) -> str:  # the log as it is then (corrections included)
        log, counting = profile.log, profile.settings.walks_count
        return history_text(
            log.sessions, today, goal, names, routines, width, log.walks, counting, log.breaks
        )

    def charts() -> Any:
        log, counting = profile.log, profile.settings.walks_count
        return history_charts(log.sessions, today, goal, log.walks, counting)

    app.push_screen(HistoryScreen(render, charts))


def redraw_history(app: App[Any]) -> None:
    """History on screen shows the log again (after a correction)."""
    from backtimer.tui.screens.history import HistoryScreen

    if isinstance(app.screen, HistoryScreen):
        app.screen.redraw()


def keys(app: App[Any]) -> None:
    from backtimer.tui.dialogs.help import HelpScreen

    app.push_screen(HelpScreen())


def safety(app: App[Any]) -> None:
    from backtimer.tui.dialogs.safety import SafetyScreen

    app.push_screen(SafetyScreen())


async def settings(app: App[Any], profile: Profile) -> bool:
    """Edit the settings, then save and apply them; whether they changed."""
    from backtimer.core.screening import ASK_FIRST, CLEARED
    from backtimer.tui.screens.settings import SettingsScreen

    themes = sorted(app.available_themes)
    moves = [(e.id, e.name) for e in profile.builtin.exercises.values()]
    old = profile.settings
    answer = profile.state.screening
    cleared = answer == CLEARED if answer in (ASK_FIRST, CLEARED) else None
    screen = SettingsScreen(old, themes, moves, cleared, profile.paths)
    new = await app.push_screen_wait(screen)
    moved = screen.cleared_now is not None and screen.cleared_now != cleared
    if moved:  # the first-run check's answer, kept in the state file
        try:
            profile.remember(screening=CLEARED if screen.cleared_now else ASK_FIRST)
        except OSError as exc:
            app.notify(f"Could not save that: {exc}", severity="error", timeout=10)
    if new is None or new == old:
        return moved
    try:
        profile.update_settings(new)
    except OSError as exc:
        app.notify(f"Could not save settings: {exc}", severity="error", timeout=10)
        return False
    if new.theme in app.available_themes:
        app.theme = new.theme
    app.set_keymap(new.keymap)
    app.notify(f"Saved to {profile.paths.settings}.")
    return True


def keep_theme(app: App[Any], profile: Profile, theme: Theme) -> None:
    """A theme picked from the palette is kept in settings (only that line)."""
    if theme.name != profile.settings.theme:
        try:
            profile.update_settings(replace(profile.settings, theme=theme.name))
        except OSError as exc:
            app.notify(f"Could not keep the theme: {exc}", severity="warning")


async def routine(
    app: App[Any], profile: Profile, choice: Choice, today: date
) -> RoutineOutcome | None:
    """Open, plan, edit or save a routine; what to run, remembered when it is named."""
    from backtimer.tui.screens.routine_editor import RoutineScreen

    outcome: RoutineOutcome | None = await app.push_screen_wait(
        RoutineScreen(choice, profile, today)
    )
    if outcome is not None and outcome.choice.routine is not None:
        try:
            profile.remember(routine=outcome.choice.routine)
        except OSError as exc:
            app.notify(f"Could not remember the routine: {exc}", severity="warning")
    return outcome

"""Correcting a session from History: pick one of the recent sessions, then what to
correct (its pain ratings, a note, a mistaken "this hurts", or delete it). Each answer
is a dialog awaited in the app's worker; the correction is saved by the profile
(``Profile.amend``), appended to ``amendments.toml``; the log itself is not rewritten."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from backtimer.core.amend import amendment
from backtimer.store.errors import DataError

if TYPE_CHECKING:
    from textual.app import App

    from backtimer.core.log import SessionEntry
    from backtimer.core.vocab import AmendAction
    from backtimer.store.profile import Profile

#: How many recent sessions the picker lists.
RECENT = 20


def _label(entry: SessionEntry, names: dict[str, str]) -> str:
    pain = "-" if entry.pain_before is None else str(entry.pain_before)
    pain += "→" + ("-" if entry.pain_after is None else str(entry.pain_after))
    hurt = [names.get(e.id, e.id) for e in entry.exercises if e.status == "stopped_for_pain"]
    text = f"{entry.started_at:%a %d %b %H:%M}  {entry.active_s / 60:.0f} min  pain {pain}"
    if hurt:
        text += f"\n  [dim]stopped for pain: {', '.join(hurt)}[/]"
    if entry.note:
        text += f"\n  [dim]note: {entry.note}[/]"
    return text


def _pain_check(text: str) -> str | None:
    if text.strip() in ("", "-"):
        return None
    return None if text.strip().isdigit() and 0 <= int(text) <= 10 else "0 to 10, or - to keep it"


async def correct(app: App[Any], profile: Profile, now: datetime) -> bool:
    """Ask which session and what to correct, and save it; whether anything changed."""
    from backtimer.tui.dialogs.ask import AskScreen
    from backtimer.tui.dialogs.confirm import ConfirmScreen
    from backtimer.tui.dialogs.pick import PickScreen

    names = {e.id: e.name for e in profile.catalog.exercises.values()}
    recent = profile.log.sessions[-RECENT:][::-1]
    if not recent:
        app.notify("No sessions to correct yet.", timeout=3)
        return False
    chosen = await app.push_screen_wait(
        PickScreen("Correct which session?", [(s.id, _label(s, names)) for s in recent])
    )
    entry = profile.session(chosen) if chosen else None
    if entry is None:
        return False
    actions = [("pain", "Change the pain ratings"), ("note", "Write a note")]
    actions += [
        (f"hurt:{e.id}", f"Undo “this hurts” for {names.get(e.id, e.id)}: it was a mistake")
        for e in entry.exercises
        if e.status == "stopped_for_pain"
    ]
    actions.append(("delete", "Delete this session (logged by mistake)"))
    when = f"{entry.started_at:%a %d %b %H:%M}"
    action = await app.push_screen_wait(PickScreen(f"Correct the session of {when}", actions))
    values: dict[str, Any] = {}
    if action == "pain":
        for key, word in (("pain_before", "before"), ("pain_after", "after")):
            old = getattr(entry, key)
            answer = await app.push_screen_wait(
                AskScreen(
                    f"Back pain {word} the session, 0-10 (- keeps it):",
                    value="-" if old is None else str(old),
                    check=_pain_check,
                    restrict=r"[0-9-]*",
                )
            )
            if answer is None:
                return False
            if answer.strip() not in ("", "-") and int(answer) != old:
                values[key] = int(answer)
        if not values:
            return False
    elif action == "note":
        note = await app.push_screen_wait(
            AskScreen(
                "A note for this session (empty removes it):", value=entry.note or "", width=60
            )
        )
        if note is None:
            return False
        values["note"] = note.strip()[:500]
    elif action == "delete":
        question = f"Delete the session of {when}? It no longer counts anywhere."
        if not await app.push_screen_wait(ConfirmScreen(question, yes="Delete", safe="no")):
            return False
    elif action and action.startswith("hurt:"):
        values["move"] = action.removeprefix("hurt:")
        action = "not_hurt"
    else:
        return False
    try:
        kind = cast("AmendAction", action)
        profile.amend(amendment(entry.id, kind, now, secrets.token_hex(3), **values))
    except (OSError, DataError) as exc:
        app.notify(f"Could not save the correction: {exc}", severity="error", timeout=10)
        return False
    done = {
        "pain": "Pain ratings corrected.",
        "note": "Note saved.",
        "delete": f"The session of {when} is deleted.",
        "not_hurt": f"{names.get(values.get('move', ''), '')} is back in your plans.",
    }[action]
    app.notify(done, timeout=4)
    return True


async def undo_today(app: App[Any], profile: Profile, now: datetime) -> bool:
    """Home: undo a "this hurts" pressed by mistake today (each such move asked about
    in turn); whether anything changed."""
    from backtimer.tui.dialogs.confirm import ConfirmScreen

    names = {e.id: e.name for e in profile.catalog.exercises.values()}
    today = now.date()
    hurt = [
        (s, e.id)
        for s in profile.log.sessions
        if s.started_at.date() == today
        for e in s.exercises
        if e.status == "stopped_for_pain"
    ]
    if not hurt:
        app.notify("No move was stopped for pain today.", timeout=3)
        return False
    changed = False
    for entry, move in hurt:
        name = names.get(move, move)
        question = (
            f"{name} was stopped for pain today ({entry.started_at:%H:%M}), so it and the "
            "moves that bend the same way are left out for two weeks. Was that a mistake?"
        )
        if not await app.push_screen_wait(
            ConfirmScreen(question, yes="A mistake", no="It hurt", safe="no")
        ):
            continue
        made = amendment(entry.id, "not_hurt", now, secrets.token_hex(3), move=move)
        try:
            profile.amend(made)
        except (OSError, DataError) as exc:
            app.notify(f"Could not save the correction: {exc}", severity="error", timeout=10)
            return changed
        app.notify(f"{name} is back in your plans.", timeout=4)
        changed = True
    return changed

"""Corrections to the log. The log is never rewritten: a correction is a record of
its own, appended later, that names a session by id: delete it, set its pain ratings,
give it a note, or say that a move's "stopped for pain" was a mistake. Reading applies
every correction to the sessions; everything else (history, streaks, the weekly goal,
progression, what is left out for pain, export) sees only the corrected view.

The view does not depend on the order corrections arrive in (from several machines,
merged in any order): they apply in the order they were made (``made_at``, then
``id``), and a deletion wins over any edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Annotated

from backtimer.core.log import ID_GRAMMAR, ID_RULE, NOTE_LENGTH, SessionEntry
from backtimer.core.vocab import FILE_CONFIG, AmendAction, Len, Pain


@dataclass(frozen=True, slots=True)
class Amendment:
    """One correction to one session."""

    __pydantic_config__ = FILE_CONFIG

    id: Annotated[str, Len(1, 200)]
    made_at: datetime
    session: Annotated[str, Len(1, 200)]
    action: AmendAction
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    note: Annotated[str, Len(0, NOTE_LENGTH)] | None = None
    #: The move whose "stopped for pain" was a mistake (``not_hurt``).
    move: Annotated[str, Len(1, 200)] | None = None

    def plain(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "made_at": self.made_at.isoformat(),
            "session": self.session,
            "action": self.action,
        }
        for key in ("pain_before", "pain_after", "note", "move"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data


#: What each action needs, and what it may not carry.
NEEDS: dict[str, tuple[str, ...]] = {
    "delete": (),
    "pain": ("pain_before", "pain_after"),  # at least one of them
    "note": ("note",),
    "not_hurt": ("move",),
}
_OPTIONAL = ("pain_before", "pain_after", "note", "move")


def amendment_problem(amendment: Amendment) -> tuple[str, str] | None:
    """A rule the annotations cannot say, broken by ``amendment``: the key and why."""
    for key in ("id", "session", "move"):
        value = getattr(amendment, key)
        if value is not None and not ID_GRAMMAR.fullmatch(value):
            return key, ID_RULE
    if amendment.made_at.utcoffset() is None:
        return "made_at", "needs a UTC offset, e.g. 2026-11-16T08:00:00+01:00"
    needs = NEEDS[amendment.action]
    if needs and all(getattr(amendment, key) is None for key in needs):
        return needs[0], f"a {amendment.action!r} correction needs {' or '.join(needs)}"
    for key in _OPTIONAL:
        if key not in needs and getattr(amendment, key) is not None:
            return key, f"does not belong to a {amendment.action!r} correction"
    return None


def in_order(amendments: Iterable[Amendment]) -> list[Amendment]:
    """The order corrections apply in: when they were made, then their id."""
    return sorted(amendments, key=lambda a: (a.made_at, a.id))


def _amended(entry: SessionEntry, amendment: Amendment) -> SessionEntry:
    if amendment.action == "pain":
        return replace(
            entry,
            pain_before=entry.pain_before
            if amendment.pain_before is None
            else amendment.pain_before,
            pain_after=entry.pain_after if amendment.pain_after is None else amendment.pain_after,
        )
    if amendment.action == "note":
        return replace(entry, note=amendment.note or None)
    if amendment.action == "not_hurt":
        moves = tuple(
            replace(e, status="partial")
            if e.id == amendment.move and e.status == "stopped_for_pain"
            else e
            for e in entry.exercises
        )
        return replace(entry, exercises=moves)
    return entry


def apply(sessions: Sequence[SessionEntry], amendments: Iterable[Amendment]) -> list[SessionEntry]:
    """``sessions`` as corrected by ``amendments`` (in their order; a deletion wins).
    Corrections naming no session here change nothing."""
    ordered = in_order(amendments)
    if not ordered:
        return list(sessions)
    deleted = {a.session for a in ordered if a.action == "delete"}
    edits: dict[str, list[Amendment]] = {}
    for amendment in ordered:
        if amendment.action != "delete":
            edits.setdefault(amendment.session, []).append(amendment)
    view = []
    for entry in sessions:
        if entry.id in deleted:
            continue
        for amendment in edits.get(entry.id, ()):
            entry = _amended(entry, amendment)
        view.append(entry)
    return view


def amendment(
    session: str, action: AmendAction, made_at: datetime, token: str, **values: object
) -> Amendment:
    """A new correction of ``session``, made at ``made_at`` (``token`` tells machines
    apart in its id)."""
    from backtimer.core.log import new_id

    return Amendment(
        id=new_id(made_at, token),
        made_at=made_at,
        session=session,
        action=action,
        **values,  # type: ignore[arg-type]
    )

"""Your log anywhere: export it (JSON, CSV, a habit tracker's CSV, a calendar), and
import or merge sessions from another machine without ever rewriting the log."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from backtimer import __version__
from backtimer.core.amend import Amendment, amendment_problem
from backtimer.core.log import SessionEntry, entry_problem
from backtimer.core.plan import choice_name
from backtimer.core.stats import counts
from backtimer.store import journal
from backtimer.store.errors import DataError
from backtimer.store.files import read_file
from backtimer.store.tomlio import shorten

FORMAT = "backtimer-sessions"
VERSION = 1
CSV_COLUMNS = (
    "date",
    "start",
    "minutes",
    "routine",
    "completed",
    "counts_toward_goal",
    "pain_before",
    "pain_after",
    "moves_done",
    "moves_skipped",
    "moves_stopped_for_pain",
    "id",
)
HABIT_COLUMNS = (
    "HabitName",
    "HabitDescription",
    "HabitCategory",
    "CalendarDate",
    "Value",
    "CommentText",
)
#: A session log or export can be large, but not unbounded.
MAX_IMPORT_BYTES = 256 * 1024 * 1024


def since(sessions: Iterable[SessionEntry], day: date | None) -> list[SessionEntry]:
    return [s for s in sessions if day is None or s.started_at.date() >= day]


# ---------------------------------------------------------------------- export


def to_json(
    sessions: Sequence[SessionEntry], amendments: Sequence[Amendment] = ()
) -> dict[str, Any]:
    """A versioned document: every field of every session (corrected), as ``history
    --json``, and the corrections themselves, so that an import or merge of it into
    another data folder keeps them (applying one twice changes nothing)."""
    ids = {s.id for s in sessions}
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_by": f"backtimer {__version__}",
        "sessions": [s.to_json() for s in sessions],
        "amendments": [a.plain() for a in amendments if a.session in ids],
    }


#: A cell a spreadsheet would run as a formula (OWASP's list), and control characters.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text, never runs: control characters
    dropped, and a text that starts like a formula behind a ``'`` (as OWASP advises)."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value)
    return "'" + value if value.startswith(_FORMULA) else value


def to_csv(
    sessions: Sequence[SessionEntry],
    names: dict[str, str],
    routines: Mapping[str, str] | None = None,
) -> str:
    """One row per session, for a spreadsheet (moves and routines by the names people
    see; ``routines``: id -> name)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in sessions:

        def moves(*statuses: str, s: SessionEntry = s) -> str:
            return "; ".join(names.get(e.id, e.id) for e in s.exercises if e.status in statuses)

        writer.writerow(
            cell(value)
            for value in [
                s.started_at.date().isoformat(),
                s.started_at.strftime("%H:%M"),
                f"{s.active_s / 60:.1f}",
                choice_name(s.routine, routines or {}),
                "yes" if s.completed else "no",
                "yes" if counts(s) else "no",
                "" if s.pain_before is None else s.pain_before,
                "" if s.pain_after is None else s.pain_after,
                moves("done", "partial"),
                moves("skipped"),
                moves("stopped_for_pain"),
                s.id,
            ]
        )
    return out.getvalue()


def to_habits_csv(sessions: Sequence[SessionEntry]) -> str:
    """HabitBull's CSV, which Loop Habit Tracker imports: one row per day with a session
    that counts toward the goal."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HABIT_COLUMNS)
    days = sorted({s.started_at.date() for s in sessions if counts(s)})
    for day in days:
        writer.writerow(["Back exercises", "backtimer session", "Health", day.isoformat(), 1, ""])
    return out.getvalue()


def _ics_text(value: str) -> str:
    return (
        _CONTROL.sub("", value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """RFC 5545 3.1: lines of at most 75 octets, continued with a space."""
    raw = line.encode("utf-8")
    parts: list[str] = []
    start = 0
    while len(raw) - start > 75:
        end = start + (75 if not parts else 74)
        while end > start and (raw[end] & 0xC0) == 0x80:  # not inside a character
            end -= 1
        parts.append(raw[start:end].decode("utf-8"))
        start = end
    parts.append(raw[start:].decode("utf-8"))
    return "\r\n ".join(parts)


#: What an event's description lists, in order.
ICS_PARTS = (
    ("done", "Done"),
    ("partial", "Partly done"),
    ("stopped_for_pain", "Stopped for pain"),
)


def to_ics(
    sessions: Sequence[SessionEntry],
    names: dict[str, str],
    now: datetime,
    routines: Mapping[str, str] | None = None,
) -> str:
    """The sessions as calendar events (RFC 5545), by the names people see."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    def utc(moment: datetime) -> str:
        return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//backtimer//{__version__}//EN",
        "CALSCALE:GREGORIAN",
    ]
    for s in sessions:
        summary = f"Back exercises: {choice_name(s.routine, routines or {})}"
        summary += "" if s.completed else " (ended early)"
        minutes = round(s.active_s / 60)
        parts = [f"{minutes} active {'minute' if minutes == 1 else 'minutes'}."]
        for status, label in ICS_PARTS:
            moves = [names.get(e.id, e.id) for e in s.exercises if e.status == status]
            if moves:
                parts.append(f"{label}: {', '.join(moves)}.")
        description = " ".join(parts)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{s.id}@backtimer",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{utc(s.started_at)}",
            f"DTEND:{utc(s.ended_at)}",
            f"SUMMARY:{_ics_text(summary)}",
            f"DESCRIPTION:{_ics_text(description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


# ---------------------------------------------------------------------- import


@dataclass
class Plan:
    """What an import or merge would do."""

    new: list[SessionEntry] = field(default_factory=list)
    same: list[SessionEntry] = field(default_factory=list)
    conflicts: list[tuple[SessionEntry, SessionEntry]] = field(default_factory=list)
    #: Corrections the log does not hold yet.
    corrections: list[Amendment] = field(default_factory=list)

    def summary(self, verb: str = "added") -> str:
        fixed = f", {len(self.corrections)} correction(s) added" if self.corrections else ""
        text = (
            f"{len(self.new)} {verb}, {len(self.same)} already there (skipped), "
            f"{len(self.conflicts)} in conflict (left out){fixed}."
        )
        if self.conflicts:
            ids = ", ".join(repr(a.id) for a, _ in self.conflicts[:10])
            more = f" and {len(self.conflicts) - 10} more" if len(self.conflicts) > 10 else ""
            text += (
                f" In conflict: {ids}{more}: one id, two different sessions. Neither was "
                "changed; look at both and keep the right one by hand."
            )
        return text


def plan_import(
    existing: Sequence[SessionEntry],
    incoming: Iterable[SessionEntry],
    corrected: Sequence[SessionEntry] = (),
    *,
    have: Iterable[Amendment] = (),
    fixes: Iterable[Amendment] = (),
) -> Plan:
    """Match by id: new ones (in order of their start), identical ones, conflicts.
    ``existing`` is the log as logged; a session equal to its ``corrected`` form (an
    export of this very log) is the same one too. ``fixes``: incoming corrections, of
    which those not in ``have`` are added."""
    known = {s.id: s for s in existing}
    fixed = {s.id: s for s in corrected}
    plan = Plan()
    seen: dict[str, SessionEntry] = {}
    for s in incoming:
        here = known.get(s.id) or seen.get(s.id)
        if here is None:
            seen[s.id] = s
            plan.new.append(s)
        elif here == s or fixed.get(s.id) == s:
            plan.same.append(s)
        else:
            plan.conflicts.append((here, s))
    conflicted = {b.id for _, b in plan.conflicts}
    plan.new = sorted((s for s in plan.new if s.id not in conflicted), key=lambda s: s.started_at)
    held = {a.id for a in have}
    for fix in fixes:
        if fix.id not in held and fix.session not in conflicted:
            held.add(fix.id)
            plan.corrections.append(fix)
    return plan


@dataclass
class Incoming:
    """What a file to import holds: sessions as logged, and corrections."""

    sessions: list[SessionEntry]
    amendments: list[Amendment] = field(default_factory=list)


def read_sessions(path: Path) -> Incoming:
    """Sessions (and corrections) from backtimer's JSON export or another machine's
    session log."""
    raw = read_file(path, MAX_IMPORT_BYTES)
    if path.suffix.lower() == ".json" or raw.lstrip()[:1] in (b"{", b"["):
        return _from_json(path, raw)
    try:
        return Incoming(list(journal.load(path).sessions))
    except DataError as exc:  # say what it was read as, and what else is read
        raise DataError(
            f"{exc} (It was read as a backtimer session log, which is TOML; a JSON export "
            "from `backtimer export` starts with {.)"
        ) from None


def _amendments(path: Path, items: Any) -> list[Amendment]:
    from pydantic import ValidationError

    from backtimer.store.models import check

    if not isinstance(items, list):
        raise DataError(f"{path}: $.amendments: expected a list of corrections.")
    found = []
    for i, item in enumerate(items):
        try:
            found.append(check(item, Amendment))
        except ValidationError as exc:
            error = exc.errors()[0]
            where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error["loc"])
            raise DataError(
                f"{path}: $.amendments[{i}]{where}: {str(error['msg']).lower()}; nothing "
                "was imported."
            ) from None
        except (ValueError, TypeError) as exc:
            raise DataError(f"{path}: $.amendments[{i}]: {shorten(str(exc), 120)}.") from None
        broken = amendment_problem(found[-1])
        if broken:
            raise DataError(
                f"{path}: $.amendments[{i}].{broken[0]}: {broken[1]}; nothing was imported."
            )
    return found


def _from_json(path: Path, raw: bytes) -> Incoming:
    from pydantic import ValidationError

    from backtimer.store.models import check

    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start}).") from None
    except (ValueError, RecursionError) as exc:
        raise DataError(f"{path}: not valid JSON: {shorten(str(exc), 120)}.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataError(f'{path}: not a backtimer export (no "format": "{FORMAT}").')
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise DataError(
            f"{path}: export version {shorten(data.get('version'))} is newer than this "
            "backtimer reads; upgrade backtimer."
        )
    items = data.get("sessions")
    if not isinstance(items, list):
        raise DataError(f"{path}: $.sessions: expected a list of sessions.")
    found = []
    for i, item in enumerate(items):
        try:
            found.append(check(item, SessionEntry))
        except ValidationError as exc:
            error = exc.errors()[0]
            where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error["loc"])
            raise DataError(
                f"{path}: $.sessions[{i}]{where}: {str(error['msg']).lower()}; nothing was "
                "imported."
            ) from None
        except (ValueError, TypeError) as exc:
            raise DataError(f"{path}: $.sessions[{i}]: {shorten(str(exc), 120)}.") from None
        broken = entry_problem(found[-1])
        if broken:
            where = re.sub(r"[.](\d+)", r"[\1]", broken[0])
            raise DataError(f"{path}: $.sessions[{i}].{where}: {broken[1]}; nothing was imported.")
    return Incoming(found, _amendments(path, data.get("amendments", [])))


def apply(log_path: Path, plan: Plan, amendments_path: Path | None = None) -> None:
    """Append the new sessions in one write: all of them, or (a full disk) none; then
    the new corrections to ``amendments_path``."""
    journal.append_many(log_path, plan.new)
    if amendments_path is not None and plan.corrections:
        from backtimer.store import amendments

        amendments.append_many(amendments_path, plan.corrections)


# ---------------------------------------------------------------------- sync conflicts

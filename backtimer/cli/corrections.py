"""`backtimer sessions`, `amend` and `delete`: see and correct the log from the
command line. Corrections are appended (``store.amendments``); nothing is rewritten."""

from __future__ import annotations

import secrets
import sys
from typing import TYPE_CHECKING, Any

from backtimer.cli import EXIT_DATA, EXIT_OK, EXIT_USAGE
from backtimer.core.amend import amendment
from backtimer.store.errors import DataError

if TYPE_CHECKING:
    from backtimer.core.log import SessionEntry
    from backtimer.store.profile import Profile


def _row(entry: SessionEntry, routines: dict[str, str]) -> dict[str, Any]:
    from backtimer.core.plan import choice_name

    return {
        "id": entry.id,
        "started_at": entry.started_at.isoformat(),
        "routine": entry.routine,
        "routine_name": choice_name(entry.routine, routines),
        "active_minutes": round(entry.active_s / 60, 1),
        "pain_before": entry.pain_before,
        "pain_after": entry.pain_after,
        "stopped_for_pain": [e.id for e in entry.exercises if e.status == "stopped_for_pain"],
        "note": entry.note,
    }


def sessions(ctx: Any) -> int:
    profile = ctx.profile()
    routines = {r.id: r.name for r in profile.catalog.routines.values()}
    rows = [_row(s, routines) for s in reversed(profile.log.sessions[-ctx.args.last :])]
    if ctx.args.json:
        return ctx.json(rows)
    if not rows:
        ctx.out.write("No sessions yet.\n")
        return EXIT_OK
    for row in rows:
        pain = "-" if row["pain_before"] is None else str(row["pain_before"])
        pain += " -> " + ("-" if row["pain_after"] is None else str(row["pain_after"]))
        line = (
            f"{row['id']}  {row['started_at'][:16].replace('T', ' ')}  {row['routine_name']}  "
            f"{row['active_minutes']:.0f} min  pain {pain}"
        )
        if row["stopped_for_pain"]:
            line += "  hurt: " + ", ".join(row["stopped_for_pain"])
        if row["note"]:
            line += f"  note: {row['note']}"
        ctx.out.write(line + "\n")
    return EXIT_OK


def _find(ctx: Any, profile: Profile, session_id: str) -> SessionEntry | None:
    found = profile.session(session_id)
    if found is None:
        print(
            f"backtimer: no session {session_id[:70]!r} in the log in "
            f"{profile.paths.data_dir} (or it was deleted); `backtimer sessions` lists their ids.",
            file=sys.stderr,
        )
    return found


def _save(ctx: Any, profile: Profile, action: Any, session_id: str, **values: Any) -> int:
    made = amendment(session_id, action, ctx.now().astimezone(), secrets.token_hex(3), **values)
    try:
        profile.amend(made)
    except (OSError, DataError) as exc:
        print(f"backtimer: could not save the correction: {exc}", file=sys.stderr)
        return EXIT_DATA
    return EXIT_OK


def amend(ctx: Any) -> int:
    args = ctx.args
    if (
        args.pain_before is None
        and args.pain_after is None
        and args.note is None
        and not (args.not_hurt)
    ):
        print(
            "backtimer amend: say what to correct: --pain-before, --pain-after, --note or "
            "--not-hurt.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    profile = ctx.profile()
    entry = _find(ctx, profile, args.id)
    if entry is None:
        return EXIT_DATA
    said = []
    if args.not_hurt:
        hurt = [e.id for e in entry.exercises if e.status == "stopped_for_pain"]
        if args.not_hurt not in hurt:
            listed = ", ".join(hurt) if hurt else "none"
            print(
                f"backtimer: {args.not_hurt[:60]!r} was not stopped for pain in that session "
                f"(stopped for pain: {listed}).",
                file=sys.stderr,
            )
            return EXIT_DATA
    if args.pain_before is not None or args.pain_after is not None:
        values = {"pain_before": args.pain_before, "pain_after": args.pain_after}
        code = _save(ctx, profile, "pain", entry.id, **values)
        if code:
            return code
        said.append("pain ratings")
    if args.note is not None:
        code = _save(ctx, profile, "note", entry.id, note=args.note)
        if code:
            return code
        said.append("note")
    if args.not_hurt:
        code = _save(ctx, profile, "not_hurt", entry.id, move=args.not_hurt)
        if code:
            return code
        said.append(f"{args.not_hurt} no longer counts as hurting")
    ctx.out.write(f"Corrected {entry.id}: {', '.join(said)}.\n")
    return EXIT_OK


def delete(ctx: Any) -> int:
    profile = ctx.profile()
    entry = _find(ctx, profile, ctx.args.id)
    if entry is None:
        return EXIT_DATA
    if not ctx.args.yes:
        if not sys.stdin.isatty():
            print("backtimer delete: add --yes to delete without asking.", file=sys.stderr)
            return EXIT_USAGE
        when = entry.started_at.strftime("%a %d %b %Y %H:%M")
        from backtimer.core.plan import choice_name

        routines = {r.id: r.name for r in profile.catalog.routines.values()}
        name = choice_name(entry.routine, routines)
        answer = input(f"Delete the session of {when} ({name})? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            ctx.out.write("Nothing deleted.\n")
            return EXIT_OK
    code = _save(ctx, profile, "delete", entry.id)
    if code == EXIT_OK:
        ctx.out.write(f"Deleted {entry.id} (kept in the log, no longer counted).\n")
    return code

"""`backtimer status` on every shell prompt: the light path.

It reads the week's summary that each session keeps in ``state.toml`` and checks it
still describes the log and the settings (their sizes and times) and this week. Only
then does it answer, importing little beyond ``tomllib``; otherwise it returns None and
the full command reads the log and writes a fresh summary.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from backtimer.core.reminders import Week

APP = "backtimer"

#: Options that take a value, to find the command's name without a full parse.
VALUED = {
    "--data-dir",
    "--catalog",
    "--cache-dir",
    "--format",
    "--weeks",
    "--minutes",
    "--routine",
    "--date",
    "--since",
    "--output",
    "--days",
    "--at",
    "--host",
    "--port",
    "--max-tabs",
    "--last",
    "--pain-before",
    "--pain-after",
    "--note",
    "--not-hurt",
    "--breaks",
    "--every",
    "--show",
}


def command_of(argv: list[str]) -> str | None:
    """The command's name in ``argv`` (the first word that is not an option's)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in VALUED:
            skip = True
        elif not token.startswith("-"):
            return token
    return None


def quick_args(argv: list[str]) -> Any | None:
    """``status`` and its few options, read without argparse (which, with the help
    formatter it builds for every option, costs a prompt about 10 ms); None for
    anything else, which argparse then reads and explains."""
    values: dict[str, object] = {"json": False, "format": None}
    names = {
        "--data-dir": "data_dir",
        "--catalog": "catalog",
        "--cache-dir": "cache_dir",
        "--format": "format",
    }
    tokens = iter(argv)
    seen_command = False
    for token in tokens:
        if token == "status" and not seen_command:
            seen_command = True
        elif token == "--json":
            values["json"] = True
        elif token in names:
            value = next(tokens, None)
            if value is None:
                return None
            values[names[token]] = value
        else:
            return None
    return SimpleNamespace(handler="status", **values) if seen_command else None


def _folders(args: Any) -> tuple[str, str]:
    """The data and config folders, as ``store.paths`` finds them (os.path, not
    pathlib: pathlib costs a prompt 9 ms)."""
    chosen = getattr(args, "data_dir", None) or os.environ.get("BACKTIMER_DATA_DIR")
    if chosen:
        folder = os.path.expanduser(chosen)
        return folder, folder
    import platformdirs

    return (
        platformdirs.user_data_dir(APP, appauthor=False),
        platformdirs.user_config_dir(APP, appauthor=False),
    )


def quick_status(args: Any, today: date | None = None) -> str | None:
    """The status output from the summary alone, or None to take the full path."""
    from backtimer.store.quick import fresh_summary

    try:
        data_dir, config_dir = _folders(args)
    except (OSError, ValueError):
        return None
    from backtimer.clock import MonotonicClock

    now = MonotonicClock().wall()
    today = today or now.date()
    summary = fresh_summary(
        os.path.join(data_dir, "state.toml"),
        data_dir,
        os.path.join(config_dir, "settings.toml"),
        today,
    )
    if summary is None:
        return None
    try:
        from backtimer.core.reminders import Week

        week = Week(summary["done"], summary["goal"], summary["streak"], summary.get("last_day"))
        return render(
            week,
            now,
            today,
            summary["remind_days"],
            summary["remind_at"],
            bool(summary["quiet"]),
            args,
        )
    except (KeyError, TypeError):
        return None


def render(
    week: Week,
    now: datetime,
    today: date | None,
    remind_days: Sequence[str],
    remind_at: str,
    quiet: bool,
    args: Any,
) -> str | None:
    """What `status` prints for ``week``: the line, ``--format`` or ``--json``; None
    when ``--format`` names a field there is not."""
    from backtimer.core.reminders import next_fire, parse_days, parse_time, status_line

    today = today or now.date()
    line = status_line(week, today, quiet=quiet)
    try:
        days = parse_days(",".join(remind_days))
        upcoming: str | None = next_fire(now, days, parse_time(remind_at)).isoformat(
            timespec="minutes"
        )
    except ValueError:
        upcoming = None
    fields = {
        "done": week.done,
        "goal": week.goal,
        "streak": week.streak,
        "due": week.done < week.goal and week.last_day != today,
        "next": upcoming,
        "line": line,
    }
    if getattr(args, "json", False):
        import json

        return json.dumps(fields, indent=2) + "\n"
    fmt = getattr(args, "format", None)
    if fmt:
        if quiet:
            return ""
        try:
            line = fmt.format(**{k: ("" if v is None else v) for k, v in fields.items()})
        except (KeyError, IndexError, ValueError, AttributeError):
            return None
    return line + "\n" if line else ""

"""The command line's grammar: every command, option and help text."""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import NoReturn

from backtimer import __version__

DESCRIPTION = """\
A guided back-exercise timer for the terminal. Run with no command to open the app.
"""
#: Plans run from this many minutes to that many (kept here so --help needs no core).
MIN_MINUTES, MAX_MINUTES = 5, 45


class Parser(argparse.ArgumentParser):
    """argparse, with usage errors kept short however long the bad argument."""

    def error(self, message: str) -> NoReturn:
        short = re.sub(r"\S{80,}", lambda m: m[0][:60] + "…", message)
        self.exit(2, f"{self.format_usage()}{self.prog}: error: {short}\n")


def _common_options() -> Parser:
    """Options every subcommand accepts, before or after its name.

    Defaults are SUPPRESS so a subcommand's parser does not overwrite a value given
    before the subcommand name.
    """
    common = Parser(add_help=False)
    group = common.add_argument_group("files")
    group.add_argument(
        "--data-dir",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="folder for the session log and settings (env BACKTIMER_DATA_DIR)",
    )
    group.add_argument(
        "--catalog",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="exercise catalogue to use instead of the shipped one (env BACKTIMER_CATALOG)",
    )
    group.add_argument(
        "--cache-dir",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="folder for caches, safe to delete (env BACKTIMER_CACHE_DIR)",
    )
    return common


def _status_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        metavar="FMT",
        help="your own line, with {done} {goal} {streak} {due} {next} {line}",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a line")
    parser.set_defaults(handler="status")


def status_parser() -> argparse.ArgumentParser:
    """Just `backtimer status`: building every command's parser costs a prompt 15 ms."""
    common = _common_options()
    parser = Parser(prog="backtimer", parents=[common])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _status_options(sub.add_parser("status", parents=[common]))
    return parser


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = Parser(
        prog="backtimer",
        description=DESCRIPTION,
        parents=[common],
        epilog="Exit codes: 0 ok, 1 data error, 2 usage error.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"backtimer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    parser.commands = sub.choices  # type: ignore[attr-defined]

    exercises = sub.add_parser(
        "exercises",
        parents=[common],
        help="list the exercise catalogue",
        description="List every exercise in the catalogue with its dosage.",
    )
    exercises.add_argument("--json", action="store_true", help="print JSON instead of a table")
    exercises.add_argument(
        "--show", metavar="ID", help="draw that move's key poses in the terminal"
    )
    exercises.set_defaults(handler="exercises")

    check = sub.add_parser(
        "check",
        parents=[common],
        help="validate the catalogue and your files",
        description="Validate the catalogue, your settings, saved routines, state and log. "
        "Exit 0 when all is well, 1 with the problems otherwise.",
    )
    check.set_defaults(handler="check")

    plan = sub.add_parser(
        "plan",
        parents=[common],
        help="show a routine without starting it",
        description="Print a routine: each step with its dosage and estimated time, and the "
        "total. With --minutes, plan one of that length for today.",
    )
    _choice_options(plan)
    plan.add_argument(
        "--date",
        type=_day,
        metavar="YYYY-MM-DD",
        help="the plan for that day (plans change daily; default today)",
    )
    plan.add_argument("--json", action="store_true", help="print JSON instead of text")
    plan.set_defaults(handler="plan")

    start = sub.add_parser(
        "start",
        parents=[common],
        help="start a session straight away",
        description="Open straight into a session of a routine or of a plan for a length.",
    )
    _choice_options(start)
    start.add_argument(
        "--plain",
        action="store_true",
        help="the session as plain lines of text, never redrawn (a screen reader, a "
        "braille display, TERM=dumb, ssh or a pipe); keys work at a terminal",
    )
    start.set_defaults(handler="start")

    desk = sub.add_parser(
        "break",
        parents=[common],
        help="a two-minute desk break of standing moves",
        description="Run a desk break straight away: about two minutes of standing moves "
        "(marching, a standing back extension, a hip hinge; a move left out after pain is "
        "replaced by another). Breaks show in history; they do not count toward the weekly "
        "goal. The app quits when it is done.",
    )
    desk.set_defaults(handler="break")

    history = sub.add_parser(
        "history",
        parents=[common],
        help="your sessions, weekly goal and streaks",
        description="Sessions per week against your weekly goal, streaks and recent sessions.",
    )
    history.add_argument(
        "--weeks", type=_positive_int, default=8, metavar="N", help="weeks to show (default 8)"
    )
    history.add_argument("--json", action="store_true", help="print JSON instead of text")
    history.set_defaults(handler="history")

    completion = sub.add_parser(
        "completion",
        help="a shell completion script (bash, zsh or fish)",
        description="Print a completion script for your shell, made from backtimer's own "
        "commands and options. bash: `backtimer completion bash > "
        "~/.local/share/bash-completion/completions/backtimer`; zsh: `backtimer completion "
        "zsh > ~/.zfunc/_backtimer` (with ~/.zfunc in your fpath); fish: `backtimer "
        "completion fish > ~/.config/fish/completions/backtimer.fish`.",
    )
    completion.add_argument("shell", choices=("bash", "zsh", "fish"))
    completion.set_defaults(handler="completion")

    report = sub.add_parser(
        "report",
        parents=[common],
        help="a report to take to a physiotherapist or GP (HTML or Markdown)",
        description="One self-contained page (no scripts, nothing fetched; it prints "
        "well to PDF from a browser) of the last N weeks: sessions per week against the "
        "goal, weekly back pain before and after, each move's dose and when and why it "
        "changed, stops for pain, moves left out, walks and desk breaks. Its figures are "
        "those of `history --json` and `progress --json`.",
    )
    report.add_argument(
        "--weeks", type=_positive_int, default=12, metavar="N", help="weeks (default 12)"
    )
    report.add_argument("--format", choices=("html", "md"), default="html")
    report.add_argument("--output", metavar="FILE", help="write here instead of the screen")
    report.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never your log)"
    )
    report.set_defaults(handler="report")

    export = sub.add_parser(
        "export",
        parents=[common],
        help="your sessions as JSON, CSV, a habit tracker's CSV or a calendar",
        description="Write your sessions out: JSON (every field; importable), CSV (one row "
        "a session, for a spreadsheet), habits-csv (Loop Habit Tracker's import) or ics "
        "(calendar events).",
    )
    export.add_argument("--format", choices=("json", "csv", "habits-csv", "ics"), default="json")
    export.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="sessions from then on")
    export.add_argument("--output", metavar="FILE", help="write here instead of the screen")
    export.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never your log)"
    )
    export.set_defaults(handler="export")

    importing = sub.add_parser(
        "import",
        parents=[common],
        help="add sessions from an export or another machine's log",
        description="Add the sessions of FILE (backtimer's JSON export, or a sessions.toml) "
        "that your log does not have. Nothing already in your log changes; a session with "
        "the same id but different content is reported and left out.",
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--dry-run", action="store_true", help="say what would happen")
    importing.set_defaults(handler="import")

    merge = sub.add_parser(
        "merge",
        parents=[common],
        help="add the sessions of another data folder",
        description="Add the sessions of OTHER_DATA_DIR/sessions.toml that your log does "
        "not have (for folders synced between machines). Merging again changes nothing.",
    )
    merge.add_argument("other", metavar="OTHER_DATA_DIR")
    merge.add_argument("--dry-run", action="store_true", help="say what would happen")
    merge.set_defaults(handler="merge")

    sessions = sub.add_parser(
        "sessions",
        parents=[common],
        help="your recent sessions, with their ids (to correct one)",
        description="Your sessions, newest first, as corrected: id, date, routine, pain "
        "before and after, moves stopped for pain, and your note.",
    )
    sessions.add_argument(
        "--last", type=_positive_int, default=20, metavar="N", help="how many (default 20)"
    )
    sessions.add_argument("--json", action="store_true", help="print JSON instead of text")
    sessions.set_defaults(handler="sessions")

    amend = sub.add_parser(
        "amend",
        parents=[common],
        help="correct a session: its pain ratings, a note, a mistaken 'this hurts'",
        description="Correct the session ID (see `backtimer sessions`). The log is not "
        "rewritten: the correction is added to this machine's amendments file, and everything "
        "(history, progress, moves left out for pain) reads the corrected session.",
    )
    amend.add_argument("id", metavar="ID")
    amend.add_argument("--pain-before", type=_pain, metavar="N", help="pain before, 0-10")
    amend.add_argument("--pain-after", type=_pain, metavar="N", help="pain after, 0-10")
    amend.add_argument("--note", metavar="TEXT", help="a note to keep with it ('' removes it)")
    amend.add_argument(
        "--not-hurt",
        metavar="MOVE",
        help="MOVE was stopped by mistake, not for pain: it is no longer left out",
    )
    amend.set_defaults(handler="amend")

    delete = sub.add_parser(
        "delete",
        parents=[common],
        help="delete a session logged by mistake",
        description="Delete the session ID from what backtimer counts (recorded as a "
        "correction; the log itself is not rewritten). Asks first unless --yes.",
    )
    delete.add_argument("id", metavar="ID")
    delete.add_argument("--yes", action="store_true", help="do not ask")
    delete.set_defaults(handler="delete")

    learn = sub.add_parser(
        "learn",
        parents=[common],
        help="short cards on what helps a back",
        description="Every card on what helps people with back pain: what pain means, "
        "flare-ups, staying active, scans, sleep and stress, pacing, walking, posture, "
        "and when to get help. One follows each session (learn = false turns that off).",
    )
    learn.add_argument("--json", action="store_true", help="print JSON instead of text")
    learn.set_defaults(handler="learn")

    walk = sub.add_parser(
        "walk",
        parents=[common],
        help="record a walk (minutes per week in history)",
        description="Record a walk of MINUTES (1-600) today, or on --date. History shows "
        "the minutes walked each week; with walks_count = true in settings, a walk of 20 "
        "minutes or more also counts as a session toward your weekly goal.",
    )
    walk.add_argument("minutes", type=_minutes_walked, metavar="MINUTES")
    walk.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="the day (default today)")
    walk.set_defaults(handler="walk")

    progress = sub.add_parser(
        "progress",
        parents=[common],
        help="each move's dose now, and why",
        description="Each move's current dose and range, its last change and why, and what "
        "it needs for its next step; and the levels unlocked.",
    )
    progress.add_argument("--json", action="store_true", help="print JSON instead of text")
    progress.set_defaults(handler="progress")

    status = sub.add_parser(
        "status",
        parents=[common],
        help="one short line for a shell prompt or a tmux status bar",
        description="One line: this week's sessions against your goal, and whether today "
        "is still open: 'back 1/3 · today?', 'back 3/3 ✓'. Fast enough for every prompt.",
    )
    _status_options(status)

    remind = sub.add_parser(
        "remind",
        parents=[common],
        help="reminders through the system's scheduler",
        description="`remind install` registers a reminder with the system's own scheduler "
        "(a systemd user timer, launchd, Task Scheduler or cron); `remind remove` takes it "
        "away; `remind status` says what is installed and when it fires next. The job runs "
        "`backtimer remind --if-due`, which nudges only when it is due.",
    )
    remind.add_argument("action", nargs="?", choices=("install", "remove", "status"))
    remind.add_argument("--days", help="mon,wed,fri, weekdays or daily (default: settings)")
    remind.add_argument("--at", metavar="HH:MM", help="the time (default: settings)")
    remind.add_argument(
        "--breaks",
        metavar="HH:MM-HH:MM",
        type=_hours,
        help="also nudge a desk break in these work hours, Monday to Friday (e.g. 09:00-17:00)",
    )
    remind.add_argument(
        "--every",
        metavar="MIN",
        type=_every,
        default=45,
        help="with --breaks: minutes between break nudges (30-240, default 45)",
    )
    remind.add_argument("--print", action="store_true", help="show, do not install")
    remind.add_argument("--if-due", action="store_true", help="nudge now if it is due")
    remind.set_defaults(handler="remind")

    serve = sub.add_parser(
        "serve",
        parents=[common],
        help="use backtimer in a browser (a tablet or phone by the mat)",
        description="Serve the app to a browser through textual-serve (the web extra). "
        "Loopback only unless --allow-remote; every URL needs the token it prints.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--open", action="store_true", help="open it in your browser")
    serve.add_argument(
        "--max-tabs",
        type=int,
        default=2,
        metavar="N",
        help="tabs open at once, each its own backtimer (default 2)",
    )
    serve.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow an address other than loopback (anyone on the network with the link)",
    )
    serve.set_defaults(handler="serve")

    sound = sub.add_parser(
        "sound",
        parents=[common],
        help="test the voice and the tones",
        description="`backtimer sound test` says which sinks it found (speech, tones, the "
        "terminal bell) and plays each kind of cue once.",
    )
    sound.add_argument("action", choices=("test",), help="what to do")
    sound.set_defaults(handler="sound")

    safety = sub.add_parser(
        "safety",
        parents=[common],
        help="when to stop and get help",
        description="Print the warning signs that mean stop and see a professional, and "
        "how urgently.",
    )
    safety.set_defaults(handler="safety")
    return parser


def _choice_options(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--minutes",
        type=_minutes,
        metavar="N",
        help=f"plan a routine of N minutes ({MIN_MINUTES}-{MAX_MINUTES})",
    )
    which.add_argument("--routine", metavar="NAME", help="a named routine (built-in or saved)")
    parser.add_argument(
        "--standing", action="store_true", help="no floor work, for a desk break (with --minutes)"
    )
    parser.add_argument(
        "--easy",
        action="store_true",
        help="an easy day for a sore back: about half your usual time, every move at its "
        "gentlest (with --minutes to choose the length)",
    )


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of minutes") from None
    if not MIN_MINUTES <= value <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(
            f"{value} is out of range: plans run from {MIN_MINUTES} to {MAX_MINUTES} minutes"
        )
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a date like 2026-11-21") from None


def _pain(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not a whole number") from None
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError(f"{value} is out of range: pain is 0 to 10")
    return value


def _hours(text: str) -> tuple[tuple[int, int], tuple[int, int]]:
    from backtimer.core.reminders import parse_hours

    try:
        return parse_hours(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _every(text: str) -> int:
    from backtimer.core.reminders import EVERY_RANGE

    low, high = EVERY_RANGE
    if not text.isdigit() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(f"{text!r}: minutes between breaks, {low} to {high}")
    return int(text)


def _minutes_walked(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not a whole number") from None
    if not 1 <= value <= 600:
        raise argparse.ArgumentTypeError(f"{value} is out of range: a walk is 1 to 600 minutes")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 520:
        raise argparse.ArgumentTypeError(f"{value} is out of range (1 to 520)")
    return value

"""The command-line front door: subcommands, exit codes, JSON output.

Exit codes: 0 ok, 1 a data problem (message printed, nothing modified), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from backtimer import __version__, journal, stats
from backtimer.catalog import Catalog, Exercise, load_catalog
from backtimer.errors import DataError
from backtimer.files import Files, load_files
from backtimer.paths import Paths, resolve_paths
from backtimer.plan import Choice, choose_routine, step_seconds
from backtimer.settings import load_settings

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2

DESCRIPTION = """\
A guided back-exercise timer for the terminal. Run with no command to open the app.
"""


def _common_options() -> argparse.ArgumentParser:
    """Options every subcommand accepts, before or after its name.

    Defaults are SUPPRESS so a subcommand's parser does not overwrite a value given
    before the subcommand name.
    """
    common = argparse.ArgumentParser(add_help=False)
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
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="backtimer",
        description=DESCRIPTION,
        parents=[common],
        epilog="Exit codes: 0 ok, 1 data error, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"backtimer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    exercises = sub.add_parser(
        "exercises",
        parents=[common],
        help="list the exercise catalogue",
        description="List every exercise in the catalogue with its dosage.",
    )
    exercises.add_argument("--json", action="store_true", help="print JSON instead of a table")
    exercises.set_defaults(handler=cmd_exercises)

    check = sub.add_parser(
        "check",
        parents=[common],
        help="validate the catalogue and your files",
        description="Validate the catalogue (and settings and log once they exist). "
        "Exit 0 when all is well, 1 with the problems otherwise.",
    )
    check.set_defaults(handler=cmd_check)

    plan = sub.add_parser(
        "plan",
        parents=[common],
        help="show a routine without starting it",
        description="Print a routine: each step with its dosage and estimated time, and the "
        "total. With --minutes, plan one of that length for today.",
    )
    _choice_options(plan)
    plan.add_argument("--json", action="store_true", help="print JSON instead of text")
    plan.set_defaults(handler=cmd_plan)

    start = sub.add_parser(
        "start",
        parents=[common],
        help="start a session straight away",
        description="Open straight into a session of a routine or of a plan for a length.",
    )
    _choice_options(start)
    start.set_defaults(handler=cmd_start)

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
    history.set_defaults(handler=cmd_history)
    return parser


def _choice_options(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--minutes", type=_minutes, metavar="N", help="plan a routine of N minutes (5-45)"
    )
    which.add_argument("--routine", metavar="NAME", help="a named routine (built-in or saved)")
    parser.add_argument(
        "--standing", action="store_true", help="no floor work, for a desk break (with --minutes)"
    )


def _minutes(text: str) -> int:
    from backtimer.plan import MAX_MINUTES, MIN_MINUTES

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of minutes") from None
    if not MIN_MINUTES <= value <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(
            f"{value} is out of range: plans run from {MIN_MINUTES} to {MAX_MINUTES} minutes"
        )
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 520:
        raise argparse.ArgumentTypeError(f"{value} is out of range (1 to 520)")
    return value


# ---------------------------------------------------------------------------- commands


def _paths(args: argparse.Namespace) -> Paths:
    return resolve_paths(getattr(args, "data_dir", None), getattr(args, "catalog", None))


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    tempo = exercise.tempo
    return {
        "id": exercise.id,
        "name": exercise.name,
        "kind": exercise.kind,
        "position": exercise.position,
        "level": exercise.level,
        "mode": exercise.mode,
        "reps": exercise.reps,
        "hold_s": exercise.hold_s,
        "time_s": exercise.time_s,
        "sets": exercise.sets,
        "per_side": exercise.per_side,
        "sides": list(exercise.sides) if exercise.per_side else None,
        "alternate": exercise.alternate,
        "tempo": (
            {"into_s": tempo.into_s, "hold_s": exercise.hold_s or 0, "return_s": tempo.return_s}
            if tempo
            else None
        ),
        "breath": exercise.breath is not None,
        "breath_note": exercise.breath_note,
        "ranges": {
            key: list(value)
            for key in ("hold_range", "reps_range", "sets_range", "time_range")
            if (value := getattr(exercise, key)) is not None
        },
        "care": exercise.care,
        "why": exercise.why,
        "targets": list(exercise.targets),
        "steps": list(exercise.steps),
    }


def cmd_exercises(args: argparse.Namespace, out: Any) -> int:
    catalog = load_catalog(_paths(args).catalog)
    if args.json:
        json.dump([exercise_json(e) for e in catalog.exercises.values()], out, indent=2)
        out.write("\n")
        return EXIT_OK
    from backtimer.catalog import Step

    rows = [
        (e.id, e.name, e.kind, e.position, Step.of(e).describe())
        for e in catalog.exercises.values()
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)]
        out.write("  ".join([*cells, row[4]]).rstrip() + "\n")
    out.write(
        f"\n{len(rows)} exercises, {len(catalog.routines)} routines: "
        f"{', '.join(catalog.routines)}\n"
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: Any) -> int:
    paths = _paths(args)
    checks: list[tuple[str, Callable[[], str]]] = [
        ("catalogue", lambda: _check_catalog(paths)),
        ("settings", lambda: _check_settings(paths)),
        ("session log", lambda: _check_log(paths)),
    ]
    problems = 0
    for name, check in checks:
        try:
            out.write(f"ok    {name}: {check()}\n")
        except DataError as exc:
            problems += 1
            out.write(f"FAIL  {name}: {exc}\n")
    return EXIT_DATA if problems else EXIT_OK


def _check_settings(paths: Paths) -> str:
    load_settings(paths.settings)
    return str(paths.settings) if paths.settings.exists() else f"defaults ({paths.settings} absent)"


def _check_log(paths: Paths) -> str:
    log = journal.load(paths.sessions)
    if log.torn:
        raise DataError(log.torn_message() or "")
    if not paths.sessions.exists():
        return f"no sessions yet ({paths.sessions})"
    return f"{len(log.sessions)} sessions ({paths.sessions})"


class UsageError(Exception):
    """A bad value found after parsing (an unknown routine name): exit 2."""


def _choice(args: argparse.Namespace, files: Files) -> Choice | None:
    """The routine or plan the flags ask for, or None for the default."""
    minutes = getattr(args, "minutes", None)
    routine = getattr(args, "routine", None)
    standing = getattr(args, "standing", False)
    if routine is not None:
        if standing:
            raise UsageError("--standing applies to plans (--minutes), not to --routine")
        try:
            return choose_routine(files.catalog, routine)
        except KeyError as exc:
            raise UsageError(str(exc.args[0])) from None
    if minutes is None and not standing:
        return None
    return files.plan(minutes or 10, standing=standing, day=_today())


def run_app(args: argparse.Namespace, start: bool) -> int:
    from backtimer.tui.app import BacktimerApp

    files = load_files(getattr(args, "data_dir", None), getattr(args, "catalog", None))
    choice = _choice(args, files)
    BacktimerApp(files=files, choice=choice, start=start).run()
    return EXIT_OK


def cmd_start(args: argparse.Namespace, out: Any) -> int:
    return run_app(args, start=True)


def cmd_plan(args: argparse.Namespace, out: Any) -> int:
    files = load_files(getattr(args, "data_dir", None), getattr(args, "catalog", None))
    choice = _choice(args, files) or files.default_choice()
    shares = step_seconds(choice.steps, files.settings.session_config())
    total = sum(shares)
    if args.json:
        data = {
            "minutes": choice.minutes,
            "routine": choice.routine,
            "name": choice.name,
            "estimated_s": total,
            "steps": [
                {
                    "id": step.exercise.id,
                    "name": step.exercise.name,
                    "phase": step.phase,
                    "dose": step.describe(),
                    "estimated_s": share,
                }
                for step, share in zip(choice.steps, shares, strict=True)
            ],
        }
        json.dump(data, out, indent=2)
        out.write("\n")
        return EXIT_OK
    out.write(f"{choice.name}: about {total / 60:.1f} minutes\n\n")
    width = max(len(s.exercise.name) for s in choice.steps)
    for step, share in zip(choice.steps, shares, strict=True):
        phase = "warm-up" if step.phase == "warmup" else "main"
        out.write(
            f"  {phase:<8} {step.exercise.name:<{width}}  {step.describe():<36} {share:>5.0f} s\n"
        )
    out.write(f"  {'':<8} {'total':<{width}}  {'':<36} {total:>5.0f} s\n")
    if choice.minutes is not None and total < 0.9 * choice.minutes * 60:
        why = "standing only" if choice.standing else "after your exclusions"
        out.write(
            f"\nNote: only about {total / 60:.0f} minutes of suitable moves exist ({why}), "
            f"so this plan is shorter than {choice.minutes} minutes.\n"
        )
    return EXIT_OK


def _today() -> date:
    return datetime.now().astimezone().date()


def cmd_history(args: argparse.Namespace, out: Any) -> int:
    paths = _paths(args)
    settings = load_settings(paths.settings, paths.cache_dir)
    log = journal.load(paths.sessions)
    if log.torn:
        print(f"backtimer: warning: {log.torn_message()}", file=sys.stderr)
    data = stats.report(log.sessions, _today(), settings.weekly_goal, args.weeks)
    if args.json:
        json.dump(data, out, indent=2)
        out.write("\n")
        return EXIT_OK
    out.write(format_history(data))
    return EXIT_OK


def format_history(data: dict[str, Any]) -> str:
    goal = data["weekly_goal"]
    this = data["this_week"]
    lines = [
        f"This week ({this['week']}): {this['sessions']} of {goal} sessions"
        + (" - goal met" if this["goal_met"] else ""),
        f"Streak: {data['current_streak_weeks']} week(s); longest {data['longest_streak_weeks']}.",
        "",
        "week       sessions  minutes",
    ]
    for week in data["weeks"]:
        bar = "#" * week["sessions"] + "." * max(0, goal - week["sessions"])
        mark = "met" if week["goal_met"] else ""
        lines.append(
            f"{week['week']}  {week['sessions']:>2}/{goal:<2} {bar:<8} "
            f"{week['active_s'] / 60:>5.0f}  {mark}".rstrip()
        )
    totals = data["totals"]
    lines += [
        "",
        f"All time: {totals['sessions']} sessions, {totals['active_s'] / 60:.0f} minutes.",
    ]
    if totals["pain_before_avg"] is not None or totals["pain_after_avg"] is not None:

        def fmt(v: float | None) -> str:
            return "-" if v is None else f"{v:.1f}"

        lines.append(
            f"Back pain (0-10), average: before {fmt(totals['pain_before_avg'])}, "
            f"after {fmt(totals['pain_after_avg'])}."
        )
    recent = data["sessions"][-5:]
    if recent:
        lines += ["", "Recent sessions:"]
        for s in reversed(recent):
            done = sum(1 for e in s["exercises"] if e["status"] == "done")
            state = "completed" if s["completed"] else "ended early"
            lines.append(
                f"  {s['started_at'][:16].replace('T', ' ')}  {s['routine']:<10} "
                f"{s['active_s'] / 60:>4.0f} min  {done}/{len(s['exercises'])} done, {state}"
            )
    return "\n".join(lines) + "\n"


def _check_catalog(paths: Paths) -> str:
    catalog: Catalog = load_catalog(paths.catalog)
    return (
        f"{len(catalog.exercises)} exercises, {len(catalog.routines)} routines "
        f"({paths.catalog}, {paths.catalog_source})"
    )


# ---------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return run_app(args, start=False)
        return int(handler(args, sys.stdout))
    except DataError as exc:
        print(f"backtimer: {exc}", file=sys.stderr)
        return EXIT_DATA
    except UsageError as exc:
        print(f"backtimer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `backtimer history | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141

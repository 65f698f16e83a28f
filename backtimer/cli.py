"""The command-line front door: subcommands, exit codes, JSON output.

Exit codes: 0 ok, 1 a data problem (message printed, nothing modified), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from backtimer import __version__
from backtimer.catalog import Catalog, Exercise, load_catalog
from backtimer.errors import DataError
from backtimer.paths import Paths, resolve_paths

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
    return parser


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
    checks: list[tuple[str, Callable[[], str]]] = [("catalogue", lambda: _check_catalog(paths))]
    problems = 0
    for name, check in checks:
        try:
            out.write(f"ok    {name}: {check()}\n")
        except DataError as exc:
            problems += 1
            out.write(f"FAIL  {name}: {exc}\n")
    return EXIT_DATA if problems else EXIT_OK


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
            parser.print_help()
            return EXIT_OK
        return int(handler(args, sys.stdout))
    except DataError as exc:
        print(f"backtimer: {exc}", file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        return 130

"""The command-line front door: ``backtimer [COMMAND]``.

Exit codes: 0 ok, 1 a data problem (message printed, nothing modified), 2 usage.
Only the parser is imported up front; each command imports what it uses.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None, *, today: date | None = None) -> int:
    """Run one command. ``today`` (for tests) replaces the local date."""
    given = list(sys.argv[1:] if argv is None else argv)
    if given in (["--version"], ["-V"]):  # no parser, no core: as fast as Python starts
        from backtimer import __version__

        sys.stdout.write(f"backtimer {__version__}\n")
        return EXIT_OK
    if given in (["--help"], ["-h"]):  # the parser's own help, rendered ahead of time
        from backtimer.cli.usage import HELP

        sys.stdout.write(HELP)
        return EXIT_OK
    from backtimer.cli.status import command_of, quick_args

    quick = quick_args(given) if command_of(given) == "status" else None
    args: Any
    if quick is not None:  # on every shell prompt: read only what it takes
        args = quick
    elif command_of(given) == "status":
        from backtimer.cli.parser import status_parser

        args = status_parser().parse_args(given)
    else:
        from backtimer.cli.parser import build_parser

        parser = build_parser()
        args, extra = parser.parse_known_args(given)
        if extra:  # a bad option: the usage of the command it was given to
            command = getattr(parser, "commands", {}).get(getattr(args, "command", None))
            (command or parser).error(f"unrecognized arguments: {' '.join(extra)}")
    name = getattr(args, "handler", None)
    if name == "status":  # on every shell prompt: the light path first
        from backtimer.cli.status import quick_status

        line = quick_status(args, today)
        if line is not None:
            from backtimer.cli.printable import printable

            sys.stdout.write(printable(line, sys.stdout.encoding))
            return EXIT_OK
    from backtimer.cli import commands
    from backtimer.cli.commands import Context, UsageError, run_app
    from backtimer.cli.printable import Printable, warn
    from backtimer.store.errors import DataError

    context = Context(args, Printable(sys.stdout), today)  # type: ignore[arg-type]
    try:
        if name is None:
            return run_app(context, start=False)
        return int(getattr(commands, f"cmd_{name}")(context))
    except DataError as exc:
        warn(str(exc))
        return EXIT_DATA
    except UsageError as exc:
        warn(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `backtimer history | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:  # a folder that cannot be made or read, a name too long
        name = str(exc.filename or "")
        name = name if len(name) <= 80 else name[:60] + "…"
        reason = exc.strerror or str(exc)[:200]
        warn(f"{name + ': ' if name else ''}{reason}.")
        return EXIT_DATA

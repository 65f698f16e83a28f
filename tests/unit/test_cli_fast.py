"""`--version` and `--help` answer without building the parser or importing the core."""

from __future__ import annotations

import subprocess
import sys

from backtimer.cli.usage import HELP, render


def test_the_prerendered_help_is_current() -> None:
    assert render() == HELP, "stale: run `python -m backtimer.cli.usage`"


def test_version_and_help_import_no_parser_and_no_core() -> None:
    for flag in ("--version", "-V", "--help"):
        probe = (
            "import sys, io, contextlib\n"
            "from backtimer.cli import main\n"
            "out = io.StringIO()\n"
            f"with contextlib.redirect_stdout(out): code = main([{flag!r}])\n"
            "loaded = [m for m in sys.modules if m in ('argparse', 'textual', 'pydantic')"
            " or m.startswith(('backtimer.core', 'backtimer.store'))]\n"
            "print(code, loaded, out.getvalue().splitlines()[0])\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        )
        code, rest = done.stdout.split(" ", 1)
        assert code == "0" and rest.startswith("[] "), (flag, done.stdout)
        assert "backtimer" in rest

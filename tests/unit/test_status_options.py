"""`status` finds its command without a full parse: ``VALUED`` must name exactly the
parser's options that take a value, or a value could be read as a command name."""

from __future__ import annotations

import argparse

from backtimer.cli.parser import build_parser
from backtimer.cli.status import VALUED


def _valued(parser: argparse.ArgumentParser) -> set[str]:
    found: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _valued(sub)
        elif action.option_strings and action.nargs != 0:
            found |= {o for o in action.option_strings if o.startswith("--")}
    return found


def test_valued_is_the_parsers_options_that_take_a_value() -> None:
    assert _valued(build_parser()) == VALUED

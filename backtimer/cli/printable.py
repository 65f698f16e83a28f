"""What the command line prints: never a control character from a file, and never a
crash on a console that cannot show a character.

Text from a person's files (a routine's name, an imported id, an exercise's name) may
hold ESC or OSC 52 sequences that would drive the terminal, so every byte the commands
write goes through :func:`printable`. A Windows console in cp1252 cannot encode ``✓``
or ``·``: those get their plain spellings, anything else a ``?``.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

#: C0 controls but tab and line feed, a CR not ending a line (CSV's CRLF stays), DEL,
#: C1 controls, and the bidirectional overrides that reorder what is shown.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
PLAIN = {
    "✓": "ok",
    "·": "-",
    "…": "...",
    "–": "-",
    "—": "-",
    "×": "x",
    "→": "->",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "≥": ">=",
    "≤": "<=",
}


def printable(text: str, encoding: str | None = None) -> str:
    """``text`` without control characters, in what ``encoding`` can show."""
    text = CONTROL.sub("", text)
    if encoding:
        try:
            text.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            for fancy, plain in PLAIN.items():
                text = text.replace(fancy, plain)
            try:
                text = text.encode(encoding, "replace").decode(encoding)
            except LookupError:
                text = text.encode("ascii", "replace").decode("ascii")
    return text


class Printable:
    """A text stream that writes :func:`printable` text to ``stream``."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(printable(text, getattr(self.stream, "encoding", None)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def warn(text: str) -> None:
    """``backtimer: text`` on stderr, printable."""
    import sys

    stream = sys.stderr
    stream.write(printable(f"backtimer: {text}\n", getattr(stream, "encoding", None)))

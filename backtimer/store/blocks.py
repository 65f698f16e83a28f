"""A fast reader for the session blocks backtimer itself writes.

``tomllib`` spends about 300 µs on a session block; a log of ten years has thousands.
The blocks ``journal.format_block`` writes use a small part of TOML, line by line:
``key = value`` with a basic string (no escapes), an integer, a float, a boolean or an
offset date-time, then ``exercises = [``, one inline table per line in the order it
writes them, and ``]``. This reads exactly that, one regular expression per line, and
gives what ``tomllib`` would. Anything else (a comment inside, an escape, a literal
string, another order or spelling) returns None, and the caller reads the block with
``tomllib``, which also gives the error messages.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

_CHARS = r'[^"\\\x00-\x08\x0a-\x1f\x7f]*'
_STR = rf'"({_CHARS})"'
_INT = r"-?(?:0|[1-9]\d*)"
_FLOAT = r"-?(?:0|[1-9]\d*)(?:\.\d+(?:[eE][+-]?\d+)?|[eE][+-]?\d+)"
_DT = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)"
_KEY = r"[A-Za-z0-9_-]+"

_TOP = re.compile(rf"({_KEY}) = (?:{_STR}|(true|false)|({_INT})|({_FLOAT})|({_DT}))")
_NUMBER = rf"(?:{_FLOAT}|{_INT})"
_EXERCISE = re.compile(
    rf"  \{{ id = {_STR}, status = {_STR}, active_s = ({_NUMBER}), "
    rf'sides = \[((?:"{_CHARS}", )*"{_CHARS}")?\]'
    rf"(?:, dose = \{{ ([a-z_]+ = {_NUMBER}(?:, [a-z_]+ = {_NUMBER})*) \}})? \}},"
)
_SIDE = re.compile(_STR)
_PAIR = re.compile(rf"([a-z_]+) = ({_NUMBER})")


def _number(text: str) -> int | float:
    """A number the patterns above matched: a float has a point or an exponent."""
    return float(text) if "." in text or "e" in text or "E" in text else int(text)


def _top(match: re.Match[str]) -> Any:
    text, flag, whole, real, when = match.groups()[1:]
    if text is not None:
        return text
    if flag is not None:
        return flag == "true"
    if whole is not None:
        return int(whole)
    if real is not None:
        return float(real)
    return datetime.fromisoformat(when.replace("Z", "+00:00"))


def _exercise(match: re.Match[str]) -> dict[str, Any]:
    ident, status, active, sides, dose = match.groups()
    item: dict[str, Any] = {
        "id": ident,
        "status": status,
        "active_s": _number(active),
        "sides": _SIDE.findall(sides) if sides else [],
    }
    if dose is not None:
        pairs = _PAIR.findall(dose)
        table = {key: _number(value) for key, value in pairs}
        if len(table) != len(pairs):  # a key twice: tomllib's error to give
            raise ValueError(dose)
        item["dose"] = table
    return item


def _exercise_line(line: str) -> dict[str, Any] | None:
    match = _EXERCISE.fullmatch(line)
    return None if match is None else _exercise(match)


def read_block(text: str) -> dict[str, Any] | None:
    """``{"session": [{...}]}`` as ``tomllib.loads(text)`` gives it for a block in the
    shape backtimer writes; None for anything else."""
    lines = text.split("\n")
    if lines[0] != "[[session]]":
        return None
    session: dict[str, Any] = {}
    n, count = 1, len(lines)
    try:
        while n < count:
            line = lines[n]
            n += 1
            if not line or line.startswith("# end of session "):
                continue
            if line == "exercises = [" and "exercises" not in session:
                items = []
                while lines[n] != "]":
                    item = _exercise_line(lines[n])
                    if item is None:
                        return None
                    items.append(item)
                    n += 1
                n += 1
                session["exercises"] = items
                continue
            match = _TOP.fullmatch(line)
            if match is None or match[1] in session:
                return None
            session[match[1]] = _top(match)
    except (IndexError, ValueError):
        return None
    return {"session": [session]}

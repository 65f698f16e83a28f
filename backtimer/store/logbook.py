"""The log as a person sees it: the sessions of ``sessions.toml`` with every correction
of ``amendments.toml`` applied (``core.amend``). Everything that reads the log for
what it says (history, streaks, progression, pain, status, export) reads it here."""

from __future__ import annotations

from backtimer.core.amend import apply
from backtimer.store import amendments, journal
from backtimer.store.cache import Cache
from backtimer.store.paths import Paths
from backtimer.store.quick import stamp


def read(paths: Paths, cache: Cache | None = None) -> journal.Log:
    """The log, corrected. Its ``corrections`` hold the amendments as read."""
    log = journal.load(paths.sessions, cache)
    found = amendments.load(paths.amendments, cache)
    log.corrections = found
    if found.amendments:
        log.sessions = apply(log.sessions, found.amendments)
    return log


def mark(paths: Paths) -> tuple[tuple[int, int], tuple[int, int]]:
    """What says the log or its corrections changed: both files' size and time."""
    return stamp(paths.sessions), stamp(paths.amendments)


def corrected(paths: Paths) -> bool:
    """Are there corrections to apply (the fast readers of the log's cache then step
    aside for the full reading)?"""
    return stamp(paths.amendments) != (0, 0)

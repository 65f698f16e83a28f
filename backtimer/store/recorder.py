"""Recording a session: the one place that turns a finished session into a log entry,
saves it, and keeps it safe when it cannot be saved. No Textual: the app (and any
other front end) asks it and shows what it answers.

A session is *pending* from its start until it is in the log. A failed save keeps the
very same entry pending and in a recovery file in the cache folder; the person then
retries, saves it elsewhere or lets it go, and a later start offers what was kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from backtimer.core.log import SessionEntry
from backtimer.store import journal, recovery
from backtimer.store.errors import DataError, why
from backtimer.store.profile import Profile

if TYPE_CHECKING:
    from backtimer.clock import Clock
    from backtimer.core.engine import Session


@dataclass
class Pending:
    """A session under way or finished but not yet in the log."""

    session: Session
    routine: str
    pain_before: int | None
    #: Made once the session is over, so a retry saves the very same entry.
    entry: SessionEntry | None = None
    #: Where it waits for the next start if it could not be saved.
    kept: Path | None = None
    #: "Could you have done 2 or 3 more?" after strength work (None: not asked).
    could_do_more: bool | None = None


#: What `save` answers when a session ended before anything was done.
NOTHING_DONE = "Nothing was done, so nothing was logged."


class Recorder:
    """The pending session of one front end, and what became of it."""

    def __init__(self, profile: Profile, clock: Clock) -> None:
        self.profile = profile
        self.clock = clock
        self.pending: Pending | None = None
        #: Why the pending session could not be saved (None: nothing failed).
        self.error: str | None = None
        #: Set when the last session was dropped because nothing was done in it.
        self.note: str | None = None

    def begin(self, session: Session, routine: str, pain_before: int | None) -> Pending:
        self.pending = Pending(session, routine, pain_before)
        return self.pending

    def strength_done(self) -> list[str]:
        """The strength moves done in full in the pending session (the effort question
        is asked after the last of them)."""
        if self.pending is None:
            return []
        session = self.pending.session
        return [
            s.exercise.name
            for i, s in enumerate(session.steps)
            if s.exercise.kind == "strength" and session.status(i) == "done"
        ]

    def nothing_done(self) -> bool:
        """Was nothing done in the pending session (so nothing will be logged, and
        there is nothing to ask about)?"""
        if self.pending is None:
            return True
        record = self.pending.session.record(self.clock.now())
        return all(e.status == "skipped" for e in record.exercises)

    def save(self, pain_after: int | None = None) -> SessionEntry | None:
        """Record the pending session in the log. None when there was none, when
        nothing was done in it (``note`` says so), or when the save failed: then
        ``error`` says why and the entry stays pending and in a recovery file."""
        pending = self.pending
        self.note = None
        if pending is None:
            return None
        if pending.entry is None:
            record = pending.session.record(self.clock.now())
            if all(e.status == "skipped" for e in record.exercises):
                self.pending = None  # ended before anything was done: not a session
                self.note = NOTHING_DONE
                return None
            pending.entry = self.profile.entry_for(
                record, pending.routine, pending.pain_before, pain_after, pending.could_do_more
            )
        entry = pending.entry
        try:
            self.profile.save(entry)
        except (OSError, DataError) as exc:
            where = self.profile.paths.sessions
            self.error = f"Could not save the session to {where}: {why(exc)}."
            if pending.kept is None:
                pending.kept = recovery.keep(self.profile.paths, entry)
            return None
        self._done()
        return entry

    def save_unfinished(self) -> None:
        """Record a running or unsaved session as it stands (quit, SIGTERM, SIGHUP)."""
        if self.pending is not None:
            self.save()
            pending = self.pending
            if self.error and pending is not None and pending.kept is not None:
                self.error += f" It is kept in {pending.kept} for the next start."

    def discard(self) -> None:
        """Let the unsaved session go (and its recovery file)."""
        if self.pending is not None and self.pending.kept:
            recovery.forget(self.pending.kept)
        self.pending = None
        self.error = None

    def save_to(self, where: str) -> str | None:
        """Save the unsaved session to another file; None when done, else why not."""
        pending = self.pending
        if pending is None or pending.entry is None:
            return None
        try:
            journal.append(Path(where).expanduser(), pending.entry)
        except (OSError, DataError) as exc:
            self.error = f"Could not save to {where}: {why(exc)}"
            return self.error
        self._done()
        return None

    def _done(self) -> None:
        if self.pending is not None and self.pending.kept is not None:
            recovery.forget(self.pending.kept)
        self.pending = None
        self.error = None

    # ------------------------------------------------------------------ kept sessions

    def kept(self) -> list[tuple[Path, SessionEntry]]:
        """Sessions that could not be saved before, oldest first."""
        return list(recovery.kept(self.profile.paths))

    def add_kept(self, path: Path, entry: SessionEntry) -> str | None:
        """Add a kept session to the log; None when done, else why not."""
        try:
            self.profile.save(entry)
        except (OSError, DataError) as exc:
            return f"Still cannot save it: {why(exc)}"
        recovery.forget(path)
        return None

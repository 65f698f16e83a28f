"""The log as a person sees it: the sessions of every log file in the data folder
(the old ``sessions.toml`` and each machine's ``sessions-<device>.toml``), each once,
with every correction of every ``amendments*.toml`` applied (``core.amend``).
Everything that reads the log for what it says (history, streaks, progression, pain,
status, export) reads it here.

The view is the same whatever order the files arrived in: a session is taken from the
first file that holds its id (files in name order; the same id in two files is the
same session, merged twice), sessions from several files are put in time order, and
corrections apply in the order they were made, a deletion winning over any edit.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from backtimer.core.amend import Amendment, apply
from backtimer.core.log import SessionEntry
from backtimer.core.tally import Tally
from backtimer.store import amendments, breaks, journal, walks
from backtimer.store.cache import Cache
from backtimer.store.paths import Paths, log_files
from backtimer.store.quick import logs_mark


def union(files: list[Path], cache: Cache | None, own: Path) -> journal.Log:
    """The sessions of ``files``, each id once. One file with sessions is read as it
    is (its order kept); several are put in time order. Reported problems (blocks cut
    short, repeated ids) keep the file they are in (``Log.parts``)."""
    parts = [journal.load(path, cache) for path in files]
    filled = [part for part in parts if part.sessions or part.torn or part.duplicates]
    if len(filled) <= 1:
        log = filled[0] if filled else journal.Log(own)
        log.parts = [log]
        return log
    log = journal.Log(own, parts=filled)
    for part in filled:
        for entry in part.sessions:
            if entry.id not in log._ids:
                log._ids.add(entry.id)
                log.sessions.append(entry)
        log.torn += part.torn
        log.duplicates += part.duplicates
    log.sessions.sort(key=lambda s: (s.started_at, s.id))
    return log


def corrections(files: list[Path], cache: Cache | None, own: Path) -> amendments.Corrections:
    """Every correction in ``files``, each id once."""
    found = amendments.Corrections(own, amendments.KIND.noun)
    seen: set[str] = set()
    for path in files:
        part = amendments.load(path, cache)
        found.parts.append(part)
        found.torn += part.torn
        for amendment in part.items:
            if amendment.id not in seen:
                seen.add(amendment.id)
                found.items.append(amendment)
    return found


def read_folder(data_dir: Path, cache: Cache | None = None) -> journal.Log:
    """Another data folder's log, corrected (for ``merge``): read, never written."""
    own = data_dir / "sessions.toml"
    log = union(log_files(data_dir, "sessions"), cache, own)
    log.walks, _ = walks.load_all(log_files(data_dir, "walks"), cache)
    log.breaks = breaks.load_all(log_files(data_dir, "breaks"), cache)
    return _corrected(log, corrections(log_files(data_dir, "amendments"), cache, own))


def read(paths: Paths, cache: Cache | None = None) -> journal.Log:
    """The log, corrected, the walks and the desk breaks. Its ``corrections`` hold the amendments as
    read. A walk cut short by a crash is skipped (a walk is a minute to log again)."""
    log = union(paths.log_files("sessions"), cache, paths.sessions)
    log.walks, _ = walks.load_all(paths.log_files("walks"), cache)
    log.breaks = breaks.load_all(paths.log_files("breaks"), cache)
    return _corrected(log, corrections(paths.log_files("amendments"), cache, paths.amendments))


def _corrected(log: journal.Log, found: amendments.Corrections) -> journal.Log:
    log.corrections = found
    if found.items:
        log.logged = log.sessions
        log.sessions = apply(log.sessions, found.items)
    return log


def logged(log: journal.Log) -> list[SessionEntry]:
    """The sessions as logged, before corrections (for merging: a deleted session is
    still known, so it is not added again)."""
    return log.logged if log.logged is not None else log.sessions


def all_amendments(log: journal.Log) -> list[Amendment]:
    return list(log.corrections.items) if log.corrections is not None else []


def mark(paths: Paths) -> str:
    """What says the log or its corrections changed: every log file's size and time."""
    return logs_mark(str(paths.data_dir))


def recent(paths: Paths, cache: Cache, since: date) -> tuple[Tally, list[SessionEntry]] | None:
    """The log's tally and its sessions from ``since`` on, from the caches of its files
    alone (``journal.load_recent``), when there are no corrections and no session is
    in two files (then the tallies add up); None: read the log (``read``)."""
    if any(p.exists() for p in paths.log_files("amendments")):
        return None
    logs = [p for p in paths.log_files("sessions") if p.exists()]
    if len(logs) <= 1:
        return journal.load_recent(logs[0] if logs else paths.sessions, cache, since)
    parts = [journal.recent_with_ids(path, cache, since) for path in logs]
    found = [part for part in parts if part is not None]
    if len(found) < len(parts):
        return None
    every = [ids for _, _, ids in found]
    if sum(map(len, every)) != len(set().union(*every)):
        return None  # a session in two files: counted once by a full reading
    sessions = sorted((s for _, part, _ in found for s in part), key=lambda s: (s.started_at, s.id))
    return Tally.merged(t for t, _, _ in found), sessions

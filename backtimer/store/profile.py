"""Everything a person's profile holds, loaded once: paths, catalogue (with saved
routines beside the built-in ones), settings, state and the session log; and the
changes a person makes to it, each written to its own file. Shared by the CLI and
the app; no Textual."""

from __future__ import annotations

import os
import secrets
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from backtimer.core.amend import Amendment, apply
from backtimer.core.avoid import Avoided, avoided_moves
from backtimer.core.log import SessionEntry, session_entry
from backtimer.core.plan import Choice, choose_plan, easy_minutes, shape_routine
from backtimer.core.progression import Progress, progress
from backtimer.core.routine import Catalog, Routine
from backtimer.core.settings import Settings
from backtimer.core.tally import Tally, counts
from backtimer.core.walk import Walk, by_id
from backtimer.store import amendments, journal, logbook
from backtimer.store.cache import Cache
from backtimer.store.catalog import load_catalog
from backtimer.store.errors import DataError
from backtimer.store.paths import Paths, resolve_paths
from backtimer.store.quick import stamp
from backtimer.store.routines import delete_routine, load_routines, save_routine
from backtimer.store.settings import load_settings, save_settings
from backtimer.store.state import State, load_state, update_state

if TYPE_CHECKING:
    from backtimer.core.desk_entry import Break
    from backtimer.core.engine import SessionRecord

DEFAULT_ROUTINE = "gentle"


@dataclass
class Profile:
    paths: Paths
    builtin: Catalog
    saved: dict[str, Routine]
    settings: Settings
    state: State
    log: journal.Log
    cache: Cache
    _log_mark: str = ""
    #: The week's tally, kept between saves: (what it was made from, it, last day).
    _tallied: tuple[tuple[int, int, int, int, bool], Tally, date | None] | None = None

    @property
    def catalog(self) -> Catalog:
        """The catalogue with the person's saved routines beside the built-in ones."""
        return self.builtin.with_routines(self.saved)

    @property
    def safety_acknowledged(self) -> bool:
        return self.state.safety_acknowledged or self.settings.safety_acknowledged

    # ------------------------------------------------------------------ choosing

    def avoided(self, day: date) -> dict[str, Avoided]:
        """Moves to leave out on ``day``: they hurt lately, go the same way as one
        that did, or are excluded in settings."""
        from backtimer.core.screening import held_back

        exercises = self.catalog.exercises
        done = [*self.log.sessions, *self.log.breaks]  # a move that hurt in a break too
        excluded, back = self.settings.excluded, self.state.brought_back
        found = avoided_moves(done, day, exercises, excluded, back)
        for move, why in held_back(self.state.screening, exercises).items():
            found.setdefault(move, why)
        return found

    def progress(self, day: date) -> Progress:
        """Every move's dose and the level reached, from the log (the catalogue's own
        doses when the person turned progression off)."""
        return progress(
            self.log.sessions,
            day,
            self.catalog.exercises,
            self.settings.weekly_goal,
            fixed=not self.settings.progression,
        )

    def routine(self, key: str, day: date, *, include_all: bool = False) -> Choice:
        """A named routine (id or name), at the person's doses, fitted around the
        moves to leave out."""
        return self.shape(self.catalog.routine(key), day, include_all=include_all)

    def shape(self, routine: Routine, day: date, *, include_all: bool = False) -> Choice:
        """``routine`` (saved or being edited) as it runs on ``day``: the person's
        doses, and the moves to avoid swapped or left out unless ``include_all``."""
        avoided = None if include_all else self.avoided(day)
        return shape_routine(
            self.catalog, routine, avoided, self.progress(day), self.settings.session_config()
        )

    def default_choice(self, day: date) -> Choice:
        """The routine chosen last, else Gentle daily, else the first there is."""
        routines = self.catalog.routines
        if not routines:
            raise DataError(
                f"{self.paths.catalog}: the catalogue has no [[routine]]; add one, or use "
                "`backtimer plan --minutes N`."
            )
        for key in (self.state.routine, DEFAULT_ROUTINE):
            if key is not None and key in routines:
                return self.routine(key, day)
        return self.routine(next(iter(routines)), day)

    def plan(
        self, minutes: int | None, *, day: date, standing: bool = False, easy: bool = False
    ) -> Choice:
        """A plan of ``minutes`` (an easy day: about half the usual, when None)."""
        from backtimer.core.programme import block

        if minutes is None:
            minutes = easy_minutes(self.log.sessions) if easy else 10
        choice = choose_plan(
            self.catalog,
            minutes,
            day=day,
            config=self.settings.session_config(),
            avoided=self.avoided(day),
            standing=standing,
            easy=easy,
            progress=self.progress(day),
            block=block(self.log.sessions, day, self.catalog.exercises, standing=standing),
        )
        if not choice.steps:
            raise DataError(
                f"{self.paths.settings}: nothing to plan: every move that fits is excluded "
                "in settings or left out for now after pain. Include some moves again, or "
                "choose a named routine."
            )
        return choice

    # ------------------------------------------------------------------ changes

    def refresh(self, choice: Choice, day: date) -> Choice | None:
        """``choice`` built again from the log as it is now (moves left out, doses);
        None when it cannot be (a routine deleted, a plan of no length)."""
        from dataclasses import replace

        from backtimer.core.plan import MAX_MINUTES, MIN_MINUTES

        try:
            if choice.routine is not None:
                return self.routine(choice.routine, day)
            if choice.written is not None:  # edited and used without saving
                return replace(self.shape(choice.written, day), routine=None)
            if choice.key.startswith("easy-"):
                return self.plan(None, day=day, easy=True, standing=choice.standing)
            if choice.minutes is not None and MIN_MINUTES <= choice.minutes <= MAX_MINUTES:
                return self.plan(choice.minutes, day=day, standing=choice.standing)
        except (KeyError, DataError):
            return None
        return None

    def pain_advice(self, today: date) -> str | None:
        """After six weeks of regular sessions with no easing of the usual pain: the
        advice to see a professional, on one day a week (remembered in the state)."""
        from datetime import timedelta

        from backtimer.core.pain import NOT_IMPROVING, not_improving

        shown = self.state.advice_shown
        if shown is not None and shown != today and today - shown < timedelta(days=7):
            return None
        if not not_improving(self.log.sessions, today):
            return None
        if shown != today:
            with suppress(OSError):
                self.remember(advice_shown=today)
        return NOT_IMPROVING

    def changes_by(self, entry: SessionEntry, today: date) -> list[str]:
        """What ``entry`` (just saved) changed in the doses and the level."""
        from backtimer.core.progression import changes

        exercises = self.catalog.exercises
        before = progress(
            [s for s in self.log.sessions if s.id != entry.id],
            today,
            exercises,
            self.settings.weekly_goal,
            fixed=not self.settings.progression,
        )
        return changes(before, self.progress(today), exercises)

    def save_routine(self, routine: Routine) -> None:
        save_routine(self.paths.routines, routine)
        self.saved = {**self.saved, routine.id: routine}

    def delete_routine(self, routine_id: str) -> None:
        delete_routine(self.paths.routines, routine_id)
        self.saved = {k: v for k, v in self.saved.items() if k != routine_id}

    def update_settings(self, settings: Settings) -> None:
        """Save what changed (and only that) and use the new settings."""
        save_settings(self.paths.settings, self.settings, settings)
        self.settings = settings

    def remember(self, **changes: object) -> None:
        """Change the state file (safety read, the routine chosen last...), and
        remember what it now holds, so the next start need not validate it again."""
        from backtimer.store.cache import digest_of
        from backtimer.store.plain import to_plain

        self.state = update_state(self.paths.state, self.state, **changes)
        with suppress(OSError):
            raw = self.paths.state.read_bytes()
            self.cache.put("state", self.paths.state, digest_of(raw), to_plain(self.state))

    def entry_for(
        self,
        record: SessionRecord,
        routine: str,
        pain_before: int | None = None,
        pain_after: int | None = None,
        could_do_more: bool | None = None,
    ) -> SessionEntry:
        """The log entry for a finished session (with a fresh id)."""
        return session_entry(
            record,
            routine,
            token=secrets.token_hex(8),  # 64 bits: two machines never pick the same
            pain_before=pain_before,
            pain_after=pain_after,
            could_do_more=could_do_more,
        )

    def save(self, entry: SessionEntry) -> None:
        """Append ``entry`` to the log and to the profile in memory. An OSError (a
        full disk) leaves the log as it was."""
        journal.append(self.paths.sessions, entry)
        tallied = self._tallied is not None and self._tallied[0] == self._tally_key()
        self.log.add(entry, 0)
        if self.log.logged is not None:  # the log as logged, under its corrections
            self.log.logged.append(entry)
        if tallied and self._tallied is not None:  # the week's tally follows, in step
            _, whole, last = self._tallied
            whole.add([entry], moves=False)
            if counts(entry):
                last = max(last or entry.started_at.date(), entry.started_at.date())
            self._tallied = (self._tally_key(), whole, last)
        self._log_mark = self.log_mark()
        # extend the log's cache with the new block now, so that the next start needs
        # neither a parse nor pydantic (the cache is keyed on the bytes it covers)
        with suppress(DataError, OSError):
            journal.remember(self.paths.sessions, self.cache, entry)
        self.refresh_summary(entry.started_at.date())

    def _tally_key(self) -> tuple[int, int, int, int, bool]:
        """What the week's tally was made from: a new list (a reload, a correction) or
        other walks or walk setting means it is made again."""
        log = self.log
        walks_count = self.settings.walks_count
        return (id(log.sessions), len(log.sessions), id(log.walks), len(log.walks), walks_count)

    def refresh_summary(self, today: date) -> None:
        """Keep the week's summary in the state file for `backtimer status`. The tally
        it is read from is kept between saves (a save adds its session to it), so a
        save costs the same with ten sessions in the log as with ten thousand."""
        from backtimer.core import stats
        from backtimer.store import summary

        if self._tallied is None or self._tallied[0] != self._tally_key():
            whole = stats.tally(self.log.sessions, moves=False)
            whole.add_walks(self.log.walks, self.settings.walks_count)
            last = summary.last_counted(self.log.sessions)
            self._tallied = (self._tally_key(), whole, last)
        _, whole, last = self._tallied
        made = summary.make_of(
            whole, last, today, self.settings, self.log_mark(), stamp(self.paths.settings)
        )
        with suppress(OSError):
            self.remember(summary=made.plain())

    def record(
        self,
        record: SessionRecord,
        routine: str,
        pain_before: int | None = None,
        pain_after: int | None = None,
    ) -> SessionEntry:
        """Make the entry for a finished session and save it."""
        entry = self.entry_for(record, routine, pain_before, pain_after)
        self.save(entry)
        return entry

    def log_mark(self) -> str:
        return logbook.mark(self.paths)

    def log_changed(self) -> bool:
        """Has another backtimer (or an editor) changed the log since it was read?
        If so, read it again."""
        mark = self.log_mark()
        if mark == self._log_mark:
            return False
        self._log_mark = mark
        self.log = logbook.read(self.paths, self.cache)
        return True

    def amend(self, amendment: Amendment) -> None:
        """Save a correction and see the log through it (it is the newest made, so it
        applies last). An OSError or DataError leaves everything as it was."""
        amendments.append(self.paths.amendments, amendment)
        if self.log.logged is None:
            self.log.logged = self.log.sessions
        self.log.sessions = apply([*self.log.sessions], [amendment])
        if self.log.corrections is not None:
            self.log.corrections.items.append(amendment)
        self._log_mark = self.log_mark()
        self.refresh_summary(amendment.made_at.date())

    def walk(self, walk: Walk) -> None:
        """Save a walk (to this machine's walks file) and count it. An OSError or
        DataError leaves everything as it was."""
        from backtimer.store import walks

        walks.append(self.paths.walks, walk)
        self.log.walks = by_id([*self.log.walks, walk])
        self._log_mark = self.log_mark()
        self.refresh_summary(walk.logged_at.date())

    def desk_break(self, found: Break) -> None:
        """Save a desk break (to this machine's breaks file). It counts toward no goal
        and changes no plan. An OSError or DataError leaves everything as it was."""
        from backtimer.core.desk_entry import by_id as breaks_by_id
        from backtimer.store import breaks

        breaks.append(self.paths.breaks, found)
        self.log.breaks = breaks_by_id([*self.log.breaks, found])
        self._log_mark = self.log_mark()

    def session(self, session_id: str) -> SessionEntry | None:
        """The session of that id in the corrected log (None: none, or deleted)."""
        return next((s for s in self.log.sessions if s.id == session_id), None)


def load_profile(
    data_dir: str | os.PathLike[str] | None = None,
    catalog: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
) -> Profile:
    """Read every file; raises DataError naming the file and place of the first problem."""
    paths = resolve_paths(data_dir, catalog, cache_dir=cache_dir)
    cache = Cache(paths.cache_dir)
    mark = logbook.mark(paths)
    builtin = load_catalog(paths.catalog, cache)
    profile = Profile(
        paths=paths,
        builtin=builtin,
        saved=load_routines(paths.routines, builtin, cache),
        settings=load_settings(paths.settings, cache),
        state=load_state(paths.state, cache),
        log=logbook.read(paths, cache),
        cache=cache,
    )
    profile._log_mark = mark
    return profile

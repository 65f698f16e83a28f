"""History from the log's tally and its recent weeks gives the very report that
every session gives, and is used only when the cache covers the whole log."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.core import stats
from backtimer.core.tally import Tally, tally
from backtimer.store import journal
from backtimer.store.cache import Cache
from tests.unit.journal_helpers import CET, entry

TODAY = date(2026, 11, 19)

logs = st.lists(
    st.tuples(
        st.integers(0, 400),  # days before today
        st.booleans(),  # completed
        st.floats(0, 800, allow_nan=False),  # active seconds when not completed
        st.none() | st.integers(0, 10),
        st.none() | st.integers(0, 10),
    ),
    max_size=40,
)


def make(tmp: Path, rows) -> Path:
    path = tmp / "sessions.toml"
    sessions = [
        entry(
            datetime(2026, 11, 19, 8, tzinfo=CET) - timedelta(days=days, minutes=n),
            completed=done,
            active_s=None if done else active,
            pain=(before, after),
            n=n,
        )
        for n, (days, done, active, before, after) in enumerate(rows)
    ]
    journal.append_many(path, sessions)
    return path


@settings(max_examples=60, deadline=None)
@given(logs, st.integers(1, 30), st.integers(1, 5))
def test_the_report_from_the_tally_is_the_report(tmp_path_factory, rows, weeks, goal) -> None:
    tmp = tmp_path_factory.mktemp("log")
    path = make(tmp, rows)
    cache = Cache(tmp / "cache")
    full = journal.load(path, cache).sessions  # writes the cache and its tally
    since = stats.monday(TODAY) - timedelta(weeks=weeks - 1)
    quick = journal.load_recent(path, cache, since) if rows else (Tally(), [])
    assert quick is not None
    assert stats.report_of(*quick, TODAY, goal, weeks) == stats.report(full, TODAY, goal, weeks)


def test_the_tally_round_trips() -> None:
    sessions = [
        entry("2026-11-16T08:00:00+01:00", pain=(3, 2)),
        entry("2026-11-17T08:00:00+01:00", n=1),
    ]
    whole = tally(sessions)
    assert Tally.from_plain(whole.plain()) == whole


def test_only_a_whole_cached_log_is_read_this_way(tmp_path: Path) -> None:
    path = make(tmp_path, [(1, True, 0.0, None, None), (2, True, 0.0, 4, 3)])
    cache = Cache(tmp_path / "cache")
    since = date(2026, 1, 5)
    assert journal.load_recent(path, cache, since) is None  # no cache yet
    journal.load(path, cache)
    assert journal.load_recent(path, cache, since) is not None
    journal.append(path, entry("2026-11-19T09:00:00+01:00", n=9))  # not in the cache
    assert journal.load_recent(path, cache, since) is None
    journal.load(path, cache)
    with path.open("a") as log:  # a block cut short by a crash
        log.write('\n[[session]]\nid = "x"\n')
    assert journal.load_recent(path, cache, since) is None


def test_a_long_history_reads_the_whole_cache(tmp_path: Path) -> None:
    """The short entry holds 26 weeks; asking for more reads the long one, or the log."""
    path = make(tmp_path, [(d, True, 0.0, None, None) for d in range(0, 600, 7)])
    cache = Cache(tmp_path / "cache")
    full = journal.load(path, cache).sessions
    for weeks in (12, 26, 60):
        since = stats.monday(TODAY) - timedelta(weeks=weeks - 1)
        quick = journal.load_recent(path, cache, since)
        report = stats.report(full, TODAY, 3, weeks)
        assert quick is None or stats.report_of(*quick, TODAY, 3, weeks) == report
    assert journal.load_recent(path, cache, stats.monday(TODAY) - timedelta(weeks=11)) is not None

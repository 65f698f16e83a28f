from __future__ import annotations

from datetime import date

from backtimer.core import stats
from tests.unit.journal_helpers import entry


def test_empty_log() -> None:
    assert stats.current_streak([], date(2026, 11, 21), 3) == 0
    assert stats.longest_streak([], 3) == 0
    weeks = stats.weeks([], date(2026, 11, 21), 3, 4)
    assert [w.label for w in weeks] == ["2026-W44", "2026-W45", "2026-W46", "2026-W47"]
    assert all(w.sessions == 0 and not w.goal_met for w in weeks)
    t = stats.totals([])
    assert (t.sessions, t.active_s, t.pain_before, t.pain_after) == (0, 0, None, None)


def test_one_session() -> None:
    s = [entry("2026-11-18T07:30:00+01:00", pain=(5, 3))]
    [week] = stats.weeks(s, date(2026, 11, 21), 1, 1)
    assert (week.label, week.sessions, week.active_s, week.goal_met) == ("2026-W47", 1, 720, True)
    assert stats.current_streak(s, date(2026, 11, 21), 1) == 1
    assert stats.current_streak(s, date(2026, 11, 21), 3) == 0
    t = stats.totals(s)
    assert (t.sessions, t.counted, t.pain_before, t.pain_after) == (1, 1, 5.0, 3.0)
    assert t.per_exercise == {"cat-cow": 1}


def test_week_boundary_sunday_to_monday() -> None:
    sunday = entry("2026-11-22T21:00:00+01:00")
    monday = entry("2026-11-23T06:00:00+01:00")
    weeks = stats.weeks([sunday, monday], date(2026, 11, 23), 1, 2)
    assert [(w.label, w.sessions) for w in weeks] == [("2026-W47", 1), ("2026-W48", 1)]


def test_session_across_midnight_counts_on_its_start_day() -> None:
    late = entry("2026-11-22T23:55:00+01:00", minutes=15)  # Sunday, ends Monday 00:10
    weeks = stats.weeks([late], date(2026, 11, 23), 1, 2)
    assert [w.sessions for w in weeks] == [1, 0]


def test_local_day_not_utc() -> None:
    # 00:30 in Tokyo on Monday is Sunday in UTC: it is Monday for the person
    s = entry("2026-11-23T00:30:00+09:00")
    assert stats.day_of(s) == date(2026, 11, 23)
    assert stats.weeks([s], date(2026, 11, 23), 1, 1)[0].sessions == 1


def test_iso_week_53_and_year_boundary() -> None:
    # 2026 has 53 ISO weeks: W53 runs Mon 28 Dec 2026 to Sun 3 Jan 2027
    sessions = [
        entry("2026-12-21T08:00:00+01:00", n=1),  # W52
        entry("2026-12-28T08:00:00+01:00", n=2),  # W53
        entry("2027-01-03T08:00:00+01:00", n=3),  # still W53
        entry("2027-01-04T08:00:00+01:00", n=4),  # 2027-W01
    ]
    weeks = stats.weeks(sessions, date(2027, 1, 6), 1, 3)
    assert [(w.label, w.sessions) for w in weeks] == [
        ("2026-W52", 1),
        ("2026-W53", 2),
        ("2027-W01", 1),
    ]
    assert stats.current_streak(sessions, date(2027, 1, 6), 1) == 3
    assert stats.longest_streak(sessions, 1) == 3


def test_dst_change_keeps_the_week_together() -> None:
    # Europe leaves summer time on Sun 25 Oct 2026 at 03:00 CEST -> 02:00 CET
    before = entry("2026-10-25T01:30:00+02:00", n=1)
    after = entry("2026-10-25T02:30:00+01:00", n=2)
    monday = entry("2026-10-19T08:00:00+02:00", n=3)
    weeks = stats.weeks([before, after, monday], date(2026, 10, 25), 3, 1)
    assert weeks[0].label == "2026-W43" and weeks[0].sessions == 3 and weeks[0].goal_met


def test_the_counting_share_is_the_one_used(monkeypatch) -> None:
    from backtimer.core import tally

    at_78 = entry("2026-11-17T08:00:00+01:00", completed=False, active_s=0.78 * 720)
    at_82 = entry("2026-11-17T08:00:00+01:00", completed=False, active_s=0.82 * 720)
    assert [stats.counts(s) for s in (at_78, at_82)] == [False, True]
    monkeypatch.setattr(tally, "COUNTS_FROM", 0.75)
    assert stats.counts(at_78)
    monkeypatch.setattr(tally, "COUNTS_FROM", 0.85)
    assert not stats.counts(at_82)


def test_counting_rule() -> None:
    done = entry("2026-11-16T08:00:00+01:00", completed=True)
    most = entry("2026-11-17T08:00:00+01:00", completed=False, active_s=0.8 * 720)
    little = entry("2026-11-18T08:00:00+01:00", completed=False, active_s=0.79 * 720)
    assert [stats.counts(s) for s in (done, most, little)] == [True, True, False]
    [week] = stats.weeks([done, most, little], date(2026, 11, 21), 3, 1)
    assert week.sessions == 2 and not week.goal_met
    assert week.active_s == 720 + 0.8 * 720 + 0.79 * 720


def _weeks_of(*mondays: str, per_week: int = 3) -> list:
    out = []
    for n, m in enumerate(mondays):
        for k in range(per_week):
            out.append(entry(f"{m}T0{k + 7}:00:00+01:00", n=n * 10 + k))
    return out


def test_current_streak_rules() -> None:
    log = _weeks_of("2026-10-26", "2026-11-02", "2026-11-09")  # W44-W46 met
    # this week (W47) still running and not met: it does not break the streak
    assert stats.current_streak(log, date(2026, 11, 21), 3) == 3
    # this week met: it extends the streak
    log2 = log + _weeks_of("2026-11-16")
    assert stats.current_streak(log2, date(2026, 11, 21), 3) == 4
    # last week missed: the streak is over, even if this week is met
    assert stats.current_streak(log, date(2026, 11, 28), 3) == 0
    assert stats.current_streak(log2, date(2026, 11, 28), 3) == 4
    assert stats.current_streak(log2, date(2026, 12, 5), 3) == 0


def test_longest_streak_with_a_gap() -> None:
    log = _weeks_of("2026-09-07", "2026-09-14", "2026-10-05", "2026-10-12", "2026-10-19")
    assert stats.longest_streak(log, 3) == 3
    assert stats.longest_streak(log, 4) == 0


def test_goal_of_one_week_with_two_sessions() -> None:
    log = _weeks_of("2026-11-16", per_week=2)
    assert stats.weeks(log, date(2026, 11, 21), 3, 1)[0].goal_met is False
    assert stats.weeks(log, date(2026, 11, 21), 2, 1)[0].goal_met is True


def test_sessions_by_day() -> None:
    log = _weeks_of("2026-11-16", per_week=2)
    days = stats.sessions_by_day(log, date(2026, 11, 1), date(2026, 11, 30))
    assert days == {date(2026, 11, 16): 2}


def test_pain_trend_averages() -> None:
    log = [
        entry("2026-11-16T08:00:00+01:00", pain=(6, 4), n=1),
        entry("2026-11-17T08:00:00+01:00", pain=(4, None), n=2),
        entry("2026-11-18T08:00:00+01:00", n=3),
    ]
    t = stats.totals(log)
    assert (t.pain_before, t.pain_after) == (5.0, 4.0)


def test_report_lists_only_the_shown_weeks_sessions() -> None:
    log = [
        entry("2026-09-01T08:00:00+01:00", n=1),  # before the window
        entry("2026-11-17T08:00:00+01:00", n=2),
        entry("2027-01-05T08:00:00+01:00", n=3),  # after it (a clock set wrong)
    ]
    data = stats.report(log, date(2026, 11, 21), 3, 4)
    assert [s["id"][-1] for s in data["sessions"]] == ["2"]
    assert data["this_week"] == {"week": "2026-W47", "sessions": 1, "goal_met": False}

"""Desk breaks: two minutes of gentle standing moves, their own kind of entry, shown
in history and never counted toward the weekly goal or changing a plan; a move that
hurts in a break is left out afterwards as after a session."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.core import desk, stats
from backtimer.core.avoid import avoided_moves
from backtimer.core.settings import SessionConfig
from backtimer.core.timeline import estimate_seconds
from backtimer.store import breaks
from backtimer.store.errors import DataError
from backtimer.store.paths import resolve_paths
from backtimer.store.profile import load_profile
from tests.unit.journal_helpers import CET, entry

TODAY = date(2026, 12, 5)  # a Saturday
NOW = datetime(2026, 12, 5, 10, 32, tzinfo=CET)
AT = datetime(2026, 12, 5, 10, 30, tzinfo=CET)


def a_break(started: datetime = AT, token: str = "a", stopped: tuple[str, ...] = ()) -> desk.Break:
    return desk.new_break(started, 104.6, ["marching", "standing-hip-hinge"], NOW, token, stopped)


def test_the_usual_break_is_three_standing_moves_at_their_gentlest_in_about_two_minutes(
    catalog,
) -> None:
    choice = desk.plan_break(catalog.exercises, ())
    assert [s.exercise.id for s in choice.steps] == list(desk.MOVES)
    assert all(s.exercise.position == "standing" and s.sets == 1 for s in choice.steps)
    for step in choice.steps:
        limits = step.exercise.limits
        if step.reps is not None:
            assert step.reps == limits.reps[0]
        if step.time_s is not None:
            assert step.time_s == limits.time_s[0]
    seconds = estimate_seconds(choice.steps, SessionConfig())
    assert 90 <= seconds <= 150, seconds
    assert choice.notes == () and choice.key == desk.KEY


def test_a_move_left_out_is_replaced_by_another_gentle_standing_move(catalog) -> None:
    choice = desk.plan_break(catalog.exercises, {"standing-back-extension"})
    ids = [s.exercise.id for s in choice.steps]
    assert len(ids) == 3 and "standing-back-extension" not in ids
    instead = catalog.exercises[ids[1]]
    assert instead.position == "standing" and instead.level == 1
    assert "instead of Standing back extension" in choice.notes[0]
    standing = {e.id for e in catalog.exercises.values() if e.position == "standing"}
    none = desk.plan_break(catalog.exercises, standing)
    assert none.steps == () and "walk" in none.notes[0]


def test_a_break_reads_back_from_its_file_and_a_torn_one_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "breaks-laptop.toml"
    first, second = a_break(), a_break(datetime(2026, 12, 5, 14, 0, tzinfo=CET), "b", ("marching",))
    breaks.append(path, first)
    breaks.append(path, second)
    assert breaks.load_all([path]) == [first, second]
    assert first.seconds == 105 and second.stopped == ("marching",)
    text = path.read_text()
    assert text.startswith("# backtimer desk breaks") and "stopped = [" in text
    path.write_text(text + '\n[[break]]\nid = "x"\n')  # a crash mid-save
    assert breaks.load_all([path]) == [first, second]
    path.write_text(text.replace("seconds = 105", "seconds = -1"))
    with pytest.raises(DataError, match="line"):
        breaks.load_all([path])


def test_breaks_show_in_their_week_and_never_count_toward_the_goal(catalog) -> None:
    sessions = [entry(f"2026-12-0{d}T08:00:00+01:00", n=d) for d in (1, 2)]
    found = [a_break(datetime(2026, 12, d, 10, 0, tzinfo=CET), f"t{d}") for d in (3, 4, 5)]
    report = stats.report(sessions, TODAY, 3, 2, breaks=found)
    week = report["weeks"][-1]
    assert week["sessions"] == 2 and not week["goal_met"] and week["desk_breaks"] == 3
    assert report["this_week"]["sessions"] == 2
    assert [b["id"] for b in report["desk_breaks"]] == [b.id for b in found]
    assert report["current_streak_weeks"] == 0


def test_a_move_that_hurt_in_a_break_is_left_out_of_sessions_too(catalog) -> None:
    hurt = a_break(stopped=("standing-back-extension",))
    found = avoided_moves([hurt], TODAY, catalog.exercises)
    assert found["standing-back-extension"].until == date(2026, 12, 19)
    # the moves that arch the back the same way go with it, as after a session
    assert found["cobra"].because == "standing-back-extension"


def test_break_history_and_profile(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    profile = load_profile(data, None, tmp_path / "cache")
    profile.desk_break(a_break())
    assert resolve_paths(data, None, cache_dir=tmp_path / "cache").breaks.exists()
    assert [p.name for p in data.glob("breaks-*.toml")] == [profile.paths.breaks.name]
    for extra in ((), ("--json",)):
        try:
            code = main(["history", "--weeks", "1", "--data-dir", str(data), *extra], today=TODAY)
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        assert code == 0, err
        if extra:
            assert json.loads(out)["weeks"][0]["desk_breaks"] == 1
        else:
            assert "1 desk break" in out and " 0/3" in out
    again = load_profile(data, None, tmp_path / "cache")
    assert [b.id for b in again.log.breaks] == [profile.log.breaks[0].id]
    assert again.log.sessions == []


# ---------------------------------------------------------------------- break nudges

MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=CET)
HOURS = ((9, 0), (17, 0))


def _due(at: datetime, **kw) -> bool:
    from backtimer.core.reminders import break_due

    args = {"hours": HOURS, "every": 45, "last_break": None, "last_nudge": None}
    return break_due(at, **(args | {"paused_until": None} | kw))


def test_break_nudges_come_in_work_hours_after_a_whole_interval_with_no_break() -> None:
    from datetime import timedelta

    def at(minutes: int, day: int = 0) -> datetime:
        return MONDAY + timedelta(days=day, minutes=minutes)

    assert not _due(at(30))  # the first 45 minutes of the day are not over
    assert _due(at(45))
    assert not _due(at(75), last_break=at(40))  # a break 35 minutes ago
    assert _due(at(90), last_break=at(40))
    assert not _due(at(60), last_nudge=at(45))  # nudged a quarter of an hour ago
    assert not _due(at(-30))  # before work
    assert not _due(at(8 * 60 + 5))  # after work
    assert not _due(at(120, day=5))  # Saturday: a day off
    assert not _due(at(120), paused_until=date(2026, 12, 1))  # reminders paused


def test_break_wakeups_in_every_scheduler(tmp_path: Path) -> None:
    import plistlib
    import shutil
    import subprocess

    from backtimer.output import scheduler

    program = ["/opt/bt/bin/python", "-m", "backtimer"]
    breaks = scheduler.Breaks((9, 0), (17, 0), 45)
    plan = scheduler.systemd(tmp_path, program, ("mon",), (18, 0), breaks)
    scheduler.write_files(plan)
    timer = (tmp_path / ".config/systemd/user/backtimer-remind.timer").read_text()
    assert "OnCalendar=Mon *-*-* 18:00:00\n" in timer
    assert "OnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 09..16:00/15:00\n" in timer
    service = (tmp_path / ".config/systemd/user/backtimer-remind.service").read_text()
    assert service.rstrip().endswith("remind --if-due --breaks 09:00-17:00 --every 45")
    analyze = shutil.which("systemd-analyze")
    if analyze:
        result = subprocess.run(
            [analyze, "calendar", "Mon,Tue,Wed,Thu,Fri *-*-* 09..16:00/15:00"],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
    launchd = scheduler.launchd(tmp_path, program, ("mon",), (18, 0), breaks)
    data = plistlib.loads(next(iter(launchd.files.values())).encode())
    assert len(data["StartCalendarInterval"]) == 1 + 5 * 8 * 4
    assert {"Weekday": 5, "Hour": 16, "Minute": 45} in data["StartCalendarInterval"]
    task = scheduler.task_xml(program, ("mon",), (18, 0), breaks)
    assert task.count("<CalendarTrigger>") == 2
    assert "<Repetition><Interval>PT15M</Interval><Duration>PT8H</Duration>" in task
    assert "T09:00:00</StartBoundary>" in task and "<Friday/>" in task
    lines = scheduler.cron_line(program, ("mon",), (18, 0), breaks).splitlines()
    assert lines[1].startswith("*/15 9-16 * * 1,2,3,4,5 /opt/bt/bin/python")
    mine = "# my jobs\n5 4 * * * backup\n"
    added = scheduler.crontab_with(mine, "\n".join(lines))
    assert added.count(scheduler.MARKER) == 2 and scheduler.crontab_with(added, None) == mine


def test_remind_if_due_nudges_a_break_once_an_interval(tmp_path: Path, monkeypatch) -> None:
    import io
    import os
    from datetime import timedelta

    from backtimer.cli.commands import Context, cmd_remind
    from backtimer.cli.parser import build_parser
    from backtimer.clock import FakeClock

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls.txt"
    (bin_dir / "notify-send").write_text(f'#!/bin/sh\necho "$@" >> {calls}\n')
    (bin_dir / "notify-send").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text('remind_days = ["sun"]\n')  # no session reminder
    argv = ["remind", "--if-due", "--breaks", "09:00-17:00", "--every", "45"]
    args = build_parser().parse_args([*argv, "--data-dir", str(data)])

    def run(minutes: int) -> None:
        clock = FakeClock(wall=MONDAY + timedelta(minutes=minutes))
        assert cmd_remind(Context(args, io.StringIO(), clock=clock)) == 0

    run(30)
    assert not calls.exists()
    run(50)
    assert "desk break" in calls.read_text()
    run(60)  # nudged ten minutes ago
    assert calls.read_text().count("desk break") == 1
    profile = load_profile(data, None, tmp_path / "cache")
    profile.desk_break(a_break(MONDAY + timedelta(minutes=100)))
    run(130)  # a break half an hour ago: quiet
    assert calls.read_text().count("desk break") == 1
    run(150)
    assert calls.read_text().count("desk break") == 2


def test_replacements_never_bend_or_twist_and_ask_first_leaves_the_extension_out(
    catalog,
) -> None:
    two_out = desk.plan_break(catalog.exercises, {"standing-back-extension", "standing-hip-hinge"})
    for step in two_out.steps[1:]:
        assert set(step.exercise.direction) == {"neutral"}, step.exercise.id
    careful = desk.plan_break(catalog.exercises, (), ask_first=True)
    assert "standing-back-extension" not in [s.exercise.id for s in careful.steps]

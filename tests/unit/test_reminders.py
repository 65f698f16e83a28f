"""Reminders and the status line: due only when it helps, never twice a day."""

from __future__ import annotations

import json
import os
import plistlib
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from backtimer.cli import main
from backtimer.core.reminders import Week, due, next_fire, parse_days, sentence, status_line
from backtimer.output import scheduler
from backtimer.store import journal
from tests.unit.journal_helpers import entry

DAYS = ("mon", "wed", "fri")
AT = (18, 0)
CET = timezone(timedelta(hours=1))


def is_due(week: Week, when: datetime, **kw) -> bool:
    args = {"days": DAYS, "at": AT, "last_nudge": None, "paused_until": None} | kw
    return due(week, when, **args)


def test_due_across_a_week() -> None:
    week = Week(done=1, goal=3, streak=0, last_day=date(2026, 11, 16))
    monday = datetime(2026, 11, 23, 18, 30, tzinfo=CET)
    assert is_due(Week(0, 3, 0, None), monday)
    assert not is_due(Week(0, 3, 0, None), monday.replace(hour=17))  # before the time
    assert not is_due(week, monday + timedelta(days=1))  # Tuesday is not a chosen day
    assert is_due(week, monday + timedelta(days=2))
    assert not is_due(Week(3, 3, 1, None), monday)  # goal met: quiet for the week
    assert not is_due(Week(1, 3, 0, monday.date()), monday)  # exercised today
    assert not is_due(Week(0, 3, 0, None), monday, last_nudge=monday.date())  # once a day
    assert not is_due(Week(0, 3, 0, None), monday, paused_until=date(2026, 11, 30))
    assert is_due(Week(0, 3, 0, None), monday, paused_until=date(2026, 11, 22))


def test_the_week_turns_at_local_midnight_and_across_dst() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    sunday_late = datetime(2026, 10, 25, 23, 59, tzinfo=berlin)  # the day DST ends
    assert sunday_late.utcoffset() == timedelta(hours=1)
    assert next_fire(sunday_late, DAYS, AT) == datetime(2026, 10, 26, 18, 0, tzinfo=berlin)
    assert "today" in sentence(Week(1, 3, 0, None), date(2026, 10, 25))
    monday_early = datetime(2026, 10, 26, 0, 1, tzinfo=berlin)
    assert not is_due(Week(0, 3, 0, None), monday_early)  # not before 18:00 on Monday


def test_sentences_near_the_end_of_a_week() -> None:
    saturday, sunday = date(2026, 11, 28), date(2026, 11, 29)
    assert sentence(Week(1, 3, 0, None), saturday) == (
        "Two more this week: today and tomorrow will do."
    )
    assert sentence(Week(2, 3, 0, None), sunday) == "One more this week: today will do it."
    assert status_line(Week(1, 3, 0, None), sunday) == "back 1/3 · today?"
    assert status_line(Week(3, 3, 2, None), sunday) == "back 3/3 ✓"
    assert status_line(Week(3, 3, 2, None), sunday, quiet=True) == ""
    assert parse_days("weekdays") == ("mon", "tue", "wed", "thu", "fri")
    with pytest.raises(ValueError):
        parse_days("someday")


PROGRAM = ["/opt/backtimer/bin/python", "-m", "backtimer"]


def test_systemd_units(tmp_path: Path) -> None:
    plan = scheduler.systemd(tmp_path, PROGRAM, DAYS, AT)
    scheduler.write_files(plan)
    timer = (tmp_path / ".config/systemd/user/backtimer-remind.timer").read_text()
    service = (tmp_path / ".config/systemd/user/backtimer-remind.service").read_text()
    assert "OnCalendar=Mon,Wed,Fri *-*-* 18:00:00" in timer and "Persistent=true" in timer
    assert "ExecStart=/opt/backtimer/bin/python -m backtimer remind --if-due" in service
    analyze = shutil.which("systemd-analyze")
    if analyze:
        result = subprocess.run(
            [analyze, "verify", "--user", *map(str, plan.files)], capture_output=True, text=True
        )
        assert "Invalid" not in result.stderr and "Unknown" not in result.stderr, result.stderr
    assert [c[-1] for c in plan.commands] == ["daemon-reload", "backtimer-remind.timer"]


def test_launchd_plist_parses(tmp_path: Path) -> None:
    plan = scheduler.launchd(tmp_path, PROGRAM, DAYS, AT)
    [(path, text)] = plan.files.items()
    data = plistlib.loads(text.encode())
    assert data["ProgramArguments"][-2:] == ["remind", "--if-due"]
    [load] = plan.commands
    assert load[:3] == ["launchctl", "bootstrap", f"gui/{os.getuid()}"] and load[3] == str(path)
    assert plan.remove_commands == [["launchctl", "bootout", f"gui/{os.getuid()}/{data['Label']}"]]
    assert plan.before == plan.remove_commands  # an agent loaded before is taken out first
    assert data["StartCalendarInterval"][0] == {"Weekday": 1, "Hour": 18, "Minute": 0}
    assert path.name == "org.backtimer.remind.plist"


def test_schtasks_from_xml_runs_when_available_on_battery_without_a_window(tmp_path) -> None:
    import xml.etree.ElementTree as ET

    program = ["C:\\Py\\python.exe", "-m", "backtimer", "--data-dir", "C:\\My Data"]
    plan = scheduler.schtasks(program, DAYS, AT, folder=tmp_path)
    [create] = plan.commands
    assert create[:5] == ["schtasks", "/Create", "/F", "/TN", "backtimer-remind"]
    [path] = plan.files
    assert create[-2:] == ["/XML", str(path)] and path.parent == tmp_path
    scheduler.write_files(plan)
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")  # UTF-16, as schtasks reads
    assert scheduler.ours(path)
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    root = ET.fromstring(path.read_text(encoding="utf-16").split("\n", 1)[1])
    settings = root.find("t:Settings", ns)
    assert settings.findtext("t:StartWhenAvailable", namespaces=ns) == "true"
    assert settings.findtext("t:DisallowStartIfOnBatteries", namespaces=ns) == "false"
    assert settings.findtext("t:StopIfGoingOnBatteries", namespaces=ns) == "false"
    [trigger] = root.find("t:Triggers", ns)
    assert trigger.findtext("t:StartBoundary", namespaces=ns).endswith("T18:00:00")
    days = [d.tag.split("}")[1] for d in trigger.find("t:ScheduleByWeek/t:DaysOfWeek", ns)]
    assert days == ["Monday", "Wednesday", "Friday"]
    action = root.find("t:Actions/t:Exec", ns)
    assert action.findtext("t:Command", namespaces=ns) == "C:\\Py\\pythonw.exe"
    arguments = action.findtext("t:Arguments", namespaces=ns)
    assert arguments == '-m backtimer --data-dir "C:\\My Data" remind --if-due'
    assert scheduler.remove_files(plan) == [path]


def test_cron_lines() -> None:
    line = scheduler.cron_line(PROGRAM, DAYS, AT)
    assert line.startswith("0 18 * * 1,3,5 /opt/backtimer/bin/python -m backtimer remind")
    mine = "# my own jobs\n5 4 * * * backup\n"
    added = scheduler.crontab_with(mine, line)
    assert added.startswith(mine) and scheduler.crontab_with(added, None) == mine


def test_install_and_remove_round_trip_and_refuse_foreign_files(tmp_path: Path) -> None:
    plan = scheduler.systemd(tmp_path, PROGRAM, DAYS, AT)
    folder = tmp_path / ".config/systemd/user"
    folder.mkdir(parents=True)
    (folder / "other.service").write_text("mine\n")
    scheduler.write_files(plan)
    scheduler.write_files(plan)  # again: its own files are replaced
    assert scheduler.remove_files(plan) == list(plan.files)
    assert sorted(p.name for p in folder.iterdir()) == ["other.service"]
    (folder / "backtimer-remind.timer").write_text("someone else's timer\n")
    with pytest.raises(scheduler.Refused):
        scheduler.write_files(plan)
    assert (folder / "backtimer-remind.timer").read_text() == "someone else's timer\n"
    assert scheduler.remove_files(plan) == []


def test_remind_if_due_calls_notify_send_once_a_day(tmp_path: Path, monkeypatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls.txt"
    fake = bin_dir / "notify-send"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    data = tmp_path / "data"
    data.mkdir()
    now = datetime.now().astimezone()
    today = now.date()
    every_day = ",".join(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    quoted = ", ".join(f'"{d}"' for d in every_day.split(","))
    (data / "settings.toml").write_text(f'remind_days = [{quoted}]\nremind_at = "00:00"\n')
    code = main(["remind", "--if-due", "--data-dir", str(data)], today=today)
    assert code == 0 and len(calls.read_text().splitlines()) == 1
    assert "backtimer start" in calls.read_text()
    main(["remind", "--if-due", "--data-dir", str(data)], today=today)
    assert calls.read_text().count("backtimer start") == 1  # never twice a day
    # a session today: not due tomorrow's count either way; today stays quiet
    calls.unlink()
    journal.append(data / "sessions.toml", entry(now.replace(microsecond=0)))
    (data / "state.toml").unlink()
    main(["remind", "--if-due", "--data-dir", str(data)], today=today)
    assert not calls.exists()


def test_status_line_json_and_format(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    for n, day in enumerate(("2026-11-16", "2026-11-17")):
        journal.append(data / "sessions.toml", entry(f"{day}T08:00:00+01:00", n=n))
    today = date(2026, 11, 18)
    assert main(["status", "--data-dir", str(data)], today=today) == 0
    assert capsys.readouterr().out == "back 2/3 · today?\n"
    main(["status", "--json", "--data-dir", str(data)], today=today)
    assert json.loads(capsys.readouterr().out)["done"] == 2
    main(["status", "--format", "{done} of {goal}", "--data-dir", str(data)], today=today)
    assert capsys.readouterr().out == "2 of 3\n"


def test_status_is_light(tmp_path: Path) -> None:
    data = tmp_path / "data"
    journal.append(data / "sessions.toml", entry("2026-11-16T08:00:00+01:00"))
    code = (
        "import sys\nfrom backtimer.cli import main\n"
        f"main(['status', '--data-dir', {str(data)!r}])\n"
        "main(['status', '--data-dir', " + repr(str(data)) + "])\n"
        "print(sorted(m for m in ('textual', 'pydantic') if m in sys.modules))\n"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert again.stdout.strip().endswith("[]"), first.stderr + again.stderr


def test_the_job_uses_the_folders_from_the_environment(tmp_path, monkeypatch, capsys) -> None:
    """`BACKTIMER_DATA_DIR` (and the catalogue and cache variables) reach the job as
    flags: it has neither the variable nor the typed flag."""
    from backtimer.store.paths import shipped_catalog

    catalog = tmp_path / "cat.toml"
    catalog.write_bytes(shipped_catalog().read_bytes())
    monkeypatch.setenv("BACKTIMER_DATA_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("BACKTIMER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BACKTIMER_CATALOG", str(catalog))
    assert main(["remind", "install", "--print", "--days", "mon", "--at", "18:00"]) == 0
    out = capsys.readouterr().out
    for flag, value in (
        ("--data-dir", tmp_path / "mine"),
        ("--cache-dir", tmp_path / "cache"),
        ("--catalog", catalog),
    ):
        assert f"{flag} {value}" in out, (flag, out)


def test_a_path_that_would_inject_a_line_is_refused(tmp_path, monkeypatch, capsys) -> None:
    odd = tmp_path / "a\nOnCalendar=minutely\n* * * * * rm -rf ~"
    monkeypatch.setenv("BACKTIMER_DATA_DIR", str(odd))
    code = main(["remind", "install", "--print"])
    err = capsys.readouterr().err
    assert code == 1 and "control character" in err and "Traceback" not in err
    for make in (
        lambda p: scheduler.systemd(tmp_path, p, ("mon",), (18, 0)),
        lambda p: scheduler.cron_line(p, ("mon",), (18, 0)),
        lambda p: scheduler.launchd(tmp_path, p, ("mon",), (18, 0)),
        lambda p: scheduler.schtasks(p, ("mon",), (18, 0)),
    ):
        with pytest.raises(scheduler.Refused):
            make(["python3", "-m", "backtimer", "--data-dir", str(odd)])


def test_percent_dollar_and_backslash_survive_systemd_and_cron(tmp_path) -> None:
    import shlex

    program = ["/usr/bin/python3", "-m", "backtimer", "--data-dir", "/home/a/100%b$HOME\\x y"]
    argv = scheduler.command_line(program)
    plan = scheduler.systemd(tmp_path, program, ("mon",), (18, 0))
    service = next(text for path, text in plan.files.items() if path.suffix == ".service")
    exec_line = next(line for line in service.splitlines() if line.startswith("ExecStart="))
    value = exec_line.removeprefix("ExecStart=")
    assert "%%" in value and "$$" in value and "%b" not in value.replace("%%", "")
    # what systemd does: specifiers and variables, then C escapes (quoted or not)
    unescaped = value.replace("%%", "%").replace("$$", "$").replace("\\\\", "\\")
    assert shlex.split(unescaped) == argv
    line = scheduler.cron_line(program, ("mon",), (18, 0))
    command = line.split(" ", 5)[5].rsplit("  # ", 1)[0]
    assert "100\\%b" in command and "%b" not in command.replace("\\%", "")
    assert shlex.split(command.replace("\\%", "%")) == argv  # cron turns \% back into %


def test_the_windows_notification_is_a_toast_with_a_balloon_to_fall_back_on() -> None:
    from backtimer.output.notify import POWERSHELL_APP_ID, windows_script

    script = windows_script("backtimer", "It's 1 of 3 this week")
    assert script.startswith("try {") and "ToastNotificationManager" in script
    assert f"CreateToastNotifier('{POWERSHELL_APP_ID}')" in script
    assert "'It''s 1 of 3 this week'" in script  # quoted for PowerShell
    assert "} catch {" in script and "ShowBalloonTip" in script.split("} catch {")[1]

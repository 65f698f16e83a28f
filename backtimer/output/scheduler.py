"""Registering the reminder with the system's own scheduler: no daemon of ours.

A systemd user timer on Linux (``Persistent=true``: a reminder missed while asleep
comes at wake), a launchd agent on macOS, a Task Scheduler entry on Windows, and a
crontab line where none of those exists. Every file carries a marker line, so that
backtimer only ever replaces or removes what it wrote itself.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from backtimer.core.reminders import BREAK_TICK_MIN, DAYS, WORK_DAYS

MARKER = "written by backtimer remind"
NAME = "backtimer-remind"
LAUNCHD_LABEL = "org.backtimer.remind"
SYSTEMD_DAYS = {
    "mon": "Mon",
    "tue": "Tue",
    "wed": "Wed",
    "thu": "Thu",
    "fri": "Fri",
    "sat": "Sat",
    "sun": "Sun",
}


@dataclass(frozen=True)
class Plan:
    """What ``remind install`` writes or runs: files (path -> text) and commands."""

    kind: str
    files: dict[Path, str]
    commands: list[list[str]]
    remove_commands: list[list[str]]
    #: Run before ``commands``, their failures ignored (unloading an old copy).
    before: list[list[str]] = field(default_factory=list)


@dataclass(frozen=True)
class Breaks:
    """Desk-break nudges in work hours (``remind install --breaks 09:00-17:00 --every
    45``): the scheduler wakes the job every ``BREAK_TICK_MIN`` minutes of those hours
    on work days, and the job nudges only when a break is due (``core.reminders``)."""

    start: tuple[int, int]
    end: tuple[int, int]
    every: int

    @property
    def text(self) -> str:
        return f"{self.start[0]:02d}:{self.start[1]:02d}-{self.end[0]:02d}:{self.end[1]:02d}"

    def args(self) -> list[str]:
        return ["--breaks", self.text, "--every", str(self.every)]

    def hours(self) -> range:
        """The hours the job wakes in (the last one only if the end is past it)."""
        last = self.end[0] if self.end[1] else self.end[0] - 1
        return range(self.start[0], last + 1)


class Refused(Exception):
    """A file in the way that backtimer did not write, or a command line that a
    scheduler file cannot hold."""


def command_line(program: list[str], breaks: Breaks | None = None) -> list[str]:
    """The job's command; refused when a part of it (the data folder's path) holds a
    character that would end the line or start a new directive in the file."""
    for part in program:
        bad = next((c for c in part if ord(c) < 32 or ord(c) == 127), None)
        if bad is not None:
            raise Refused(
                f"{part!r} holds a control character ({bad!r}); a scheduler entry cannot "
                "hold it safely, so no reminder was installed. Use a folder whose path "
                "has no line breaks or control characters (--data-dir)."
            )
    return [*program, "remind", "--if-due", *(breaks.args() if breaks else [])]


def systemd_exec(argv: list[str]) -> str:
    """``argv`` for ``ExecStart=``: shell-quoted, with systemd's specifiers (``%``) and
    variables (``$``) escaped, and backslashes doubled (systemd unescapes them even
    inside quotes)."""
    return shlex.join(argv).replace("\\", "\\\\").replace("%", "%%").replace("$", "$$")


def cron_command(argv: list[str]) -> str:
    """``argv`` for a crontab line: shell-quoted, with cron's ``%`` (a line break to
    cron) escaped."""
    return shlex.join(argv).replace("%", "\\%")


def systemd(
    home: Path,
    program: list[str],
    days: tuple[str, ...],
    at: tuple[int, int],
    breaks: Breaks | None = None,
) -> Plan:
    folder = home / ".config" / "systemd" / "user"
    exec_line = systemd_exec(command_line(program, breaks))
    calendar = f"{','.join(SYSTEMD_DAYS[d] for d in days)} *-*-* {at[0]:02d}:{at[1]:02d}:00"
    if breaks is not None:  # a second trigger: every quarter hour of the work hours
        hours = breaks.hours()
        work = ",".join(SYSTEMD_DAYS[d] for d in WORK_DAYS)
        calendar += (
            f"\nOnCalendar={work} *-*-* {hours.start:02d}..{hours.stop - 1:02d}:"
            f"00/{BREAK_TICK_MIN}:00"
        )
    service = (
        f"# {MARKER}\n[Unit]\nDescription=backtimer: a nudge toward this week's sessions\n\n"
        f"[Service]\nType=oneshot\nExecStart={exec_line}\n"
    )
    timer = (
        f"# {MARKER}\n[Unit]\nDescription=backtimer reminder\n\n"
        f"[Timer]\nOnCalendar={calendar}\nPersistent=true\n\n"
        "[Install]\nWantedBy=timers.target\n"
    )
    ctl = ["systemctl", "--user"]
    return Plan(
        "systemd",
        {folder / f"{NAME}.service": service, folder / f"{NAME}.timer": timer},
        [[*ctl, "daemon-reload"], [*ctl, "enable", "--now", f"{NAME}.timer"]],
        [[*ctl, "disable", "--now", f"{NAME}.timer"], [*ctl, "daemon-reload"]],
    )


def launchd(
    home: Path,
    program: list[str],
    days: tuple[str, ...],
    at: tuple[int, int],
    breaks: Breaks | None = None,
) -> Plan:
    path = home / "Library" / "LaunchAgents" / f"{LAUNCHD_LABEL}.plist"
    intervals = [{"Weekday": (DAYS.index(d) + 1) % 7, "Hour": at[0], "Minute": at[1]} for d in days]
    if breaks is not None:  # every quarter hour of the work hours, on work days
        intervals += [
            {"Weekday": (DAYS.index(d) + 1) % 7, "Hour": hour, "Minute": minute}
            for d in WORK_DAYS
            for hour in breaks.hours()
            for minute in range(0, 60, BREAK_TICK_MIN)
        ]
    body = plistlib.dumps(
        {
            "Label": LAUNCHD_LABEL,
            "ProgramArguments": command_line(program, breaks),
            "StartCalendarInterval": intervals,
            "Comment": MARKER,
        }
    ).decode("utf-8")
    domain = f"gui/{os.getuid() if hasattr(os, 'getuid') else 0}"
    return Plan(
        "launchd",
        {path: body},
        [["launchctl", "bootstrap", domain, str(path)]],
        [["launchctl", "bootout", f"{domain}/{LAUNCHD_LABEL}"]],
        # an agent loaded before is taken out first (it fails harmlessly when none is)
        before=[["launchctl", "bootout", f"{domain}/{LAUNCHD_LABEL}"]],
    )


def windowless(program: list[str]) -> list[str]:
    """The job's Python as ``pythonw.exe`` where it sits beside ``python.exe``: no
    console window flashes up each time the task runs."""
    first = program[0]
    if first.lower().endswith("python.exe"):
        return [first[: -len("python.exe")] + "pythonw.exe", *program[1:]]
    return program


_TASK_DAYS = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}


def _weekly(days: tuple[str, ...], at: tuple[int, int], repeat: str = "") -> str:
    chosen = "".join(f"<{_TASK_DAYS[d]}/>" for d in days)
    return (
        f"<CalendarTrigger><StartBoundary>2026-01-01T{at[0]:02d}:{at[1]:02d}:00"
        f"</StartBoundary>{repeat}<Enabled>true</Enabled><ScheduleByWeek>"
        f"<DaysOfWeek>{chosen}</DaysOfWeek><WeeksInterval>1</WeeksInterval>"
        "</ScheduleByWeek></CalendarTrigger>"
    )


def task_xml(
    program: list[str], days: tuple[str, ...], at: tuple[int, int], breaks: Breaks | None
) -> str:
    """The Task Scheduler definition: run when available (a reminder missed while the
    machine was off or asleep comes after), on battery too, with no console window."""
    from xml.sax.saxutils import escape

    argv = windowless(command_line(program, breaks))
    triggers = _weekly(days, at)
    if breaks is not None:
        hours = breaks.hours()
        repeat = (
            f"<Repetition><Interval>PT{BREAK_TICK_MIN}M</Interval>"
            f"<Duration>PT{len(hours)}H</Duration></Repetition>"
        )
        triggers += _weekly(WORK_DAYS, (hours.start, 0), repeat)
    arguments = subprocess.list2cmdline(argv[1:])
    return (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        f"<!-- {MARKER} -->\n"
        '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">'
        "<RegistrationInfo><Description>backtimer: a nudge toward this week's sessions"
        "</Description></RegistrationInfo>"
        f"<Triggers>{triggers}</Triggers>"
        "<Principals><Principal><LogonType>InteractiveToken</LogonType>"
        "<RunLevel>LeastPrivilege</RunLevel></Principal></Principals>"
        "<Settings><MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>"
        "<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>"
        "<StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>"
        "<StartWhenAvailable>true</StartWhenAvailable>"
        "<ExecutionTimeLimit>PT5M</ExecutionTimeLimit><Enabled>true</Enabled></Settings>"
        f"<Actions><Exec><Command>{escape(argv[0])}</Command>"
        f"<Arguments>{escape(arguments)}</Arguments></Exec></Actions></Task>\n"
    )


def schtasks(
    program: list[str],
    days: tuple[str, ...],
    at: tuple[int, int],
    breaks: Breaks | None = None,
    folder: Path | None = None,
) -> Plan:
    """A Task Scheduler entry made from an XML definition (written to ``folder``, the
    cache folder)."""
    path = (folder or Path.home()) / f"{NAME}.xml"
    create = ["schtasks", "/Create", "/F", "/TN", NAME, "/XML", str(path)]
    remove = [["schtasks", "/Delete", "/F", "/TN", NAME]]
    return Plan("schtasks", {path: task_xml(program, days, at, breaks)}, [create], remove)


def cron_line(
    program: list[str],
    days: tuple[str, ...],
    at: tuple[int, int],
    breaks: Breaks | None = None,
) -> str:
    """The crontab line(s): the reminder, and the desk-break wake-ups if asked for."""
    numbers = ",".join(str((DAYS.index(d) + 1) % 7) for d in days)
    command = cron_command(command_line(program, breaks))
    line = f"{at[1]} {at[0]} * * {numbers} {command}  # {MARKER}"
    if breaks is not None:
        hours = breaks.hours()
        work = ",".join(str((DAYS.index(d) + 1) % 7) for d in WORK_DAYS)
        span = f"{hours.start}-{hours.stop - 1}"
        line += f"\n*/{BREAK_TICK_MIN} {span} * * {work} {command}  # {MARKER}"
    return line


def cron(program: list[str], days: tuple[str, ...], at: tuple[int, int]) -> Plan:
    command_line(program)  # refuses what a crontab cannot hold
    return Plan("cron", {}, [["crontab", "-"]], [["crontab", "-"]])


def choose(
    home: Path,
    program: list[str],
    days: tuple[str, ...],
    at: tuple[int, int],
    breaks: Breaks | None = None,
    folder: Path | None = None,
) -> Plan:
    """The scheduler this system has (``folder``: where a file only the scheduler
    reads once goes, the cache folder)."""
    if sys.platform == "darwin":
        return launchd(home, program, days, at, breaks)
    if sys.platform == "win32":
        return schtasks(program, days, at, breaks, folder)
    if shutil.which("systemctl") and (Path("/run/systemd/system").exists()):
        return systemd(home, program, days, at, breaks)
    return cron(program, days, at)


def _encoding(path: Path) -> str:
    """Task Scheduler reads its XML as UTF-16; every other file is UTF-8."""
    return "utf-16" if path.suffix == ".xml" else "utf-8"


def ours(path: Path) -> bool:
    """Did backtimer write this file?"""
    try:
        return MARKER in path.read_text(encoding=_encoding(path), errors="replace")
    except OSError:
        return False


def write_files(plan: Plan) -> None:
    for path in plan.files:
        if path.exists() and not ours(path):
            raise Refused(f"{path} exists and was not written by backtimer; not replacing it.")
    for path, text in plan.files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding=_encoding(path))


def remove_files(plan: Plan) -> list[Path]:
    removed = []
    for path in plan.files:
        if path.exists() and ours(path):
            path.unlink()
            removed.append(path)
    return removed


def current_crontab() -> str:
    try:
        result = subprocess.run(["crontab", "-l"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout if result.returncode == 0 else ""


def crontab_with(existing: str, line: str | None) -> str:
    """The crontab with our line replaced (or removed when ``line`` is None)."""
    kept = [row for row in existing.splitlines() if MARKER not in row]
    if line is not None:
        kept += line.splitlines()
    return "\n".join(kept) + ("\n" if kept else "")


def run(commands: list[list[str]], stdin: str | None = None) -> list[str]:
    """Run each command; the problems, in words."""
    problems = []
    for argv in commands:
        try:
            result = subprocess.run(
                argv, input=stdin, capture_output=True, text=True, timeout=30, check=False
            )
        except (OSError, subprocess.SubprocessError) as exc:
            problems.append(f"{argv[0]}: {exc}")
            continue
        if result.returncode != 0:
            problems.append(f"{shlex.join(argv)}: {result.stderr.strip()[:200]}")
    return problems


def install(plan: Plan, cron: str) -> list[str]:
    """Write the plan's files and run its commands (``cron``: the crontab line(s),
    for the cron plan); the problems, in words. Refused: a file in the way."""
    write_files(plan)
    stdin = crontab_with(current_crontab(), cron) if plan.kind == "cron" else None
    run(plan.before)  # an old copy out first; its failures do not matter
    return run(plan.commands, stdin)


def job_program(data_dir: Path, cache_dir: Path, catalog: Path | None = None) -> list[str]:
    """The job's command for the app to install: this Python, and the folders the
    app uses, absolute (the job has no flags and no environment of its own)."""
    program = [sys.executable, "-m", "backtimer", "--data-dir", str(data_dir.absolute())]
    program += ["--cache-dir", str(cache_dir.absolute())]
    if catalog is not None:
        program += ["--catalog", str(catalog.absolute())]
    return program

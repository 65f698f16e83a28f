"""The settings screen's two buttons: test the voice and the tones (what `backtimer
sound test` does) and install the reminders (what `backtimer remind install` does),
each with the values on the form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from backtimer.core.cues import Cue
from backtimer.core.settings import Settings

if TYPE_CHECKING:
    from backtimer.output import Sinks
    from backtimer.store.paths import Paths

SAMPLES = (
    Cue("announce", 0, "Bridge. Ten reps."),
    Cue("go", 0, "Go.", "go"),
    Cue("countdown", 0, "three.", "tick"),
    Cue("switch", 0, "Switch sides: now your left.", "switch"),
    Cue("done", 0, "Done. Well done.", "end"),
)


def sinks_for(settings: Settings, cache_dir: Path, ring: Callable[[], None]) -> tuple[Sinks, str]:
    """The sinks these settings give, and what was found, in words."""
    from backtimer.output.choose import choose_sinks

    sinks = choose_sinks(settings, cache_dir, ring)
    found = []
    for sink in sinks.sinks:
        program = getattr(getattr(sink, "voice", None), "program", "") or ""
        found.append(f"{sink.name} ({program})" if program else sink.name)
    said = "Playing through: " + ", ".join(found) + "."
    if settings.voice != "off" and not any(s.name == "speech" for s in sinks.sinks):
        said += f" No voice: {settings.voice!r} found nothing to speak with."
    return sinks, said


def install_reminders(settings: Settings, paths: Paths, now: datetime | None = None) -> str:
    """Install the reminders through the system's scheduler; what happened, in words."""
    from backtimer.core.reminders import next_fire, parse_days, parse_time
    from backtimer.output import scheduler

    days = parse_days(",".join(settings.remind_days))
    at = parse_time(settings.remind_at)
    catalog = None if paths.catalog_source == "shipped" else paths.catalog
    program = scheduler.job_program(paths.data_dir, paths.cache_dir, catalog)
    try:
        plan = scheduler.choose(Path.home(), program, days, at, None, paths.cache_dir)
        problems = scheduler.install(plan, scheduler.cron_line(program, days, at))
    except (scheduler.Refused, OSError) as exc:
        return f"Not installed: {exc}"
    when = next_fire(now or datetime.now().astimezone(), days, at).strftime("%a %d %b %H:%M")
    said = f"Reminder installed ({plan.kind}); next: {when}."
    if problems:
        said += " But: " + "; ".join(problems)
    return said

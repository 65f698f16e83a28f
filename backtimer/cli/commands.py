"""What each command does. Imports what it needs when it runs, so that ``--help`` and
``--version`` stay light."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from backtimer.cli import EXIT_DATA, EXIT_OK
from backtimer.store.errors import DataError

if TYPE_CHECKING:
    from backtimer.core.plan import Choice
    from backtimer.store.paths import Paths
    from backtimer.store.profile import Profile


class UsageError(Exception):
    """A bad value found after parsing (an unknown routine name): exit 2."""


@dataclass
class Context:
    args: argparse.Namespace
    out: TextIO
    today_override: date | None = None

    def today(self) -> date:
        chosen = self.option("date")
        if chosen is not None:
            return chosen  # type: ignore[no-any-return]
        return self.today_override or datetime.now().astimezone().date()

    def option(self, name: str) -> Any:
        return getattr(self.args, name, None)

    def paths(self) -> Paths:
        from backtimer.store.paths import resolve_paths

        return resolve_paths(
            self.option("data_dir"), self.option("catalog"), cache_dir=self.option("cache_dir")
        )

    def profile(self) -> Profile:
        from backtimer.store.profile import load_profile

        return load_profile(
            self.option("data_dir"), self.option("catalog"), self.option("cache_dir")
        )

    def json(self, data: Any) -> int:
        json.dump(data, self.out, indent=2, allow_nan=False)
        self.out.write("\n")
        return EXIT_OK


def cmd_exercises(ctx: Context) -> int:
    from backtimer.cli.render import exercise_json, exercises_table
    from backtimer.store.cache import Cache
    from backtimer.store.catalog import load_catalog

    paths = ctx.paths()
    catalog = load_catalog(paths.catalog, Cache(paths.cache_dir))
    if ctx.args.json:
        return ctx.json([exercise_json(e) for e in catalog.exercises.values()])
    ctx.out.write(exercises_table(catalog))
    return EXIT_OK


def cmd_check(ctx: Context) -> int:
    from backtimer.cli import checks

    paths = ctx.paths()
    problems = 0
    for name, check in checks.CHECKS:
        try:
            ctx.out.write(f"ok    {name}: {check(paths)}\n")
        except DataError as exc:
            problems += 1
            ctx.out.write(f"FAIL  {name}: {exc}\n")
    return EXIT_DATA if problems else EXIT_OK


def choice_from_args(ctx: Context, profile: Profile) -> Choice | None:
    """The routine or plan the flags ask for, or None for the default."""
    minutes = ctx.option("minutes")
    routine = ctx.option("routine")
    standing = ctx.option("standing") or False
    if routine is not None:
        if standing:
            raise UsageError("--standing applies to plans (--minutes), not to --routine")
        try:
            return profile.routine(routine, ctx.today())
        except KeyError as exc:
            raise UsageError(str(exc.args[0])) from None
    if minutes is None and not standing:
        return None
    return profile.plan(minutes or 10, standing=standing, day=ctx.today())


def run_app(ctx: Context, start: bool) -> int:
    from backtimer.tui.app import make_app

    app = make_app(
        data_dir=ctx.option("data_dir"),
        catalog=ctx.option("catalog"),
        cache_dir=ctx.option("cache_dir"),
        start=start,
        choose=lambda profile: choice_from_args(ctx, profile),
    )
    app.run()
    if app.save_error:  # the session could not be saved: say so where it can be seen
        print(f"backtimer: {app.save_error}", file=sys.stderr)
        return EXIT_DATA
    return app.return_code or EXIT_OK


def cmd_start(ctx: Context) -> int:
    return run_app(ctx, start=True)


def cmd_plan(ctx: Context) -> int:
    from backtimer.cli.render import plan_json, plan_text

    profile = ctx.profile()
    choice = choice_from_args(ctx, profile) or profile.default_choice(ctx.today())
    config = profile.settings.session_config()
    if ctx.args.json:
        return ctx.json(plan_json(choice, config))
    ctx.out.write(plan_text(choice, config))
    return EXIT_OK


def cmd_history(ctx: Context) -> int:
    from backtimer.cli.render import format_history
    from backtimer.core import stats
    from backtimer.store import journal
    from backtimer.store.cache import Cache
    from backtimer.store.settings import load_settings

    paths = ctx.paths()
    cache = Cache(paths.cache_dir)
    settings = load_settings(paths.settings, cache)
    log = journal.load(paths.sessions, cache)
    if log.torn:
        print(f"backtimer: warning: {log.torn_message()}", file=sys.stderr)
    data = stats.report(log.sessions, ctx.today(), settings.weekly_goal, ctx.args.weeks)
    if ctx.args.json:
        return ctx.json(data)
    ctx.out.write(format_history(data))
    return EXIT_OK


def cmd_export(ctx: Context) -> int:
    from backtimer.store import exchange, journal
    from backtimer.store.cache import Cache
    from backtimer.store.catalog import load_catalog
    from backtimer.store.tomlio import write_atomic

    paths = ctx.paths()
    cache = Cache(paths.cache_dir)
    sessions = exchange.since(journal.load(paths.sessions, cache).sessions, ctx.args.since)
    kind = ctx.args.format
    names: dict[str, str] = {}
    if kind in ("csv", "ics"):
        catalog = load_catalog(paths.catalog, cache)
        names = {e.id: e.name for e in catalog.exercises.values()}
    if kind == "json":
        text = json.dumps(exchange.to_json(sessions), indent=2, allow_nan=False) + "\n"
    elif kind == "csv":
        text = exchange.to_csv(sessions, names)
    elif kind == "habits-csv":
        text = exchange.to_habits_csv(sessions)
    else:
        text = exchange.to_ics(sessions, names, datetime.now().astimezone())
    if ctx.args.output:
        write_atomic(Path(ctx.args.output).expanduser(), text)
        print(f"backtimer: {len(sessions)} sessions written to {ctx.args.output}.", file=sys.stderr)
    else:
        ctx.out.write(text)
    return EXIT_OK


def _import(ctx: Context, source: Path, verb: str) -> int:
    from backtimer.store import exchange, journal
    from backtimer.store.cache import Cache

    paths = ctx.paths()
    incoming = exchange.read_sessions(source)
    log = journal.load(paths.sessions)
    plan = exchange.plan_import(log.sessions, incoming)
    if ctx.args.dry_run:
        ctx.out.write(f"Dry run, nothing written: {plan.summary('would be ' + verb)}\n")
        return EXIT_OK
    exchange.apply(paths.sessions, plan)
    journal.load(paths.sessions, Cache(paths.cache_dir))  # remember the new blocks
    ctx.out.write(plan.summary(verb) + "\n")
    return EXIT_DATA if plan.conflicts else EXIT_OK


def cmd_import(ctx: Context) -> int:
    return _import(ctx, Path(ctx.args.file).expanduser(), "added")


def cmd_merge(ctx: Context) -> int:
    other = Path(ctx.args.other).expanduser()
    if not (other / "sessions.toml").is_file():
        raise DataError(f"{other}: no sessions.toml in that folder.")
    return _import(ctx, other / "sessions.toml", "merged")


def cmd_progress(ctx: Context) -> int:
    from backtimer.cli.render import progress_json, progress_text

    profile = ctx.profile()
    today = ctx.today()
    data = progress_json(profile.catalog.exercises, profile.progress(today), today)
    if ctx.args.json:
        return ctx.json(data)
    ctx.out.write(progress_text(data))
    return EXIT_OK


def cmd_sound(ctx: Context) -> int:
    """Play one cue of each kind through every sink found, one after another."""
    import time

    from backtimer.core.cues import Cue
    from backtimer.output.choose import choose_sinks
    from backtimer.store.cache import Cache
    from backtimer.store.settings import load_settings

    paths = ctx.paths()
    settings = load_settings(paths.settings, Cache(paths.cache_dir))

    def ring() -> None:
        sys.stdout.write("\a")
        sys.stdout.flush()

    sinks = choose_sinks(settings, paths.cache_dir, ring)
    for sink in sinks.sinks:
        detail = getattr(getattr(sink, "voice", None), "program", "") or ""
        ctx.out.write(f"found: {sink.name}{f' ({detail})' if detail else ''}\n")
    if settings.voice != "off" and not any(s.name == "speech" for s in sinks.sinks):
        ctx.out.write(f"no speech: voice = {settings.voice!r} found nothing to speak with\n")
    samples = [
        Cue("announce", 0, "Bridge. Ten reps."),
        Cue("go", 0, "Go.", "go"),
        Cue("countdown", 0, "three.", "tick"),
        Cue("switch", 0, "Switch sides: now your left.", "switch"),
        Cue("done", 0, "Done. Well done.", "end"),
    ]
    for cue in samples:
        ctx.out.write(f"  {cue.kind:<10} {cue.text or ''}  [{cue.sound or 'no sound'}]\n")
        ctx.out.flush()
        sinks.play(cue)
        time.sleep(max(1.2, cue.seconds + 0.3))
    sinks.stop()
    return EXIT_OK


def cmd_safety(ctx: Context) -> int:
    from backtimer.core.safety import safety_text

    ctx.out.write(safety_text() + "\n")
    return EXIT_OK


Handler = Callable[[Context], int]

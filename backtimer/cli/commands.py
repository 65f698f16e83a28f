"""What each command does. Imports what it needs when it runs, so that ``--help`` and
``--version`` stay light."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from backtimer.cli import EXIT_DATA, EXIT_OK
from backtimer.cli.printable import warn
from backtimer.clock import Clock, MonotonicClock
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
    #: The one source of the time (``backtimer.clock``); tests pass a fake one.
    clock: Clock = field(default_factory=MonotonicClock)

    def now(self) -> datetime:
        """The local wall-clock time, from the clock."""
        return self.clock.wall()

    def today(self) -> date:
        chosen = self.option("date")
        if chosen is not None:
            return chosen  # type: ignore[no-any-return]
        return self.today_override or self.now().date()

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
        # one write: json.dump writes each token on its own (ten thousand writes
        # through the printable filter for a long history)
        self.out.write(json.dumps(data, indent=2, allow_nan=False) + "\n")
        return EXIT_OK


def cmd_exercises(ctx: Context) -> int:
    from backtimer.cli.render import exercise_json, exercises_table
    from backtimer.store.cache import Cache
    from backtimer.store.catalog import load_catalog

    paths = ctx.paths()
    catalog = load_catalog(paths.catalog, Cache(paths.cache_dir))
    if ctx.args.show:
        return _show_move(ctx, catalog, ctx.args.show)
    if ctx.args.json:
        return ctx.json([exercise_json(e) for e in catalog.exercises.values()])
    ctx.out.write(exercises_table(catalog))
    return EXIT_OK


def _show_move(ctx: Context, catalog: Any, move: str) -> int:
    """A move's key poses drawn side by side in Braille, with its name and steps."""
    from backtimer.core.figure_draw import side_by_side
    from backtimer.store.figures import load_figures

    exercise = catalog.exercises.get(move)
    if exercise is None:
        raise UsageError(f"no exercise has the id {move!r}; `backtimer exercises` lists them")
    figures, _ = load_figures()
    figure = figures.get(move)
    if figure is None:
        ctx.out.write(f"{exercise.name}: no figure yet.\n")
        return EXIT_OK
    lines = [exercise.name, "", *side_by_side(figure)]
    lines += ["", *(f"{n}. {step}" for n, step in enumerate(exercise.steps, 1))]
    ctx.out.write("\n".join(lines) + "\n")
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
    easy = ctx.option("easy") or False
    if routine is not None:
        if standing or easy:
            flag = "--standing" if standing else "--easy"
            raise UsageError(f"{flag} applies to plans (--minutes), not to --routine")
        try:
            return profile.routine(routine, ctx.today())
        except KeyError as exc:
            raise UsageError(str(exc.args[0])) from None
    if easy:  # about half the usual length unless --minutes says
        return profile.plan(minutes, standing=standing, easy=True, day=ctx.today())
    if minutes is None and not standing:
        return None
    if minutes is None:
        raise UsageError("--standing plans a length: add --minutes N (5-45)")
    return profile.plan(minutes or 10, standing=standing, day=ctx.today())


def no_terminal() -> str | None:
    """Why the full-screen app cannot run here, or None when it can: it needs a
    terminal on both ends that can move the cursor (textual-serve's own driver
    needs neither)."""
    import os

    if os.environ.get("TEXTUAL_DRIVER"):
        return None
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return "standard input and output are not a terminal"
    if os.environ.get("TERM") == "dumb":
        return "TERM=dumb: this terminal cannot move the cursor"
    return None


def run_app(ctx: Context, start: bool, desk_break: bool = False) -> int:
    import os

    dumb = os.environ.get("TERM") == "dumb" and sys.stdin.isatty() and sys.stdout.isatty()
    if ctx.option("plain") or (dumb and not desk_break and not os.environ.get("TEXTUAL_DRIVER")):
        from backtimer.cli.plain import run_plain

        profile = ctx.profile()
        choice = choice_from_args(ctx, profile) or profile.default_choice(ctx.today())
        return run_plain(profile, choice, ctx.clock)
    why = no_terminal()
    if why is not None:
        raise UsageError(
            f"the app needs a full terminal ({why}). `backtimer start --plain` runs the "
            "session as plain lines of text instead (for a screen reader, a pipe or ssh); "
            "`backtimer plan`, `backtimer history` and `backtimer status` print text "
            "anywhere."
        )
    from backtimer.tui.launch import make_app

    app = make_app(
        data_dir=ctx.option("data_dir"),
        catalog=ctx.option("catalog"),
        cache_dir=ctx.option("cache_dir"),
        start=start,
        desk_break=desk_break,
        choose=lambda profile: choice_from_args(ctx, profile),
    )
    app.run()
    if app.farewell:
        ctx.out.write(app.farewell + "\n")
    if app.save_error:  # the session could not be saved: say so where it can be seen
        warn(f"{app.save_error}")
        return EXIT_DATA
    return app.return_code or EXIT_OK


def cmd_start(ctx: Context) -> int:
    return run_app(ctx, start=True)


def cmd_break(ctx: Context) -> int:
    """A two-minute desk break, then back to the shell."""
    return run_app(ctx, start=False, desk_break=True)


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
    from backtimer.store import breaks, logbook, walks
    from backtimer.store.cache import Cache
    from backtimer.store.settings import load_settings

    paths = ctx.paths()
    cache = Cache(paths.cache_dir)
    settings = load_settings(paths.settings, cache)
    today, goal, count = ctx.today(), settings.weekly_goal, ctx.args.weeks
    since = stats.monday(today) - timedelta(weeks=count - 1)
    # a log the cache covers whole: its tally and only the weeks shown are built
    quick = logbook.recent(paths, cache, since)
    if quick is not None:
        found, _ = walks.load_all(paths.log_files("walks"), cache)
        desk = breaks.load_all(paths.log_files("breaks"), cache)
        whole = quick[0].add_walks(found, settings.walks_count).add_breaks(desk)
        data = stats.report_of(whole, quick[1], today, goal, count, found, desk)
    else:
        log = logbook.read(paths, cache)
        if log.torn:
            warn(f"warning: {log.torn_message()}")
        data = stats.report(
            log.sessions, today, goal, count, log.walks, settings.walks_count, log.breaks
        )
    if ctx.args.json:
        return ctx.json(data)
    ctx.out.write(format_history(data, _routine_names(paths, cache)))
    return EXIT_OK


def _routine_names(paths: Paths, cache: Any) -> dict[str, str]:
    """Routine id -> the name people see: the catalogue's and the saved ones (a file
    that does not read leaves its ids as they are: `check` says why)."""
    from backtimer.store.catalog import load_catalog
    from backtimer.store.routines import load_routines

    try:
        catalog = load_catalog(paths.catalog, cache)
    except DataError:
        return {}
    names = {r.id: r.name for r in catalog.routines.values()}
    with suppress(DataError):
        names |= {r.id: r.name for r in load_routines(paths.routines, catalog, cache).values()}
    return names


def cmd_export(ctx: Context) -> int:
    from backtimer.store import exchange, logbook
    from backtimer.store.cache import Cache
    from backtimer.store.tomlio import write_atomic

    paths = ctx.paths()
    cache = Cache(paths.cache_dir)
    log = logbook.read(paths, cache)
    sessions = exchange.since(log.sessions, ctx.args.since)
    kind = ctx.args.format
    names: dict[str, str] = {}
    routines: dict[str, str] = {}
    if kind in ("csv", "ics"):  # the names people see, saved routines' too
        catalog = ctx.profile().catalog
        names = {e.id: e.name for e in catalog.exercises.values()}
        routines = {r.id: r.name for r in catalog.routines.values()}
    if kind == "json":
        document = exchange.to_json(sessions, logbook.all_amendments(log))
        text = json.dumps(document, indent=2, allow_nan=False) + "\n"
    elif kind == "csv":
        text = exchange.to_csv(sessions, names, routines)
    elif kind == "habits-csv":
        text = exchange.to_habits_csv(sessions)
    else:
        text = exchange.to_ics(sessions, names, ctx.now(), routines)
    if ctx.args.output:
        target = Path(ctx.args.output).expanduser()
        _may_write(paths, target, force=ctx.args.force)
        write_atomic(target, text)
        warn(f"{len(sessions)} sessions written to {ctx.args.output}.")
    else:
        ctx.out.write(text)
    return EXIT_OK


def cmd_completion(ctx: Context) -> int:
    from backtimer.cli.completion import script

    ctx.out.write(script(ctx.args.shell))
    return EXIT_OK


def cmd_report(ctx: Context) -> int:
    """A report for a visit: the weeks' figures as ``history --json`` and ``progress
    --json`` give them, as an HTML page or Markdown."""
    from backtimer.cli.render import progress_json
    from backtimer.cli.report import report_data, to_markdown
    from backtimer.core import stats
    from backtimer.store.tomlio import write_atomic

    profile = ctx.profile()
    today, settings, log = ctx.today(), profile.settings, profile.log
    history = stats.report(
        log.sessions,
        today,
        settings.weekly_goal,
        ctx.args.weeks,
        log.walks,
        settings.walks_count,
        log.breaks,
    )
    progress = progress_json(profile.catalog.exercises, profile.progress(today), today)
    data = report_data(
        history,
        progress,
        log.sessions,
        profile.catalog.exercises,
        profile.avoided(today),
        log.breaks,
        profile.state.screening,
    )
    if ctx.args.format == "md":
        text = to_markdown(data)
    else:
        from backtimer.cli.report_html import to_html

        text = to_html(data)
    if ctx.args.output:
        target = Path(ctx.args.output).expanduser()
        _may_write(profile.paths, target, force=ctx.args.force)
        write_atomic(target, text)
        warn(f"Report of {ctx.args.weeks} weeks written to {ctx.args.output}.")
    else:
        ctx.out.write(text)
    return EXIT_OK


def _may_write(paths: Paths, target: Path, *, force: bool) -> None:
    """Refuse an export over backtimer's own files (whatever ``--force`` says), into
    its cache, over a folder, or over any existing file without ``--force``."""
    where = target.resolve()
    files = [paths.state, paths.settings, paths.routines, paths.catalog]
    kinds = ("sessions", "amendments", "walks", "breaks")
    logs = [p for kind in kinds for p in paths.log_files(kind)]
    own = {p.resolve() for p in [*files, *logs]}
    if where in own or paths.cache_dir.resolve() in where.parents:
        raise DataError(
            f"{target}: that is one of backtimer's own files (or its cache); an export "
            "never replaces it. Nothing was written; choose another file."
        )
    if where.is_dir():
        raise DataError(f"{target}: a folder; give a file name. Nothing was written.")
    if (target.exists() or target.is_symlink()) and not force:
        raise DataError(
            f"{target}: the file exists; add --force to replace it. Nothing was written."
        )


def _import(ctx: Context, incoming: Any, verb: str) -> int:
    """Add what ``incoming`` (``exchange.Incoming``) holds that the log does not, to
    this machine's own files."""
    from backtimer.store import exchange, journal, logbook
    from backtimer.store.cache import Cache

    paths = ctx.paths()
    log = logbook.read(paths)
    plan = exchange.plan_import(
        logbook.logged(log),
        incoming.sessions,
        log.sessions,
        have=logbook.all_amendments(log),
        fixes=incoming.amendments,
    )
    if ctx.args.dry_run:
        ctx.out.write(f"Dry run, nothing written: {plan.summary('would be ' + verb)}\n")
        return EXIT_OK
    exchange.apply(paths.sessions, plan, paths.amendments)
    journal.load(paths.sessions, Cache(paths.cache_dir))  # remember the new blocks
    ctx.out.write(plan.summary(verb) + "\n")
    return EXIT_DATA if plan.conflicts else EXIT_OK


def cmd_import(ctx: Context) -> int:
    from backtimer.store import exchange

    return _import(ctx, exchange.read_sessions(Path(ctx.args.file).expanduser()), "added")


def cmd_merge(ctx: Context) -> int:
    from backtimer.store import exchange, logbook
    from backtimer.store.paths import log_files

    other = Path(ctx.args.other).expanduser()
    found = [*log_files(other, "sessions"), *log_files(other, "amendments")]
    if not any(p.is_file() for p in found):
        raise DataError(
            f"{other}: no session log in that folder (sessions.toml or sessions-*.toml)."
        )
    log = logbook.read_folder(other)
    incoming = exchange.Incoming(logbook.logged(log), logbook.all_amendments(log))
    return _import(ctx, incoming, "merged")


def cmd_progress(ctx: Context) -> int:
    from backtimer.cli.render import progress_json, progress_text

    profile = ctx.profile()
    today = ctx.today()
    data = progress_json(profile.catalog.exercises, profile.progress(today), today)
    if ctx.args.json:
        return ctx.json(data)
    ctx.out.write(progress_text(data))
    return EXIT_OK


def cmd_serve(ctx: Context) -> int:
    from backtimer.web import serve

    args = ctx.args
    remote = not serve.is_loopback(args.host)
    if remote and not args.allow_remote:
        raise UsageError(
            f"--host {args.host} would let anyone on that network use backtimer as you; "
            "add --allow-remote to mean it (a token will be needed in the URL)"
        )
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: not a port")
    if not 1 <= args.max_tabs <= 20:
        raise UsageError(f"--max-tabs {args.max_tabs}: give 1 to 20")
    if not serve.installed():
        raise DataError(serve.INSTALL_HINT)
    options = []
    for name in ("data_dir", "catalog", "cache_dir"):
        if ctx.option(name):
            options += [f"--{name.replace('_', '-')}", str(ctx.option(name))]
    token = serve.new_token()
    server = serve.make_server(
        serve.app_command(options), args.host, args.port, token, max_tabs=args.max_tabs
    )
    url = serve.served_url(args.host, args.port, token)
    serve.serve(server, url, remote, open_browser=args.open)
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


def _week(ctx: Context, today: date) -> tuple[Any, Any]:
    """This week at a glance: from the state file's summary when it still describes
    the log (no Textual, no pydantic), else from the log, refreshing the summary."""
    from backtimer.store import summary
    from backtimer.store.cache import Cache
    from backtimer.store.settings import load_settings

    paths = ctx.paths()
    settings = load_settings(paths.settings, Cache(paths.cache_dir))
    found = summary.read(paths, today)
    if found is None:
        from backtimer.store import logbook
        from backtimer.store.quick import stamp
        from backtimer.store.state import load_state, update_state

        mark, settings_mark = logbook.mark(paths), stamp(paths.settings)
        log = logbook.read(paths, Cache(paths.cache_dir))
        found = summary.make(log.sessions, today, settings, mark, settings_mark, log.walks)
        if paths.data_dir.is_dir():
            # a read-only folder: the next status reads the log again
            with suppress(OSError, DataError):
                update_state(paths.state, load_state(paths.state), summary=found.plain())
    return found, settings


def cmd_status(ctx: Context) -> int:
    """The full path of `backtimer status`: read the log, refresh the summary, answer."""
    from backtimer.cli.status import render

    now = ctx.now()
    found, settings = _week(ctx, ctx.today_override or now.date())
    text = render(
        found.week,
        now,
        ctx.today_override,
        settings.remind_days,
        settings.remind_at,
        settings.status_quiet,
        ctx.args,
    )
    if text is None:
        names = "{done} {goal} {streak} {due} {next} {line}"
        raise UsageError(f"--format {ctx.args.format!r}: use only {names}")
    ctx.out.write(text)
    return EXIT_OK


def job_options(ctx: Context, paths: Paths) -> list[str]:
    """The options a scheduled job needs to use the files this person uses: every
    folder chosen by a flag or by the environment (the job has neither), absolute."""
    import os

    options = []
    chosen = {
        "--data-dir": (
            ctx.option("data_dir") or os.environ.get("BACKTIMER_DATA_DIR"),
            paths.data_dir,
        ),
        "--catalog": (ctx.option("catalog") or os.environ.get("BACKTIMER_CATALOG"), paths.catalog),
        "--cache-dir": (
            ctx.option("cache_dir") or os.environ.get("BACKTIMER_CACHE_DIR"),
            paths.cache_dir,
        ),
    }
    for flag, (given, path) in chosen.items():
        if given:
            options += [flag, str(path.absolute())]
    return options


def _reminder_plan(
    ctx: Context, paths: Paths, days: tuple[str, ...], at: tuple[int, int], breaks: Any = None
) -> tuple[Any, str]:
    from backtimer.output import scheduler

    program = [sys.executable, "-m", "backtimer", *job_options(ctx, paths)]
    try:
        plan = scheduler.choose(Path.home(), program, days, at, breaks, paths.cache_dir)
        return plan, scheduler.cron_line(program, days, at, breaks)
    except scheduler.Refused as exc:
        raise DataError(str(exc)) from None


def _break_due(ctx: Context, paths: Paths, state: Any, settings: Any, now: datetime) -> bool:
    """Is a desk-break nudge due now (``--if-due --breaks``)?"""
    from backtimer.core.reminders import break_due
    from backtimer.store import breaks
    from backtimer.store.cache import Cache

    found = breaks.load_all(paths.log_files("breaks"), Cache(paths.cache_dir))
    last = found[-1].started_at if found else None
    return break_due(
        now,
        hours=ctx.args.breaks,
        every=ctx.args.every,
        last_break=last,
        last_nudge=state.last_break_nudge,
        paused_until=settings.remind_paused_until,
    )


def cmd_remind(ctx: Context) -> int:
    from backtimer.core.reminders import (
        BREAK_SENTENCE,
        due,
        next_fire,
        parse_days,
        parse_time,
        sentence,
    )
    from backtimer.output import scheduler

    args = ctx.args
    now = ctx.now()
    today = ctx.today_override or now.date()
    if args.if_due:
        from backtimer.output.notify import notify
        from backtimer.store.state import load_state, update_state

        found, settings = _week(ctx, today)
        paths = ctx.paths()
        state = load_state(paths.state)
        try:
            days = parse_days(",".join(settings.remind_days))
            at = parse_time(settings.remind_at)
        except ValueError as exc:
            raise DataError(f"{paths.settings}: remind_days or remind_at: {exc}.") from None
        if not due(
            found.week,
            now,
            days=days,
            at=at,
            last_nudge=state.last_reminder,
            paused_until=settings.remind_paused_until,
        ):
            if args.breaks is not None and _break_due(ctx, paths, state, settings, now):
                sent = notify("backtimer", BREAK_SENTENCE)
                update_state(paths.state, state, last_break_nudge=now)
                ctx.out.write(f"break nudged{' via ' + sent if sent else ' (no notifier found)'}\n")
            return EXIT_OK
        sent = notify("backtimer", f"{sentence(found.week, today)} Type `backtimer start`.")
        update_state(paths.state, state, last_reminder=today, last_break_nudge=now)
        ctx.out.write(f"nudged{' via ' + sent if sent else ' (no notifier found)'}\n")
        return EXIT_OK
    if args.action is None:
        raise UsageError("remind: say install, remove or status (or --if-due)")
    from backtimer.store.cache import Cache
    from backtimer.store.settings import load_settings

    paths = ctx.paths()
    settings = load_settings(paths.settings, Cache(paths.cache_dir))
    try:
        days = parse_days(args.days or ",".join(settings.remind_days))
        at = parse_time(args.at or settings.remind_at)
    except ValueError as exc:
        raise UsageError(f"remind: {exc}") from None
    breaks = None
    if args.breaks is not None:
        breaks = scheduler.Breaks(args.breaks[0], args.breaks[1], args.every)
    plan, cron_line = _reminder_plan(ctx, paths, days, at, breaks)
    if args.print:
        for path, text in plan.files.items():
            ctx.out.write(f"# {path}\n{text}\n")
        for argv in plan.commands if args.action != "remove" else plan.remove_commands:
            ctx.out.write(" ".join(argv) + "\n")
        if plan.kind == "cron":
            ctx.out.write(f"# crontab line\n{cron_line}\n")
        return EXIT_OK
    if args.action == "install":
        try:
            problems = scheduler.install(plan, cron_line)
        except scheduler.Refused as exc:
            raise DataError(str(exc)) from None
        when = next_fire(now, days, at).strftime("%a %d %b %H:%M")
        ctx.out.write(f"Reminder installed ({plan.kind}); next: {when}.\n")
        if breaks is not None:
            ctx.out.write(
                f"Desk-break nudges: Monday to Friday, {breaks.text}, after "
                f"{breaks.every} minutes with no break (quiet once you take one).\n"
            )
        for problem in problems:
            ctx.out.write(f"  but: {problem}\n")
        return EXIT_DATA if problems else EXIT_OK
    if args.action == "remove":
        stdin = None
        if plan.kind == "cron":
            stdin = scheduler.crontab_with(scheduler.current_crontab(), None)
        scheduler.run(plan.remove_commands, stdin)
        removed = scheduler.remove_files(plan)
        ctx.out.write(f"Reminder removed ({plan.kind}; {len(removed)} file(s)).\n")
        return EXIT_OK
    installed = [p for p in plan.files if scheduler.ours(p)] if plan.files else []
    if plan.kind == "cron":
        installed_cron = scheduler.MARKER in scheduler.current_crontab()
        state_text = "installed" if installed_cron else "not installed"
    else:
        state_text = "installed" if installed else "not installed"
    ctx.out.write(
        f"{plan.kind}: {state_text}; days {','.join(days)} at {at[0]:02d}:{at[1]:02d}; "
        f"next: {next_fire(now, days, at).strftime('%a %d %b %H:%M')}.\n"
    )
    return EXIT_OK


def cmd_sessions(ctx: Context) -> int:
    from backtimer.cli.corrections import sessions

    return sessions(ctx)


def cmd_amend(ctx: Context) -> int:
    from backtimer.cli.corrections import amend

    return amend(ctx)


def cmd_learn(ctx: Context) -> int:
    """Every learn card, as text or JSON."""
    import textwrap

    from backtimer.core.learn import CARDS, text_of

    stop = "'When to stop' in the README, or ? then s in the app"
    if ctx.args.json:
        cards = [{"id": c.id, "title": c.title, "text": text_of(c, stop)} for c in CARDS]
        return ctx.json(cards)
    for card in CARDS:
        text = text_of(card, stop)
        body = textwrap.fill(text, width=78, initial_indent="  ", subsequent_indent="  ")
        ctx.out.write(f"{card.title}\n{body}\n\n")
    return EXIT_OK


def cmd_walk(ctx: Context) -> int:
    """Record a walk; say what it did for the week."""
    import secrets

    from backtimer.core import stats
    from backtimer.core.walk import COUNTS_FROM_MINUTES, new_walk

    profile = ctx.profile()
    now = ctx.now()
    today = ctx.today_override or now.date()
    day = ctx.args.date or today
    if day > today:
        raise DataError(f"{day}: that day has not come yet; nothing was recorded.")
    walk = new_walk(day, ctx.args.minutes, now, secrets.token_hex(3))
    profile.walk(walk)
    settings, log = profile.settings, profile.log
    [week] = stats.weeks(
        log.sessions, day, settings.weekly_goal, 1, log.walks, settings.walks_count
    )
    if settings.walks_count and walk.minutes >= COUNTS_FROM_MINUTES:
        counted = f"It counts as a session: {week.sessions}/{settings.weekly_goal} that week."
    elif settings.walks_count:
        counted = f"Walks of {COUNTS_FROM_MINUTES} minutes or more count as a session."
    else:
        counted = (
            "Walks do not count toward the goal (walks_count = true in settings to count them)."
        )
    ctx.out.write(
        f"Walk of {walk.minutes} min on {day:%a %d %b} recorded; {week.walk_minutes} min "
        f"walked that week. {counted}\n"
    )
    return EXIT_OK


def cmd_delete(ctx: Context) -> int:
    from backtimer.cli.corrections import delete

    return delete(ctx)

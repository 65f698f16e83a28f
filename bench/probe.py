"""Run one app and report on it: when its first frame was painted, its memory, its pid.

    python bench/probe.py bare|tick|home|home-after|first|session [--headless]
        [--mark FILE] [--stay S] [--count-from S] [--data-dir D --catalog C --routine R]
        [--variant shipped|no-plain-lines]

On the first frame of the target screen it writes "painted <pid> <CPU ms so far>" to
--mark (or stdout), then stays --stay seconds (for CPU and memory readings), and
before exiting writes "cpu <s> <wall s>" (its own CPU time from --count-from seconds
after the first frame to the end), "frames <n>" (frames painted in that time) and
"rss <kB>".

``tick`` is the bare app updating a Static once a second; ``home-after`` records a
session through the profile first, as a session just finished would; ``first`` is a
brand-new profile (its first frame is whatever it shows first).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def record_one(data_dir: str, catalog: str) -> None:
    """Save a session as the app does at the end of one (outside the timing)."""
    from backtimer.clock import FakeClock
    from backtimer.core.engine import Session
    from backtimer.store.profile import load_profile

    profile = load_profile(data_dir, catalog)
    clock = FakeClock(start=0.0)
    choice = profile.routine("bench-quick", clock.wall().date())
    session = Session(choice.steps, 0.0, clock.wall())
    profile.record(session.record(30.0), "bench-quick")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("which", choices=["bare", "tick", "home", "home-after", "first", "session"])
    parser.add_argument("--headless", action="store_true")
    parser.add_argument("--mark")
    parser.add_argument("--stay", type=float, default=0.0)
    parser.add_argument("--count-from", type=float, default=0.0)
    parser.add_argument("--data-dir")
    parser.add_argument("--catalog")
    parser.add_argument("--routine")
    parser.add_argument("--variant", default="shipped", help="see variants.py")
    args = parser.parse_args()
    if args.variant != "shipped":
        from variants import apply

        apply(args.variant)

    def say(text: str) -> None:
        if args.mark:
            with open(args.mark, "a") as handle:
                handle.write(text + "\n")
        else:
            print(text, flush=True)

    if args.which in ("bare", "tick"):
        from bare_app import BareApp, TickApp
        from textual.screen import Screen

        app = TickApp() if args.which == "tick" else BareApp()
        target: type = Screen
    else:
        if args.which == "home-after":
            record_one(args.data_dir, args.catalog)
        from backtimer.tui.launch import make_app

        app = make_app(
            data_dir=args.data_dir,
            catalog=args.catalog,
            routine=args.routine,
            start=args.which == "session",
        )
        if args.which == "session":
            from backtimer.tui.screens.session import SessionScreen as target
        elif args.which == "first":
            from textual.screen import Screen as target
        else:
            from backtimer.tui.screens.home import HomeScreen as target

    import os
    import time

    painted: float | None = None
    frames = 0

    def hook() -> None:
        nonlocal painted, frames
        if painted is None and isinstance(app.screen, target) and app.screen.is_mounted:
            painted = time.monotonic()
            cpu = os.times()
            say(f"painted {os.getpid()} {(cpu.user + cpu.system) * 1000:.0f}")
            app.set_timer(args.count_from, start_window) if args.count_from else start_window()
            app.set_timer(args.stay, finish) if args.stay else finish()
        elif painted is not None and time.monotonic() - painted >= args.count_from:
            frames += 1

    window: list[float] = []

    def start_window() -> None:
        window[:] = [time.monotonic(), time.process_time()]

    def finish() -> None:
        if window:  # this process's CPU time, exact (/proc counts 10 ms ticks)
            wall, cpu = time.monotonic() - window[0], time.process_time() - window[1]
            say(f"cpu {cpu:.6f} {wall:.6f}")
        say(f"frames {frames}")
        say(f"rss {rss_kb()}")
        app.exit()

    app.post_display_hook = hook  # called after every frame, headless or not
    app.run(headless=args.headless)


if __name__ == "__main__":
    main()

"""Run one app and report on it: when its first frame was painted, its memory, its pid.

    python bench/probe.py bare|home|session [--headless] [--mark FILE] [--stay S]
        [--data-dir D --catalog C --routine R]

On the first frame of the target screen it writes "painted <pid>" to --mark (or stdout),
then stays --stay seconds (for CPU and memory readings) and writes "rss <kB>" before
exiting.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("which", choices=["bare", "home", "session"])
    parser.add_argument("--headless", action="store_true")
    parser.add_argument("--mark")
    parser.add_argument("--stay", type=float, default=0.0)
    parser.add_argument("--data-dir")
    parser.add_argument("--catalog")
    parser.add_argument("--routine")
    args = parser.parse_args()

    def say(text: str) -> None:
        if args.mark:
            with open(args.mark, "a") as handle:
                handle.write(text + "\n")
        else:
            print(text, flush=True)

    if args.which == "bare":
        from bare_app import BareApp
        from textual.screen import Screen

        app = BareApp()
        target: type = Screen
    else:
        from backtimer.tui.app import make_app

        app = make_app(
            data_dir=args.data_dir,
            catalog=args.catalog,
            routine=args.routine,
            start=args.which == "session",
        )
        if args.which == "session":
            from backtimer.tui.screens.session import SessionScreen as target
        else:
            from backtimer.tui.screens.home import HomeScreen as target

    import os

    painted = False

    def hook() -> None:
        nonlocal painted
        if not painted and isinstance(app.screen, target) and app.screen.is_mounted:
            painted = True
            say(f"painted {os.getpid()}")
            app.set_timer(args.stay, finish) if args.stay else finish()

    def finish() -> None:
        say(f"rss {rss_kb()}")
        app.exit()

    app.post_display_hook = hook  # called after every frame, headless or not
    app.run(headless=args.headless)


if __name__ == "__main__":
    main()

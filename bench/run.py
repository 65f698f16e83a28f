"""Run every benchmark and print the table; --write also saves docs/benchmarks.md.

    .venv/bin/python bench/run.py            # the full run (about ten minutes)
    .venv/bin/python bench/run.py --quick    # a short smoke run of every figure
    .venv/bin/python bench/run.py --write    # full run, and update docs/benchmarks.md
    .venv/bin/python bench/run.py --from "log scaling"   # that step and those after it

Every figure is measured against a baseline in the same run (a bare Textual app, an
empty log, a small log), because absolute times on a shared machine drift. Needs tmux.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # tests.unit helpers

import cpu_memory  # noqa: E402
import exchange_speed  # noqa: E402
import log_scaling  # noqa: E402
import peers  # noqa: E402
import startup  # noqa: E402
import status_speed  # noqa: E402
import timer_truth  # noqa: E402
from common import ROOT, Row, table  # noqa: E402


def main() -> int:
    quick = "--quick" in sys.argv
    write = "--write" in sys.argv and not quick
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    started = time.monotonic()
    rows: list[Row] = []
    steps = [
        ("start-up", lambda: startup.measure(runs=3 if quick else startup.RUNS)),
        ("timer truth", lambda: timer_truth.measure(quick=quick)),
        ("CPU and memory", lambda: cpu_memory.measure(window=5.0 if quick else 20.0)),
        (
            "PlainLines on its own",
            lambda: cpu_memory.plain_lines(runs=2 if quick else 5, window=5.0 if quick else 12.0),
        ),
        (
            "figures on and off",
            lambda: cpu_memory.figures(runs=2 if quick else 5, window=5.0 if quick else 12.0),
        ),
        (
            "log scaling",
            lambda: log_scaling.measure(
                runs=2 if quick else 7,
                sizes=(0, 10, 200) if quick else log_scaling.SIZES,
            ),
        ),
    ]
    steps += [
        ("status line", lambda: status_speed.measure(runs=5 if quick else 15)),
        ("export and import", lambda: exchange_speed.measure(1000 if quick else 10_000)),
        ("peers", lambda: peers.measure(window=5.0 if quick else 20.0)),
    ]
    if "--from" in sys.argv:  # a run that stopped part way: go on from a step
        first = sys.argv[sys.argv.index("--from") + 1]
        names = [name for name, _ in steps]
        if first not in names:
            raise SystemExit(f"run.py: --from takes one of {names}")
        steps = steps[names.index(first) :]
        write = False
    for name, step in steps:
        print(f"... {name}", file=sys.stderr, flush=True)
        found = step()
        rows += found
        print(table(found), file=sys.stderr, flush=True)  # kept if a later step fails
    result = table(rows)
    print(result)
    missed = [r for r in rows if r.met is False]
    print(f"{len(missed)} target(s) missed; {time.monotonic() - started:.0f} s.", file=sys.stderr)
    if write:
        doc = ROOT / "docs" / "benchmarks.md"
        text = doc.read_text()
        head, _, rest = text.partition("<!-- results -->")
        _, _, tail = rest.partition("<!-- /results -->")
        stamp = (
            f"Run on {date.today().isoformat()}, Python {platform.python_version()}, "
            f"{os.cpu_count()} cores, {platform.machine()}.\n\n"
        )
        doc.write_text(f"{head}<!-- results -->\n{stamp}{result}<!-- /results -->{tail}")
        print(f"wrote {doc}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

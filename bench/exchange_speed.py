"""Figure 7: exporting 10,000 sessions as JSON and importing them into an empty folder."""

from __future__ import annotations

import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import PYTHON, Row


def measure(count: int = 10_000) -> list[Row]:
    from backtimer.store.journal import append_many
    from tests.unit.journal_helpers import entry

    folder = Path(tempfile.mkdtemp(prefix="backtimer-exchange-"))
    start = datetime(2000, 1, 3, 8, tzinfo=UTC)
    append_many(
        folder / "src" / "sessions.toml",
        [entry(start + timedelta(hours=12 * n), n=n) for n in range(count)],
    )
    out = folder / "all.json"
    began = time.perf_counter()
    subprocess.run(
        [
            PYTHON,
            "-m",
            "backtimer",
            "export",
            "--output",
            str(out),
            "--data-dir",
            str(folder / "src"),
        ],
        check=True,
        capture_output=True,
    )
    exported = time.perf_counter() - began
    began = time.perf_counter()
    subprocess.run(
        [PYTHON, "-m", "backtimer", "import", str(out), "--data-dir", str(folder / "dst")],
        check=True,
        capture_output=True,
    )
    imported = time.perf_counter() - began
    began = time.perf_counter()
    subprocess.run(
        [PYTHON, "-m", "backtimer", "history", "--json", "--data-dir", str(folder / "dst")],
        check=True,
        capture_output=True,
    )
    history = time.perf_counter() - began
    return [
        Row(
            "7 exchange",
            f"export {count:,} sessions as JSON (s)",
            "-",
            f"{exported:.1f}",
            "-",
            "seconds, not minutes",
            exported < 60,
        ),
        Row(
            "7 exchange",
            "import them into an empty folder (s)",
            "-",
            f"{imported:.1f}",
            "-",
            "seconds, not minutes",
            imported < 60,
        ),
        Row(
            "7 exchange",
            "`history --json` right after the import (s)",
            "-",
            f"{history:.2f}",
            "-",
            "-",
            None,
        ),
    ]

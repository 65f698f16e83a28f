"""A corrections file: ``amendments-<device>.toml`` beside the log (each machine its
own; an ``amendments.toml`` of an earlier version is read too), one ``[[amendment]]``
block per correction, appended and never rewritten (``store.records``)::

    [[amendment]]
    id = "20261205T181500-k3v9qa"
    made_at = 2026-12-05T18:15:00+01:00
    session = "20261205T080000-ab12cd"
    action = "pain"
    pain_after = 2
    # end of amendment 20261205T181500-k3v9qa
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from backtimer.core.amend import Amendment, amendment_problem
from backtimer.store import records
from backtimer.store.cache import Cache

KIND = records.Kind(
    table="amendment",
    noun="correction",
    cls=Amendment,
    problem=amendment_problem,
    header=(
        "# backtimer corrections to the session log. One [[amendment]] block per\n"
        "# correction, appended and never rewritten; each names a session by its id.\n"
    ),
)
Corrections = records.Records[Amendment]


def append(path: Path, amendment: Amendment) -> None:
    """Append one correction; fsync. It is checked to read back as itself first."""
    records.append_many(path, KIND, [amendment])


def append_many(path: Path, found: Sequence[Amendment]) -> None:
    records.append_many(path, KIND, found)


def load(path: Path, cache: Cache | None = None) -> Corrections:
    """The corrections in ``path`` (none when it does not exist)."""
    return records.load(path, KIND, cache)

"""The person's ``settings.toml``: read and validated, and saved by changing only the
keys that changed, so their comments, order and formatting survive."""

from __future__ import annotations

from pathlib import Path

from backtimer.core.settings import Settings
from backtimer.store.cache import Cache
from backtimer.store.files import load_validated
from backtimer.store.tomlio import save_changes

HEADER = "# backtimer settings. `backtimer check` validates this file.\n"


def load_settings(path: Path, cache: Cache | None = None) -> Settings:
    """Read settings; a missing file means the defaults. Bad values raise DataError."""
    if not path.exists():
        return Settings()
    settings, _ = load_validated(path, cache, "settings", Settings)
    return settings


def save_settings(path: Path, old: Settings, new: Settings) -> None:
    """Write what changed from ``old`` to ``new`` into ``path``, and nothing else."""
    changes = new.changed_from(old)
    changes.pop("safety_acknowledged", None)  # state, not a setting: see store.state
    if changes or not path.exists():
        save_changes(path, changes, HEADER)

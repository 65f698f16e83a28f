"""Where backtimer's files live, overridable by flag and environment variable."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs

APP = "backtimer"
CATALOG_NAME = "exercises.toml"


def shipped_catalog() -> Path:
    """The catalogue that ships with the package.

    A wheel carries it inside the package; a source checkout (editable install)
    keeps it at the repository root.
    """
    packaged = Path(str(resources.files("backtimer"))) / CATALOG_NAME
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / CATALOG_NAME


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path
    catalog: Path
    catalog_source: str

    @property
    def sessions(self) -> Path:
        return self.data_dir / "sessions.toml"

    @property
    def settings(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def routines(self) -> Path:
        return self.config_dir / "routines.toml"

    @property
    def cache_dir(self) -> Path:
        """Files already validated, remembered by their hash (safe to delete)."""
        return self.data_dir / ".cache"


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None,
    catalog: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> Paths:
    """Work out every path from flags, then environment, then platform defaults.

    ``--data-dir`` (or ``BACKTIMER_DATA_DIR``) moves the log *and* the settings, so
    one flag isolates a whole profile (tests, a second person on the machine).
    """
    env = os.environ if env is None else env
    chosen = data_dir or env.get("BACKTIMER_DATA_DIR") or None
    if chosen:
        data = config = Path(chosen).expanduser()
    else:
        data = Path(platformdirs.user_data_dir(APP, appauthor=False))
        config = Path(platformdirs.user_config_dir(APP, appauthor=False))
    if catalog:
        cat, source = Path(catalog).expanduser(), "--catalog"
    elif env.get("BACKTIMER_CATALOG"):
        cat, source = Path(env["BACKTIMER_CATALOG"]).expanduser(), "BACKTIMER_CATALOG"
    elif (config / CATALOG_NAME).is_file():
        cat, source = config / CATALOG_NAME, "config dir"
    else:
        cat, source = shipped_catalog(), "shipped"
    return Paths(data_dir=data, config_dir=config, catalog=cat, catalog_source=source)

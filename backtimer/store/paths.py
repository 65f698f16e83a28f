"""Where backtimer's files live, overridable by flag and environment variable."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from backtimer.store.errors import DataError

APP = "backtimer"
CATALOG_NAME = "exercises.toml"
#: The log's files in the data folder: the old single log (``sessions.toml``), each
#: machine's own (``sessions-<device>.toml``), and their corrections alike. A sync
#: tool's conflict copy has dots, spaces or brackets in its name, so it is none of them.
LOG_FILE = re.compile(r"(sessions|amendments|walks|breaks)(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?\.toml")


def shipped_catalog() -> Path:
    """The catalogue that ships with the package.

    A wheel carries it inside the package; a source checkout (editable install)
    keeps it at the repository root.
    """
    package = Path(__file__).resolve().parent.parent
    packaged = package / CATALOG_NAME
    if packaged.is_file():
        return packaged
    return package.parent / CATALOG_NAME


def _expand(text: str | os.PathLike[str], what: str) -> Path:
    """``~`` and ``~user`` expanded; a path that cannot be is a clear error."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        shown = str(text)[:80]
        raise DataError(f"{shown}: {what} names a home folder that does not exist.") from None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long, a folder that cannot be read
        return False


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path
    cache_dir: Path
    catalog: Path
    catalog_source: str

    @cached_property
    def device(self) -> str:
        """This machine's name (``store.device``), chosen once."""
        from backtimer.store.device import device_name

        return device_name(self.cache_dir)

    @property
    def sessions(self) -> Path:
        """This machine's session log: the only one it appends to."""
        return self.data_dir / f"sessions-{self.device}.toml"

    @property
    def amendments(self) -> Path:
        """This machine's corrections to the log (deletions, pain ratings, notes)."""
        return self.data_dir / f"amendments-{self.device}.toml"

    @property
    def walks(self) -> Path:
        """This machine's walks (``store.walks``)."""
        return self.data_dir / f"walks-{self.device}.toml"

    @property
    def breaks(self) -> Path:
        """This machine's desk breaks (``store.breaks``)."""
        return self.data_dir / f"breaks-{self.device}.toml"

    @property
    def legacy_sessions(self) -> Path:
        """The single log of backtimer before device files: read, never written."""
        return self.data_dir / "sessions.toml"

    def log_files(self, kind: str = "sessions") -> list[Path]:
        """Every file of ``kind`` ("sessions", "amendments", "walks", "breaks") in the
        data folder, the old single file first, then by name; this machine's own even
        before it exists."""
        return log_files(self.data_dir, kind, self.data_dir / f"{kind}-{self.device}.toml")

    @property
    def state(self) -> Path:
        """What backtimer remembers between runs (not settings): safety read, last routine."""
        return self.data_dir / "state.toml"

    @property
    def settings(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def routines(self) -> Path:
        return self.config_dir / "routines.toml"


def log_files(data_dir: Path, kind: str, own: Path | None = None) -> list[Path]:
    """The files of ``kind`` in ``data_dir`` named as the log's files are (``LOG_FILE``),
    the old single file first; ``own`` is included whether it exists or not."""
    found = {own} if own is not None else set()
    try:
        with os.scandir(data_dir) as entries:
            for entry in entries:
                match = LOG_FILE.fullmatch(entry.name)
                if match and match[1] == kind:
                    found.add(data_dir / entry.name)
    except OSError:
        pass
    return sorted(found, key=lambda p: (p.name != f"{kind}.toml", p.name))


def resolve_paths(
    data_dir: str | os.PathLike[str] | None = None,
    catalog: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
) -> Paths:
    """Work out every path from flags, then environment, then platform defaults.

    ``--data-dir`` (or ``BACKTIMER_DATA_DIR``) moves the log *and* the settings, so
    one flag isolates a whole profile (tests, a second person on the machine). The
    cache (``--cache-dir``, ``BACKTIMER_CACHE_DIR``) defaults to the platform's cache
    folder, never beside the log that people sync.
    """
    env = os.environ if env is None else env
    chosen = data_dir or env.get("BACKTIMER_DATA_DIR") or None
    cache_chosen = cache_dir or env.get("BACKTIMER_CACHE_DIR") or None
    if chosen:
        data = config = _expand(chosen, "--data-dir")
    else:
        import platformdirs

        data = Path(platformdirs.user_data_dir(APP, appauthor=False))
        config = Path(platformdirs.user_config_dir(APP, appauthor=False))
    if cache_chosen:
        cache = _expand(cache_chosen, "--cache-dir")
    else:
        import platformdirs

        cache = Path(platformdirs.user_cache_dir(APP, appauthor=False))
    if catalog:
        cat, source = _expand(catalog, "--catalog"), "--catalog"
    elif env.get("BACKTIMER_CATALOG"):
        cat, source = _expand(env["BACKTIMER_CATALOG"], "BACKTIMER_CATALOG"), "BACKTIMER_CATALOG"
    elif _is_file(config / CATALOG_NAME):
        cat, source = config / CATALOG_NAME, "config dir"
    else:
        cat, source = shipped_catalog(), "shipped"
    return Paths(
        data_dir=data, config_dir=config, cache_dir=cache, catalog=cat, catalog_source=source
    )

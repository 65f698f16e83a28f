from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from backtimer.core.routine import Catalog
from backtimer.store.catalog import load_catalog
from backtimer.store.paths import shipped_catalog

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(shipped_catalog())


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never read or write the real user's folders from a test."""
    monkeypatch.setenv("BACKTIMER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BACKTIMER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BACKTIMER_CATALOG", raising=False)
    # the app's colours follow the terminal's (16 colours are chosen by name): tests
    # and their screenshots see a true-colour terminal, whatever TERM says here
    monkeypatch.setenv("COLORTERM", "truecolor")


def _tree_status() -> str | None:
    """``git status`` of the working tree (untracked files included), or None outside
    a git checkout."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None
    result = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout if result.returncode == 0 else None


@pytest.fixture(scope="session", autouse=True)
def _tests_leave_no_trace() -> Iterator[None]:
    """The suite writes only into temporary folders: the checkout is as it was."""
    before = _tree_status()
    yield
    after = _tree_status()
    if before is not None and after is not None:
        assert after == before, f"the tests changed the working tree:\n{after}"

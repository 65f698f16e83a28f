from __future__ import annotations

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

"""ruff (lint and format) and mypy stay clean, run as tests so that CI runs them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name if (BIN / name).exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: it is in the test extra (pip install -e '.[test]')")
    return str(found)


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [tool("ruff"), "check", "backtimer", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_ruff_format_is_applied() -> None:
    result = subprocess.run(
        [tool("ruff"), "format", "--check", "backtimer", "tests", "scripts", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_import_contracts_hold() -> None:
    """The layer rules of docs/architecture.md (pyproject's [tool.importlinter])."""
    result = subprocess.run(
        [tool("lint-imports")], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


@pytest.mark.slow
def test_mypy_is_clean() -> None:
    result = subprocess.run(
        [tool("mypy"), "backtimer"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]

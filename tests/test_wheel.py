"""The shipped catalogue must live inside the wheel, not just in the checkout."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_in_fresh_venv_lists_every_exercise(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("backtimer-*.whl"))
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        [metadata] = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = archive.read(metadata).decode()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "backtimer/figures.toml" in names  # the drawn figures ship too
    assert "License-Expression: MIT" in meta
    assert "Classifier: Programming Language :: Python :: 3.11" in meta
    assert "Classifier: Environment :: Console" in meta
    # every dependency bounded; Textual exactly
    requires = [line for line in meta.splitlines() if line.startswith("Requires-Dist:")]
    assert requires and all("<" in line or "==" in line for line in requires), requires
    assert "Requires-Dist: textual==" in meta
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = subprocess.run(
        [str(env_dir / "bin" / "backtimer"), "exercises", "--json"],
        cwd=outside,
        capture_output=True,
        text=True,
        check=False,
        env={
            "PATH": "/usr/bin:/bin",
            "BACKTIMER_DATA_DIR": str(tmp_path / "data"),
            "BACKTIMER_CACHE_DIR": str(tmp_path / "cache"),  # no trace outside tmp_path
        },
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 33
    located = subprocess.run(
        [str(py), "-c", "import backtimer.store.paths as p; print(p.shipped_catalog())"],
        cwd=outside,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert str(env_dir) in located

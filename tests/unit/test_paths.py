from __future__ import annotations

from pathlib import Path

from backtimer.store.paths import resolve_paths, shipped_catalog


def test_data_dir_flag_wins_over_env(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "a", None, env={"BACKTIMER_DATA_DIR": str(tmp_path / "b")})
    assert paths.data_dir == tmp_path / "a"
    assert paths.legacy_sessions == tmp_path / "a" / "sessions.toml"
    assert paths.settings == tmp_path / "a" / "settings.toml"


def test_env_data_dir(tmp_path: Path) -> None:
    paths = resolve_paths(None, None, env={"BACKTIMER_DATA_DIR": str(tmp_path)})
    assert paths.data_dir == tmp_path


def test_catalog_order(tmp_path: Path) -> None:
    env = {"BACKTIMER_DATA_DIR": str(tmp_path)}
    assert resolve_paths(None, None, env=env).catalog == shipped_catalog()
    (tmp_path / "exercises.toml").write_text("")
    assert resolve_paths(None, None, env=env).catalog_source == "config dir"
    env["BACKTIMER_CATALOG"] = "/x/env.toml"
    assert resolve_paths(None, None, env=env).catalog == Path("/x/env.toml")
    assert resolve_paths(None, "/x/flag.toml", env=env).catalog == Path("/x/flag.toml")

"""One declaration of each file model and vocabulary; caches that know their rules."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from backtimer.core.settings import SessionConfig, Settings
from backtimer.store import models
from backtimer.store.cache import Cache
from backtimer.store.catalog import load_catalog
from backtimer.store.errors import DataError
from backtimer.store.paths import resolve_paths, shipped_catalog
from backtimer.store.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "backtimer"


VOCABULARIES = [
    '"warmup", "stretch"',
    '"inhale", "exhale"',
    '"done", "skipped"',
    '"standing", "seated"',
]


@pytest.mark.parametrize("word", VOCABULARIES)
def test_each_vocabulary_is_declared_once(word: str) -> None:
    places = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if f"Literal[{word}" in p.read_text() or f"Literal[\n    {word}" in p.read_text()
    ]
    assert places == ["core/vocab.py"], places


def test_no_second_copy_of_the_file_models() -> None:
    """No pydantic BaseModel mirrors a dataclass any more: pydantic validates the
    dataclasses themselves."""
    for path in PACKAGE.rglob("*.py"):
        assert "BaseModel" not in path.read_text(), path


def test_session_config_comes_from_the_settings_defaults() -> None:
    assert Settings().session_config() == SessionConfig()
    custom = Settings(get_ready_s=7, rest_s=20, set_rest_s=25, breath_in_s=3, breath_out_s=5)
    config = custom.session_config()
    assert (config.get_ready_s, config.rest_between_exercises_s, config.rest_between_sets_s) == (
        7,
        20,
        25,
    )
    assert (config.breath_in_s, config.breath_out_s) == (3, 5)


def test_settings_file_accepts_exactly_the_declared_fields(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    names = [f.name for f in fields(Settings)]
    lines = [
        f"{n} = {json.dumps(getattr(Settings(), n))}"
        for n in names
        if n not in ("keymap", "excluded") and getattr(Settings(), n) is not None
    ]
    path.write_text("\n".join(lines) + "\nexcluded = []\n[keymap]\n")
    assert load_settings(path) == Settings()


def test_non_finite_numbers_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("breath_in_s = inf\n")
    with pytest.raises(DataError, match="finite"):
        load_settings(path)


# ---------------------------------------------------------------------- caches


def test_caches_live_in_the_cache_folder_not_beside_the_log(tmp_path: Path) -> None:
    from backtimer.store.profile import load_profile

    data, cache = tmp_path / "data", tmp_path / "cache"
    data.mkdir()
    (data / "settings.toml").write_text("weekly_goal = 4\n")
    load_profile(data, cache_dir=cache)
    assert sorted(p.name for p in data.iterdir()) == ["settings.toml"]
    entries = list(cache.iterdir())
    # the caches, and this machine's name among those sharing the data folder
    assert entries and all(p.suffix == ".json" or p.name == "device" for p in entries)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in entries)
    stored = json.loads(entries[0].read_text())
    assert set(stored) == {"format", "rules", "source", "digest", "data"}


def test_default_cache_folder_is_the_platforms(monkeypatch) -> None:
    import platformdirs

    paths = resolve_paths("/tmp/somewhere", env={})
    assert paths.cache_dir == Path(platformdirs.user_cache_dir("backtimer", appauthor=False))
    assert resolve_paths(None, env={"BACKTIMER_CACHE_DIR": "/x/c"}).cache_dir == Path("/x/c")


def test_a_tightened_rule_is_not_hidden_by_the_cache(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("weekly_goal = 6\n")
    cache = Cache(tmp_path / "cache")
    validated: list[object] = []
    real = models.validate
    monkeypatch.setattr(models, "validate", lambda *a, **k: validated.append(a) or real(*a, **k))
    load_settings(path, cache)
    load_settings(path, cache)
    assert len(validated) == 1  # the second time, from the cache
    # new rules (another fingerprint: a new rules version, or backtimer or Python)
    monkeypatch.setattr(models, "RULES_VERSION", models.RULES_VERSION + 1)
    load_settings(path, cache)
    assert len(validated) == 2  # validated again under the new rules


def test_fingerprint_covers_the_rules_and_versions(monkeypatch) -> None:
    import sys

    from backtimer import __version__

    before = models.fingerprint()
    assert __version__ in before and sys.version in before
    monkeypatch.setattr(models, "RULES_VERSION", models.RULES_VERSION + 1)
    assert models.fingerprint() != before  # never a constant


@pytest.mark.parametrize("damage", ["garbage", "foreign", "writable", "symlink"])
def test_bad_cache_entries_are_ignored_and_rebuilt(tmp_path: Path, damage: str) -> None:
    catalog_path = tmp_path / "exercises.toml"
    catalog_path.write_text(shipped_catalog().read_text())
    cache = Cache(tmp_path / "cache")
    first = load_catalog(catalog_path, cache)
    entry = cache.entry("catalog", catalog_path)
    assert entry is not None and entry.exists()
    if damage == "garbage":
        entry.write_bytes(b"\x00not json")
    elif damage == "foreign":
        stored = json.loads(entry.read_text())
        stored["data"]["exercise"] = []  # valid JSON, but not what the rules made
        stored["rules"] = "someone else's"
        entry.write_text(json.dumps(stored))
    elif damage == "writable":
        stored = json.loads(entry.read_text())
        stored["data"]["exercise"][0]["name"] = "Planted"
        entry.write_text(json.dumps(stored))
        os.chmod(entry, 0o666)
    else:
        planted = tmp_path / "planted.json"
        planted.write_text(entry.read_text().replace("Marching in place", "Planted"))
        entry.unlink()
        entry.symlink_to(planted)
    again = load_catalog(catalog_path, cache)
    assert again == first
    assert "Planted" not in again.exercises["marching"].name


def test_warm_catalogue_needs_no_pydantic(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from backtimer.store.cache import Cache\n"
        "from backtimer.store.catalog import load_catalog\n"
        "from backtimer.store.paths import shipped_catalog\n"
        "from pathlib import Path\n"
        f"c = load_catalog(shipped_catalog(), Cache(Path({str(tmp_path)!r})))\n"
        "print(len(c.exercises), 'pydantic' in sys.modules)\n"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    # the first start validates the catalogue; every later one reads the cache
    assert first.stdout.split() == ["33", "True"], first.stderr
    assert again.stdout.split() == ["33", "False"], again.stderr


def test_a_recorded_session_leaves_a_cache_the_next_start_uses(tmp_path: Path) -> None:
    """Saving a session extends the log's cache, so the daily launch imports no pydantic."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from backtimer.clock import FakeClock\n"
        "from backtimer.core.engine import Session\n"
        "from backtimer.store.profile import load_profile\n"
        f"root = Path({str(tmp_path)!r})\n"
        "profile = load_profile(root / 'data', cache_dir=root / 'cache')\n"
        "clock = FakeClock(start=0.0)\n"
        "choice = profile.routine('quick', clock.wall().date())\n"
        "session = Session(choice.steps, 0.0, clock.wall())\n"
        "profile.record(session.record(60.0), 'quick')\n"
        "print('pydantic' in sys.modules)\n"
    )
    check = (
        "import sys\n"
        "from pathlib import Path\n"
        "from backtimer.store.profile import load_profile\n"
        f"root = Path({str(tmp_path)!r})\n"
        "profile = load_profile(root / 'data', cache_dir=root / 'cache')\n"
        "assert len(profile.log.sessions) == 2\n"
        "print('pydantic' in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)  # a first run
    # a warm start that records a session: saving it needs no pydantic either, so the
    # app holds no more memory after a session than before (issue 18)
    saved = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert saved.stdout.strip() == "False", saved.stderr
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "False", result.stderr

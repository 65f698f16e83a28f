"""One file per machine: a data folder kept in sync never has two writers on one file;
reading takes the union of every machine's files, whatever order they arrived in."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.cli import main
from backtimer.core.amend import amendment
from backtimer.core.log import SessionEntry
from backtimer.store import amendments, device, journal, logbook
from backtimer.store.conflicts import conflict_copies
from backtimer.store.profile import load_profile
from tests.unit.journal_helpers import CET, entry

TODAY = date(2026, 12, 5)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv), today=TODAY)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def history(capsys, data: Path, cache: Path) -> object:
    code, out, err = run(
        capsys,
        "history",
        "--json",
        "--weeks",
        "8",
        "--data-dir",
        str(data),
        "--cache-dir",
        str(cache),
    )
    assert code == 0, err
    return json.loads(out)


def test_the_device_name_is_safe_kept_and_differs_on_a_shared_host_name(tmp_path: Path) -> None:
    a, b = device.new_name("Jo's MacBook Pro.local"), device.new_name("Jo's MacBook Pro.local")
    assert a.startswith("jo-s-macbook-pro-") and device.valid(a) and a != b
    assert device.valid(device.new_name("")) and device.valid(device.new_name("---"))
    first = device.device_name(tmp_path / "cache")
    assert device.device_name(tmp_path / "cache") == first  # chosen once
    (tmp_path / "cache" / "device").write_text("../../etc/passwd\n")
    assert device.valid(device.device_name(tmp_path / "cache"))  # a bad name is replaced


def test_each_machine_appends_to_its_own_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    profile = load_profile(data, cache_dir=tmp_path / "cache")
    profile.save(entry("2026-12-01T08:00:00+01:00", n=1))
    names = sorted(p.name for p in data.iterdir() if p.name.startswith("sessions"))
    assert names == [f"sessions-{profile.paths.device}.toml"]
    other = load_profile(data, cache_dir=tmp_path / "cache-2")  # another machine
    assert other.paths.device != profile.paths.device
    other.save(entry("2026-12-02T08:00:00+01:00", n=2))
    assert len(list(data.glob("sessions-*.toml"))) == 2
    assert len(load_profile(data, cache_dir=tmp_path / "cache").log.sessions) == 2


def test_an_old_single_log_is_read_never_rewritten(tmp_path: Path, capsys) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    old = [entry(f"2026-11-{d:02d}T08:00:00+01:00", n=d, pain=(3, 2)) for d in (2, 4, 6)]
    journal.append_many(data / "sessions.toml", old)
    before = (data / "sessions.toml").read_bytes()
    profile = load_profile(data, cache_dir=cache)
    profile.save(entry("2026-12-01T08:00:00+01:00", n=9))
    profile.amend(
        amendment(old[0].id, "pain", datetime(2026, 12, 1, 9, tzinfo=CET), "x", pain_after=1)
    )
    code, _, err = run(
        capsys, "delete", old[1].id, "--yes", "--data-dir", str(data), "--cache-dir", str(cache)
    )
    assert code == 0, err
    assert (data / "sessions.toml").read_bytes() == before
    seen = load_profile(data, cache_dir=cache).log.sessions
    assert [s.id for s in seen] == [old[0].id, old[2].id, profile.log.sessions[-1].id]
    assert seen[0].pain_after == 1
    code, out, err = run(capsys, "check", "--data-dir", str(data), "--cache-dir", str(cache))
    assert code == 0, out + err


def sync(a: Path, b: Path) -> None:
    """What a sync tool does: the newer copy of each file replaces the older (every
    log file only grows, and has one writer)."""
    for src, dst in ((a, b), (b, a)):
        for path in src.glob("*.toml"):
            there = dst / path.name
            if path.name != "state.toml" and (
                not there.exists() or there.stat().st_size < path.stat().st_size
            ):
                shutil.copy2(path, there)


def test_two_synced_folders_agree_with_no_conflict_copy(tmp_path: Path, capsys) -> None:
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    on_laptop = load_profile(laptop, cache_dir=tmp_path / "c1")
    on_desktop = load_profile(desktop, cache_dir=tmp_path / "c2")
    for day in range(1, 8):
        on_laptop.save(entry(f"2026-11-{day:02d}T08:00:00+01:00", n=day))
        on_desktop.save(entry(f"2026-11-{day:02d}T19:00:00+01:00", n=100 + day))
        if day % 3 == 0:
            sync(laptop, desktop)
    wrong = on_laptop.log.sessions[0]
    on_laptop.amend(amendment(wrong.id, "delete", datetime(2026, 11, 8, tzinfo=CET), "x"))
    sync(laptop, desktop)
    a, b = history(capsys, laptop, tmp_path / "c1"), history(capsys, desktop, tmp_path / "c2")
    assert a == b
    assert len(load_profile(laptop, cache_dir=tmp_path / "c1").log.sessions) == 13  # one deleted
    assert conflict_copies(laptop) == [] and conflict_copies(desktop) == []
    again = load_profile(desktop, cache_dir=tmp_path / "c2").log.sessions
    assert [s.id for s in again] == [
        s.id for s in load_profile(laptop, cache_dir=tmp_path / "c1").log.sessions
    ]


def test_a_conflict_copy_of_a_device_file_is_still_noticed(tmp_path: Path) -> None:
    (tmp_path / "sessions-conflict-ab12.toml").write_text("")  # a device called "conflict"
    (tmp_path / "sessions-laptop-ab12.sync-conflict-20261201-101010-ABC.toml").write_text("")
    assert [p.name for p in conflict_copies(tmp_path)] == [
        "sessions-laptop-ab12.sync-conflict-20261201-101010-ABC.toml"
    ]


def test_json_export_carries_the_corrections(tmp_path: Path, capsys) -> None:
    src, dst = tmp_path / "src", tmp_path / "dst"
    profile = load_profile(src, cache_dir=tmp_path / "c1")
    for day in (1, 2, 3):
        profile.save(entry(f"2026-12-0{day}T08:00:00+01:00", n=day, pain=(5, 5)))
    first = profile.log.sessions[0].id
    profile.amend(amendment(first, "pain", datetime(2026, 12, 4, tzinfo=CET), "x", pain_after=2))
    code, exported, _ = run(
        capsys, "export", "--data-dir", str(src), "--cache-dir", str(tmp_path / "c1")
    )
    assert code == 0 and len(json.loads(exported)["amendments"]) == 1
    (tmp_path / "all.json").write_text(exported)
    code, out, _ = run(
        capsys,
        "import",
        str(tmp_path / "all.json"),
        "--data-dir",
        str(dst),
        "--cache-dir",
        str(tmp_path / "c2"),
    )
    assert code == 0 and out.startswith("3 added, 0 already there") and "1 correction" in out
    assert history(capsys, src, tmp_path / "c1") == history(capsys, dst, tmp_path / "c2")
    # the same export back into the log it came from: nothing new, no conflict
    code, out, _ = run(
        capsys,
        "import",
        str(tmp_path / "all.json"),
        "--data-dir",
        str(src),
        "--cache-dir",
        str(tmp_path / "c1"),
    )
    assert code == 0 and out.startswith("0 added, 3 already there") and "correction" not in out


# ---------------------------------------------------------------------- order-free

MOMENT = datetime(2026, 11, 2, 8, tzinfo=CET)


@st.composite
def machines(draw: st.DrawFn) -> list[tuple[list[SessionEntry], list]]:
    """Two or three machines, each with its sessions and its corrections (of its own
    sessions or another's: a sync brought them)."""
    count = draw(st.integers(2, 3))
    made: list[tuple[list[SessionEntry], list]] = []
    every: list[SessionEntry] = []
    for m in range(count):
        days = draw(st.lists(st.integers(0, 30), max_size=5))
        mine = [
            entry(MOMENT + timedelta(days=d, minutes=m), n=100 * m + i) for i, d in enumerate(days)
        ]
        every += mine
        made.append((mine, []))
    for m in range(count):
        for k in range(draw(st.integers(0, 4))):
            if not every:
                break
            target = draw(st.sampled_from(every)).id
            kind = draw(st.sampled_from(["delete", "pain", "note"]))
            values: dict[str, object] = {
                "pain": {"pain_after": draw(st.integers(0, 10))},
                "note": {"note": draw(st.sampled_from(["a", "long drive"]))},
                "delete": {},
            }[kind]
            at = MOMENT + timedelta(days=40, minutes=draw(st.integers(0, 50)))
            made[m][1].append(amendment(target, kind, at, f"m{m}k{k}", **values))  # type: ignore[arg-type]
    return made


def seeded(folder: Path, sessions: list[SessionEntry], fixes: list, name: str) -> None:
    if sessions:
        journal.append_many(folder / f"sessions-{name}.toml", sessions)
    if fixes:
        amendments.append_many(folder / f"amendments-{name}.toml", fixes)


@settings(max_examples=25, deadline=None)
@given(machines(), st.randoms(use_true_random=False), st.integers(1, 2))
def test_merging_in_any_order_any_number_of_times_gives_one_view(
    tmp_path_factory, made, rnd, rounds: int
) -> None:
    import pytest

    base = tmp_path_factory.mktemp("merge")
    sources = []
    for m, (sessions, fixes) in enumerate(made):
        folder = base / f"machine{m}"
        folder.mkdir()
        seeded(folder, sessions, fixes, f"m{m}")
        if sessions or fixes:  # merge refuses a folder with no log at all
            sources.append(folder)
    # the expected view: every file in one folder
    together = base / "together"
    together.mkdir()
    for m, (sessions, fixes) in enumerate(made):
        seeded(together, sessions, fixes, f"m{m}")
    want = logbook.read_folder(together).sessions
    target = base / "target"
    cache = base / "cache"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BACKTIMER_CACHE_DIR", str(cache))
        order = [*sources] * rounds
        rnd.shuffle(order)
        for folder in order:
            assert main(["merge", str(folder), "--data-dir", str(target)], today=TODAY) == 0
    got = logbook.read_folder(target).sessions
    assert sorted(got, key=lambda s: s.id) == sorted(want, key=lambda s: s.id)


def test_history_over_several_files_from_the_caches_alone(tmp_path: Path, capsys) -> None:
    from backtimer.core import stats
    from backtimer.store.cache import Cache
    from backtimer.store.paths import resolve_paths

    data, cache = tmp_path / "data", tmp_path / "cache"
    made = [entry(MOMENT + timedelta(days=d, hours=d % 3), n=d, pain=(4, 3)) for d in range(30)]
    for k, name in enumerate(("a-1111", "b-2222", "c-3333")):
        journal.append_many(data / f"sessions-{name}.toml", made[k::3])
    first = history(capsys, data, cache)  # builds each file's cache
    second = history(capsys, data, cache)  # answered from the caches
    paths = resolve_paths(data, cache_dir=cache)
    assert logbook.recent(paths, Cache(cache), date(2026, 10, 12)) is not None
    assert first == second
    full = stats.report(made, TODAY, 3, 8)
    assert second["weeks"] == full["weeks"] and second["sessions"] == full["sessions"]
    # the same session in two files (two machines imported one export): counted once
    journal.append_many(data / "sessions-a-1111.toml", [made[1]])
    history(capsys, data, cache)
    assert logbook.recent(paths, Cache(cache), date(2026, 10, 12)) is None
    assert history(capsys, data, cache)["totals"]["sessions"] == 30

"""Corrections to the log: appended, never rewriting it; each kind changes what the
rest of backtimer sees, and nothing else; the view does not depend on their order."""

from __future__ import annotations

import itertools
import os
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.cli import main
from backtimer.core.amend import Amendment, amendment, amendment_problem, apply
from backtimer.core.log import ExerciseEntry
from backtimer.store import amendments, journal
from backtimer.store.errors import DataError
from backtimer.store.profile import load_profile
from tests.unit.journal_helpers import CET, entry

T0 = datetime(2026, 12, 5, 18, 0, tzinfo=CET)


def hurt_entry(day: str, n: int) -> object:
    """A session in which cat-cow was stopped for pain."""
    base = entry(f"{day}T08:00:00+01:00", n=n, pain=(4, 5))
    moves = (ExerciseEntry("cat-cow", "stopped_for_pain", 10.0), *base.exercises[1:])
    return replace(base, exercises=moves)


def fix(session: str, action: str, minutes: int = 0, **values: object) -> Amendment:
    return amendment(session, action, T0 + timedelta(minutes=minutes), f"t{minutes}", **values)  # type: ignore[arg-type]


# ---------------------------------------------------------------------- the rules


def test_each_kind_changes_its_session_only() -> None:
    a, b = entry("2026-12-01T08:00:00+01:00", n=1, pain=(3, 3)), hurt_entry("2026-12-02", 2)
    view = apply([a, b], [fix(a.id, "pain", pain_after=1)])
    assert view == [replace(a, pain_after=1), b]
    view = apply([a, b], [fix(b.id, "note", note="after the long drive")])
    assert view == [a, replace(b, note="after the long drive")]
    [_, fixed] = apply([a, b], [fix(b.id, "not_hurt", move="cat-cow")])
    assert fixed.exercises[0].status == "partial" and fixed.exercises[1:] == b.exercises[1:]
    assert fixed.pain_before == b.pain_before
    assert apply([a, b], [fix(a.id, "delete")]) == [b]
    assert apply([a, b], [fix("20200101T000000-ffffff", "delete")]) == [a, b]


def test_a_deletion_wins_and_later_edits_win_over_earlier() -> None:
    a = entry("2026-12-01T08:00:00+01:00", n=1)
    edits = [
        fix(a.id, "pain", 2, pain_after=7),
        fix(a.id, "pain", 5, pain_after=2),  # the 7 was a typo
    ]
    assert apply([a], edits)[0].pain_after == 2
    assert apply([a], list(reversed(edits)))[0].pain_after == 2
    assert apply([a], [fix(a.id, "delete", 1), *edits]) == []


def test_a_correction_carries_only_what_its_kind_needs() -> None:
    assert amendment_problem(fix("x1", "pain")) == (
        "pain_before",
        "a 'pain' correction needs pain_before or pain_after",
    )
    assert amendment_problem(fix("x1", "delete", note="x"))[0] == "note"  # type: ignore[index]
    assert amendment_problem(fix("bad id!", "delete"))[0] == "session"  # type: ignore[index]
    assert amendment_problem(fix("x1", "not_hurt", move="cat-cow")) is None


moves = st.sampled_from(["pain", "note", "not_hurt", "delete"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), moves, st.integers(0, 10), st.integers(0, 50)), max_size=8
    ),
    st.randoms(),
)
def test_the_view_does_not_depend_on_the_order_corrections_arrive_in(made, rng) -> None:
    sessions = [hurt_entry(f"2026-12-0{n + 1}", n) for n in range(4)]
    fixes = []
    for n, (which, action, value, minute) in enumerate(made):
        values: dict[str, object] = {
            "pain": {"pain_after": value},
            "note": {"note": f"note {value}"},
            "not_hurt": {"move": "cat-cow"},
            "delete": {},
        }[action]
        fixes.append(
            amendment(sessions[which].id, action, T0 + timedelta(minutes=minute), f"d{n}", **values)  # type: ignore[arg-type]
        )
    shuffled = list(fixes)
    rng.shuffle(shuffled)
    assert apply(sessions, fixes) == apply(sessions, shuffled)
    # applying the same corrections twice (a merge repeated) changes nothing more
    assert apply(sessions, fixes + shuffled) == apply(sessions, fixes)


# ---------------------------------------------------------------------- the file


def test_corrections_are_appended_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "amendments.toml"
    made = [fix("s1", "pain", 1, pain_before=2), fix("s1", "note", 2, note='a "quoted" note')]
    for m in made:
        amendments.append(path, m)
    assert amendments.load(path).items == made
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    before = path.read_bytes()
    amendments.append(path, fix("s2", "delete", 3))
    assert path.read_bytes().startswith(before)  # appended, never rewritten


def test_a_torn_last_correction_is_skipped_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "amendments.toml"
    amendments.append(path, fix("s1", "delete", 1))
    whole = path.read_bytes()
    path.write_bytes(whole + b'\n[[amendment]]\nid = "t9"\nmade_at = 2026-12-')
    found = amendments.load(path)
    assert [a.session for a in found.items] == ["s1"]
    assert found.torn and "cut short" in (found.torn_message() or "")
    amendments.append(path, fix("s2", "delete", 2))  # appending after it works
    assert [a.session for a in amendments.load(path).items] == ["s1", "s2"]


def test_a_bad_hand_edit_names_its_line_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "amendments.toml"
    amendments.append(path, fix("s1", "pain", 1, pain_after=2))
    broken = path.read_text().replace("pain_after = 2", "pain_after = 12")
    path.write_text(broken)
    with pytest.raises(DataError) as caught:
        amendments.load(path)
    assert "line 4" in str(caught.value) and "pain_after" in str(caught.value)
    assert path.read_text() == broken


def test_a_symlink_is_never_written_through(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.toml"
    target.write_text("")
    (tmp_path / "amendments.toml").symlink_to(target)
    with pytest.raises(OSError, match="symbolic link"):
        amendments.append(tmp_path / "amendments.toml", fix("s1", "delete"))
    assert target.read_text() == ""


# ---------------------------------------------------------------------- what sees them


def profile_with(tmp_path: Path, sessions: list) -> object:
    data = tmp_path / "data"
    journal.append_many(data / "sessions.toml", sessions)
    return load_profile(data, cache_dir=tmp_path / "cache")


def test_not_hurt_brings_the_move_back_and_the_log_is_untouched(tmp_path: Path) -> None:
    profile = profile_with(tmp_path, [hurt_entry("2026-12-04", 1)])
    day = date(2026, 12, 5)
    assert "cat-cow" in profile.avoided(day)
    log_bytes = profile.paths.legacy_sessions.read_bytes()
    profile.amend(fix(profile.log.sessions[0].id, "not_hurt", move="cat-cow"))
    assert "cat-cow" not in profile.avoided(day)
    again = load_profile(profile.paths.data_dir, cache_dir=tmp_path / "cache")  # from disk
    assert "cat-cow" not in again.avoided(day)
    assert profile.paths.legacy_sessions.read_bytes() == log_bytes


def test_a_pain_correction_changes_what_progression_sees(tmp_path: Path) -> None:
    sessions = [entry(f"2026-11-{d:02d}T08:00:00+01:00", n=d, pain=(3, 3)) for d in (23, 25, 27)]
    sessions.append(entry("2026-12-01T08:00:00+01:00", n=99, pain=(3, 7)))
    profile = profile_with(tmp_path, sessions)
    day = date(2026, 12, 5)
    held = profile.progress(day)
    profile.amend(fix(sessions[-1].id, "pain", pain_after=2))
    fixed = load_profile(profile.paths.data_dir, cache_dir=tmp_path / "cache")
    assert fixed.log.sessions[-1].pain_after == 2
    assert [s.pain_after for s in fixed.log.sessions] == [3, 3, 3, 2]
    assert held is not None  # the same profile kept working


def test_history_and_status_count_what_was_not_deleted(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    sessions = [entry(f"2026-12-0{d}T08:00:00+01:00", n=d) for d in (1, 2, 3)]
    journal.append_many(data / "sessions.toml", sessions)
    args = ["--data-dir", str(data), "--cache-dir", str(tmp_path / "cache")]
    today = date(2026, 12, 4)
    assert main(["status", *args], today=today) == 0
    assert "3/3" in capsys.readouterr().out
    assert main(["delete", sessions[0].id, "--yes", *args], today=today) == 0
    capsys.readouterr()
    assert main(["status", *args], today=today) == 0
    assert "2/3" in capsys.readouterr().out
    assert main(["history", "--json", *args], today=today) == 0
    import json

    report = json.loads(capsys.readouterr().out)
    assert report["this_week"]["sessions"] == 2


def test_the_command_line_says_what_is_wrong(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    journal.append_many(data / "sessions.toml", [hurt_entry("2026-12-02", 1)])
    sid = f"20261202T080000-{1:06x}"
    args = ["--data-dir", str(data), "--cache-dir", str(tmp_path / "cache")]
    assert main(["amend", sid, *args]) == 2
    assert main(["amend", "nope", "--note", "x", *args]) == 1
    assert main(["amend", sid, "--not-hurt", "bridge", *args]) == 1
    assert "stopped for pain: cat-cow" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["amend", sid, "--pain-after", "11", *args])
    assert usage.value.code == 2
    assert main(["amend", sid, "--not-hurt", "cat-cow", "--note", "knee, not back", *args]) == 0
    capsys.readouterr()
    assert main(["sessions", *args]) == 0
    out = capsys.readouterr().out
    assert "note: knee, not back" in out and "hurt:" not in out
    assert not os.path.exists(tmp_path / "data" / "sessions.toml.bak")


def test_sessions_fast_readers_step_aside_for_corrections(tmp_path: Path) -> None:
    """Kept honest: with both files in order, every permutation of the corrections
    file's blocks reads to the same view."""
    path = tmp_path / "amendments.toml"
    made = [fix("s1", "pain", m, pain_after=m) for m in range(3)]
    views = set()
    for order in itertools.permutations(made):
        path.unlink(missing_ok=True)
        for m in order:
            amendments.append(path, m)
        base = [replace(entry("2026-12-01T08:00:00+01:00"), id="s1")]
        views.add(apply(base, amendments.load(path).items)[0].pain_after)
    assert views == {2}

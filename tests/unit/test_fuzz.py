"""No traceback, no hang, short output, on any input: every loader and the CLI."""

from __future__ import annotations

import io
import os
import sys
from contextlib import chdir, redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backtimer.cli import main
from backtimer.store import journal
from backtimer.store.catalog import load_catalog
from backtimer.store.errors import DataError
from backtimer.store.paths import shipped_catalog
from backtimer.store.routines import load_routines
from backtimer.store.settings import load_settings
from backtimer.store.state import load_state

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
KEYS = [
    "weekly_goal",
    "bell",
    "theme",
    "keymap",
    "excluded",
    "id",
    "name",
    "exercises",
    "schema",
    "session",
    "routine",
    "exercise",
    "hold_s",
    "reps",
    "started_at",
    "x",
]
VALUES = st.one_of(
    st.integers(-(10**6), 10**6).map(str),
    st.sampled_from(
        [
            "inf",
            "nan",
            "true",
            '"x"',
            "[]",
            "{}",
            "1979-05-27T07:32:00Z",
            "9" * 5000,
            "[" * 50 + "]" * 50,
            '"' + "a" * 300 + '"',
        ]
    ),
    st.text(max_size=20).map(lambda t: '"' + t.replace("\\", "").replace('"', "") + '"'),
)
TOML = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(KEYS), VALUES).map(lambda kv: f"{kv[0]} = {kv[1]}"),
        st.sampled_from(
            [
                "[[session]]",
                "[[routine]]",
                "[[exercise]]",
                "[keymap]",
                "# end of session x",
                "schema = 2",
            ]
        ),
    ),
    max_size=25,
).map("\n".join)
CONTENT = st.one_of(st.binary(max_size=400), TOML.map(lambda t: t.encode("utf-8", "replace")))


def _catalog(catalog):  # the shipped one, for loaders that check against it
    return catalog


LOADERS = {
    "catalog": lambda p, c: load_catalog(p),
    "settings": lambda p, c: load_settings(p),
    "routines": lambda p, c: load_routines(p, c),
    "state": lambda p, c: load_state(p),
    "log": lambda p, c: journal.load(p),
}


@pytest.mark.parametrize("loader", list(LOADERS))
@FUZZ
@given(content=CONTENT)
def test_loaders_never_raise_anything_but_a_short_data_error(
    tmp_path: Path, catalog, loader: str, content: bytes
) -> None:
    path = tmp_path / "file.toml"
    path.write_bytes(content)
    try:
        LOADERS[loader](path, catalog)
    except DataError as exc:
        assert len(str(exc)) < 4096
        assert str(path) in str(exc)
    assert path.read_bytes() == content  # never changed


TOKENS = st.sampled_from(
    [
        "--json",
        "--minutes",
        "--routine",
        "--standing",
        "--weeks",
        "--date",
        "--data-dir",
        "--catalog",
        "--cache-dir",
        "-h",
        "--version",
        "5",
        "45",
        "0",
        "-3",
        "abc",
        "gentle",
        "Gentle Daily",
        "2026-02-30",
        "2026-11-21",
        "~nosuchuser/x",
        "/dev/zero",
        "x" * 5000,
        "",
        "\x00",
        "é",
        "--bogus",
        "plan",
        "history",
    ]
)
COMMANDS = st.sampled_from(["exercises", "check", "plan", "history", "safety", "bogus", "--help"])


@FUZZ
@given(command=COMMANDS, rest=st.lists(st.one_of(TOKENS, st.text(max_size=8)), max_size=6))
def test_cli_never_tracebacks(tmp_path: Path, command: str, rest: list[str]) -> None:
    argv = [command, *rest]
    if any("\x00" in a for a in argv):  # not something a shell can pass
        return
    out, err = io.StringIO(), io.StringIO()
    # relative paths (`--cache-dir ~x`, `--data-dir é`) land in the test's own folder
    with chdir(tmp_path), redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv + ["--data-dir", str(tmp_path / "data")])
        except SystemExit as exc:  # argparse: usage (2), --help/--version (0)
            code = exc.code if isinstance(exc.code, int) else 2
    assert code in (0, 1, 2), (argv, code)
    assert "Traceback" not in err.getvalue()
    assert len(err.getvalue()) < 4096, argv


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", "--data-dir", "~nosuchuser/data"],
        ["plan", "--data-dir", "/" + "x" * 5000],
        ["history", "--data-dir", "/proc/1/root/forbidden"],
        ["exercises", "--catalog", "~nosuchuser/cat.toml"],
    ],
)
def test_odd_paths_are_clear_errors(argv: list[str], capsys) -> None:
    code = main(argv)
    err = capsys.readouterr().err
    assert code in (1, 2) and "Traceback" not in err and len(err) < 600, err


def test_excluding_every_move_is_said_not_crashed(tmp_path: Path, catalog, capsys) -> None:
    ids = ", ".join(f'"{i}"' for i in catalog.exercises)
    (tmp_path / "settings.toml").write_text(f"excluded = [{ids}]\n")
    assert main(["plan", "--minutes", "10", "--data-dir", str(tmp_path)]) == 1
    assert "every move" in capsys.readouterr().err
    code = main(["plan", "--data-dir", str(tmp_path), "--json"])
    assert code == 0  # a named routine runs as written, and says so
    assert "runs as written" in capsys.readouterr().out


def test_output_is_capped_however_bad_the_log(tmp_path: Path) -> None:
    from tests.unit.journal_helpers import entry

    path = tmp_path / "sessions.toml"
    for n in range(40):
        journal.append(path, entry(f"2026-10-{1 + n % 28:02d}T08:00:00+01:00", n=n))
    text = path.read_text()
    path.write_text(text + "\n" + "[[session]]\nid = \n" * 1)
    log = journal.load(path)
    assert len(log.torn_message() or "") < 1000
    _ = sys, os, shipped_catalog

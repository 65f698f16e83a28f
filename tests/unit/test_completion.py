"""`backtimer completion bash|zsh|fish`: scripts made from the parser, loaded into the
real shells, offering commands, options and choices."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from backtimer.cli.completion import commands, script
from backtimer.cli.parser import build_parser


def test_every_command_and_option_of_the_parser_is_in_every_script() -> None:
    top, found = commands(build_parser())
    names = {c.name for c in found}
    assert {"start", "break", "report", "history", "completion"} <= names
    for shell in ("bash", "zsh", "fish"):
        text = script(shell)
        for command in found:
            assert command.name in text
            for option in command.options:
                long = [f for f in option.flags if f.startswith("--")][0]
                assert (long if shell != "fish" else f"-l {long[2:]}") in text, (shell, long)


def _bash_complete(tmp_path: Path, line: str) -> list[str]:
    path = tmp_path / "backtimer.bash"
    path.write_text(script("bash"))
    words = line.split(" ")
    program = (
        f"source {path}\n"
        f"COMP_WORDS=({' '.join(repr(w) for w in words)})\n"
        f"COMP_CWORD={len(words) - 1}\n"
        "_backtimer\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_bash_completes_commands_options_and_choices(tmp_path: Path) -> None:
    assert _bash_complete(tmp_path, "backtimer br") == ["break"]
    assert set(_bash_complete(tmp_path, "backtimer re")) == {"remind", "report"}
    assert "--weeks" in _bash_complete(tmp_path, "backtimer report --w")
    assert _bash_complete(tmp_path, "backtimer report --format ") == ["html", "md"]
    assert _bash_complete(tmp_path, "backtimer remind ins") == ["install"]
    assert _bash_complete(tmp_path, "backtimer --data-dir /tmp history --j") == ["--json"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="needs the Debian package zsh")
def test_zsh_loads_it(tmp_path: Path) -> None:
    path = tmp_path / "_backtimer"
    path.write_text(script("zsh"))
    program = f"autoload -U compinit && compinit -u; source {path}; echo ${{_comps[backtimer]}}"
    result = subprocess.run(
        ["zsh", "-f", "-c", program], capture_output=True, text=True, env={"HOME": str(tmp_path)}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "_bash_complete -F _backtimer"


@pytest.mark.skipif(shutil.which("fish") is None, reason="needs the Debian package fish")
def test_fish_completes_commands_and_choices(tmp_path: Path) -> None:
    path = tmp_path / "backtimer.fish"
    path.write_text(script("fish"))

    def complete(line: str) -> list[str]:
        result = subprocess.run(
            ["fish", "--no-config", "-c", f"source {path}; complete -C {line!r}"],
            capture_output=True,
            text=True,
            env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )
        assert result.returncode == 0, result.stderr
        return [row.split("\t")[0] for row in result.stdout.splitlines()]

    assert {"remind", "report"} <= set(complete("backtimer re"))
    assert complete("backtimer report --format ") == ["html", "md"]
    assert "--weeks" in complete("backtimer report --we")

"""``backtimer completion bash|zsh|fish``: a shell completion script made from the
parser itself, so it never falls behind a new command or option.

Commands complete after ``backtimer``, each command's options after it, an option
with choices (``--format``) its choices, and an option that takes a path the files or
folders there. Values only backtimer knows (routine names, session ids) are not
completed: that would start backtimer at every Tab.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

SHELLS = ("bash", "zsh", "fish")
#: Options whose value is a folder or a file.
FOLDERS = {"--data-dir", "--cache-dir"}
FILES = {"--catalog", "--output"}


@dataclass
class Option:
    flags: list[str]
    help: str
    choices: list[str] = field(default_factory=list)
    takes_value: bool = False


@dataclass
class Command:
    name: str
    help: str
    options: list[Option]
    #: The choices of its first positional argument (``remind install|remove|status``).
    words: list[str] = field(default_factory=list)


def _options(parser: argparse.ArgumentParser) -> tuple[list[Option], list[str]]:
    options: list[Option] = []
    words: list[str] = []
    for action in parser._actions:  # argparse keeps no public list of them
        if isinstance(action, argparse._SubParsersAction):
            continue
        if not action.option_strings:
            if action.choices and not words:
                words = [str(c) for c in action.choices]
            continue
        options.append(
            Option(
                list(action.option_strings),
                (action.help or "").replace("%%", "%"),
                [str(c) for c in action.choices or ()],
                action.nargs != 0,
            )
        )
    return options, words


def commands(parser: argparse.ArgumentParser) -> tuple[list[Option], list[Command]]:
    """The top level's options, and every command with its own."""
    top, _ = _options(parser)
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                options, words = _options(sub)
                found.append(Command(name, helps.get(name, ""), options, words))
    return top, found


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def bash(parser: argparse.ArgumentParser) -> str:
    top, found = commands(parser)
    cases = []
    for c in found:
        flags = " ".join(f for o in c.options for f in o.flags)
        words = " ".join(c.words)
        cases.append(f"        {c.name}) opts={_quote(flags)}; words={_quote(words)} ;;")
    valued = []
    for o in [*top, *(o for c in found for o in c.options)]:
        if not o.takes_value:
            continue
        for flag in o.flags:
            if o.choices:
                valued.append(
                    (
                        flag,
                        f"COMPREPLY=($(compgen -W {_quote(' '.join(o.choices))}"
                        ' -- "$cur")); return',
                    )
                )
            elif flag in FOLDERS:
                valued.append((flag, 'COMPREPLY=($(compgen -d -- "$cur")); return'))
            elif flag in FILES:
                valued.append((flag, 'COMPREPLY=($(compgen -f -- "$cur")); return'))
            else:
                valued.append((flag, "return"))
    seen: dict[str, str] = {}
    for flag, body in valued:
        seen.setdefault(flag, body)
    prev_cases = "\n".join(f"        {flag}) {body} ;;" for flag, body in seen.items())
    names = " ".join(c.name for c in found)
    top_flags = " ".join(f for o in top for f in o.flags)
    top_valued = "|".join(f for o in top if o.takes_value for f in o.flags) or "--"
    return f"""# bash completion for backtimer (made by `backtimer completion bash`)
_backtimer() {{
    local cur prev cmd="" opts="" words="" i skip=0
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    case "$prev" in
{prev_cases}
    esac
    for ((i = 1; i < COMP_CWORD; i++)); do
        if ((skip)); then skip=0; continue; fi
        case "${{COMP_WORDS[i]}}" in
            {top_valued}) skip=1 ;;
            -*) ;;
            *) cmd="${{COMP_WORDS[i]}}"; break ;;
        esac
    done
    if [[ -z "$cmd" ]]; then
        COMPREPLY=($(compgen -W {_quote(names + " " + top_flags)} -- "$cur"))
        return
    fi
    case "$cmd" in
{chr(10).join(cases)}
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    else
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    fi
}}
complete -F _backtimer backtimer
"""


def zsh(parser: argparse.ArgumentParser) -> str:
    """zsh reads the bash script through its own bashcompinit."""
    return (
        "#compdef backtimer\n# zsh completion for backtimer (made by `backtimer completion "
        "zsh`)\nautoload -U +X bashcompinit && bashcompinit\n" + bash(parser)
    )


def _fish_help(text: str) -> str:
    return _quote(text.split(". ")[0][:80])


def fish(parser: argparse.ArgumentParser) -> str:
    top, found = commands(parser)
    lines = [
        "# fish completion for backtimer (made by `backtimer completion fish`)",
        "complete -c backtimer -f",
    ]
    for c in found:
        lines.append(
            f"complete -c backtimer -n __fish_use_subcommand -a {c.name} -d {_fish_help(c.help)}"
        )

    def option(o: Option, condition: str) -> str:
        parts = [f"complete -c backtimer{condition}"]
        for flag in o.flags:
            parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
        if o.choices:
            parts.append(f"-x -a {_quote(' '.join(o.choices))}")
        elif any(f in FOLDERS for f in o.flags):
            parts.append("-x -a '(__fish_complete_directories)'")
        elif any(f in FILES for f in o.flags):
            parts.append("-r -F")
        elif o.takes_value:
            parts.append("-x")
        parts.append(f"-d {_fish_help(o.help)}")
        return " ".join(parts)

    for o in top:
        lines.append(option(o, ""))
    for c in found:
        condition = f" -n '__fish_seen_subcommand_from {c.name}'"
        if c.words:
            lines.append(f"complete -c backtimer{condition} -a {_quote(' '.join(c.words))}")
        for o in c.options:
            if o.flags[0] in ("-h", "--help"):
                continue
            lines.append(option(o, condition))
    return "\n".join(lines) + "\n"


def script(shell: str) -> str:
    from backtimer.cli.parser import build_parser

    return {"bash": bash, "zsh": zsh, "fish": fish}[shell](build_parser())

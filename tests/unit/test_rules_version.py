"""The rules version keys every cache: it must change exactly when the rules do.

Each version is recorded with a digest of its rules' code (the syntax tree of the rule
modules, without docstrings; comments and formatting are not in it). Change what a
valid file is and this fails until ``RULES_VERSION`` is raised and the new digest
recorded below; edit a comment or a docstring and nothing fails.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

from backtimer.store import models

PACKAGE = Path(models.__file__).resolve().parent.parent

#: RULES_VERSION -> the digest of the rules it stands for.
RECORDED = {
    1: "cfe58505f3a5a7ae",
    2: "18011f83953d5398",  # quiet_cues checked
    3: "7c6b8c211c1e47ae",  # corrections (amend.py), a session note
    4: "c7218a3fb080f2e2",  # walks (walk.py), walks_count
    5: "59630864cb62ae95",  # learn (setting), cards_seen (state)
    6: "5a231461b34a9213",  # the first-run check's answer (state)
    7: "8aedec9a89d47304",  # desk breaks (desk.py), last_break_nudge (state)
    8: "7ace5361627cc1af",  # brought_back (state)
    9: "9e174440afdccca1",  # one move on its own does not count (tally.py)
    10: "a9b045a212b43f3c",  # the break record on its own (desk_entry.py)
    11: "7c3fd150247f5d35",  # figures (setting)
}


def _canonical(node: object) -> str:
    """A dump of a syntax tree that is the same on every Python this supports: empty
    fields (which newer versions add, or leave out of ``ast.dump``) are skipped."""
    if isinstance(node, ast.AST):
        fields = []
        for name, value in ast.iter_fields(node):
            if value in (None, [], ()):
                continue
            fields.append(f"{name}={_canonical(value)}")
        return f"{type(node).__name__}({','.join(fields)})"
    if isinstance(node, list):
        return "[" + ",".join(_canonical(v) for v in node) + "]"
    return repr(node)


def _without_docstrings_and_version(tree: ast.Module) -> ast.Module:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    tree.body = [
        n
        for n in tree.body
        if not (
            isinstance(n, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "RULES_VERSION" for t in n.targets)
        )
    ]
    return tree


def rules_digest(source_of=lambda name: (PACKAGE / name).read_text(encoding="utf-8")) -> str:
    digest = hashlib.sha256()
    for name in models.RULE_MODULES:
        tree = _without_docstrings_and_version(ast.parse(source_of(name)))
        digest.update(name.encode() + b"\0" + _canonical(tree).encode() + b"\0")
    return digest.hexdigest()[:16]


def test_the_rules_version_changes_with_the_rules() -> None:
    found = rules_digest()
    assert RECORDED.get(models.RULES_VERSION) == found, (
        f"the validation rules changed (digest {found}) but RULES_VERSION is still "
        f"{models.RULES_VERSION}: raise it in backtimer/store/models.py, so that no cache "
        f"made under the old rules is used, and record {{{models.RULES_VERSION + 1}: "
        f"{found!r}}} in RECORDED here"
    )


def test_a_comment_or_docstring_changes_nothing() -> None:
    def edited(name: str) -> str:
        text = (PACKAGE / name).read_text(encoding="utf-8")
        if name == "core/dose.py":
            text = '"""Another docstring."""\n# a new comment\n' + text.split('"""', 2)[2]
        return text

    assert rules_digest(edited) == rules_digest()


def test_a_rule_change_is_seen() -> None:
    def edited(name: str) -> str:
        text = (PACKAGE / name).read_text(encoding="utf-8")
        return text.replace("Ge(1)", "Ge(2)", 1) if name == "store/models.py" else text

    assert "Ge(1)" in (PACKAGE / "store/models.py").read_text(encoding="utf-8")
    assert rules_digest(edited) != rules_digest()

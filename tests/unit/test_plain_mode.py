"""`backtimer start --plain`: the session as lines of text, one per cue, never
redrawn; keys at a terminal; a pipe runs the plan through and saves it. Driven by a
fake clock: the keys' wait advances it instead of sleeping."""

from __future__ import annotations

import io
import re
from contextlib import contextmanager
from pathlib import Path

from backtimer.cli import main
from backtimer.cli.plain import PlainRun
from backtimer.clock import FakeClock
from backtimer.output import Sinks
from backtimer.store.profile import load_profile


class FakeKeys:
    """Keys pressed at given moments of the fake clock; waiting moves the clock."""

    def __init__(self, clock: FakeClock, presses: dict[float, str] | None = None, live=False):
        self.clock, self.live = clock, live
        self.presses = sorted((presses or {}).items())

    @contextmanager
    def raw(self):
        yield

    def read(self, timeout: float) -> str | None:
        if self.presses and self.presses[0][0] <= self.clock.now() + timeout:
            at, key = self.presses.pop(0)
            self.clock.advance(max(0.0, at - self.clock.now()))
            return key
        self.clock.advance(timeout)
        return None


def _profile(tmp_path: Path, safety: bool = True):
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    if safety:
        (data / "state.toml").write_text('safety_acknowledged = true\nscreening = "clear"\n')
    (data / "settings.toml").write_text('voice = "off"\ntones = false\nbell = false\n')
    return load_profile(data, None, tmp_path / "cache")


def _run(tmp_path: Path, presses=None, answers=(), safety=True, live=False):
    profile = _profile(tmp_path, safety)
    clock = FakeClock(start=0.0)
    choice = profile.routine("quick", clock.wall().date())
    out = io.StringIO()
    replies = list(answers)

    def read() -> str:
        if not replies:
            raise EOFError
        return replies.pop(0)

    keys = FakeKeys(clock, presses, live)
    run = PlainRun(profile, choice, clock, out, keys, Sinks([]), read)  # type: ignore[arg-type]
    code = run.run()
    return code, out.getvalue(), load_profile(tmp_path / "data", None, tmp_path / "cache")


def test_a_piped_session_runs_through_in_plain_lines_and_is_saved(tmp_path: Path) -> None:
    code, text, after = _run(tmp_path)
    assert code == 0
    lines = text.splitlines()
    assert "\x1b" not in text and "\r" not in text  # no cursor movement, no colour
    for expected in (
        "Marching in place. 30 s.",
        "Get ready: 5 s.",
        "Go: 30 s.",
        "20 s left.",
        "Rest 10 s. Next: Cat-cow, 8 reps.",
        "1 of 8. Cow.",
        "Cat.",
        "Done. Well done.",
    ):
        assert expected in lines, expected
    # counting only in the last three seconds: no other number stands alone
    assert {line for line in lines if re.fullmatch(r"\d+", line)} == {"1", "2", "3"}
    assert lines[-1].startswith("Session complete.") and "1 of 3 this week" in lines[-1]
    [entry] = after.log.sessions
    assert entry.completed and entry.pain_before is None  # no questions without a terminal
    # never faster than the cues need: about one line every two seconds at most
    assert len(lines) < entry.active_s / 1.5


def test_keys_pause_skip_hurt_and_end(tmp_path: Path) -> None:
    presses = {12.0: " ", 20.0: " ", 61.0: "x", 63.0: " ", 70.0: "q"}
    code, text, after = _run(tmp_path, presses, answers=["4\n", "3\n"], live=True)
    assert code == 0
    assert "Paused. Space to go on, q to end." in text and "Go on." in text
    assert "Stopped: Cat-cow. Paused. Left out until" in text and "Session ended." in text
    assert "emergency department" in text and "u undoes a mistaken x" in text
    assert "Stopping for pain was the right call." in text
    assert "Something hurt today." in text
    assert "How is your back now" in text and "How is your back after the session" in text
    [entry] = after.log.sessions
    statuses = {e.id: e.status for e in entry.exercises}
    assert statuses["cat-cow"] == "stopped_for_pain" and entry.ended_early
    assert (entry.pain_before, entry.pain_after) == (4, 3)


def test_the_first_run_prints_when_to_stop_and_asks_at_a_terminal(tmp_path: Path) -> None:
    code, text, after = _run(tmp_path / "a", safety=False)
    from backtimer.core.safety import safety_text

    assert text.startswith(safety_text())
    assert not after.safety_acknowledged  # nobody at a terminal read it
    code, text, after = _run(tmp_path / "b", safety=False, answers=["q\n"], live=True)
    assert code == 0 and after.log.sessions == [] and "Marching" not in text
    code, text, after = _run(tmp_path / "c", safety=False, answers=["\n", "y\n", "\n"], live=True)
    assert after.safety_acknowledged and after.state.screening == "ask-first"
    assert "Does any of it apply to you?" in text


def test_no_terminal_points_to_plain(capsys) -> None:
    code = main(["start"])
    err = capsys.readouterr().err
    assert code == 2 and "backtimer start --plain" in err and "Traceback" not in err


def test_term_dumb_at_a_terminal_runs_the_plain_session(monkeypatch, tmp_path: Path) -> None:
    import sys

    ran: list[str] = []
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(
        "backtimer.cli.plain.run_plain", lambda profile, choice, clock: ran.append(choice.key) or 0
    )
    assert main(["start", "--routine", "quick", "--data-dir", str(tmp_path / "d")]) == 0
    assert ran == ["quick"]


def test_at_a_terminal_lines_wrap_at_words_under_their_own_text(tmp_path: Path, monkeypatch):
    import shutil

    profile = _profile(tmp_path, safety=False)
    clock = FakeClock(start=0.0)
    choice = profile.routine("quick", clock.wall().date())

    class Screen(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Screen()
    monkeypatch.setattr(
        shutil, "get_terminal_size", lambda *a: __import__("os").terminal_size((41, 20))
    )
    run = PlainRun(profile, choice, clock, out, FakeKeys(clock), Sinks([]), lambda: "q\n")  # type: ignore[arg-type]
    run.run()
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 40 for line in lines)
    bullets = [n for n, line in enumerate(lines) if line.startswith("  • ")]
    wrapped = [lines[n + 1] for n in bullets if lines[n + 1].startswith("    ")]
    assert wrapped  # a bullet's second line sits under its words

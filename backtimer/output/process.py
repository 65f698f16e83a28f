"""One sound or sentence at a time, in a subprocess that never blocks the caller."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from contextlib import suppress


class Player:
    """Runs one command at a time; a new one (or ``stop``) ends the one before."""

    def __init__(self) -> None:
        self._current: subprocess.Popen[bytes] | None = None

    def start(self, argv: Sequence[str]) -> None:
        """Start ``argv`` (an argument list: never through a shell)."""
        self.stop()
        with suppress(OSError):
            self._current = subprocess.Popen(  # noqa: S603 - a fixed argument list
                list(argv),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def busy(self) -> bool:
        return self._current is not None and self._current.poll() is None

    def stop(self) -> None:
        current, self._current = self._current, None
        if current is not None and current.poll() is None:
            with suppress(OSError):
                current.kill()
            with suppress(OSError, subprocess.TimeoutExpired):
                current.wait(timeout=0.2)

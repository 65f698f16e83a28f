"""A closed terminal (SIGHUP) or a kill (SIGTERM) still records the session."""

from __future__ import annotations

import asyncio
import os
import signal
from contextlib import suppress
from typing import Protocol


class Host(Protocol):
    """The app, as the signal handlers use it."""

    @property
    def save_error(self) -> str | None: ...

    def save_unfinished(self) -> None: ...

    def exit(self, result: None = None, return_code: int = 0) -> None: ...


def install(host: Host) -> None:
    """Handle SIGHUP and SIGTERM on the running loop (where the platform allows)."""

    def hang_up() -> None:
        """The terminal is gone: save what is unsaved, then leave at once. Waiting for
        Textual's writer to flush to a terminal that no longer exists can block."""
        host.save_unfinished()
        if host.save_error:
            with suppress(OSError):
                os.write(2, f"backtimer: {host.save_error}\n".encode())
        os._exit(1 if host.save_error else 128 + signal.SIGHUP)

    def terminated() -> None:
        """Record the session, then exit as a killed program does (143), or 1 when the
        session could not be saved."""
        host.save_unfinished()
        host.exit(return_code=1 if host.save_error else 128 + signal.SIGTERM)

    try:
        loop = asyncio.get_running_loop()
        for name, handler in (("SIGHUP", hang_up), ("SIGTERM", terminated)):
            sig = getattr(signal, name, None)
            if sig is not None:
                loop.add_signal_handler(sig, handler)
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
        pass

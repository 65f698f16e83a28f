"""A desktop notification through what the system has; nothing at all when it has
nothing (a reminder is never an error)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from contextlib import suppress


def notify(title: str, body: str) -> str | None:
    """Send a notification; the name of what sent it, or None."""
    if sys.platform == "darwin":
        osa = shutil.which("osascript")
        if osa:
            script = f"display notification {_quote(body)} with title {_quote(title)}"
            return "osascript" if _run([osa, "-e", script]) else None
        return None
    if sys.platform == "win32":  # pragma: no cover - Windows only
        shell = shutil.which("powershell") or shutil.which("pwsh")
        if shell:
            script = (
                "[reflection.assembly]::loadwithpartialname('System.Windows.Forms') | Out-Null;"
                "$n = New-Object System.Windows.Forms.NotifyIcon;"
                "$n.Icon = [System.Drawing.SystemIcons]::Information; $n.Visible = $true;"
                f"$n.ShowBalloonTip(10000, {_ps(title)}, {_ps(body)}, 'Info')"
            )
            return "powershell" if _run([shell, "-NoProfile", "-Command", script]) else None
        return None
    sender = shutil.which("notify-send")
    if sender:
        return "notify-send" if _run([sender, "--app-name=backtimer", title, body]) else None
    gdbus = shutil.which("gdbus")
    if gdbus:
        ok = _run(
            [
                gdbus,
                "call",
                "--session",
                "--dest",
                "org.freedesktop.Notifications",
                "--object-path",
                "/org/freedesktop/Notifications",
                "--method",
                "org.freedesktop.Notifications.Notify",
                "backtimer",
                "0",
                "",
                title,
                body,
                "[]",
                "{}",
                "10000",
            ]
        )
        return "freedesktop" if ok else None
    return None


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _ps(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _run(argv: list[str]) -> bool:
    with suppress(OSError, subprocess.SubprocessError):
        return subprocess.run(argv, capture_output=True, timeout=10, check=False).returncode == 0
    return False

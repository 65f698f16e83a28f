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
            script = windows_script(title, body)
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


#: Windows shows a toast only for a registered app id: PowerShell's own, so the toast
#: says it comes from Windows PowerShell.
POWERSHELL_APP_ID = (
    "{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\WindowsPowerShell\\v1.0\\powershell.exe"
)


def windows_script(title: str, body: str) -> str:
    """A toast (Windows 10 and 11: in the corner and in the notification centre); where
    the toast API is missing, a balloon tip from the notification area instead."""
    return (
        "try {"
        "[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, "
        "ContentType = WindowsRuntime] | Out-Null;"
        "$k = [Windows.UI.Notifications.ToastTemplateType]::ToastText02;"
        "$x = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent($k);"
        "$t = $x.GetElementsByTagName('text');"
        f"$t.Item(0).AppendChild($x.CreateTextNode({_ps(title)})) | Out-Null;"
        f"$t.Item(1).AppendChild($x.CreateTextNode({_ps(body)})) | Out-Null;"
        "$n = [Windows.UI.Notifications.ToastNotification]::new($x);"
        "[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier("
        f"{_ps(POWERSHELL_APP_ID)}).Show($n)"
        "} catch {"
        "[reflection.assembly]::loadwithpartialname('System.Windows.Forms') | Out-Null;"
        "$b = New-Object System.Windows.Forms.NotifyIcon;"
        "$b.Icon = [System.Drawing.SystemIcons]::Information; $b.Visible = $true;"
        f"$b.ShowBalloonTip(10000, {_ps(title)}, {_ps(body)}, 'Info'); Start-Sleep 10;"
        "$b.Dispose()"
        "}"
    )


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _ps(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _run(argv: list[str]) -> bool:
    with suppress(OSError, subprocess.SubprocessError):
        return subprocess.run(argv, capture_output=True, timeout=10, check=False).returncode == 0
    return False

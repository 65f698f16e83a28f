"""Start `backtimer serve` on a free loopback port, and drive a page in headless
Chromium: shared by the browser tests and `scripts/browser_screenshot.py`."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>]")

#: Every byte the page's websocket receives, kept in ``window.__screen``.
CAPTURE = """
window.__screen = "";
const Real = window.WebSocket;
window.WebSocket = function (url, protocols) {
  const socket = protocols ? new Real(url, protocols) : new Real(url);
  socket.addEventListener("message", (event) => {
    const data = event.data;
    if (typeof data === "string") { window.__screen += data; return; }
    const bytes = new Uint8Array(data);
    window.__screen += new TextDecoder().decode(bytes);
  });
  return socket;
};
window.WebSocket.prototype = Real.prototype;
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(folder: Path, *args: str) -> tuple[subprocess.Popen[str], str, int]:
    """`backtimer serve` with its files in ``folder``: the process, its URL, its port."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "backtimer",
            "serve",
            "--port",
            str(port),
            *args,
            "--data-dir",
            str(folder / "data"),
            "--cache-dir",
            str(folder / "cache"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=folder,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if "served at" in line:
            return proc, line.split("served at", 1)[1].strip(), port
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError("serve did not start")


def stop(proc: subprocess.Popen[str]) -> None:
    """End the server and every tab it started (a tab's backtimer outlives a killed
    server, and no test leaves a process behind)."""
    import os
    import signal
    from contextlib import suppress

    with suppress(OSError):
        for pid in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split():
            with suppress(OSError):
                os.kill(int(pid), signal.SIGKILL)
    proc.kill()
    with suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def chrome(folder: Path, size: str = "900,700") -> Any:
    """A headless Chromium through chromedriver, its profile in ``folder``."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--window-size={size}",
        f"--user-data-dir={folder / 'chrome'}",
    ):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=DRIVER or "")
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CAPTURE})
    return driver


class Page:
    """The app's terminal in a browser page: what it shows, and keys sent to it."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver

    def screen(self) -> str:
        return ANSI.sub("", self.driver.execute_script("return window.__screen || ''"))

    def wait_for(self, text: str, timeout: float = 30, since: int = 0) -> None:
        """Until ``text`` has been shown (after the first ``since`` characters of what
        the page received)."""
        deadline = time.monotonic() + timeout
        while text not in self.screen()[since:]:
            assert time.monotonic() < deadline, f"{text!r} never shown: {self.screen()[-400:]!r}"
            time.sleep(0.2)

    def press(self, key: str) -> None:
        """A key as a person types it: the terminal is focused (as a click would), then
        the key goes to whatever has focus, as the keyboard does. (Sending keys to
        xterm's hidden helper textarea directly fails in current Chromium: it is not
        "interactable".)"""
        from selenium.webdriver.common.action_chains import ActionChains

        self.driver.execute_script(
            "const t = document.querySelector('textarea.xterm-helper-textarea');"
            "if (t) { t.focus(); }"
        )
        ActionChains(self.driver).send_keys(key).perform()

"""backtimer in a real headless Chromium, through `backtimer serve`, on loopback."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>]")

needs_serve = pytest.mark.skipif(
    __import__("importlib").util.find_spec("textual_serve") is None,
    reason="needs textual-serve (the web extra)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "backtimer", "serve", "--port", str(port), *args,
         "--data-dir", str(tmp_path / "data"), "--cache-dir", str(tmp_path / "cache")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if "served at" in line:
            return proc, line.split("served at", 1)[1].strip()
    proc.kill()
    raise AssertionError("serve did not start")


def status(url: str, origin: str | None = None) -> int:
    request = Request(url, headers={"Origin": origin} if origin else {})
    try:
        with urlopen(request, timeout=10) as response:
            return int(response.status)
    except HTTPError as exc:
        return int(exc.code)


def test_a_remote_host_needs_allow_remote(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "backtimer", "serve", "--host", "0.0.0.0",
         "--data-dir", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=30,
    )
    assert result.returncode == 2 and "--allow-remote" in result.stderr


@needs_serve
def test_remote_needs_the_token_and_listens_only_where_asked(tmp_path: Path) -> None:
    proc, url = serve(tmp_path, "--host", "0.0.0.0", "--allow-remote")
    try:
        port = int(url.split(":")[2].split("/")[0])
        token_url = url.replace("0.0.0.0", "127.0.0.1")
        assert status(f"http://127.0.0.1:{port}/") == 403
        assert status(f"http://127.0.0.1:{port}/ws") == 403
        assert status(token_url) == 200
        assert status(token_url + "ws", origin="http://evil.example") == 403
        listening = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True).stdout
        mine = [line for line in listening.splitlines() if f"pid={proc.pid}," in line]
        assert mine and all(f"0.0.0.0:{port} " in line for line in mine), mine
    finally:
        proc.kill()


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


@pytest.mark.slow
@needs_serve
@pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="needs the Debian packages chromium and chromium-driver (not installed)",
)
def test_home_then_a_session_in_a_real_browser(tmp_path: Path) -> None:
    selenium = pytest.importorskip("selenium", reason="needs selenium (the test extra)")
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    proc, url = serve(tmp_path)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=900,700",
                 f"--user-data-dir={tmp_path / 'chrome'}"):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=DRIVER or "")
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CAPTURE})
        driver.get(url)

        def screen() -> str:
            return ANSI.sub("", driver.execute_script("return window.__screen || ''"))

        def wait_for(text: str, timeout: float = 30) -> None:
            deadline = time.monotonic() + timeout
            while text not in screen():
                assert time.monotonic() < deadline, f"{text!r} never shown: {screen()[-400:]!r}"
                time.sleep(0.2)

        wait_for("b a c k t i m e r")
        wait_for("0 of 3 this week")
        keys = driver.find_element(By.CSS_SELECTOR, "textarea.xterm-helper-textarea")
        keys.send_keys(Keys.ENTER)
        wait_for("Before your first session")
        keys.send_keys(Keys.ENTER)
        wait_for("How is your back")
        keys.send_keys(Keys.ENTER)
        wait_for("Marching in place")
        wait_for("Warm-up 1 / ")
        shot = ROOT / "docs" / "images" / "browser.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        time.sleep(1.0)
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        _ = selenium, os
    finally:
        driver.quit()
        proc.kill()

"""backtimer in a real headless Chromium, through `backtimer serve`, on loopback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.web.serving import CHROMIUM, DRIVER, Page, chrome, serve, stop

needs_serve = pytest.mark.skipif(
    __import__("importlib").util.find_spec("textual_serve") is None,
    reason="needs textual-serve (the web extra)",
)


@pytest.mark.slow
@needs_serve
@pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="needs the Debian packages chromium and chromium-driver (not installed)",
)
def test_home_then_a_session_in_a_real_browser(tmp_path: Path) -> None:
    pytest.importorskip("selenium", reason="needs selenium (the test extra)")
    from selenium.webdriver.common.keys import Keys

    proc, url, _ = serve(tmp_path)
    driver = chrome(tmp_path)
    try:
        driver.get(url)
        assert driver.title == "backtimer"
        page = Page(driver)
        page.wait_for("b a c k t i m e r")
        page.wait_for("0 of 3 this week")
        page.press(Keys.ENTER)  # Home: start
        page.wait_for("Before your first session")
        page.press(Keys.ENTER)  # the safety screen: understood
        page.wait_for("does any of this apply to you")
        page.press("n")  # the first-run check: none of it
        page.wait_for("How is your back")
        before_session = len(page.screen())
        page.press(Keys.ENTER)  # the check-in
        page.wait_for("Marching in place")
        page.wait_for("Warm-up 1 / ")
        # getting ready: the move's figure, standing on its mat (a long run of half
        # blocks no digit or word of the session screen draws), through the same widget
        page.wait_for("▄" * 12, since=before_session)
        time.sleep(1.0)
        shot = tmp_path / "browser.png"
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        # no request left this machine: every resource came from the server
        hosts = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).host)"
        )
        assert hosts and set(hosts) == {url.split("/")[2]}, hosts
    finally:
        driver.quit()
        stop(proc)

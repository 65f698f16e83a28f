"""Make docs/images/browser.png, the README's picture of backtimer in a browser.

Needs the test extra (selenium) and Debian's chromium and chromium-driver:

    .venv/bin/python scripts/browser_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.web.serving import Page, chrome, serve, stop  # noqa: E402


def main() -> int:
    from selenium.webdriver.common.keys import Keys

    with tempfile.TemporaryDirectory() as folder:
        proc, url, _ = serve(Path(folder))
        driver = chrome(Path(folder))
        try:
            driver.get(url)
            page = Page(driver)
            page.wait_for("0 of 3 this week")
            steps = (
                (Keys.ENTER, "Before your first session"),  # Home: start
                (Keys.ENTER, "does any of this apply to you"),  # the safety screen: read
                ("n", "How is your back"),  # the first-run check: none of it
                (Keys.ENTER, "Marching in place"),  # the check-in
            )
            for key, text in steps:
                page.press(key)
                page.wait_for(text)
            time.sleep(1.0)
            target = ROOT / "docs" / "images" / "browser.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(target))
            print(f"wrote {target.relative_to(ROOT)}")
        finally:
            driver.quit()
            stop(proc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

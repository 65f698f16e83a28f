"""Make docs/images/report.png, the README's picture of `backtimer report`: twelve
weeks of a demo log (tests/unit/report_helpers.py), rendered in headless Chromium.

Needs the test extra (selenium) and Debian's chromium and chromium-driver:

    .venv/bin/python scripts/report_picture.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from backtimer.cli import main as backtimer  # noqa: E402
from backtimer.store.catalog import load_catalog  # noqa: E402
from backtimer.store.paths import shipped_catalog  # noqa: E402
from tests.unit.report_helpers import demo_folder  # noqa: E402
from tests.web.serving import chrome  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        today = demo_folder(folder / "data", load_catalog(shipped_catalog()))
        page = folder / "report.html"
        argv = ["report", "--output", str(page), "--data-dir", str(folder / "data")]
        argv += ["--cache-dir", str(folder / "cache")]
        if backtimer(argv, today=today) != 0:
            return 1
        driver = chrome(folder, "860,1180")
        try:
            driver.get(page.as_uri())
            driver.execute_script("document.documentElement.style.overflow = 'hidden'")
            target = ROOT / "docs" / "images" / "report.png"
            driver.save_screenshot(str(target))
            print(f"wrote {target.relative_to(ROOT)}")
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The report as a browser draws it: headless Chromium renders the page, each bar
stands as high as its sessions, the pain points sit at their values, and the page
prints to a PDF."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from backtimer.cli import main
from tests.unit.report_helpers import TODAY, demo_folder
from tests.web.serving import CHROMIUM, DRIVER, chrome


@pytest.mark.slow
@pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="needs the Debian packages chromium and chromium-driver (not installed)",
)
def test_the_report_renders_in_chromium(tmp_path: Path, catalog, capsys) -> None:
    pytest.importorskip("selenium", reason="needs selenium (the test extra)")
    demo_folder(tmp_path / "data", catalog)
    page = tmp_path / "report.html"
    argv = ["report", "--output", str(page), "--data-dir", str(tmp_path / "data")]
    assert main(argv, today=TODAY) == 0
    capsys.readouterr()
    driver = chrome(tmp_path, "900,1400")
    try:
        driver.get(page.as_uri())
        assert driver.title.startswith("Back exercise report")
        bars = driver.execute_script(
            "return [...document.querySelectorAll('#sessions-chart rect')].map("
            "r => [Number(r.dataset.sessions), r.getBoundingClientRect().height,"
            " r.getBoundingClientRect().bottom])"
        )
        assert len(bars) == 12
        unit = bars[0][1] / bars[0][0]
        assert unit > 20  # legible: more than 20 pixels a session
        for sessions, height, bottom in bars:
            assert height == pytest.approx(unit * sessions, abs=1.0)
            assert bottom == pytest.approx(bars[0][2], abs=1.0)  # one baseline
        points = driver.execute_script(
            "const svg = document.querySelector('#pain-chart').getBoundingClientRect();"
            "return [...document.querySelectorAll('#pain-chart circle.after')].map("
            "c => [Number(c.dataset.value), c.getBoundingClientRect().top - svg.top])"
        )
        ordered = sorted(points)
        assert [y for _, y in ordered] == sorted((y for _, y in ordered), reverse=True)
        shot = tmp_path / "report.png"
        assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 20_000
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
        printed = base64.b64decode(pdf["data"])
        assert printed.startswith(b"%PDF") and len(printed) > 10_000
    finally:
        driver.quit()

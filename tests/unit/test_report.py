"""`backtimer report`: one self-contained HTML page (or Markdown) whose figures are
those of `history --json` and `progress --json`, read back from the page's SVG."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from backtimer.cli import main
from tests.unit.report_helpers import TODAY, demo_folder


class Marks(HTMLParser):
    """Every element with a ``data-`` attribute, and every tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, dict[str, str]]] = []
        self.tags: set[str] = set()
        self.svg: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        if tag == "svg":
            self.svg.append(found.get("id", ""))
        if any(k.startswith("data-") for k in found):
            self.marks.append((tag, found | {"chart": self.svg[-1] if self.svg else ""}))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv), today=TODAY)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, catalog) -> str:
    demo_folder(tmp_path / "data", catalog)
    return str(tmp_path / "data")


def test_the_html_charts_hold_the_numbers_of_history_json(data: str, capsys) -> None:
    code, page, err = run(capsys, "report", "--data-dir", data)
    assert code == 0, err
    _, out, _ = run(capsys, "history", "--json", "--weeks", "12", "--data-dir", data)
    history = json.loads(out)
    parser = Marks()
    parser.feed(page)
    bars = [a for tag, a in parser.marks if tag == "rect" and a["chart"] == "sessions-chart"]
    assert [(b["data-week"], int(b["data-sessions"])) for b in bars] == [
        (w["week"], w["sessions"]) for w in history["weeks"]
    ]
    # each bar's height is its number of sessions on the chart's scale
    [svg] = [a for tag, a in parser.marks if tag == "svg" and a["id"] == "sessions-chart"]
    unit = float(bars[0]["height"]) / int(bars[0]["data-sessions"])
    for bar in bars:
        assert float(bar["height"]) == pytest.approx(unit * int(bar["data-sessions"]), abs=0.15)
        assert ("met" in bar["class"]) == next(
            w["goal_met"] for w in history["weeks"] if w["week"] == bar["data-week"]
        )
    [goal] = [a for tag, a in parser.marks if tag == "line" and "data-goal" in a]
    assert int(goal["data-goal"]) == history["weekly_goal"] and int(svg["data-top"]) >= 4
    for key, css in (("pain_before_avg", "before"), ("pain_after_avg", "after")):
        points = {
            a["data-week"]: float(a["data-value"])
            for tag, a in parser.marks
            if tag == "circle" and a["class"] == css
        }
        expected = {w["week"]: w[key] for w in history["weeks"] if w[key] is not None}
        assert points == expected and len(expected) == 11  # one week had no check-in
    # the table under the charts says the same
    for w in history["weeks"]:
        assert f'<td class="d">{w["week"]}</td><td class="n">{w["sessions"]}</td>' in page
    assert f"{history['weeks'][-4]['desk_breaks']}</td></tr>" in page


def test_the_doses_are_those_of_progress_json(data: str, capsys) -> None:
    _, page, _ = run(capsys, "report", "--data-dir", data)
    _, md, _ = run(capsys, "report", "--format", "md", "--data-dir", data)
    _, out, _ = run(capsys, "progress", "--json", "--data-dir", data)
    progress = {m["name"]: m for m in json.loads(out)["moves"]}
    for name in ("Bridge", "Cat-cow", "Child's pose"):
        move = progress[name]
        assert f"**{name}**: now {move['dose']} since {move['changed_on']} ({move['why']})" in md
        assert f"<b>{name.replace(chr(39), '&#x27;')}</b></td><td>{move['dose']}</td>" in page
    assert "Cat-cow" in md.split("## Stopped for pain")[1].split("##")[0]
    assert "| 2026-W11 | 3 | yes | 36 | 2.0 | 1.0 | 0 min | 3 |" in md


def test_the_page_is_self_contained_and_printable(data: str, capsys) -> None:
    _, page, _ = run(capsys, "report", "--data-dir", data)
    parser = Marks()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags and "link" not in parser.tags
    for outside in ("http://", "https://", "src=", "url(", "@import"):
        assert outside not in page
    assert "@media print" in page and page.startswith("<!DOCTYPE html>")


def test_output_is_written_and_never_over_a_log(data: str, tmp_path: Path, capsys) -> None:
    target = tmp_path / "visit.html"
    code, _, err = run(capsys, "report", "--output", str(target), "--data-dir", data)
    assert code == 0 and "written to" in err and target.read_text().startswith("<!DOCTYPE")
    code, _, err = run(capsys, "report", "--output", str(target), "--data-dir", data)
    assert code == 1 and "--force" in err
    log = Path(data) / "sessions-demo.toml"
    before = log.read_bytes()
    code, _, err = run(capsys, "report", "--output", str(log), "--force", "--data-dir", data)
    assert code == 1 and "own files" in err and log.read_bytes() == before


def test_an_empty_log_makes_a_report_too(tmp_path: Path, capsys) -> None:
    code, md, err = run(capsys, "report", "--format", "md", "--data-dir", str(tmp_path / "d"))
    assert code == 0, err
    assert "No moves done in these weeks." in md and "| 0 | no |" in md


def test_stops_in_desk_breaks_the_first_run_answer_and_a_headline(
    tmp_path: Path, catalog, capsys
) -> None:
    from datetime import datetime, timedelta

    from backtimer.core.desk import new_break
    from backtimer.store import breaks
    from tests.unit.coaching_helpers import CET

    data = tmp_path / "data"
    demo_folder(data, catalog)
    at = datetime.combine(TODAY - timedelta(days=2), datetime.min.time(), CET).replace(hour=11)
    hurt = new_break(at, 90, ["marching"], at, "hurt", ["standing-back-extension"])
    breaks.append(data / "breaks-demo.toml", hurt)
    (data / "state.toml").write_text('safety_acknowledged = true\nscreening = "ask-first"\n')
    _, md, _ = run(capsys, "report", "--format", "md", "--data-dir", str(data))
    stops = md.split("## Stopped for pain")[1].split("##")[0]
    assert "Standing back extension (desk break)" in stops and "Cat-cow" in stops
    assert "Answered yes to 'ask a professional first'" in md
    assert "Pain before sessions 5 to 2; " in md and "stops for pain" in md
    assert "Dose changes (each set):" in md and "Done " in md and "Not a medical record" in md
    _, page, _ = run(capsys, "report", "--data-dir", str(data))
    assert "Standing back extension (desk break)" in page and "ask a professional first" in page

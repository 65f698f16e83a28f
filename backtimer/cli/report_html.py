"""The report as one self-contained HTML page: inline CSS and SVG charts, no scripts,
nothing fetched from anywhere, laid out to print well to PDF from a browser.

Each chart's marks carry the numbers they draw (``data-week``, ``data-sessions``,
``data-value``), so a test can read them back against ``history --json``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from backtimer.cli.report import headline, period, weeks_text

#: The charts' drawing box, in SVG units.
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 220, 36, 30, 12

CSS = """
body { font: 15px/1.45 system-ui, sans-serif; color: #1d2330; max-width: 780px;
       margin: 24px auto; padding: 0 16px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #cfd6e0; }
p.lead { color: #4a5568; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #e2e8f0;
         vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.d { white-space: nowrap; }
svg { width: 100%; height: auto; display: block; }
svg text { font: 11px system-ui, sans-serif; fill: #4a5568; }
.bar { fill: #8aa4c8; } .bar.met { fill: #2b7a78; }
.goal { stroke: #c05621; stroke-dasharray: 5 4; stroke-width: 1.5; }
.grid { stroke: #e2e8f0; stroke-width: 1; }
.before { stroke: #c05621; fill: none; stroke-width: 2; stroke-dasharray: 6 3; }
.after { stroke: #2b6cb0; fill: none; stroke-width: 2.5; }
circle.before { fill: #fff; stroke-dasharray: none; } circle.after { fill: #2b6cb0; }
.key { display: inline-block; width: 18px; height: 0; border-top: 3px solid;
       vertical-align: middle; margin: 0 4px 0 12px; }
.small { font-size: 12px; color: #4a5568; }
section { break-inside: avoid; }
@page { margin: 14mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
"""


def _x(i: int, count: int) -> float:
    slot = (WIDTH - LEFT - 8) / count
    return LEFT + slot * i + slot / 2


def _y(value: float, top: float) -> float:
    return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * value / top


def _labels(weeks: list[dict[str, Any]]) -> list[str]:
    """Week labels along the bottom: every week when they fit, else every other."""
    step = 1 if len(weeks) <= 16 else 2
    out = []
    for i, w in enumerate(weeks):
        if i % step == 0 or i == len(weeks) - 1:
            label = w["week"].split("-")[-1]
            out.append(f'<text x="{_x(i, len(weeks)):.1f}" y="{HEIGHT - 10}" ')
            out[-1] += f'text-anchor="middle">{escape(label)}</text>'
    return out


def sessions_chart(weeks: list[dict[str, Any]], goal: int) -> str:
    """Bars of the sessions that count each week, with the goal as a dashed line."""
    top = max(goal, *(w["sessions"] for w in weeks), 1) + 1
    count = len(weeks)
    slot = (WIDTH - LEFT - 8) / count
    parts = [
        f'<svg id="sessions-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="Sessions each week against a goal of {goal}" data-top="{top}">'
    ]
    for n in range(top + 1):
        y = _y(n, top)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - 8}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{n}</text>')
    for i, w in enumerate(weeks):
        height = _y(0, top) - _y(w["sessions"], top)
        met = " met" if w["goal_met"] else ""
        parts.append(
            f'<rect class="bar{met}" x="{_x(i, count) - slot * 0.35:.1f}" '
            f'y="{_y(w["sessions"], top):.1f}" width="{slot * 0.7:.1f}" height="{height:.1f}" '
            f'data-week="{escape(w["week"])}" data-sessions="{w["sessions"]}">'
            f"<title>{escape(w['week'])}: {w['sessions']} of {goal}</title></rect>"
        )
    y = _y(goal, top)
    parts.append(
        f'<line class="goal" x1="{LEFT}" x2="{WIDTH - 8}" y1="{y:.1f}" y2="{y:.1f}" '
        f'data-goal="{goal}"/>'
    )
    parts += _labels(weeks)
    parts.append("</svg>")
    return "".join(parts)


def pain_chart(weeks: list[dict[str, Any]]) -> str:
    """The weekly average of pain before and after sessions, 0 to 10; a week with no
    rating leaves a gap in its line."""
    count = len(weeks)
    parts = [
        f'<svg id="pain-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-label="Average back pain before and after sessions, each week, 0 to 10">'
    ]
    for n in range(0, 11, 2):
        y = _y(n, 10)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - 8}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{n}</text>')
    for key, css in (("pain_before_avg", "before"), ("pain_after_avg", "after")):
        runs: list[list[str]] = [[]]
        for i, w in enumerate(weeks):
            value = w[key]
            if value is None:
                runs.append([])
                continue
            runs[-1].append(f"{_x(i, count):.1f},{_y(value, 10):.1f}")
        for run in runs:
            if len(run) > 1:
                parts.append(f'<polyline class="{css}" points="{" ".join(run)}"/>')
        for i, w in enumerate(weeks):
            value = w[key]
            if value is not None:
                parts.append(
                    f'<circle class="{css}" cx="{_x(i, count):.1f}" cy="{_y(value, 10):.1f}" '
                    f'r="3.5" data-week="{escape(w["week"])}" data-value="{value}">'
                    f"<title>{escape(w['week'])}: {css} {value}</title></circle>"
                )
    parts += _labels(weeks)
    parts.append("</svg>")
    return "".join(parts)


def _pain(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _rows(rows: list[list[str]], classes: dict[int, str] | None = None) -> str:
    """Table rows; ``classes``: column -> its cells' class ("n" numbers, "d" dates)."""
    out = []
    for row in rows:
        cells = "".join(
            f'<td class="{(classes or {})[i]}">{cell}</td>'
            if i in (classes or {})
            else f"<td>{cell}</td>"
            for i, cell in enumerate(row)
        )
        out.append(f"<tr>{cells}</tr>")
    return "".join(out)


def _done(move: dict[str, Any]) -> str:
    if not move["last_done"]:
        return ""
    return f"<br>done {move['times_done']} times, last {escape(move['last_done'])}"


#: The week table's dates and numbers.
WEEK_COLUMNS = {0: "d", 1: "n", 3: "n", 4: "n", 5: "n", 6: "n", 7: "n"}


def to_html(data: dict[str, Any]) -> str:
    """The whole page."""
    weeks, goal = data["weeks"], data["weekly_goal"]
    week_rows = [
        [
            escape(w["week"]),
            str(w["sessions"]),
            "yes" if w["goal_met"] else "no",
            f"{w['active_s'] / 60:.0f}",
            _pain(w["pain_before_avg"]),
            _pain(w["pain_after_avg"]),
            str(w["walk_minutes"]),
            str(w["desk_breaks"]),
        ]
        for w in weeks
    ]
    move_rows = [
        [
            f"<b>{escape(m['name'])}</b>",
            escape(m["dose_now"]),
            escape(m["changed_on"] or "-"),
            escape(m["why"])
            + (
                f"<br>done {m['times_done']} times, last {escape(m['last_done'])}"
                if m["last_done"]
                else ""
            ),
            "<br>".join(f"{escape(d['day'])}: {escape(d['dose'])}" for d in m["doses"]),
        ]
        for m in data["moves"]
    ]
    stops = "".join(
        f"<li>{escape(s['day'])}: {escape(s['move'])}</li>" for s in data["stops_for_pain"]
    )
    left = "".join(
        f"<li>{escape(a['move'])}{' until ' + escape(a['until']) if a['until'] else ''}: "
        f"{escape(a['why'])}.</li>"
        for a in data["left_out"]
    )
    held = f"<p>Doses are {escape(data['held'])}.</p>" if data["held"] else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Back exercise report, {escape(period(data))}</title>
<style>{CSS}</style></head>
<body>
<h1>Back exercise report</h1>
<p class="lead">{len(weeks)} weeks, {escape(period(data))}. Goal: {goal} sessions a week.
Streak: {weeks_text(data["current_streak_weeks"])} (longest {data["longest_streak_weeks"]}).
Hardest moves allowed: level {data["level"]} of 3.</p>
<p><b>{escape(headline(data))}</b></p>
{f"<p>{escape(data['screening'])}</p>" if data["screening"] else ""}

<section><h2>Sessions each week</h2>
{sessions_chart(weeks, goal)}
<p class="small">Bars: sessions that count toward the goal (80 % or more of the plan
done; {data["sessions_started"]} started in these weeks); darker: the goal was
met. Dashed line: the goal of {goal}.</p></section>

<section><h2>Back pain before and after sessions</h2>
{pain_chart(weeks)}
<p class="small"><span class="key" style="border-color:#c05621"></span>before
<span class="key" style="border-color:#2b6cb0"></span>after: the weekly average of the
person's own rating, 0 (none) to 10 (worst). A gap: no rating that week.</p></section>

<section><h2>Week by week</h2>
<table><thead><tr><th>week</th><th class="n">sessions</th><th>goal met</th>
<th class="n">minutes</th><th class="n">pain before</th><th class="n">pain after</th>
<th class="n">walked (min)</th><th class="n">desk breaks</th></tr></thead>
<tbody>{_rows(week_rows, WEEK_COLUMNS)}</tbody></table></section>

<section><h2>Each move's dose</h2>
{held}
<table><thead><tr><th>move</th><th>dose now</th><th>since</th><th>why</th>
<th>each set, from the day it changed</th></tr></thead>
<tbody>{_rows(move_rows, {2: "d"}) or '<tr><td colspan="5">No moves done in these weeks.</td></tr>'}
</tbody></table></section>

<section><h2>Stopped for pain</h2>
<ul>{stops or "<li>No move was stopped for pain in these weeks.</li>"}</ul></section>

<section><h2>Moves left out now</h2>
<ul>{left or "<li>None.</li>"}</ul></section>

<section><h2>Walking and desk breaks</h2>
<p>{data["walk_minutes"]} minutes of walking recorded; {data["desk_breaks"]} desk breaks
(these do not count as sessions).</p></section>

<p class="small">Made by backtimer on {escape(data["today"])}, from the person's own
log. Not a medical record.</p>
</body></html>
"""

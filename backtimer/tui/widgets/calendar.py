"""A calendar heatmap: one cell per day, one column per week, Monday at the top."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

DAYS = "MTWTFSS"


def heatmap(counts: Mapping[date, int], today: date, weeks: int, goal_met: set[date]) -> str:
    """Textual markup for ``weeks`` columns ending with the week of ``today``.

    A day with a session is ``■`` (``▣`` for two or more), an empty past day ``·``, a
    day still to come blank. A last row ticks the weeks that met the goal, so nothing
    depends on colour alone.
    """
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    rows = []
    for row in range(7):
        cells = [f"[dim]{DAYS[row]}[/]"]
        for col in range(weeks):
            day = first + timedelta(weeks=col, days=row)
            n = counts.get(day, 0)
            if day > today:
                cells.append(" ")
            elif n >= 2:
                cells.append("[bold $success]▣[/]")
            elif n == 1:
                cells.append("[$success]■[/]")
            else:
                cells.append("[dim]·[/]")
        rows.append(" ".join(cells))
    ticks = ["[dim]✓[/]"] + [
        "[bold $success]✓[/]" if first + timedelta(weeks=c) in goal_met else " "
        for c in range(weeks)
    ]
    rows.append(" ".join(ticks))
    return "\n".join(rows)

"""A calendar heatmap: one cell per day, one column per week, Monday at the top."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

DAYS = "MTWTFSS"


def month_row(first: date, weeks: int) -> str:
    """Month names over the columns where a month begins (each column is 2 wide)."""
    row = [" "] * (2 + 2 * weeks + 4)
    begins = [
        (col, f"{sunday:%b}")
        for col in range(1, weeks)
        if (sunday := first + timedelta(weeks=col, days=6)).month
        != (sunday - timedelta(weeks=1)).month
    ]
    if not begins or begins[0][0] > 2:  # the first column's month, when there is room
        begins.insert(0, (0, f"{first:%b}"))
    for col, name in begins:
        at = 2 + 2 * col
        if all(c == " " for c in row[max(0, at - 1) : at + len(name)]):
            row[at : at + len(name)] = name
    return "[dim]" + "".join(row).rstrip() + "[/]"


def heatmap(counts: Mapping[date, int], today: date, weeks: int, goal_met: set[date]) -> str:
    """Textual markup for ``weeks`` columns ending with the week of ``today``.

    Month names head the columns where a month begins. A day with a session is ``■``
    (``▣`` for two or more), an empty past day ``·``, a day still to come blank. A
    row ticks the weeks that met the goal, so nothing depends on colour alone, and a
    last row names the first week and this one.
    """
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    rows = [month_row(first, weeks)]
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
    rows.append(" ".join(ticks).rstrip())
    since = f"{first:%d %b}".lstrip("0")
    gap = max(1, 2 * weeks - len(since) - len("this week") + 1)
    rows.append(f"[dim]  {since}{' ' * gap}this week[/]" if gap > 1 else f"[dim]  {since}[/]")
    return "\n".join(rows)

"""This week's sessions against the goal, as dots and words."""

from __future__ import annotations


def week_dots(done: int, goal: int) -> str:
    """``●●○`` for 2 of 3; sessions beyond the goal show as extra filled dots."""
    return "●" * done + "○" * max(0, goal - done)


def week_line(done: int, goal: int) -> str:
    met = "  goal met ✓" if done >= goal else ""
    return f"{week_dots(done, goal)}  {done} of {goal} this week{met}"

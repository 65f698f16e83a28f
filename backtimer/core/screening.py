"""The first-run check: one question before the first session, from the "ask a
professional first" list. A person who says yes to any of it keeps a note on Home,
and the hardest (level-3) moves stay out of every plan and routine until they say a
professional has cleared them (in Settings). The answer lives in the state file:
None (not asked yet), "clear", "ask-first" or "cleared".
"""

from __future__ import annotations

from collections.abc import Mapping

from backtimer.core.avoid import Avoided
from backtimer.core.exercise import Exercise

QUESTION = (
    "Before you start: does any of this apply to you now?\n\n"
    "  - an operation on your spine in the last year\n"
    "  - a spinal fracture, or osteoporosis (thin, fragile bones)\n"
    "  - pregnancy\n"
    "  - a disc problem, spinal stenosis or severe sciatica that a doctor has "
    "diagnosed\n\n"
    "If so, a physiotherapist or doctor should check these moves with you first. "
    "Until you say they have, backtimer leaves out its hardest (level 3) moves."
)
YES, NO = "Yes, one does", "No"
HOME_NOTE = (
    "You said a professional should check these moves first: the hardest (level 3) "
    "moves stay out until you say you have been cleared, in Settings."
)
WHY = "a professional should clear you first (your answer before the first session)"
#: The answers, as kept in the state file.
ASK_FIRST, CLEAR, CLEARED = "ask-first", "clear", "cleared"


def held_back(answer: str | None, exercises: Mapping[str, Exercise]) -> dict[str, Avoided]:
    """The moves left out because of the answer: every level-3 move after a yes."""
    if answer != ASK_FIRST:
        return {}
    return {
        e.id: Avoided(e.id, None, WHY, kind="screening") for e in exercises.values() if e.level >= 3
    }

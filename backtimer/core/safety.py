"""When to stop and get help: one text, shown on the safety screen, printed by
``backtimer safety`` and copied into the README (a test keeps them the same).

Urgent signs come first and say plainly how urgent they are.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    heading: str
    items: tuple[str, ...]


INTRO = (
    "These exercises suit most people with mild to moderate back pain or stiffness. "
    "Move slowly, stay in a range that feels comfortable, and never push through pain: "
    "some stretch or effort is fine, sharp or spreading pain is not."
)

SECTIONS: tuple[Section, ...] = (
    Section(
        "Go to an emergency department or call the emergency number now if, with back "
        "pain, you have:",
        (
            "numbness or tingling around the genitals, buttocks or inner thighs",
            "new trouble passing or holding urine, or not feeling your bladder fill",
            "loss of control of your bowels",
            "numbness, tingling or weakness in both legs",
            "leg weakness that is getting worse, or a foot that drags or slaps down",
            "new difficulty getting or keeping an erection, or loss of feeling in the genitals",
            "pain in the chest, or between the shoulder blades, that comes on suddenly "
            "or with breathlessness, sweating or feeling sick",
        ),
    ),
    Section(
        "See a doctor today if you have back pain with:",
        (
            "a fever, or feeling hot and shivery",
            "pain that began after a fall or an accident",
            "a history of cancer",
            "severe pain",
        ),
    ),
    Section(
        "See a doctor or physiotherapist soon if you have:",
        (
            "unexplained weight loss",
            "long-term use of steroid tablets, a weakened immune system, or injecting drugs",
            "pain between the shoulder blades, or pain that is worse lying flat",
            "a first episode of back pain before the age of 20 or after 50 with no clear cause",
            "constant pain that rest and changing position do not ease, or that is much "
            "worse at night",
            "numbness, tingling or weakness in one leg, or pain spreading down it",
            "pain that lasts more than a few weeks, keeps getting worse, or disturbs your "
            "sleep or walking",
        ),
    ),
    Section(
        "Before you start, ask a professional first if you have:",
        (
            "had spinal surgery recently",
            "a known fracture of the spine, or osteoporosis",
            "a pregnancy",
            "a diagnosed condition such as a herniated disc, spinal stenosis or severe "
            "sciatica: ask which of these moves suit you",
        ),
    ),
    Section(
        "During a session, stop the move (press x) if:",
        (
            "the pain is sharp, or spreads into a leg",
            "you feel dizzy, faint or short of breath",
            "you feel pain or tightness in the chest: stop, and call the emergency number",
        ),
    ),
)

WALKING = (
    "Walking most days is the best everyday partner to these exercises: start with what "
    "feels comfortable and add a few minutes each week."
)


def severe_pain_text(pain: int) -> str:
    """What a check-in of 8 to 10 shows before any exercise."""
    urgent = "\n".join(f"  • {item}" for item in SECTIONS[0].items)
    return (
        f"Your back is at {pain} out of 10: severe pain. See a doctor today; exercise can "
        "wait.\n\nGo to an emergency department or call the emergency number now if you "
        f"also have:\n{urgent}\n\nIf none of that applies and gentle movement usually "
        "eases your back, an easy day is the most to do today."
    )


def safety_text(*, markup: bool = False) -> str:
    """The whole text; with ``markup``, headings in Textual's bold markup."""
    lines = [INTRO, ""]
    for section in SECTIONS:
        lines.append(f"[b]{section.heading}[/b]" if markup else section.heading)
        lines += [f"  • {item}" for item in section.items]
        lines.append("")
    lines.append(WALKING)
    return "\n".join(lines)


def safety_markdown() -> str:
    """The same text for the README."""
    lines = [INTRO, ""]
    for section in SECTIONS:
        lines.append(f"**{section.heading}**")
        lines.append("")
        lines += [f"- {item}" for item in section.items]
        lines.append("")
    lines.append(WALKING)
    return "\n".join(lines)

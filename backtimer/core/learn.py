"""Learn: short cards on what helps a back, beside the exercises (NICE NG59 puts
self-management and information beside exercise). One card follows each session,
in turn, none again until all have been seen; after a session that left the back
worse, the card on flare-ups comes first. Every card is written for someone reading
it alone, often sore: plain words, nothing to fear, and where to turn when it is more
than a sore back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    text: str


CARDS: tuple[Card, ...] = (
    Card(
        "hurt-not-harm",
        "Sore does not mean damaged",
        "Pain is an alarm, and with back pain the alarm is often far louder than any "
        "danger: in most back pain nothing is broken or damaged. Moving gently while it "
        "is sore is safe, and it is how a back settles.",
    ),
    Card(
        "flare-ups",
        "Flare-ups come, and they pass",
        "Most people with back pain have good spells and bad ones. A flare-up usually "
        "eases over a few days to a couple of weeks. Keep moving, but do less: an easy "
        "day, fewer moves, shorter holds. Build back up as it calms. A flare-up is not a "
        "step back to the start.",
    ),
    Card(
        "stay-active",
        "Keep going with your day",
        "Staying in bed makes a back stiffer and slower to recover. Carry on with your "
        "usual day as far as you can, changing how you do things rather than stopping "
        "them. Work, walking and light chores all help a back recover.",
    ),
    Card(
        "scans",
        "Scans rarely explain everyday back pain",
        "Disc bulges and signs of wear show up on the scans of many people with no pain "
        "at all: they are as normal as grey hair. A scan helps when a doctor suspects "
        "something specific; for ordinary back pain it seldom changes what helps.",
    ),
    Card(
        "sleep-stress",
        "Sleep, stress and mood set the volume",
        "A poor night, a hard week or a low mood can make the same back ache more, "
        "without anything changing in it. Looking after sleep, finding some time to "
        "unwind and doing things you enjoy are part of looking after your back.",
    ),
    Card(
        "pacing",
        "A little, often",
        "Short spells of activity spread through the day do more good than one big "
        "push that leaves you sore for days. Stop a task before the pain builds, rest "
        "briefly, then carry on. Add a little more each week, not each day.",
    ),
    Card(
        "walking",
        "Walking is the exercises' best partner",
        "A walk most days keeps the back moving and the body fit. Start with whatever "
        "is comfortable, even five minutes, and add a few minutes each week. Record "
        "your walks ({walk} on Home) to see them beside your sessions.",
    ),
    Card(
        "posture",
        "Your best posture is your next one",
        "There is no one correct way to sit or stand, and slouching does not damage a "
        "back. What helps is changing position often: get up, walk about or stretch "
        "every half hour or so when you sit for long.",
    ),
    Card(
        "strength-takes-time",
        "Strength builds over weeks",
        "Muscles, joints and nerves get used to moving again slowly. Most people notice "
        "a difference after four to six weeks of regular practice, so judge these "
        "exercises by the month, not by one session.",
    ),
    Card(
        "bending-lifting",
        "Bending and lifting are normal",
        "The spine is built to bend and carry. Bending and lifting become easier as "
        "you do them, starting light and close to your body. Avoiding them for good "
        "tends to make a back more sensitive, not safer.",
    ),
    Card(
        "seek-help",
        "When to get help",
        "See a doctor or physiotherapist if the pain is not easing after a few weeks, "
        "keeps getting worse, keeps you awake at night or travels down a leg. Some signs "
        "need help the same day: read 'when to stop' ({stop}) so you know them.",
    ),
)
BY_ID = {card.id: card for card in CARDS}
#: The card shown first after a session that left the back worse.
FLARE = "flare-ups"


def next_card(seen: Sequence[str], pain_rose: bool = False) -> tuple[Card, tuple[str, ...]]:
    """The card to show after a session, and what has been seen once it is: each in
    turn, none again until all were seen; the flare-up card first after a pain rise."""
    shown = tuple(s for s in seen if s in BY_ID)
    if len(set(shown)) >= len(CARDS):
        shown = ()  # every card seen: round again
    if pain_rose and FLARE not in shown:
        card = BY_ID[FLARE]
    else:
        card = next(c for c in CARDS if c.id not in shown)
    return card, (*shown, card.id)


def text_of(card: Card, stop: str = "? then s", walk: str = "w") -> str:
    """The card's text with the keys as this person has them."""
    return card.text.replace("{stop}", stop).replace("{walk}", walk)

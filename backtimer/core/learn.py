"""Learn: short cards on what helps a back, beside the exercises (NICE NG59 puts
self-management and information beside exercise). One card follows each session,
in turn, none again until all have been seen, "when to get help" second; after a
session that left the back worse, the card on flare-ups (or when to get help).
Every card is written for someone reading it alone, often sore: plain words, nothing
to fear, and where to turn when it is more than a sore back. A physiotherapist read
them (a helper session, this round).
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
        "Pain is a protective alarm, and with back pain it is often set more sensitive "
        "than it needs to be. The pain is real, but in most back pain nothing is broken "
        "or damaged. Unless you have one of the warning signs ({stop}), gentle movement "
        "is safe, and it helps a back settle.",
    ),
    Card(
        "seek-help",
        "When to get help",
        "See a doctor or physiotherapist if the pain is not easing after a few weeks, "
        "keeps getting worse, is much worse at night, or spreads below the knee with "
        "numbness or weakness. Call the emergency number now for numbness around the "
        "genitals or buttocks, new trouble passing or holding urine or stools, or "
        "weakness in both legs. The full list: {stop}.",
    ),
    Card(
        "flare-ups",
        "Flare-ups come, and they pass",
        "Most people with back pain have good spells and bad ones. A flare-up usually "
        "eases over a few days to a couple of weeks. Keep moving, but do less: an easy "
        "day, fewer moves, shorter holds, then build back up as it calms. If this one "
        "feels different from your usual, or spreads into a leg, check {stop}.",
    ),
    Card(
        "stay-active",
        "Keep going with your day",
        "A short rest when it is bad is fine; long spells in bed make a back stiffer "
        "and slower to recover. Carry on with your usual day as far as you can, "
        "changing how you do things rather than stopping them. Work, walking and light "
        "chores all help a back recover.",
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
        "without any new damage in it: the nervous system turns the volume up. Sleep, "
        "some time to unwind and things you enjoy all help. If low mood lasts more than "
        "a couple of weeks, talk to your doctor.",
    ),
    Card(
        "pacing",
        "A little, often",
        "Short spells of activity spread through the day do more good than one big "
        "push that leaves you sore for days. Break jobs into chunks and take breaks by "
        "the clock or the amount done, not only when pain makes you. Some discomfort is "
        "fine; stop while you still have something left. Add a little more each week.",
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
        "pain-relief",
        "Pain relief can keep you moving",
        "Medicine does not fix a back, but it can make moving easier while it settles. "
        "Ask a pharmacist or your doctor what suits you: an anti-inflammatory is often "
        "suggested first, at the lowest dose for the shortest time, if it is safe for "
        "you. A warm pack can ease stiffness too.",
    ),
    Card(
        "strength-takes-time",
        "Progress is counted in weeks",
        "Many people feel some benefit within a few weeks, and strength and confidence "
        "keep building for months. Judge these exercises over a month, not one session. "
        "If you are getting steadily worse instead, get it checked.",
    ),
    Card(
        "bending-lifting",
        "Bending and lifting are normal",
        "The spine is built to bend and carry. Bending and lifting become easier as "
        "you do them, starting light and close to your body, and lighter still during a "
        "flare-up. Avoiding them for good tends to make a back more sensitive, not safer.",
    ),
)
BY_ID = {card.id: card for card in CARDS}
#: The cards for a session that left the back worse (never one that says "do more").
FLARE, HELP = "flare-ups", "seek-help"
#: A card shown within this many sessions is not the one picked after a pain rise.
RECENT = 3


def next_card(
    seen: Sequence[str], pain_rose: bool = False, rose_before: bool = False
) -> tuple[Card, tuple[str, ...]]:
    """The card to show after a session, and what has been seen once it is: each in
    turn, none again until all were seen. After a session that left the back worse,
    the flare-up card (or, shown lately, when to get help); after two such sessions
    running, when to get help."""
    shown = tuple(s for s in seen if s in BY_ID)
    if len(set(shown)) >= len(CARDS):
        shown = ()  # every card seen: round again
    if pain_rose:
        choices = [HELP] if rose_before else [FLARE, HELP]
        recent = set(shown[-RECENT:])
        card = BY_ID[next((c for c in choices if c not in recent), choices[0])]
    else:
        card = next(c for c in CARDS if c.id not in shown)
    return card, (*shown, card.id)


def text_of(card: Card, stop: str = "? then s", walk: str = "w") -> str:
    """The card's text with the keys as this person has them."""
    return card.text.replace("{stop}", stop).replace("{walk}", walk)

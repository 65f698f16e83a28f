"""Numbers as words, for what is said aloud and written in full."""

from __future__ import annotations

NUMBERS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)


def spoken(n: int) -> str:
    """``three`` for 3; digits from 21 on."""
    return NUMBERS[n] if 0 <= n < len(NUMBERS) else str(n)

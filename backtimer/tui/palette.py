"""The session's five states in five colours, in every theme: get ready, hold (the
work itself), rest, breathe in and breathe out. Read from two metres away, each must
differ from the others and stand out from the background (WCAG AA: a contrast of at
least 4.5 to 1).

Each state starts from the theme's own colour for it (get ready: warning; rest:
accent; in: success; out: primary); a colour too faint is brought toward the
foreground until it reads, and one too like an earlier state's is turned round the
colour wheel until it differs. With 16 colours (``TERM=xterm``, or the ANSI themes)
the colours are chosen by name instead, so that nothing turns into the alarm red a
16-colour terminal makes of orange.

Also here: a high-contrast theme (white and bright colours on black).
"""

from __future__ import annotations

import colorsys

from textual.color import Color
from textual.theme import Theme

#: The states, as CSS variables ``$bt-<state>``.
STATES = ("ready", "hold", "rest", "inhale", "exhale")
#: Where each state's colour comes from in a theme, in order of preference.
SOURCES = {
    "ready": ("warning", "accent"),
    "hold": ("foreground",),
    "rest": ("accent", "secondary", "primary"),
    "inhale": ("success",),
    "exhale": ("primary", "secondary"),
}
#: With 16 colours: chosen by name. No red (it reads as an alarm), no dark blue.
ANSI = {
    "ready": "ansi_bright_yellow",
    "hold": "ansi_default",
    "rest": "ansi_bright_cyan",
    "inhale": "ansi_bright_green",
    "exhale": "ansi_bright_magenta",
}
#: The same on a light background (a bright colour on white does not read).
ANSI_LIGHT = {
    "ready": "ansi_magenta",
    "hold": "ansi_default",
    "rest": "ansi_cyan",
    "inhale": "ansi_green",
    "exhale": "ansi_blue",
}
#: What 16 colours do with the footer's keys and the accent (orange would be red).
ANSI_ACCENT = "ansi_bright_cyan"
MIN_CONTRAST = 4.5
#: Two states' colours closer than this (delta E) look alike from across a room.
MIN_DIFFERENCE = 25.0

HIGH_CONTRAST = Theme(
    name="backtimer-high-contrast",
    primary="#5FD7FF",
    secondary="#FFFFFF",
    accent="#FFD700",
    warning="#FFD700",
    error="#FF6B6B",
    success="#7CFC00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#FFFFFF",
    dark=True,
    variables={
        "footer-key-foreground": "#FFD700",
        "footer-description-foreground": "#FFFFFF",
        "text-muted": "#E6E6E6",
        "block-cursor-background": "#FFD700",
        "block-cursor-foreground": "#000000",
    },
)
THEMES = (HIGH_CONTRAST,)


def luminance(color: Color) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(color: Color, background: Color, foreground: Color) -> Color:
    """``color``, or the nearest blend of it toward the foreground that reads."""
    target = foreground if contrast(foreground, background) >= MIN_CONTRAST else None
    if target is None:
        target = Color(255, 255, 255) if luminance(background) < 0.5 else Color(0, 0, 0)
    step = 0.0
    found = color
    while contrast(found, background) < MIN_CONTRAST and step < 1.0:
        step = min(1.0, step + 0.05)
        found = color.blend(target, step)
    return found


def _hls(color: Color) -> tuple[float, float, float]:
    return colorsys.rgb_to_hls(color.r / 255, color.g / 255, color.b / 255)


def _lab(color: Color) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = linear(color.r), linear(color.g), linear(color.b)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def difference(a: Color, b: Color) -> float:
    """How unalike two colours look: their distance in L*a*b* (CIE76 delta E; about
    2 is just noticeable, 25 and more clearly another colour)."""
    la, lb = _lab(a), _lab(b)
    return sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5


def _turned(color: Color, turn: float, shade: float = 0.0) -> Color:
    h, light, s = _hls(color)
    light = min(0.95, max(0.05, light + shade))
    r, g, b = colorsys.hls_to_rgb((h + turn) % 1.0, light, max(s, 0.7))
    return Color(round(r * 255), round(g * 255), round(b * 255))


def state_colours(
    variables: dict[str, str], colours: str | None, dark: bool = True
) -> dict[str, str]:
    """``bt-<state>`` for each state, from a theme's generated variables, whether it
    is dark, and the terminal's colour system (Rich's name: "standard" is 16 colours)."""
    if colours in ("standard", "windows") or variables.get("background", "").startswith("ansi"):
        names = ANSI if dark else ANSI_LIGHT
        found = {f"bt-{state}": names[state] for state in STATES}
        if colours in ("standard", "windows"):
            found |= {"accent": ANSI_ACCENT, "footer-key-foreground": ANSI_ACCENT}
        return found
    background = Color.parse(variables["background"])
    foreground = Color.parse(variables["foreground"])
    chosen: dict[str, Color] = {}
    for state in STATES:
        candidates = [
            readable(Color.parse(variables[key]), background, foreground) for key in SOURCES[state]
        ]
        pick = next(
            (
                c
                for c in candidates
                if all(difference(c, o) >= MIN_DIFFERENCE for o in chosen.values())
            ),
            None,
        )
        tries = ((shade, n / 24) for shade in (0.0, -0.15, 0.1, -0.3) for n in range(1, 24))
        for shade, turn in tries:
            if pick is not None:
                break
            turned = readable(_turned(candidates[0], turn, shade), background, foreground)
            if not 25 <= _hls(turned)[0] * 360 <= 330:
                continue  # never red: it reads as an alarm
            if all(difference(turned, o) >= MIN_DIFFERENCE for o in chosen.values()):
                pick = turned
        chosen[state] = pick or candidates[0]
    return {f"bt-{state}": color.hex for state, color in chosen.items()}

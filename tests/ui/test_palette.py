"""The session's five states (get ready, hold, rest, breathe in, breathe out) in five
colours that differ and read (WCAG AA, 4.5:1) in every theme; with 16 colours,
chosen by name and never red; and a high-contrast theme."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from backtimer.tui.palette import (
    HIGH_CONTRAST,
    MIN_CONTRAST,
    MIN_DIFFERENCE,
    STATES,
    contrast,
    difference,
    state_colours,
)

THEMES = {**BUILTIN_THEMES, HIGH_CONTRAST.name: HIGH_CONTRAST}


def _variables(name: str) -> dict[str, str]:
    theme = THEMES[name]
    return {**theme.to_color_system().generate(), **theme.variables}


@pytest.mark.parametrize("name", sorted(n for n in THEMES if not n.startswith("ansi")))
def test_five_states_differ_and_read_in_every_theme(name: str) -> None:
    variables = _variables(name)
    found = state_colours(variables, "truecolor", THEMES[name].dark)
    background = Color.parse(variables["background"])
    colours = {state: Color.parse(found[f"bt-{state}"]) for state in STATES}
    for state, colour in colours.items():
        assert contrast(colour, background) >= MIN_CONTRAST, (name, state, colour.hex)
    for i, a in enumerate(STATES):
        for b in STATES[i + 1 :]:
            assert difference(colours[a], colours[b]) >= MIN_DIFFERENCE, (name, a, b)


def test_the_default_themes_exhale_reads_now() -> None:
    variables = _variables("textual-dark")
    background = Color.parse(variables["background"])
    assert contrast(Color.parse(variables["primary"]), background) < 4.5  # 4.1 before
    exhale = Color.parse(state_colours(variables, "truecolor")["bt-exhale"])
    assert contrast(exhale, background) >= 4.5
    found = state_colours(variables, "truecolor")
    assert found["bt-ready"] != found["bt-rest"]  # get ready and rest shared orange


def test_sixteen_colours_are_chosen_by_name_and_never_red() -> None:
    for name in ("textual-dark", "ansi-dark", "nord"):
        found = state_colours(_variables(name), "standard", True)
        assert len({found[f"bt-{s}"] for s in STATES}) == 5
        assert all(v.startswith("ansi_") and "red" not in v for v in found.values())
        assert found["footer-key-foreground"] == found["accent"] != "ansi_bright_red"
    light = state_colours(_variables("ansi-light"), None, False)
    assert "bright" not in " ".join(light.values())  # a bright colour on white does not read


async def test_the_app_paints_the_states_from_the_palette(app_factory, clock) -> None:
    from tests.ui.conftest import advance

    app = app_factory(theme="backtimer-high-contrast", pain_check=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "backtimer-high-contrast"
        await pilot.press("enter")
        await pilot.pause()
        count = app.screen.query_one("#count")
        ready = count.styles.color.hex
        assert ready == app.theme_variables["bt-ready"]
        await advance(pilot, app, clock, 6.0)
        assert count.styles.color.hex == app.theme_variables["bt-hold"] != ready

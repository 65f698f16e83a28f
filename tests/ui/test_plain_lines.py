"""The countdown and the breath cue repaint only the rows that change."""

from __future__ import annotations

from textual.app import App, ComposeResult

from backtimer.tui.widgets.breath import BreathCue
from backtimer.tui.widgets.countdown import FONT, Countdown


class _Digits(App[None]):
    CSS = "Countdown { height: 5; width: 20; }"

    def compose(self) -> ComposeResult:
        yield Countdown(id="count")
        yield BreathCue(id="breath")


async def test_a_new_second_repaints_only_the_rows_whose_digits_differ() -> None:
    app = _Digits()
    async with app.run_test(size=(40, 12)) as pilot:
        count = app.query_one(Countdown)
        count.show_number(6)
        await pilot.pause()
        repainted: list[int] = []
        original = count.refresh

        def spy(*regions, **kwargs):
            repainted.extend(y for r in regions for y in range(r.y, r.bottom))
            return original(*regions, **kwargs)

        count.refresh = spy  # type: ignore[method-assign]
        count.show_number(5)  # "6" -> "5": the rows where the glyphs differ
        await pilot.pause()
        differ = [y for y in range(5) if FONT["6"][y] != FONT["5"][y]]
        assert repainted == differ == [3]
        lines = [count.render_line(y).text for y in range(5)]
        assert [line.strip() for line in lines] == [row.strip() for row in FONT["5"]]


async def test_rows_come_out_centred_and_whole() -> None:
    app = _Digits()
    async with app.run_test(size=(40, 12)) as pilot:
        count = app.query_one(Countdown)
        count.show(12.0)
        await pilot.pause()
        width = count.size.width
        rows = [" ".join((FONT["1"][y], FONT["2"][y])) for y in range(5)]
        left = (width - len(rows[0])) // 2
        for y, row in enumerate(rows):
            line = count.render_line(y)
            assert line.cell_length == width
            assert line.text == " " * left + row + " " * (width - left - len(row))
        breath = app.query_one(BreathCue)
        breath.show("inhale", 0.5, 4.0)
        await pilot.pause()
        assert "BREATHE IN" in breath.render_line(0).text
        assert "█" in breath.render_line(1).text

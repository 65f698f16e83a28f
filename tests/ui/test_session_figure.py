"""The move's figure in a session (issue 29): the start pose while getting ready, the
pose of the rep's phase, the held pose, mirrored on the second side; beside the steps
from 100 columns, in their place while getting ready on a narrower screen, a third
step of floor mode; off with ``figures = false``; left out where it would be too
small to read; and drawn again only when the pose changes."""

from __future__ import annotations

from backtimer.store.figures import load_figures
from backtimer.tui.screens.session import SessionScreen
from backtimer.tui.widgets.figure import FigureView, figure_rows
from tests.ui.conftest import advance

FIGURES, _ = load_figures()


def _pose(move: str, name: str):
    pose = FIGURES[move].pose(name)
    assert pose is not None
    return pose


def _place(screen: SessionScreen) -> str:
    return next((k for k in ("beside", "instead", "floor") if screen.has_class(f"-fig-{k}")), "")


async def _start(pilot) -> SessionScreen:
    await pilot.press("enter", "enter")  # start, skip the check-in
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    return screen


async def test_the_figure_follows_the_move(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await _start(pilot)
        figure = screen.query_one("#figure", FigureView)
        await advance(pilot, app, clock, 33.0)  # child's pose, holding
        assert figure.pose == _pose("childs-pose", "hold") and _place(screen) == "beside"
        assert figure.region.width > 0 and screen.query_one("#steps").region.width > 0
        await advance(pilot, app, clock, 19.0)  # 52 s: getting ready for the bridge
        assert screen.state is not None and screen.state.segment == "ready"
        assert figure.pose == _pose("bridge", "start")
        await advance(pilot, app, clock, 4.5)  # 56.5 s: lifting
        assert screen.state is not None and screen.state.tempo_phase == "into"
        assert figure.pose == _pose("bridge", "top")
        await advance(pilot, app, clock, 4.5)  # 61 s: lowering
        assert screen.state is not None and screen.state.tempo_phase == "return"
        assert figure.pose == _pose("bridge", "start")
        # knee-to-chest: the first side as drawn; on the second the other leg is hugged
        # (near and far limbs swapped), the figure still facing the same way
        sides = []
        for _ in range(120):
            await advance(pilot, app, clock, 1.0)
            state = screen.state
            if state is None or state.finished or not isinstance(app.screen, SessionScreen):
                break
            if state.step.exercise.id == "knee-to-chest" and state.segment == "work":
                sides.append((state.side, figure._mirror, figure.pose))
        from backtimer.core.figure import mirrored

        assert ("left", False, _pose("knee-to-chest", "hug")) in sides
        assert ("right", False, mirrored(_pose("knee-to-chest", "hug"))) in sides


async def test_narrower_the_figure_shows_while_getting_ready(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _start(pilot)
        await advance(pilot, app, clock, 52.0)  # the bridge's get-ready
        assert _place(screen) == "instead"
        assert screen.query_one("#figure").display and not screen.query_one("#info").display
        await advance(pilot, app, clock, 4.5)  # the move has begun: the steps are back
        assert _place(screen) == "" and screen.query_one("#info").display
        assert not screen.query_one("#figure").display


async def test_floor_mode_cycles_to_the_figure(app_factory, clock) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _start(pilot)
        await advance(pilot, app, clock, 61.0)
        await pilot.press("f")
        assert screen.has_class("-floor") and _place(screen) == ""
        await pilot.press("f")
        assert _place(screen) == "floor" and screen.query_one("#figure").display
        await pilot.press("f")
        assert not screen.has_class("-floor") and _place(screen) == ""


async def test_figures_off(app_factory, clock) -> None:
    app = app_factory(figures=False)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await _start(pilot)
        assert screen.figures is None
        await advance(pilot, app, clock, 52.0)
        assert _place(screen) == "" and not screen.query_one("#figure").display
        await pilot.press("f", "f")  # floor mode has two steps only
        assert not screen.has_class("-floor")


async def test_left_out_where_it_would_be_too_small(app_factory, clock, monkeypatch) -> None:
    from backtimer.tui import figure_place

    app = app_factory()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await _start(pilot)
        await advance(pilot, app, clock, 7.0)
        await pilot.press("f", "f")  # 60x20, floor mode's figure: marching, 27 columns
        assert _place(screen) == "floor" and screen.query_one("#figure").display
        # with a third of the width (20 columns) the body would be too small to read
        monkeypatch.setitem(figure_place.FIGURE_SHARE, "floor", 0.34)
        await advance(pilot, app, clock, 45.0)  # the bridge, lying down: wider
        assert screen.has_class("-floor-figure") and _place(screen) == ""
        assert not screen.query_one("#figure").display
        await pilot.resize_terminal(59, 20)  # a small screen: never a figure
        await pilot.pause()
        assert _place(screen) == ""
        await pilot.press("f", "f", "f")  # off, floor, floor with the figure: no room
        await pilot.pause()
        assert "no room for it here" in str(screen.query_one("#notice").render())
    assert figure_rows(_pose("marching", "stand"), 40, 12, False, "blocks") == []
    assert figure_rows(_pose("marching", "stand"), 40, 20, False, "blocks") != []


async def test_drawn_again_only_when_the_pose_changes(app_factory, clock, monkeypatch) -> None:
    builds = []
    original = FigureView.build

    def counting(self, width, height, style):
        builds.append(id(self.pose))
        return original(self, width, height, style)

    monkeypatch.setattr(FigureView, "build", counting)
    app = app_factory()
    async with app.run_test(size=(160, 50)) as pilot:
        await _start(pilot)
        await advance(pilot, app, clock, 31.0)  # into the child's pose hold
        builds.clear()
        await advance(pilot, app, clock, 8.0, step=0.1)  # 80 ticks of the hold
        assert builds == []
        await advance(pilot, app, clock, 22.0, step=0.1)  # rest, ready, two bridge phases
        assert 2 <= len(builds) <= 8, builds


def test_home_does_not_load_the_figures(tmp_path) -> None:
    """Start-up pays nothing for figures: Home is up without the figure modules; the
    session loads them."""
    import subprocess
    import sys

    script = f"""
import asyncio, sys
from pathlib import Path
from backtimer.clock import FakeClock
from backtimer.core.settings import Settings
from backtimer.tui.launch import make_app
data = Path({str(tmp_path)!r}) / "data"
data.mkdir()
(data / "state.toml").write_text('screening = "clear"\\n')
settings = Settings(safety_acknowledged=True, voice="off", tones=False, pain_check=False)
app = make_app(clock=FakeClock(start=0.0), data_dir=data, cache_dir=data.parent / "c",
               settings=settings)
FIGURE = ("backtimer.core.figure", "backtimer.core.figure_draw", "backtimer.tui.widgets.figure",
          "backtimer.store.figures")
async def main():
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print("home", [m for m in FIGURE if m in sys.modules])
        await pilot.press("enter")
        await pilot.pause()
        print("session", [m for m in FIGURE if m in sys.modules])
asyncio.run(main())
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert "home []" in out, out
    modules = ["core.figure", "core.figure_draw", "tui.widgets.figure", "store.figures"]
    assert f"session {[f'backtimer.{m}' for m in modules]}" in out, out


async def test_getting_ready_for_a_per_side_move_says_which_side_first(app_factory, clock) -> None:
    from tests.ui.conftest import text

    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _start(pilot)
        said = set()
        for _ in range(110):
            await advance(pilot, app, clock, 1.0)
            state = screen.state
            if state is None or not isinstance(app.screen, SessionScreen):
                break
            if state.segment == "ready":
                said.add((state.step.exercise.id, text(app, "detail")))
        assert ("knee-to-chest", "first: left side") in said
        assert ("bridge", "") in said  # a move done on both sides at once says nothing


async def test_pausing_keeps_the_figure_as_it_is(app_factory, clock) -> None:
    """The pause banner takes three rows: the figure keeps its size (no jump)."""
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _start(pilot)
        await advance(pilot, app, clock, 58.5)  # the bridge, holding at the top
        await pilot.press("f", "f")
        await pilot.pause()
        figure = screen.query_one("#figure", FigureView)

        def drawn() -> list[str]:
            lines = [figure.render_line(y).text.strip() for y in range(figure.size.height)]
            return [line for line in lines if line]

        before, height = drawn(), figure.size.height
        await pilot.press("space")
        await pilot.pause()
        assert figure.size.height < height  # less room while paused...
        assert drawn() == before and before  # ...the same figure


def test_where_the_figure_goes() -> None:
    from backtimer.tui.figure_place import figure_place

    stand, bridge = _pose("marching", "stand"), _pose("bridge", "start")
    ask = {"floor": False, "floor_figure": False, "setup": False}
    assert figure_place(stand, (stand,), (160, 50), **ask) == "beside"
    assert figure_place(stand, (stand,), (80, 24), **ask) == ""  # at work: the steps
    assert figure_place(stand, (stand,), (80, 24), **ask | {"setup": True}) == "instead"
    assert figure_place(None, (), (160, 50), **ask) == ""  # a move with no figure
    assert figure_place(stand, (stand,), (59, 30), **ask | {"setup": True}) == ""  # small
    floor = ask | {"floor": True}
    assert figure_place(stand, (stand,), (160, 50), **floor) == ""  # floor's second step
    assert figure_place(stand, (stand,), (160, 50), **floor | {"floor_figure": True}) == "floor"
    # 100 columns: the 30 beside the steps are room enough for a body lying down, and
    # 16 rows for one standing
    assert figure_place(bridge, (bridge,), (100, 30), **ask) == "beside"
    assert figure_place(stand, (stand,), (100, 20), **ask) == "beside"

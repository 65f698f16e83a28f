"""The baselines: a bare Textual app with one Static and a Footer, and the same app
updating its Static once a second (the floor for an app that shows a countdown)."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello from a bare Textual app.")
        yield Footer()


class TickApp(BareApp):
    """Updates its Static once a second: the least a one-second countdown can cost."""

    def on_mount(self) -> None:
        self.count = 0
        self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        self.count += 1
        self.query_one(Static).update(f"{self.count} s")


if __name__ == "__main__":  # started as the backtimer command is: one Python process
    BareApp().run()

"""The garbage collector pauses for the start and comes back after it."""

from __future__ import annotations

import gc

import pytest

from backtimer.tui import gc_pause


@pytest.fixture(autouse=True)
def _collector_on():
    yield
    gc.enable()
    gc.unfreeze()
    gc_pause._paused = False


def test_pause_then_resume_freezes_what_start_up_made() -> None:
    gc_pause.pause()
    assert not gc.isenabled()
    gc_pause.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_resume_leaves_a_collector_it_did_not_pause_alone() -> None:
    gc.disable()  # someone else's pause (Textual pauses it while scrolling)
    gc_pause.resume()
    assert not gc.isenabled()
    gc.enable()
    gc_pause.resume()
    assert gc.isenabled() and gc.get_freeze_count() == 0

"""The garbage collector waits while the app starts.

Starting allocates a few hundred thousand objects (imports, the stylesheet, the first
screen) and almost none of them are garbage: with the collector on, Python scans them
again and again on the way to the first frame (about 40 ms here). The `backtimer`
command pauses it before importing the app; the app resumes it once the first frame
is on screen: it collects once, then freezes what start-up made (``gc.freeze``), so
later collections, during a session too, skip the objects that live as long as the
app. Textual pauses
the collector in the same way while it scrolls.

The price: the heap grows a little higher before that one collection, and Python
keeps the pages (about 0.8 MB more resident mid-session when a session starts at
once, as with `backtimer start`); docs/benchmarks.md has both figures.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Pause the collector, if it runs, until :func:`resume`."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Start the collector again if :func:`pause` stopped it: one collection of what
    start-up left, then what remains is moved out of its sight. Does nothing
    otherwise."""
    global _paused
    if _paused:
        _paused = False
        gc.collect()
        gc.freeze()
        gc.enable()

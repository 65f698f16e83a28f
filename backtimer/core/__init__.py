"""The pure core: vocabulary, doses, exercises, routines, timeline, engine, plans, stats.

No I/O, no clock reads, no Textual, no validation library. Files are read and
validated in ``backtimer.store``; the interface lives in ``backtimer.tui``.
"""

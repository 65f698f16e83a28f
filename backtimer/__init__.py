"""backtimer: a guided back-exercise timer for the terminal."""

__version__ = "0.2.0"

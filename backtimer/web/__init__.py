"""backtimer in a browser, through textual-serve (the optional ``web`` extra)."""

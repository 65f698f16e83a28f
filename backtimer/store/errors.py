"""The one exception type the CLI turns into a message and exit code 1."""


class DataError(Exception):
    """A user's file (catalogue, settings, log, routines) is unreadable or invalid.

    The message is complete and ready to print: it names the file, the place and
    the problem.
    """


def why(exc: BaseException) -> str:
    """What went wrong, in words: an OSError's reason ("No space left on device"), or
    a DataError's whole message."""
    return getattr(exc, "strerror", None) or str(exc)

"""The one exception type the CLI turns into a message and exit code 1."""


class DataError(Exception):
    """A user's file (catalogue, settings, log, routines) is unreadable or invalid.

    The message is complete and ready to print: it names the file, the place and
    the problem.
    """

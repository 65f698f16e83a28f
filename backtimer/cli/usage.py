"""``backtimer --help``, rendered ahead of time so that it needs no parser.

Generated from ``build_parser().format_help()`` at 80 columns; a test checks that it
is current (regenerate: ``python -m backtimer.cli.usage``)."""

HELP = """\
usage: backtimer [-h] [--data-dir PATH] [--catalog PATH] [--cache-dir PATH]
                 [-V]
                 COMMAND ...

A guided back-exercise timer for the terminal. Run with no command to open the
app.

options:
  -h, --help        show this help message and exit
  -V, --version     show program's version number and exit

files:
  --data-dir PATH   folder for the session log and settings (env
                    BACKTIMER_DATA_DIR)
  --catalog PATH    exercise catalogue to use instead of the shipped one (env
                    BACKTIMER_CATALOG)
  --cache-dir PATH  folder for caches, safe to delete (env
                    BACKTIMER_CACHE_DIR)

commands:
  COMMAND
    exercises       list the exercise catalogue
    check           validate the catalogue and your files
    plan            show a routine without starting it
    start           start a session straight away
    break           a two-minute desk break of standing moves
    history         your sessions, weekly goal and streaks
    completion      a shell completion script (bash, zsh or fish)
    report          a report to take to a physiotherapist or GP (HTML or
                    Markdown)
    export          your sessions as JSON, CSV, a habit tracker's CSV or a
                    calendar
    import          add sessions from an export or another machine's log
    merge           add the sessions of another data folder
    sessions        your recent sessions, with their ids (to correct one)
    amend           correct a session: its pain ratings, a note, a mistaken
                    'this hurts'
    delete          delete a session logged by mistake
    learn           short cards on what helps a back
    walk            record a walk (minutes per week in history)
    progress        each move's dose now, and why
    status          one short line for a shell prompt or a tmux status bar
    remind          reminders through the system's scheduler
    serve           use backtimer in a browser (a tablet or phone by the mat)
    sound           test the voice and the tones
    safety          when to stop and get help

Exit codes: 0 ok, 1 data error, 2 usage error.
"""


def render() -> str:
    import os

    from backtimer.cli.parser import build_parser

    os.environ["COLUMNS"] = "80"
    return build_parser().format_help()


if __name__ == "__main__":
    with open(__file__, encoding="utf-8") as handle:
        source = handle.read()
    start = source.index('HELP = """\\\n') + len('HELP = """\\\n')
    end = source.index('"""', start)
    with open(__file__, "w", encoding="utf-8") as handle:
        handle.write(source[:start] + render() + source[end:])

"""This machine's name among the machines that share a data folder.

Each machine appends only to its own files (``sessions-<device>.toml``,
``amendments-<device>.toml``), so a folder kept in sync by Syncthing, Dropbox, iCloud
or git never has two writers on one file. The name is the host name made safe for a
file name plus four random characters (two machines that share a host name still get
different files), chosen once and kept in this machine's cache folder: never in the
data folder, which the other machines see. If that file is lost, the next session
simply starts another device file; every file in the folder is read.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import string
from contextlib import suppress
from pathlib import Path

#: A device name: lower-case letters and digits in groups joined by single hyphens.
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_HOST = 24
FILE = "device"


def valid(name: str) -> bool:
    return len(name) <= 40 and NAME.fullmatch(name) is not None


def new_name(host: str | None = None) -> str:
    """A fresh name: the host name made safe, then four random characters."""
    if host is None:
        with suppress(OSError):
            host = socket.gethostname()
    safe = re.sub(r"[^a-z0-9]+", "-", (host or "").split(".")[0].lower()).strip("-")
    safe = safe[:MAX_HOST].strip("-") or "machine"
    tail = "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(4))
    return f"{safe}-{tail}"


def device_name(cache_dir: Path) -> str:
    """This machine's name, read from the cache folder, or chosen and kept there. A
    name that cannot be kept (a read-only cache) is still used for this run."""
    path = cache_dir / FILE
    with suppress(OSError, UnicodeDecodeError):
        kept = path.read_text(encoding="utf-8").strip()
        if valid(kept):
            return kept
    name = new_name()
    with suppress(OSError):
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        temp = path.with_name(f".{FILE}.{os.getpid()}.tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(name + "\n")
        os.replace(temp, path)
    return name

"""``backtimer serve``: the app in a browser tab, for a tablet or phone by the mat.

Safe by default: it listens on loopback only. Another address needs ``--allow-remote``
and then every URL carries a token generated fresh at each start (requests without it
get 403), and websocket connections must come from the page the server gave out
(their Origin is checked). Every tab runs its own backtimer on the same data folder;
the log's lock keeps sessions finished at once apart.
"""

from __future__ import annotations

import ipaddress
import secrets
import shlex
import sys
from collections.abc import Awaitable, Callable
from typing import Any

LOOPBACK_NAMES = ("localhost",)
INSTALL_HINT = (
    "backtimer serve needs textual-serve, the optional web extra: "
    "pip install 'backtimer[web]' (in a checkout: .venv/bin/pip install -e '.[web]')."
)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(options: list[str]) -> str:
    """The command each browser tab runs: this backtimer, the same files."""
    return shlex.join([sys.executable, "-m", "backtimer", *options])


def banner(url: str, remote: bool) -> str:
    lines = [f"backtimer is served at {url}"]
    if remote:
        lines.append(
            "WARNING: anyone on this network who has this link can use backtimer as you, "
            "with your log. The link's token changes every time serve starts."
        )
    lines.append(
        "Sound: the bell and the voice play on this machine (the one running serve), not "
        "in the browser. Ctrl+C stops the server."
    )
    return "\n".join(lines)


def make_server(command: str, host: str, port: int, token: str | None) -> Any:
    """A textual-serve Server that needs ``token`` in every path and checks Origins."""
    from aiohttp import web
    from textual_serve.server import Server

    prefix = f"/{token}" if token else ""

    class SafeServer(Server):  # type: ignore[misc]
        async def _make_app(self) -> web.Application:
            @web.middleware
            async def guard(
                request: web.Request, handler: Callable[[web.Request], Awaitable[Any]]
            ) -> Any:
                if token and not request.path.startswith(prefix + "/"):
                    raise web.HTTPForbidden(text="backtimer: this link needs its token.")
                if request.path.endswith("/ws"):
                    origin = request.headers.get("Origin")
                    allowed = {f"http://{request.host}", f"https://{request.host}"}
                    if origin is not None and origin not in allowed:
                        raise web.HTTPForbidden(text="backtimer: not from this page.")
                return await handler(request)

            app = web.Application(middlewares=[guard])
            import aiohttp_jinja2
            import jinja2

            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
            app.add_routes(
                [
                    web.get(prefix + "/", self.handle_index, name="index"),
                    web.get(prefix + "/ws", self.handle_websocket, name="websocket"),
                    web.get(prefix + "/download/{key}", self.handle_download, name="download"),
                    web.static(prefix + "/static", self.statics_path, name="static"),
                ]
            )
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        async def on_startup(self, app: web.Application) -> None:
            print(banner(self.public_url + prefix + "/", bool(token)), flush=True)

    return SafeServer(command, host=host, port=port, title="backtimer")


def new_token() -> str:
    return secrets.token_urlsafe(18)

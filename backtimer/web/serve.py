"""``backtimer serve``: the app in a browser tab, for a tablet or phone by the mat.

Safe by default, as notebook servers are:

- it listens on loopback unless ``--allow-remote`` is given with another ``--host``;
- every URL carries a token made fresh at each start (printed in the link; requests
  without it get 403), on loopback too, so another local user or a page in the
  browser cannot drive it;
- the ``Host`` header must name an address actually served, and a websocket's
  ``Origin`` the same, so a DNS-rebinding page (``Host: evil.example``) gets 403;
- at most ``--max-tabs`` tabs run at once (each is its own backtimer process, about
  40 MB); the others get a page that says so, and a tab's process ends when its
  socket closes;
- the page makes no third-party requests, has a title and a viewport, and builds its
  URLs from the request, so a phone gets links it can follow.

The banner with the link is printed only once the socket listens.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import ipaddress
import secrets
import shlex
import signal
import socket
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

LOOPBACK_NAMES = ("localhost",)
WILDCARDS = ("0.0.0.0", "::", "[::]")
INSTALL_HINT = (
    "backtimer serve needs textual-serve, the optional web extra: "
    "pip install 'backtimer[web]' (in a checkout: .venv/bin/pip install -e '.[web]')."
)
TEMPLATES = Path(__file__).parent / "templates"


def installed() -> bool:
    """Is textual-serve (the web extra) there to import?"""
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        return False
    return True


#: How long a tab's process has to quit after its socket closes before it is killed.
QUIT_GRACE_S = 5.0


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(options: list[str], platform: str = sys.platform) -> str:
    """The command line each browser tab runs (through the system's shell): this
    backtimer, the same files. POSIX shells get ``exec`` so that ending the tab ends
    backtimer itself; Windows' cmd.exe gets its own quoting."""
    argv = [sys.executable, "-m", "backtimer", *options]
    if platform == "win32":
        return subprocess.list2cmdline(argv)
    return "exec " + shlex.join(argv)


def url_host(host: str) -> str:
    """``host`` as it appears in a URL (an IPv6 address in brackets)."""
    bare = host.strip("[]")
    try:
        return f"[{bare}]" if ipaddress.ip_address(bare).version == 6 else bare
    except ValueError:
        return host


def link_host(host: str) -> str:
    """The address to print for ``host``: a wildcard is not an address to open."""
    if host in WILDCARDS:  # this machine's address on its network (a UDP "connect"
        try:  # only picks the route: nothing is sent)
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
                probe.connect(("192.0.2.1", 9))
                return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"
    return url_host(host)


def allowed_hosts(host: str, port: int) -> Callable[[str], bool]:
    """Which ``Host`` values name this server: the loopback names, the ``--host`` given
    and, when it listens on every address, any IP address and this machine's names.
    A name that merely resolves here (DNS rebinding) is not among them."""
    names = {"127.0.0.1", "localhost", "[::1]", url_host(host)}
    wildcard = host in WILDCARDS
    if wildcard:
        with contextlib.suppress(OSError):
            names |= {socket.gethostname(), socket.getfqdn(), socket.gethostname() + ".local"}
    names = {n.lower() for n in names if n}

    def ok(value: str) -> bool:
        value = value.strip().lower()
        if value.endswith("]") or ":" not in value:  # no port: the scheme's own
            name, given_port = value, "80"
        else:
            name, _, given_port = value.rpartition(":")
        if not name or given_port != str(port):
            return False
        if name in names:
            return True
        if wildcard:
            try:
                ipaddress.ip_address(name.strip("[]"))
                return True
            except ValueError:
                return False
        return False

    return ok


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


def busy_page(max_tabs: int) -> str:
    tabs = "one tab" if max_tabs == 1 else f"{max_tabs} tabs"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>backtimer: already open</title></head><body>"
        f"<h1>backtimer is already open in {tabs}</h1>"
        "<p>Close one of them (or end its session), then reload this page. "
        "Start serve with <code>--max-tabs N</code> to allow more.</p></body></html>"
    )


def make_server(command: str, host: str, port: int, token: str, *, max_tabs: int = 2) -> Any:
    """A textual-serve Server behind the token, the Host and Origin checks and the cap
    on tabs, serving backtimer's own page."""
    from aiohttp import WSMsgType, web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server, to_int

    prefix = f"/{token}"
    host_ok = allowed_hosts(host, port)

    class SafeServer(Server):  # type: ignore[misc]
        tabs = 0

        async def _make_app(self) -> web.Application:
            @web.middleware
            async def guard(
                request: web.Request, handler: Callable[[web.Request], Awaitable[Any]]
            ) -> Any:
                if not host_ok(request.host):
                    raise web.HTTPForbidden(text="backtimer: not an address this server has.")
                if not request.path.startswith(prefix + "/"):
                    raise web.HTTPForbidden(text="backtimer: this link needs its token.")
                origin = request.headers.get("Origin")
                if origin is not None:
                    scheme, _, rest = origin.partition("://")
                    if (
                        scheme not in ("http", "https")
                        or not host_ok(rest)
                        or (rest.lower() != request.host.lower())
                    ):
                        raise web.HTTPForbidden(text="backtimer: not from this page.")
                return await handler(request)

            app = web.Application(middlewares=[guard])
            app.add_routes(
                [
                    web.get(prefix + "/", self.handle_index, name="index"),
                    web.get(prefix + "/ws", self.handle_websocket, name="websocket"),
                    web.get(prefix + "/download/{key}", self.handle_download, name="download"),
                    web.static(prefix + "/static", self.statics_path, name="static"),
                ]
            )
            return app

        async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
            if self.tabs >= max_tabs:
                return web.Response(status=503, text=busy_page(max_tabs), content_type="text/html")
            scheme = "wss" if request.secure else "ws"
            font = max(8, min(48, to_int(request.query.get("fontsize", "16"), 16)))
            page = (TEMPLATES / "index.html").read_text(encoding="utf-8")
            for key, value in {
                "static": prefix + "/static/",
                "websocket": f"{scheme}://{request.host}{prefix}/ws",
                "font_size": str(font),
            }.items():
                page = page.replace("{{ " + key + " }}", html.escape(value, quote=True))
            return web.Response(text=page, content_type="text/html")

        async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
            if self.tabs >= max_tabs:
                raise web.HTTPServiceUnavailable(text=busy_page(max_tabs), content_type="text/html")
            self.tabs += 1
            websocket = web.WebSocketResponse(heartbeat=15)
            width = max(10, min(500, to_int(request.query.get("width", "80"), 80)))
            height = max(5, min(300, to_int(request.query.get("height", "24"), 24)))
            service: AppService | None = None
            try:
                await websocket.prepare(request)
                service = AppService(
                    self.command,
                    write_bytes=websocket.send_bytes,
                    write_str=websocket.send_str,
                    close=websocket.close,  # type: ignore[arg-type]
                    download_manager=self.download_manager,
                    debug=False,
                )
                await service.start(width, height)
                await self._process_messages(websocket, service)
            except (asyncio.CancelledError, ConnectionError):
                pass
            finally:
                self.tabs -= 1
                if service is not None:
                    await end_tab(service)
                with contextlib.suppress(Exception):
                    await websocket.close()
            return websocket

        async def _process_messages(self, websocket: Any, app_service: Any) -> None:
            async for message in websocket:
                if message.type != WSMsgType.TEXT:
                    continue
                try:
                    envelope = message.json()
                    kind, data = envelope[0], envelope[1]
                    if kind == "stdin":
                        await app_service.send_bytes(str(data).encode("utf-8"))
                    elif kind == "resize":
                        await app_service.set_terminal_size(
                            max(10, min(500, int(data["width"]))),
                            max(5, min(300, int(data["height"]))),
                        )
                    elif kind == "ping":
                        await websocket.send_json(["pong", data])
                    elif kind == "blur":
                        await app_service.blur()
                    elif kind == "focus":
                        await app_service.focus()
                except (ValueError, TypeError, KeyError, IndexError):
                    continue  # not a message the page sends: ignore it

        async def run(self, announce: Callable[[], None]) -> None:
            runner = web.AppRunner(await self._make_app(), handle_signals=False)
            await runner.setup()
            try:
                site = web.TCPSite(runner, host=host.strip("[]"), port=port)
                await site.start()  # listening from here on
                announce()
                stop = asyncio.Event()
                loop = asyncio.get_running_loop()
                for sig in (signal.SIGINT, signal.SIGTERM):
                    with contextlib.suppress(NotImplementedError, RuntimeError):
                        loop.add_signal_handler(sig, stop.set)
                await stop.wait()
            finally:
                await runner.cleanup()

    return SafeServer(command, host=host, port=port, title="backtimer")


async def end_tab(service: Any) -> None:
    """Ask the tab's backtimer to quit (it saves a session it was in); kill it if it
    has not ended within ``QUIT_GRACE_S``."""
    process = getattr(service, "_process", None)
    with contextlib.suppress(Exception):  # a timeout, or a process already gone
        await asyncio.wait_for(service.stop(), QUIT_GRACE_S)
    if process is not None and process.returncode is None:
        with contextlib.suppress(ProcessLookupError, OSError):
            process.kill()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(process.wait(), QUIT_GRACE_S)


def serve(server: Any, url: str, remote: bool, *, open_browser: bool) -> None:
    """Run ``server`` until Ctrl+C or SIGTERM; print the banner once it listens."""

    def announce() -> None:
        print(banner(url, remote), flush=True)
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(server.run(announce))


def new_token() -> str:
    return secrets.token_urlsafe(18)


def served_url(host: str, port: int, token: str) -> str:
    return f"http://{link_host(host)}:{port}/{token}/"

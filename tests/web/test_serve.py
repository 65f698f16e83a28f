"""`backtimer serve` is safe from other pages and other users, and bounded."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

from backtimer.web import serve as web
from tests.web.serving import ROOT, free_port, serve, stop

needs_serve = pytest.mark.skipif(
    __import__("importlib").util.find_spec("textual_serve") is None,
    reason="needs textual-serve (the web extra)",
)


def get(url: str, **headers: str) -> tuple[int, str]:
    try:
        with urlopen(Request(url, headers=headers), timeout=10) as response:
            return int(response.status), response.read().decode("utf-8", "replace")
    except HTTPError as exc:
        return int(exc.code), exc.read().decode("utf-8", "replace")


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(n) for n in text.split()]


def test_a_remote_host_needs_allow_remote(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "backtimer",
            "serve",
            "--host",
            "0.0.0.0",
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=30,
    )
    assert result.returncode == 2 and "--allow-remote" in result.stderr


@needs_serve
def test_the_banner_comes_once_the_socket_listens(tmp_path: Path) -> None:
    port = free_port()
    server = web.make_server("true", "127.0.0.1", port, "tok")
    seen: list[bool] = []

    def announce() -> None:  # a client that connects the moment it reads the link
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            seen.append(True)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        asyncio.run(server.run(announce))
    assert seen == [True]


@needs_serve
def test_loopback_needs_the_token_and_a_host_it_serves(tmp_path: Path) -> None:
    proc, url, port = serve(tmp_path)
    try:
        assert url.startswith(f"http://127.0.0.1:{port}/") and len(url.split("/")[3]) > 16
        assert get(f"http://127.0.0.1:{port}/")[0] == 403
        assert get(f"http://127.0.0.1:{port}/ws")[0] == 403
        assert get(url)[0] == 200
        assert get(url.replace("127.0.0.1", "localhost"))[0] == 200
        # a DNS-rebinding page: its name resolves here, but it is not an address served
        assert get(url, Host=f"evil.example:{port}")[0] == 403
        assert (
            get(url + "ws", Host=f"evil.example:{port}", Origin=f"http://evil.example:{port}")[0]
            == 403
        )
        assert get(url + "ws", Origin="http://evil.example")[0] == 403
        assert get(url + "ws", Origin=f"http://localhost:{port}")[0] == 403  # not this Host
        assert get(url, Host=f"127.0.0.1:{port + 1}")[0] == 403
    finally:
        stop(proc)


@needs_serve
def test_the_page_is_self_contained_with_urls_from_the_request(tmp_path: Path) -> None:
    proc, url, port = serve(tmp_path, "--host", "0.0.0.0", "--allow-remote")
    try:
        assert "0.0.0.0" not in url
        token = url.split("/")[3]
        local = f"http://127.0.0.1:{port}/{token}/"
        code, page = get(local)
        assert code == 200
        assert '<meta name="viewport" content="width=device-width' in page
        assert "<title>backtimer</title>" in page
        assert "googleapis" not in page and "https://" not in page
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/{token}/ws"' in page
        assert "0.0.0.0" not in page
        listening = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True).stdout
        mine = [line for line in listening.splitlines() if f"pid={proc.pid}," in line]
        assert mine and all(f"0.0.0.0:{port} " in line for line in mine), mine
        assert get(f"http://127.0.0.1:{port}/")[0] == 403
    finally:
        stop(proc)


@pytest.mark.slow
@needs_serve
def test_tabs_are_capped_and_each_ends_with_its_socket(tmp_path: Path) -> None:
    aiohttp = pytest.importorskip("aiohttp")
    proc, url, port = serve(tmp_path, "--max-tabs", "2")
    ws_url = url.replace("http://", "ws://") + "ws"

    async def scenario() -> None:
        async with aiohttp.ClientSession() as client:
            first = await client.ws_connect(ws_url)
            second = await client.ws_connect(ws_url)
            for _ in range(100):
                if len(children(proc.pid)) == 2:
                    break
                await asyncio.sleep(0.1)
            assert len(children(proc.pid)) == 2
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(ws_url)
            assert refused.value.status == 503
            async with client.get(url) as page:
                assert page.status == 503 and "already open in 2 tabs" in await page.text()
            await first.close()
            for _ in range(150):
                if len(children(proc.pid)) == 1:
                    break
                await asyncio.sleep(0.1)
            assert len(children(proc.pid)) == 1, "the closed tab's backtimer still runs"
            third = await client.ws_connect(ws_url)
            await third.close()
            await second.close()

    try:
        asyncio.run(scenario())
    finally:
        stop(proc)


def test_the_tab_command_is_quoted_for_the_platform() -> None:
    options = ["--data-dir", r"C:\Users\Ann Lee\back time"]
    windows = web.app_command(options, "win32")
    assert '"C:\\Users\\Ann Lee\\back time"' in windows and "exec" not in windows
    assert "'" not in windows
    posix = web.app_command(options, "linux")
    assert posix.startswith("exec ") and "'C:\\Users\\Ann Lee\\back time'" in posix

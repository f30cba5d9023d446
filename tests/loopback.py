"""Serving a fake platform on 127.0.0.1: the part every fake (Discord, Slack) shares."""

from __future__ import annotations

from aiohttp import web

UPLOAD_LIMIT = 64 * 1024 * 1024


class Loopback:
    """A fake served on a free port of 127.0.0.1. Subclasses add their routes in `routes` and
    keep the websocket the app under test holds (if any) in `_ws`, closed with the server."""

    _runner: web.AppRunner | None
    _ws: web.WebSocketResponse | None
    port: int

    def routes(self, app: web.Application) -> None:
        raise NotImplementedError

    async def start(self) -> None:
        app = web.Application(client_max_size=UPLOAD_LIMIT)
        self.routes(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[attr-defined]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

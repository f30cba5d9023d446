"""A fake Slack (Web API + Socket Mode) on 127.0.0.1 for running the real slack-bolt app.

Like slack-bolt's own tests (a mock Web API server and a mock Socket Mode server), this serves
the Web API methods newsbot calls under `/api/` (point SLACK_API_URL at `fake.api_url`),
`apps.connections.open` handing out a websocket on the same server, `response_url` endpoints,
and private file downloads. Tests push envelopes (slash commands, events, button presses) down
the websocket and await what the app does: every Web API call, every response_url post and
every envelope acknowledgement is recorded.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web
from fake_discord import kb_settings
from loopback import Loopback

from bot.config import Settings

JSON = dict[str, Any]

TEAM = "T0FAKE"
APP_ID = "A0FAKE"
BOT_USER = "U0BOT"
BOT_ID = "B0BOT"
CHANNEL = "C0NEWS"  # a channel the bot is in
BOT_TOKEN = "xoxb-fake-bot-token"
APP_TOKEN = "xapp-fake-app-token"


@dataclass
class Call:
    """One request the app made: a Web API method, or a post to a response_url."""

    method: str  # "chat.postMessage", ... or "response_url"
    args: JSON
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass
class User:
    id: str
    locale: str = "id-ID"
    is_admin: bool = False
    is_owner: bool = False


class FakeSlack(Loopback):
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.acks: dict[str, JSON | None] = {}  # envelope id -> the ack's payload
        self.sent: list[str] = []  # envelope ids pushed, in order
        self.connections = 0  # websockets opened
        self.users: dict[str, User] = {}
        self.files: dict[str, tuple[JSON, bytes]] = {}
        self.not_joined: set[str] = set()  # channels where chat.postMessage -> not_in_channel
        self.rate_limited: dict[str, int] = {}  # method -> how many 429s before it succeeds
        self.bad_tokens: set[str] = set()
        self.uploads: dict[str, bytes] = {}  # file id -> bytes posted to its upload URL
        self._ws: web.WebSocketResponse | None = None  # the connection opened last
        self.sockets: list[web.WebSocketResponse] = []  # every connection, in opening order
        self._changed = asyncio.Condition()
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle -------------------------------------------------------------------------

    def routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/respond/{token}", self._respond)
        app.router.add_get("/files-pri/{id}/{name}", self._download)
        app.router.add_get("/link", self._socket)
        app.router.add_post("/upload/{id}", self._upload)

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    async def _record(self, call: Call) -> None:
        self.calls.append(call)
        async with self._changed:
            self._changed.notify_all()

    # -- Web API ---------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args: JSON = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                args.update(await request.json())
            else:
                args.update(dict(await request.post()))
        token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        await self._record(Call(method, args, {"Authorization": token}))
        if token in self.bad_tokens:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if self.rate_limited.get(method):
            self.rate_limited[method] -= 1
            body = {"ok": False, "error": "ratelimited"}
            return web.json_response(body, status=429, headers={"Retry-After": "1"})
        return web.json_response(self._answer(method, args))

    def _answer(self, method: str, args: JSON) -> JSON:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://fake.slack.test/",
                "team": "Fake Team",
                "user": "newsbot",
                "team_id": TEAM,
                "user_id": BOT_USER,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/link"}
        if method in ("chat.postMessage", "chat.postEphemeral"):
            channel = str(args.get("channel", ""))
            if channel in self.not_joined:
                return {"ok": False, "error": "not_in_channel"}
            ts = f"1700000000.{next(self._ids):06d}"
            key = "ts" if method == "chat.postMessage" else "message_ts"
            return {"ok": True, "channel": channel, key: ts, "message": {"ts": ts}}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ids):08d}"
            return {"ok": True, "file_id": file_id, "upload_url": f"{self.base}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            if str(args.get("channel_id", "")) in self.not_joined:
                return {"ok": False, "error": "not_in_channel"}
            files = args.get("files")
            shared = json.loads(files) if isinstance(files, str) else files
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in shared]}
        if method == "users.info":
            return self._user(str(args.get("user", "")))
        if method == "files.info":
            found = self.files.get(str(args.get("file", "")))
            return (
                {"ok": True, "file": found[0]}
                if found
                else {"ok": False, "error": "file_not_found"}
            )
        return {"ok": False, "error": "unknown_method"}

    def _user(self, user_id: str) -> JSON:
        user = self.users.get(user_id, User(user_id))
        return {
            "ok": True,
            "user": {
                "id": user.id,
                "team_id": TEAM,
                "name": f"user-{user.id.lower()}",
                "is_admin": user.is_admin,
                "is_owner": user.is_owner,
                "is_primary_owner": False,
                "is_bot": False,
                "locale": user.locale,
            },
        }

    async def _respond(self, request: web.Request) -> web.Response:
        body = await request.json()
        body["_token"] = request.match_info["token"]
        await self._record(Call("response_url", body))
        return web.Response(text="ok")

    async def _upload(self, request: web.Request) -> web.Response:
        self.uploads[request.match_info["id"]] = await request.read()
        await self._record(Call("upload", {"id": request.match_info["id"]}))
        return web.Response(text=f"OK - {len(self.uploads[request.match_info['id']])}")

    async def _download(self, request: web.Request) -> web.Response:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        found = self.files.get(request.match_info["id"])
        if found is None:
            return web.Response(status=404)
        if token != BOT_TOKEN:  # what Slack does without a valid token: its sign-in page
            return web.Response(text="<html>sign in</html>", content_type="text/html")
        return web.Response(body=found[1], content_type="application/octet-stream")

    def share_file(self, name: str, content: bytes, stub: bool = True) -> JSON:
        """Serves `content` as a private Slack file; returns the event's view of it (a stub
        that must be looked up with files.info, unless `stub` is False)."""
        file_id = f"F{next(self._ids):08d}"
        info = {
            "id": file_id,
            "name": name,
            "title": name,
            "size": len(content),
            "mimetype": "text/plain",
            "url_private": f"{self.base}/files-pri/{file_id}/{name}",
            "url_private_download": f"{self.base}/files-pri/{file_id}/{name}",
        }
        self.files[file_id] = (info, content)
        return {"id": file_id, "file_access": "check_file_info"} if stub else info

    # -- Socket Mode -----------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        self.sockets.append(ws)
        self.connections += 1
        hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": APP_ID}}
        await ws.send_str(json.dumps(hello))
        async with self._changed:
            self._changed.notify_all()
        async for frame in ws:
            if frame.type != WSMsgType.TEXT:
                continue
            data = json.loads(frame.data)
            self.acks[data["envelope_id"]] = data.get("payload")
            async with self._changed:
                self._changed.notify_all()
        return ws

    async def connected(self, count: int = 1, timeout: float = 20.0) -> None:
        """Returns once the app has opened `count` websockets in all."""
        await self._until(lambda: self.connections >= count and self._ws is not None, timeout)

    async def envelope(
        self, kind: str, payload: JSON, accepts_response: bool = False, connection: int = -1
    ) -> str:
        """Pushes one envelope down one websocket (Slack picks any of an app's connections;
        by default the one opened last, `connection` chooses by opening order); returns its
        id."""
        ws = self.sockets[connection] if self.sockets else None
        assert ws is not None and not ws.closed, "the app has no such connection open"
        envelope_id = f"env-{next(self._ids)}"
        self.sent.append(envelope_id)
        frame: JSON = {"envelope_id": envelope_id, "type": kind, "payload": payload}
        frame["accepts_response_payload"] = accepts_response
        if kind == "events_api":
            frame.update(retry_attempt=0, retry_reason="")
        await ws.send_str(json.dumps(frame))
        return envelope_id

    async def refresh(self) -> None:
        """What Slack sends before it retires a connection: the app must open a new one."""
        assert self._ws is not None
        frame = {"type": "disconnect", "reason": "refresh_requested", "debug_info": {}}
        await self._ws.send_str(json.dumps(frame))

    async def command(
        self,
        name: str,
        text: str = "",
        *,
        user: str = "U0ASKER",
        channel: str = CHANNEL,
        connection: int = -1,
    ) -> tuple[str, str]:
        """A slash command; returns (envelope id, the token of its response_url)."""
        token = f"cmd-{next(self._ids)}"
        payload = {
            "token": "verification",
            "team_id": TEAM,
            "team_domain": "fake",
            "channel_id": channel,
            "channel_name": "berita",
            "user_id": user,
            "user_name": f"user-{user.lower()}",
            "command": name,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": f"{self.base}/respond/{token}",
            "trigger_id": f"trigger-{token}",
        }
        envelope = await self.envelope("slash_commands", payload, True, connection)
        return envelope, token

    async def event(self, event: JSON, connection: int = -1) -> str:
        """An Events API event (app_mention, message) down a connection (see `envelope`);
        returns the envelope id."""
        payload = {
            "token": "verification",
            "team_id": TEAM,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": f"Ev{next(self._ids):08d}",
            "event_time": 1700000000,
            "authorizations": [
                {"team_id": TEAM, "user_id": BOT_USER, "is_bot": True, "enterprise_id": None}
            ],
            "is_ext_shared_channel": False,
        }
        return await self.envelope("events_api", payload, connection=connection)

    def message(self, text: str, **fields: Any) -> JSON:
        """A message event written by a user (override anything with `fields`)."""
        ts = f"1700000001.{next(self._ids):06d}"
        event: JSON = {
            "type": "message",
            "user": "U0ASKER",
            "text": text,
            "ts": ts,
            "event_ts": ts,
            "team": TEAM,
            "channel": "D0ASKER",
            "channel_type": "im",
        }
        event.update(fields)
        return event

    async def press(self, button: JSON, *, user: str = "U0ASKER", channel: str = CHANNEL) -> str:
        """A click on `button` (a block element of a message the app sent); returns the token
        of the click's response_url."""
        token = f"act-{next(self._ids)}"
        payload = {
            "type": "block_actions",
            "user": {"id": user, "username": f"user-{user.lower()}", "team_id": TEAM},
            "api_app_id": APP_ID,
            "token": "verification",
            "container": {
                "type": "message",
                "message_ts": "1700000000.000001",
                "channel_id": channel,
            },
            "trigger_id": f"trigger-{token}",
            "team": {"id": TEAM, "domain": "fake"},
            "channel": {"id": channel, "name": "berita"},
            "response_url": f"{self.base}/respond/{token}",
            "actions": [
                {
                    "action_id": button["action_id"],
                    "block_id": "newsbot_actions",
                    "text": button.get("text", {}),
                    "value": button.get("value", ""),
                    "type": "button",
                    "action_ts": "1700000002.000001",
                }
            ],
        }
        await self.envelope("interactive", payload)
        return token

    # -- awaiting the app ------------------------------------------------------------------

    async def _until(self, done: Callable[[], bool], timeout: float) -> None:
        async def wait() -> None:
            async with self._changed:
                await self._changed.wait_for(done)

        await asyncio.wait_for(wait(), timeout)

    async def wait_call(
        self, predicate: Callable[[Call], bool], timeout: float = 15.0, start: int = 0
    ) -> Call:
        """The first recorded call from index `start` on that matches, waiting for it."""
        found: list[Call] = []

        def match() -> bool:
            found[:] = [c for c in self.calls[start:] if predicate(c)][:1]
            return bool(found)

        await self._until(match, timeout)
        return found[0]

    async def response(self, token: str, timeout: float = 15.0, nth: int = 1) -> JSON:
        """The `nth` post the app made to the response_url of `token`."""
        posts: list[Call] = []

        def enough() -> bool:
            posts[:] = [c for c in self.calls if c.method == "response_url"]
            posts[:] = [c for c in posts if c.args["_token"] == token]
            return len(posts) >= nth

        await self._until(enough, timeout)
        return posts[nth - 1].args

    async def acked(self, envelope_id: str, timeout: float = 5.0) -> JSON | None:
        """The payload of the app's acknowledgement of an envelope (None when it had none)."""
        await self._until(lambda: envelope_id in self.acks, timeout)
        return self.acks[envelope_id]

    def posts(self, method: str = "chat.postMessage") -> list[Call]:
        return [c for c in self.calls if c.method == method]


def app_settings(tmp_path: Path, slack: FakeSlack, **overrides: Any) -> Settings:
    """Settings of a Slack-only bot on `slack`, over a private copy of the bundled articles."""
    values: dict[str, Any] = {
        "discord_token": "",
        "slack_bot_token": BOT_TOKEN,
        "slack_app_token": APP_TOKEN,
        "slack_api_url": slack.api_url,
    }
    return kb_settings(tmp_path, **{**values, **overrides})

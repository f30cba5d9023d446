"""A fake Discord (REST + gateway) on 127.0.0.1 for running the real discord.py client in tests.

dpytest cannot send slash commands, so this serves just enough of Discord's API v10 for
discord.py 2.x: login, application info, command sync, a JSON gateway (HELLO, IDENTIFY, READY,
GUILD_CREATE, heartbeats), interaction callbacks, webhook edits and followups, channel
messages and typing. Every REST call is recorded; tests push interactions and messages and
await the bot's reply.

Point discord.py at it with `fake.patch(monkeypatch)`: `Route.BASE` is read at request time
and `DiscordWebSocket.DEFAULT_GATEWAY` when the client connects. discord.py asks for
`compress=zlib-stream`, but it only decompresses binary frames, so the fake sends plain JSON
text frames and needs no zlib.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
import pytest
import yarl
from aiohttp import BodyPartReader, web
from loopback import Loopback

from bot.config import BUNDLED_ARTICLES, Settings

JSON = dict[str, Any]

APP_ID = 910000000000000001
BOT_ID = 910000000000000001  # Discord bots share their application's id
GUILD_ID = 910000000000000100  # on shard 0 of 2: (GUILD_ID >> 22) % 2 == 0
CHANNEL_ID = 910000000000000101
OTHER_GUILD_ID = GUILD_ID + (1 << 22)  # on shard 1 of 2
MOD_ROLE_ID = 910000000000000200
OWNER_ID = 910000000000000300
TIMESTAMP = "2024-01-01T00:00:00.000000+00:00"
EPHEMERAL = 64
MANAGE_GUILD = 1 << 5

# Callback types (Discord's InteractionResponseType).
MESSAGE = 4
DEFERRED = 5
DEFERRED_UPDATE = 6
UPDATE = 7
AUTOCOMPLETE = 8


@dataclass
class Recorded:
    method: str
    path: str  # without the /api/v10 prefix
    query: Mapping[str, str]
    body: Any  # parsed JSON (or multipart payload_json); None when there was none
    files: list[tuple[str, bytes]] = field(default_factory=list)
    status: int = 200  # what the fake answered
    token: str = ""  # the Authorization header's bot token


@dataclass
class Failure:
    """The next `times` requests that `matches` are answered with `status` and `body`."""

    matches: Callable[[Recorded], bool]
    status: int
    body: JSON
    headers: dict[str, str]
    times: int


@dataclass
class Pushed:
    """An interaction the fake sent to the bot."""

    id: int
    token: str
    payload: JSON


def user_payload(user_id: int, name: str = "", bot: bool = False) -> JSON:
    return {
        "id": str(user_id),
        "username": name or f"user{user_id % 10000}",
        "global_name": None,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


def _json_response(data: Any, status: int = 200) -> web.Response:
    # discord.py parses a body as JSON only when Content-Type is exactly "application/json";
    # aiohttp's json_response would append "; charset=utf-8".
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json"},
    )


class FakeDiscord(Loopback):
    """`shard_count` and `guilds`: Discord's sharding. Each gateway connection identifies as
    one shard; READY and GUILD_CREATE tell it the guilds it owns, `(guild_id >> 22) %
    shard_count`, and every event of a guild goes down its shard's connection only (DMs and
    guildless events down shard 0's), as Discord routes them."""

    def __init__(
        self,
        guild_roles: tuple[int, ...] = (MOD_ROLE_ID,),
        shard_count: int = 1,
        guilds: tuple[int, ...] = (GUILD_ID,),
    ) -> None:
        self.requests: list[Recorded] = []
        self.identify: JSON | None = None
        self.gateway_query: Mapping[str, str] = {}
        self.identified = asyncio.Event()
        self.attachments: dict[str, bytes] = {}
        self.messages: dict[int, JSON] = {}
        self._guild_roles = guild_roles
        self._ids = itertools.count(920000000000000000)
        self._seq = itertools.count(1)
        self._ws: web.WebSocketResponse | None = None
        self._changed = asyncio.Condition()
        self._originals: dict[str, int] = {}  # interaction token -> original response message
        self._runner: web.AppRunner | None = None
        self._failures: list[Failure] = []
        self.port = 0
        self.token = "fake-token"  # the only token the fake accepts
        self.sessions: list[str] = []  # "identify" or "resume", one per gateway session start
        self.shard_count = shard_count
        self.guilds = guilds
        self.shards: dict[int, web.WebSocketResponse] = {}  # shard id -> its live connection
        self.identifies: dict[int, JSON] = {}  # shard id -> its IDENTIFY payload

    # -- lifecycle -------------------------------------------------------------------------

    def routes(self, app: web.Application) -> None:
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{id}/{name}", self._attachment)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)

    def patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(discord.http.Route, "BASE", f"{self.base}/api/v10")
        monkeypatch.setattr(
            discord.gateway.DiscordWebSocket,
            "DEFAULT_GATEWAY",
            yarl.URL(f"ws://127.0.0.1:{self.port}/gateway"),
        )

    def snowflake(self) -> int:
        return next(self._ids)

    # -- REST ------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body, files = await self._read_body(request)
        token = request.headers.get("Authorization", "").removeprefix("Bot ")
        recorded = Recorded(request.method, path, dict(request.query), body, files, token=token)
        response = self._failure(recorded) or self._route(recorded)
        recorded.status = response.status
        self.requests.append(recorded)
        async with self._changed:
            self._changed.notify_all()
        return response

    async def _read_body(self, request: web.Request) -> tuple[Any, list[tuple[str, bytes]]]:
        if not request.can_read_body:
            return None, []
        if request.content_type.startswith("multipart/"):
            return await self._read_multipart(request)
        raw = await request.read()
        return (json.loads(raw) if raw else None), []

    async def _read_multipart(self, request: web.Request) -> tuple[Any, list[tuple[str, bytes]]]:
        body: Any = None
        files: list[tuple[str, bytes]] = []
        reader = await request.multipart()
        async for part in reader:
            if not isinstance(part, BodyPartReader):
                continue
            data = await part.read()
            if part.name == "payload_json":
                body = json.loads(data)
            else:
                files.append((part.filename or "", bytes(data)))
        return body, files

    def fail(
        self,
        matches: Callable[[Recorded], bool],
        status: int,
        body: JSON | None = None,
        *,
        times: int = 1,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Answer the next `times` requests that `matches` with an error."""
        error = body if body is not None else {"message": f"{status} (fake)", "code": 0}
        self._failures.append(Failure(matches, status, error, dict(headers or {}), times))

    def rate_limit(
        self, matches: Callable[[Recorded], bool], retry_after: float = 0.05, times: int = 1
    ) -> None:
        """A 429 as Discord sends it: JSON with `retry_after`, and the `Via` header by which
        discord.py tells Discord's own limits from a Cloudflare ban (which it never retries)."""
        body = {"message": "You are being rate limited.", "retry_after": retry_after}
        body.update(code=0, **{"global": False})
        headers = {"Via": "1.1 google", "Retry-After": str(max(1, round(retry_after)))}
        self.fail(matches, 429, body, times=times, headers=headers)

    def _failure(self, r: Recorded) -> web.Response | None:
        # Interaction callbacks and webhooks carry their token in the URL, not in a header.
        authorised = r.path.startswith(("/interactions/", "/webhooks/")) or r.token == self.token
        if not authorised:
            return _json_response({"message": "401: Unauthorized", "code": 0}, status=401)
        for failure in self._failures:
            if failure.times > 0 and failure.matches(r):
                failure.times -= 1
                response = _json_response(failure.body, status=failure.status)
                response.headers.update(failure.headers)
                return response
        return None

    def _route(self, r: Recorded) -> web.Response:
        parts = r.path.strip("/").split("/")
        if r.path == "/users/@me":
            return _json_response(user_payload(BOT_ID, "newsbot", bot=True))
        if r.path == "/oauth2/applications/@me":
            return _json_response(self._application())
        if r.path in ("/gateway", "/gateway/bot"):
            return _json_response(self._gateway_info())
        if parts[0] == "applications" and parts[-1] == "commands" and r.method == "PUT":
            return _json_response([self._synced(c, parts) for c in r.body or []])
        if parts[0] == "interactions" and parts[-1] == "callback":
            return _json_response(self._callback(int(parts[1]), parts[2], r.body))
        if parts[0] == "webhooks":
            return self._webhook(r, parts)
        if parts[0] == "channels" and parts[-1] == "typing":
            return web.Response(status=204)
        if parts[0] == "channels" and parts[-1] == "messages" and r.method == "POST":
            return _json_response(self._store(int(parts[1]), r.body))
        if parts[0] == "channels" and len(parts) == 4 and r.method == "PATCH":
            return _json_response(self._edit(int(parts[3]), r.body))
        return _json_response({"message": "Unknown route (fake)", "code": 0}, status=404)

    def _gateway_info(self) -> JSON:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        url = f"ws://127.0.0.1:{self.port}/gateway"
        return {"url": url, "shards": self.shard_count, "session_start_limit": limit}

    def shard_of(self, guild_id: int | None) -> int:
        """The shard that owns a guild's events; DMs (no guild) arrive on shard 0."""
        return 0 if guild_id is None else (guild_id >> 22) % self.shard_count

    def _application(self) -> JSON:
        return {
            "id": str(APP_ID),
            "name": "newsbot",
            "icon": None,
            "description": "",
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "owner": user_payload(OWNER_ID, "owner"),
            "team": None,
            "flags": 0,
            "interactions_endpoint_url": None,
        }

    def _synced(self, command: JSON, parts: list[str]) -> JSON:
        synced = dict(command)
        synced.update(id=str(self.snowflake()), application_id=str(APP_ID), version="1")
        synced.setdefault("description", "")
        synced.setdefault("default_member_permissions", None)
        if "guilds" in parts:
            synced["guild_id"] = parts[parts.index("guilds") + 1]
        return synced

    def _callback(self, interaction_id: int, token: str, body: JSON) -> JSON:
        kind = body["type"]
        data = body.get("data") or {}
        result: JSON = {"interaction": {"id": str(interaction_id), "type": 2}}
        if kind in (MESSAGE, DEFERRED):
            message = self._store(CHANNEL_ID, {**data, "content": data.get("content", "")})
            self._originals[token] = int(message["id"])
            result["interaction"].update(
                response_message_id=message["id"],
                response_message_loading=kind == DEFERRED,
                response_message_ephemeral=bool(data.get("flags", 0) & EPHEMERAL),
            )
            if kind == MESSAGE:
                result["resource"] = {"type": kind, "message": message}
        elif kind == UPDATE:
            result["resource"] = {"type": kind}
        return result

    def _webhook(self, r: Recorded, parts: list[str]) -> web.Response:
        token = parts[2]
        if parts[-1] == "@original":
            message_id = self._originals.get(token)
            if message_id is None:
                return _json_response({"message": "Unknown Message", "code": 10008}, status=404)
            if r.method == "PATCH":
                return _json_response(self._edit(message_id, r.body))
            return _json_response(self.messages[message_id])
        return _json_response(self._store(CHANNEL_ID, r.body))

    def _store(self, channel_id: int, body: JSON | None) -> JSON:
        body = body or {}
        message: JSON = {
            "id": str(self.snowflake()),
            "channel_id": str(channel_id),
            "author": user_payload(BOT_ID, "newsbot", bot=True),
            "content": body.get("content") or "",
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": [],
            "timestamp": TIMESTAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags", 0),
        }
        self.messages[int(message["id"])] = message
        return message

    def _edit(self, message_id: int, body: JSON | None) -> JSON:
        message = self.messages[message_id]
        for key in ("content", "embeds", "components", "flags"):
            if body and key in body:
                message[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        message["edited_timestamp"] = TIMESTAMP
        return message

    async def _attachment(self, request: web.Request) -> web.Response:
        content = self.attachments.get(request.match_info["id"])
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content, headers={"Content-Type": "application/octet-stream"})

    # -- gateway ---------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.gateway_query = dict(request.query)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        async for frame in ws:
            data = json.loads(frame.data)
            if data["op"] == 1:
                await ws.send_str(json.dumps({"op": 11}))
            elif data["op"] == 2:
                shard = int((data["d"].get("shard") or [0, 1])[0])
                self.identify = self.identifies[shard] = data["d"]
                self._ws = self.shards[shard] = ws
                await self._send(ws, "READY", self._ready(shard))
                for guild_id in self._guilds_of(shard):
                    await self._send(ws, "GUILD_CREATE", self._guild(guild_id))
                await self._session_started("identify")
                self.identified.set()
            elif data["op"] == 6:
                shard = _SESSIONS.index(data["d"]["session_id"])
                self._ws = self.shards[shard] = ws
                await self._send(ws, "RESUMED", {})
                await self._session_started("resume")
        return ws

    async def _session_started(self, how: str) -> None:
        self.sessions.append(how)
        async with self._changed:
            self._changed.notify_all()

    async def reconnect(self) -> None:
        """Gateway op 7 RECONNECT: the client should reconnect and resume."""
        assert self._ws is not None
        await self._ws.send_str(json.dumps({"op": 7, "d": None}))

    async def invalidate_session(self, resumable: bool = False) -> None:
        """Gateway op 9 INVALID_SESSION: resume if `resumable`, else identify anew."""
        assert self._ws is not None
        await self._ws.send_str(json.dumps({"op": 9, "d": resumable}))

    async def wait_sessions(self, count: int, timeout: float = 10.0) -> list[str]:
        """How the first `count` gateway sessions began, once that many have begun."""

        async def scan() -> list[str]:
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.sessions) >= count)
            return self.sessions[:count]

        return await asyncio.wait_for(scan(), timeout)

    async def dispatch(self, event: str, data: JSON) -> None:
        """Send an event down the connection of the shard that owns it."""
        guild = data.get("guild_id")
        ws = self.shards.get(self.shard_of(int(guild) if guild else None))
        assert ws is not None, "the shard owning this event has not identified"
        await self._send(ws, event, data)

    async def _send(self, ws: web.WebSocketResponse, event: str, data: JSON) -> None:
        frame = {"op": 0, "t": event, "s": next(self._seq), "d": data}
        await ws.send_str(json.dumps(frame))

    def _guilds_of(self, shard: int) -> list[int]:
        return [g for g in self.guilds if self.shard_of(g) == shard]

    def _ready(self, shard: int) -> JSON:
        return {
            "v": 10,
            "user": user_payload(BOT_ID, "newsbot", bot=True),
            "guilds": [{"id": str(g), "unavailable": True} for g in self._guilds_of(shard)],
            "session_id": _SESSIONS[shard],
            "shard": [shard, self.shard_count],
            "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway",
            "application": {"id": str(APP_ID), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }

    def _guild(self, guild_id: int = GUILD_ID) -> JSON:
        everyone = {"id": str(guild_id), "name": "@everyone", "position": 0}
        roles = [everyone] + [{"id": str(r), "name": f"role{r % 1000}"} for r in self._guild_roles]
        for role in roles:
            role.update(permissions="0", color=0, hoist=False, managed=False, mentionable=False)
            role.setdefault("position", 1)
        return {
            "id": str(guild_id),
            "name": "Fake Guild",
            "owner_id": str(OWNER_ID),
            "member_count": 3,
            "roles": roles,
            "channels": [self._channel(guild_id)],
            "members": [],
            "emojis": [],
            "stickers": [],
            "features": [],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "large": False,
            "unavailable": False,
            "preferred_locale": "id",
        }

    def _channel(self, guild_id: int = GUILD_ID) -> JSON:
        return {
            "id": str(channel_of(guild_id)),
            "type": 0,
            "guild_id": str(guild_id),
            "name": "berita",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "rate_limit_per_user": 0,
        }

    # -- pushing events --------------------------------------------------------------------

    def _source(
        self,
        user_id: int,
        guild: bool,
        roles: tuple[int, ...],
        permissions: int,
        guild_id: int = GUILD_ID,
    ) -> JSON:
        user = user_payload(user_id)
        if not guild:
            dm = {"id": str(user_id + 1), "type": 1, "recipients": [user]}
            return {"user": user, "channel": dm, "channel_id": dm["id"], "context": 1}
        member = {
            "user": user,
            "roles": [str(r) for r in roles],
            "permissions": str(permissions),
            "joined_at": TIMESTAMP,
            "deaf": False,
            "mute": False,
            "flags": 0,
        }
        return {
            "guild_id": str(guild_id),
            "member": member,
            "channel": self._channel(guild_id),
            "channel_id": str(channel_of(guild_id)),
            "context": 0,
        }

    async def interact(
        self,
        kind: int,
        data: JSON,
        *,
        user_id: int = 930000000000000001,
        guild: bool = True,
        roles: tuple[int, ...] = (),
        permissions: int = 0,
        locale: str = "id",
        message: JSON | None = None,
        guild_id: int = GUILD_ID,
    ) -> Pushed:
        interaction_id = self.snowflake()
        token = f"token-{interaction_id}"
        payload: JSON = {
            "id": str(interaction_id),
            "application_id": str(APP_ID),
            "type": kind,
            "token": token,
            "version": 1,
            "data": data,
            "locale": locale,
            "guild_locale": "id",
            "app_permissions": str((1 << 50) - 1),
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild_id)},
            "attachment_size_limit": 26214400,
            **self._source(user_id, guild, roles, permissions, guild_id),
        }
        if message is not None:
            payload["message"] = message
            # A component's "original response" is the message that carries it.
            self._originals[token] = int(message["id"])
        await self.dispatch("INTERACTION_CREATE", payload)
        return Pushed(interaction_id, token, payload)

    async def command(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        resolved: JSON | None = None,
        **source: Any,
    ) -> Pushed:
        data: JSON = {"id": str(self.snowflake()), "name": name, "type": 1}
        data["options"] = [_option(k, v) for k, v in (options or {}).items()]
        if resolved:
            data["resolved"] = resolved
        return await self.interact(2, data, **source)

    async def autocomplete(
        self, name: str, options: Mapping[str, Any], focused: str, **source: Any
    ) -> list[JSON]:
        data: JSON = {"id": str(self.snowflake()), "name": name, "type": 1, "options": []}
        for key, value in options.items():
            option = _option(key, value)
            option["focused"] = key == focused
            data["options"].append(option)
        pushed = await self.interact(4, data, **source)
        body = await self.callback(pushed)
        assert body["type"] == AUTOCOMPLETE
        choices: list[JSON] = body["data"]["choices"]
        return choices

    async def press(self, message: JSON, custom_id: str, **source: Any) -> Pushed:
        data = {"custom_id": custom_id, "component_type": 2}
        return await self.interact(3, data, message=message, **source)

    def upload(self, filename: str, content: bytes) -> JSON:
        """Serves `content` as an attachment; returns the `resolved` block for a command."""
        attachment_id = str(self.snowflake())
        self.attachments[attachment_id] = content
        url = f"{self.base}/attachments/{attachment_id}/{filename}"
        attachment = {
            "id": attachment_id,
            "filename": filename,
            "size": len(content),
            "url": url,
            "proxy_url": url,
            "content_type": "text/plain; charset=utf-8",
        }
        return {"attachments": {attachment_id: attachment}}

    async def send_message(
        self,
        content: str,
        *,
        user_id: int = 930000000000000001,
        guild: bool = False,
        mentions: tuple[int, ...] = (),
        bot: bool = False,
        channel_id: int | None = None,
        guild_id: int = GUILD_ID,
    ) -> JSON:
        """A user's message: a DM by default, else a message in the channel of `guild_id`."""
        if channel_id is None:
            channel_id = channel_of(guild_id) if guild else user_id + 1
        message: JSON = {
            "id": str(self.snowflake()),
            "channel_id": str(channel_id),
            "author": user_payload(user_id, bot=bot or user_id == BOT_ID),
            "content": content,
            "embeds": [],
            "components": [],
            "attachments": [],
            "timestamp": TIMESTAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [user_payload(m, bot=m == BOT_ID) for m in mentions],
            "mention_roles": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
        }
        if guild:
            message["guild_id"] = str(guild_id)
            message["member"] = {"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False}
        await self.dispatch("MESSAGE_CREATE", message)
        return message

    # -- awaiting the bot ------------------------------------------------------------------

    async def wait_for(
        self, predicate: Callable[[Recorded], bool], timeout: float = 10.0, start: int = 0
    ) -> Recorded:
        """The first recorded request from index `start` on that matches, waiting for it."""

        async def scan() -> Recorded:
            seen = start
            async with self._changed:
                while True:
                    for recorded in self.requests[seen:]:
                        if predicate(recorded):
                            return recorded
                    seen = len(self.requests)
                    await self._changed.wait()

        return await asyncio.wait_for(scan(), timeout)

    async def callback(self, pushed: Pushed, timeout: float = 10.0) -> JSON:
        """The bot's first response (POST .../callback) to an interaction."""
        path = f"/interactions/{pushed.id}/{pushed.token}/callback"
        recorded = await self.wait_for(lambda r: r.path == path and r.status < 300, timeout)
        body: JSON = recorded.body
        return body

    async def reply(self, pushed: Pushed, timeout: float = 10.0) -> JSON:
        """The message the user finally sees: the callback's, or the edit after a defer."""
        body = await self.callback(pushed, timeout)
        if body["type"] != DEFERRED:
            data: JSON = body.get("data") or {}
            return data
        edit = await self.wait_for(
            lambda r: (
                r.method in ("PATCH", "POST")
                and r.path.startswith(f"/webhooks/{APP_ID}/{pushed.token}")
                and r.status < 300
            ),
            timeout,
        )
        edited: JSON = edit.body
        return edited

    async def update(self, pushed: Pushed, timeout: float = 10.0) -> JSON:
        """The message a button press leaves: the callback's update, or the edit after a defer."""
        body = await self.callback(pushed, timeout)
        if body["type"] == UPDATE:
            data: JSON = body["data"]
            return data
        assert body["type"] == DEFERRED_UPDATE, body
        path = f"/webhooks/{APP_ID}/{pushed.token}/messages/@original"
        edit = await self.wait_for(
            lambda r: r.method == "PATCH" and r.path == path and r.status < 300, timeout
        )
        edited: JSON = edit.body
        return edited

    def original(self, pushed: Pushed) -> JSON:
        """The stored message that answers `pushed` (for pressing its buttons)."""
        return self.messages[self._originals[pushed.token]]

    async def channel_reply(self, channel_id: int, start: int = 0, timeout: float = 10.0) -> JSON:
        """The first message the bot posts (successfully) in a channel from request `start` on."""
        path = f"/channels/{channel_id}/messages"

        def posted(r: Recorded) -> bool:
            return r.method == "POST" and r.path == path and r.status < 300

        recorded = await self.wait_for(posted, timeout, start)
        body: JSON = recorded.body
        return body


_SESSIONS = ["fake-session", *(f"fake-session-{n}" for n in range(1, 64))]


def channel_of(guild_id: int) -> int:
    """The one text channel of a fake guild."""
    return CHANNEL_ID if guild_id == GUILD_ID else guild_id + 1


def _option(name: str, value: Any) -> JSON:
    if isinstance(value, bool):
        kind = 5
    elif isinstance(value, int):
        kind = 4
    elif isinstance(value, dict) and "attachment" in value:
        return {"name": name, "type": 11, "value": value["attachment"]}
    else:
        kind = 3
    return {"name": name, "type": kind, "value": value}


def custom_ids(message: JSON) -> list[str]:
    return [c["custom_id"] for row in message.get("components", []) for c in row["components"]]


async def start_client(client: discord.Client, timeout: float = 10.0) -> asyncio.Task[None]:
    """Starts `client` against the fake and returns once it is ready (or raises its error)."""
    task = asyncio.create_task(client.start("fake-token"))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not client.is_ready():
        if task.done():
            task.result()
            raise RuntimeError("client stopped before it was ready")
        if loop.time() > deadline:
            raise TimeoutError("client was not ready in time")
        await asyncio.sleep(0.005)
    return task


async def stop_client(client: discord.Client, task: asyncio.Task[None]) -> None:
    await client.close()
    await asyncio.wait_for(task, 10.0)


def slow_down(monkeypatch: pytest.MonkeyPatch, service: object, method: str, seconds: float) -> Any:
    """Makes `service.<method>` take `seconds` longer (to get a deferral or a typing
    indicator); returns the real method."""
    real = getattr(service, method)

    async def slow(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(seconds)
        return await real(*args, **kwargs)

    monkeypatch.setattr(service, method, slow)
    return real


def kb_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings over a private copy of the bundled articles: reloads may write uploads there."""
    articles = tmp_path / "articles"
    if not articles.exists():
        shutil.copytree(BUNDLED_ARTICLES, articles)
    values: dict[str, Any] = {
        "discord_token": "fake-token",
        "db_path": tmp_path / "kb.db",
        "feedback_db": tmp_path / "feedback.db",
        "articles": (articles,),
        "cooldown_seconds": 0.0,
        "moderator_role_ids": (MOD_ROLE_ID,),
        "bot_owner_ids": (OWNER_ID,),
    }
    values.update(overrides)
    return Settings(**values)

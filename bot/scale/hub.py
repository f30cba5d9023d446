"""One process's line to Redis: commands, the announcements channel, and whether Redis is up.

Every shared-state call goes through `Hub.call`, which raises `Unavailable` at once while Redis
is known to be down, so a question never waits on a dead server: its caller falls back to this
process's own state. The first failure is logged once (a warning), and so is the recovery.

A background task keeps one pub/sub subscription open. When the connection breaks (Redis
stopped, restarted empty, the network gone) it reconnects with a growing pause (0.5 s to 5 s),
subscribes again and tells `on_connect` listeners, which catch up on whatever was announced
meanwhile. A failed command elsewhere only marks Redis down; the task checks it with a PING
within a second and marks it up again.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

T = TypeVar("T")
Listener = Callable[[dict[str, Any]], Awaitable[None]]

PREFIX = "newsbot:"
CHANNEL = PREFIX + "generation"
# A command on a healthy local Redis takes well under a millisecond; past this it is down.
COMMAND_TIMEOUT = 2.0
FIRST_CONNECT_WAIT = 3.0
RETRY_MIN = 0.5
RETRY_MAX = 5.0
LISTEN_POLL = 1.0
_FAILURES = (RedisError, OSError, TimeoutError)


class Unavailable(RuntimeError):
    """Redis cannot be used right now; use this process's own state instead."""


def process_name() -> str:
    """This process among all newsbot processes: host, pid and a random tag (pids repeat)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Hub:
    """Redis at `url` for one process. `start` it once; `close` it at the end."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.name = process_name()
        self.client: Redis = Redis.from_url(
            url,
            decode_responses=True,
            socket_timeout=COMMAND_TIMEOUT,
            socket_connect_timeout=COMMAND_TIMEOUT,
            retry=Retry(NoBackoff(), 0),  # fail fast: the fallback answers, the task reconnects
            health_check_interval=30,
        )
        self.up = False
        self._warned = False
        self._listeners: list[Listener] = []
        self._on_connect: list[Callable[[], Awaitable[None]]] = []
        self._connected = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def on_message(self, listener: Listener) -> None:
        """Call `listener` with every announcement (a JSON object) another process sends."""
        self._listeners.append(listener)

    def on_connect(self, listener: Callable[[], Awaitable[None]]) -> None:
        """Call `listener` after each (re)subscription, to catch up on missed announcements."""
        self._on_connect.append(listener)

    async def start(self) -> None:
        """Connect in the background; wait a moment for the first connection, never longer."""
        self._task = asyncio.create_task(self._listen(), name="newsbot-redis")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._connected.wait(), FIRST_CONNECT_WAIT)
        if not self.up:
            self._lost(TimeoutError(f"no answer in {FIRST_CONNECT_WAIT:g} s"))

    async def call(self, operation: Callable[[Redis], Awaitable[T]]) -> T:
        """`operation` on the shared client; raises Unavailable when Redis is down."""
        if not self.up:
            raise Unavailable(self.url)
        try:
            return await operation(self.client)
        except _FAILURES as exc:
            self._lost(exc)
            raise Unavailable(self.url) from exc

    async def announce(self, message: dict[str, Any]) -> bool:
        """Publish `message` to every process (this one included); False when Redis is down."""
        data = json.dumps({**message, "from": self.name})
        try:
            await self.call(lambda r: r.publish(CHANNEL, data))
        except Unavailable:
            return False
        return True

    async def _listen(self) -> None:
        delay = RETRY_MIN
        while True:
            pubsub = self.client.pubsub()
            try:
                await pubsub.subscribe(CHANNEL)
                await self.client.ping()
                self._regained()
                self._connected.set()
                delay = RETRY_MIN
                for listener in self._on_connect:
                    await listener()
                while True:
                    message = await pubsub.get_message(
                        ignore_subscribe_messages=True, timeout=LISTEN_POLL
                    )
                    if message is not None:
                        await self._deliver(message)
                    if not self.up:  # a command failed meanwhile: is Redis back?
                        await self.client.ping()
                        self._regained()
            except _FAILURES as exc:
                self._lost(exc)
            finally:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]
            await asyncio.sleep(delay)
            delay = min(delay * 2, RETRY_MAX)

    async def _deliver(self, message: dict[str, Any]) -> None:
        try:
            data = json.loads(message["data"])
        except (TypeError, ValueError):
            log.warning("ignored an announcement that is not JSON: %r", message.get("data"))
            return
        if not isinstance(data, dict):
            return
        for listener in self._listeners:
            try:
                await listener(data)
            except Exception:  # one bad listener must not end the subscription
                log.exception("handling an announcement failed")

    def _lost(self, exc: BaseException) -> None:
        if self.up or not self._warned:
            log.warning(
                "Redis at %s is unavailable (%s): answering with this process's own state"
                " until it returns",
                _shown(self.url),
                str(exc) or type(exc).__name__,
            )
            self._warned = True
        self.up = False

    def _regained(self) -> None:
        if not self.up and self._warned:
            log.info("Redis at %s is back: state is shared again", _shown(self.url))
        self.up = True

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        with contextlib.suppress(Exception):
            await self.client.aclose()


def _shown(url: str) -> str:
    """The URL without a password (`redis://:secret@host` -> `redis://host`)."""
    head, at, tail = url.rpartition("@")
    return url if not at else head.split("//", 1)[0] + "//" + tail

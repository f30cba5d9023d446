"""Several newsbot processes serving as one bot: what `NewsService` uses when REDIS_URL is set.

Each process serves the current generation of the knowledge base (an immutable file beside
NEWSBOT_DB, see `knowledge.build.generations`) under a lease. A reload on any process builds as
one process does, publishes the build as the next generation and announces it on Redis; every
process then opens it and swaps engines without a pause (`NewsService.catch_up`). A process
that missed the announcement (Redis was down, it was busy starting) finds the new generation
when it reconnects, or at the latest when it next looks: every POLL_SECONDS. Conversations,
rate-limit buckets and the "reload running" flag live in Redis (`bot.scale.state`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bot.config import Settings
from bot.scale.hub import Hub
from bot.scale.state import ReloadFlag, SharedConversations, SharedRateLimiter
from knowledge.build.generations import Generation, GenerationLease, Generations

log = logging.getLogger(__name__)

POLL_SECONDS = 30.0  # a missed announcement is caught up within this (plus an engine open)
CatchUp = Callable[[str], Awaitable[None]]


class Cluster:
    """This process's part in the cluster: Redis, the generations, the shared state."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.hub = Hub(settings.redis_url)
        self.generations = Generations(settings.db_path)
        self.conversations = SharedConversations(self.hub)
        self.reload_flag = ReloadFlag(self.hub)
        self._wake = asyncio.Event()
        self._why = ""
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        """Connect to Redis (in the background when it is down: answering does not wait)."""
        await self.hub.start()

    def follow(self, catch_up: CatchUp) -> None:
        """From now on call `catch_up(how)` whenever a newer generation may exist: when one is
        announced, after Redis comes back, and every POLL_SECONDS. One call at a time; a
        trigger while one runs makes one more call afterwards."""

        async def announced(message: dict[str, Any]) -> None:
            if "generation" in message:
                self._trigger("announced")

        async def reconnected() -> None:
            self._trigger("on reconnecting")

        self.hub.on_message(announced)
        self.hub.on_connect(reconnected)
        self._tasks.append(asyncio.create_task(self._follower(catch_up)))
        self._tasks.append(asyncio.create_task(self._poll()))

    def _trigger(self, why: str) -> None:
        self._why = self._why or why
        self._wake.set()

    async def _follower(self, catch_up: CatchUp) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            why, self._why = self._why, ""
            try:
                await catch_up(why)
            except Exception:  # the next trigger tries again; the current engine serves
                log.exception("could not switch to the newest knowledge base")

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(POLL_SECONDS)
            self._trigger("found by polling")

    def rate_limiter(self, burst: int, interval: float) -> SharedRateLimiter:
        """Per-user buckets in Redis (see `SharedRateLimiter`)."""
        return SharedRateLimiter(self.hub, burst, interval)

    async def lease(self) -> GenerationLease | None:
        """A lease on the current generation (None when none is published yet)."""
        return await asyncio.to_thread(self.generations.lease)

    async def publish(self) -> Generation:
        """Publish the build at NEWSBOT_DB as the next generation and announce it (when Redis
        is down, the others find it by polling)."""
        generation = await asyncio.to_thread(self.generations.publish)
        message = {"generation": generation.number, "at": time.time()}
        if not await self.hub.announce(message):
            log.warning(
                "generation %d is published; Redis is down, so the other processes will find"
                " it within %.0f s",
                generation.number,
                POLL_SECONDS,
            )
        return generation

    async def collect(self) -> None:
        """Delete the generations no process serves any more."""
        try:
            deleted = await asyncio.to_thread(self.generations.collect)
        except OSError:
            log.exception("could not delete old knowledge-base generations")
            return
        if deleted:
            log.info("deleted knowledge-base generations no process serves: %s", deleted)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        with contextlib.suppress(Exception):
            await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.hub.close()


async def publish_build(settings: Settings) -> Generation:
    """`newsbot ingest` with REDIS_URL: publish the build at NEWSBOT_DB as the next generation
    and announce it, so the running processes serve it (see `Cluster.publish`)."""
    cluster = Cluster(settings)
    await cluster.start()
    try:
        return await cluster.publish()
    finally:
        await cluster.close()

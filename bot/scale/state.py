"""State every process shares through Redis, each with this process's own as the fallback.

- `SharedConversations`: a `ConversationStore` whose contexts live in Redis with their TTL, so a
  follow-up that lands on another process (another Slack connection) still knows who "dia" is.
- `SharedRateLimiter`: the per-user token bucket, refilled and spent atomically by a Lua script
  on Redis's clock, so a user's questions count the same on every process.
- `ReloadFlag`: "a reload is running", held by one process at a time across all of them.

While Redis is down each of them works on this process's memory (`MemoryConversations`, a local
`RateLimiter`, the build lock on the file system), and returns to Redis as soon as it is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Hashable, Mapping

from redis.asyncio import Redis

from bot.engine.conversation import MemoryConversations
from bot.ratelimit import RateLimiter
from bot.scale.hub import PREFIX, Hub, Unavailable

log = logging.getLogger(__name__)

CONVERSATION = PREFIX + "conversation:"
RATE = PREFIX + "rate:"
RELOADING = PREFIX + "reloading"
FLAG_SECONDS = 60  # a reloading process that died frees the flag after this long
FLAG_REFRESH = 20

# KEYS[1] the bucket; ARGV burst, interval (s). Returns the wait in seconds as a string (Lua
# numbers come back as integers otherwise); "0" means the question was counted.
_BUCKET = """
local burst = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1]) or burst
local at = tonumber(saved[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) / interval)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) * interval end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * interval * 1000) + 1000)
return tostring(wait)
"""
# Only the flag's owner may refresh or drop it (another process may hold it after expiry).
_IF_OWNER_DROP = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_IF_OWNER_KEEP = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""


class SharedConversations:
    """A `ConversationStore` in Redis (values as JSON, expiring after their TTL); this process's
    memory while Redis is down, and for a context only remembered here meanwhile."""

    def __init__(self, hub: Hub, fallback: MemoryConversations | None = None) -> None:
        self._hub = hub
        self._memory = fallback or MemoryConversations()

    async def get(self, key: str) -> Mapping[str, str] | None:
        """The context under `key` (see ConversationStore.get)."""
        try:
            raw = await self._hub.call(lambda r: r.get(CONVERSATION + key))
        except Unavailable:
            raw = None
        if raw:
            try:
                value = json.loads(raw)
            except ValueError:
                value = None
            if isinstance(value, dict):
                return {str(k): str(v) for k, v in value.items()}
        return await self._memory.get(key)

    async def put(self, key: str, value: Mapping[str, str], ttl: float) -> None:
        """Keep `value` for `ttl` seconds in Redis, or here while Redis is down."""
        data = json.dumps(dict(value), ensure_ascii=False)
        try:
            await self._hub.call(lambda r: r.set(CONVERSATION + key, data, px=int(ttl * 1000)))
        except Unavailable:
            await self._memory.put(key, value, ttl)


class SharedRateLimiter:
    """`burst` questions at once per user, then one every `interval` seconds, counted in
    Redis for every process; while Redis is down, each process counts on its own."""

    def __init__(self, hub: Hub, burst: int, interval: float) -> None:
        self._hub = hub
        self._local = RateLimiter(burst, interval)
        self.burst = self._local.burst
        self.interval = self._local.interval
        self._script = hub.client.register_script(_BUCKET)

    @property
    def enabled(self) -> bool:
        return self._local.enabled

    async def acquire(self, user: Hashable) -> float:
        """0.0 when `user` may ask now (the question is counted), else the seconds to wait."""
        if not self.enabled:
            return 0.0
        key = RATE + str(user)

        async def spend(client: Redis) -> str:
            wait = await self._script(keys=[key], args=[self.burst, self.interval], client=client)
            return str(wait)

        try:
            return float(await self._hub.call(spend))
        except Unavailable:
            return self._local.retry_after(user)


class ReloadFlag:
    """ "A reload is running" for every process: one Redis key with an owner and an expiry."""

    def __init__(self, hub: Hub) -> None:
        self._hub = hub

    @contextlib.asynccontextmanager
    async def held(self) -> AsyncIterator[bool]:
        """Yields False when another process is reloading; True when this one may (it holds
        the flag, or Redis is down and the build lock on the file system must do)."""
        owner = self._hub.name
        try:
            taken = await self._hub.call(
                lambda r: r.set(RELOADING, owner, nx=True, ex=FLAG_SECONDS)
            )
        except Unavailable:
            yield True
            return
        if not taken:
            yield False
            return
        keeper = asyncio.create_task(self._keep(owner))
        try:
            yield True
        finally:
            keeper.cancel()
            await asyncio.gather(keeper, return_exceptions=True)
            with contextlib.suppress(Unavailable):
                await self._hub.call(lambda r: r.eval(_IF_OWNER_DROP, 1, RELOADING, owner))

    async def _keep(self, owner: str) -> None:
        """A long build keeps the flag (and a dead process's flag expires)."""
        while True:
            await asyncio.sleep(FLAG_REFRESH)
            with contextlib.suppress(Unavailable):
                await self._hub.call(
                    lambda r: r.eval(_IF_OWNER_KEEP, 1, RELOADING, owner, FLAG_SECONDS * 1000)
                )

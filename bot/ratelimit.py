"""How often one person may ask: a token bucket per user, the same on every chat surface.

A person who asks three quick questions in a row is using the bot as intended, so a bucket
holds a burst of `burst` questions; it refills one question every `interval` seconds. A
refusal says how long to wait, in the reader's language (`refusal`). The bucket knows nothing
of any chat platform: users are any hashable key ("discord:123", a Slack user id, ...).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Protocol

from bot.engine.answer import Lang
from bot.engine.catalog import say

# Past this many remembered users, full buckets are forgotten so memory stays bounded.
PRUNE_AT = 10_000


@dataclass
class _Bucket:
    tokens: float
    at: float


class Limiter(Protocol):
    """What a chat surface asks before answering: `RateLimiter` here, or the one every process
    shares through Redis (`bot.scale.state.SharedRateLimiter`)."""

    burst: int
    interval: float

    async def acquire(self, user: Hashable) -> float:
        """0.0 when `user` may ask now (the question is counted), else the seconds to wait."""
        ...


class RateLimiter:
    """`burst` questions at once per user, then one more every `interval` seconds.

    `interval` 0 (or `burst` 0) switches the limit off. `clock` returns seconds (monotonic).
    """

    def __init__(
        self, burst: int, interval: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.burst = max(0, burst)
        self.interval = max(0.0, interval)
        self._clock = clock
        self._buckets: dict[Hashable, _Bucket] = {}

    @property
    def enabled(self) -> bool:
        return self.burst > 0 and self.interval > 0

    async def acquire(self, user: Hashable) -> float:
        """`retry_after`, as every `Limiter` is asked (a shared one must wait for Redis)."""
        return self.retry_after(user)

    def retry_after(self, user: Hashable) -> float:
        """0.0 when `user` may ask now (the question is counted), else the seconds until one
        more question is allowed (nothing counted)."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        bucket = self._buckets.get(user)
        if bucket is None:
            if len(self._buckets) >= PRUNE_AT:
                self._prune(now)
            bucket = self._buckets[user] = _Bucket(float(self.burst), now)
        bucket.tokens = self._level(bucket, now)
        bucket.at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) * self.interval

    def _level(self, bucket: _Bucket, now: float) -> float:
        return min(float(self.burst), bucket.tokens + (now - bucket.at) / self.interval)

    def _prune(self, now: float) -> None:
        self._buckets = {
            user: bucket
            for user, bucket in self._buckets.items()
            if self._level(bucket, now) < self.burst
        }


def refusal(seconds: float, lang: Lang) -> str:
    """The polite "ask again in N seconds" for a wait of `seconds` (rounded up, at least 1)."""
    whole = max(1, math.ceil(seconds))
    return say("chat.wait_one" if whole == 1 else "chat.wait", lang, seconds=whole)

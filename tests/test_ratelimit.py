"""The per-user token bucket and its refusal, without any chat platform."""

from __future__ import annotations

import pytest

from bot.ratelimit import PRUNE_AT, RateLimiter, refusal


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_one_question_per_interval() -> None:
    clock = Clock()
    limiter = RateLimiter(burst=3, interval=3.0, clock=clock)
    assert [limiter.retry_after("ana") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.retry_after("ana") == pytest.approx(3.0)
    assert limiter.retry_after("budi") == 0.0  # another user has a bucket of their own
    clock.now += 1.0
    assert limiter.retry_after("ana") == pytest.approx(2.0)  # a refusal is not counted
    clock.now += 2.0
    assert limiter.retry_after("ana") == 0.0
    assert limiter.retry_after("ana") == pytest.approx(3.0)


def test_a_quiet_user_refills_only_up_to_the_burst() -> None:
    clock = Clock()
    limiter = RateLimiter(burst=3, interval=3.0, clock=clock)
    limiter.retry_after("ana")
    clock.now += 3600.0
    assert [limiter.retry_after("ana") for _ in range(4)][:3] == [0.0, 0.0, 0.0]
    assert limiter.retry_after("ana") > 0


def test_zero_interval_or_burst_switches_the_limit_off() -> None:
    for limiter in (RateLimiter(3, 0.0), RateLimiter(0, 3.0)):
        assert not limiter.enabled
        assert [limiter.retry_after(1) for _ in range(10)] == [0.0] * 10


def test_memory_stays_bounded_by_forgetting_full_buckets() -> None:
    clock = Clock()
    limiter = RateLimiter(burst=2, interval=1.0, clock=clock)
    for user in range(PRUNE_AT):
        limiter.retry_after(user)
    clock.now += 10.0  # every bucket is full again
    limiter.retry_after("new")
    assert len(limiter._buckets) == 1


@pytest.mark.parametrize(
    ("seconds", "lang", "expected"),
    [
        (0.2, "en", "Easy there 🙂 You can ask again in 1 second."),
        (1.0, "en", "Easy there 🙂 You can ask again in 1 second."),
        (2.1, "en", "Easy there 🙂 You can ask again in 3 seconds."),
        (1.0, "id", "Pelan-pelan ya 🙂 Silakan bertanya lagi dalam 1 detik."),
        (3.0, "id", "Pelan-pelan ya 🙂 Silakan bertanya lagi dalam 3 detik."),
    ],
)
def test_the_refusal_says_how_long_with_correct_grammar(
    seconds: float, lang: str, expected: str
) -> None:
    assert refusal(seconds, lang) == expected  # type: ignore[arg-type]

"""The client end to end: start-up, DMs, mentions, the rate limit, errors, and what real
Discord does to a bot (429s, failing typing calls, gateway reconnects), against a fake Discord."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import discord as discord_py
import pytest
from fake_discord import (
    BOT_ID,
    CHANNEL_ID,
    FakeDiscord,
    kb_settings,
    slow_down,
    start_client,
    stop_client,
)

import bot.discord.client as client_module
import bot.discord.commands as commands_module
from bot.config import Settings
from bot.discord.client import NewsBot
from bot.discord.render import render_answer, text
from bot.ratelimit import RateLimiter, refusal
from bot.service import NewsService

USER = 940000000000000001
DM_CHANNEL = USER + 1  # the fake opens a user's DM channel at their id + 1


async def _running(settings: Settings, service: NewsService) -> tuple[NewsBot, asyncio.Task[None]]:
    client = NewsBot(settings, service, guild_ready_timeout=0)
    return client, await start_client(client)


async def _a_question(service: NewsService) -> str:
    names = await service.complete_names("")
    assert names
    return f"siapa {names[0]}?"


def test_bot_discord_package_does_not_shadow_discord_py() -> None:
    imported = vars(client_module)["discord"]
    assert imported is discord_py
    assert discord_py.__file__ is not None
    assert "site-packages" in discord_py.__file__
    assert issubclass(client_module.NewsBot, discord_py.Client)


async def test_start_to_ready_and_no_token_in_logs(
    fake: FakeDiscord, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = kb_settings(tmp_path / "cold")
    started = time.perf_counter()
    service = await NewsService.open(settings)  # builds the bundled KB from scratch
    opened = time.perf_counter() - started
    client = NewsBot(settings, service, started=started, guild_ready_timeout=0)
    try:
        task = await start_client(client)
        seconds = time.perf_counter() - started
        await stop_client(client, task)
    finally:
        await service.close()
    print(f"\nbundled KB build {opened * 1000:.0f} ms; start -> ready {seconds * 1000:.0f} ms")
    assert seconds < 10
    assert fake.identify is not None and fake.identify["token"] == "fake-token"
    # Only non-privileged intents: guilds (1), guild messages (512), direct messages (4096).
    assert fake.identify["intents"] == 1 | 512 | 4096
    assert any("ready as" in r.getMessage() for r in caplog.records)
    assert not any("fake-token" in r.getMessage() for r in caplog.records)


async def test_a_direct_message_is_answered_with_the_same_render(
    fake: FakeDiscord, bot: NewsBot, service: NewsService
) -> None:
    question = await _a_question(service)
    start = len(fake.requests)
    await fake.send_message(question, user_id=USER)
    reply = await fake.channel_reply(DM_CHANNEL, start)
    expected = render_answer(await service.ask(question))
    assert reply["embeds"][0]["title"] == expected[0].title
    assert reply["embeds"][0].get("fields", []) == [
        {"name": f.name, "value": f.value, "inline": False} for f in expected[0].fields
    ]
    assert reply["allowed_mentions"] == {"parse": []}
    assert "message_reference" not in reply


async def test_a_mention_in_a_server_is_answered_as_a_reply(
    fake: FakeDiscord, bot: NewsBot, service: NewsService
) -> None:
    question = await _a_question(service)
    start = len(fake.requests)
    sent = await fake.send_message(
        f"<@{BOT_ID}> {question} @everyone", user_id=USER, guild=True, mentions=(BOT_ID,)
    )
    reply = await fake.channel_reply(CHANNEL_ID, start)
    assert int(reply["message_reference"]["message_id"]) == int(sent["id"])
    assert reply["allowed_mentions"] == {"parse": [], "replied_user": False}
    expected = render_answer(await service.ask(f"{question} @everyone"))
    assert reply["embeds"][0]["title"] == expected[0].title


async def test_server_messages_without_a_mention_are_ignored(
    fake: FakeDiscord, bot: NewsBot, service: NewsService
) -> None:
    start = len(fake.requests)
    await fake.send_message(await _a_question(service), user_id=USER, guild=True)
    await fake.send_message("halo", user_id=USER)  # a DM, answered after the ignored one
    await fake.channel_reply(DM_CHANNEL, start)
    posted = [r for r in fake.requests[start:] if r.path == f"/channels/{CHANNEL_ID}/messages"]
    assert posted == []


async def test_an_empty_mention_gets_a_hint(fake: FakeDiscord, bot: NewsBot) -> None:
    start = len(fake.requests)
    await fake.send_message(f"<@!{BOT_ID}>", user_id=USER, guild=True, mentions=(BOT_ID,))
    reply = await fake.channel_reply(CHANNEL_ID, start)
    assert reply["content"] == text("empty_question", "id")


class FrozenClock:
    """A monotonic clock that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_three_quick_questions_are_answered_and_the_fourth_is_told_how_long_to_wait(
    fake: FakeDiscord, service: NewsService, settings: Settings
) -> None:
    clock = FrozenClock()
    limiter = RateLimiter(burst=3, interval=3.0, clock=clock)
    client = NewsBot(settings, service, guild_ready_timeout=0, limiter=limiter)
    task = await start_client(client)
    try:
        replies = []
        for _ in range(4):
            pushed = await fake.command("search", {"query": "AI"}, user_id=USER)
            replies.append(await fake.reply(pushed))
        helped = await fake.reply(await fake.command("help", user_id=USER))
        start = len(fake.requests)
        await fake.send_message("AI", user_id=USER)
        dm = await fake.channel_reply(DM_CHANNEL, start)
        clock.now += 3.0  # one question's worth of refill
        again = await fake.reply(await fake.command("search", {"query": "AI"}, user_id=USER))
        other = await fake.reply(await fake.command("search", {"query": "AI"}, user_id=USER + 7))
    finally:
        await stop_client(client, task)
    assert all(r["embeds"] for r in replies[:3]), "a burst of three is answered at once"
    assert replies[3]["content"] == refusal(3.0, "id")
    assert "3 detik" in replies[3]["content"]
    assert replies[3]["flags"] & 64
    assert helped["embeds"], "/help is never rate-limited"
    assert dm["content"] == refusal(3.0, "id")
    assert again["embeds"], "after the refill the user may ask again"
    assert other["embeds"], "another user has a bucket of their own"


async def test_a_failing_service_in_a_dm_gets_a_polite_reply(
    fake: FakeDiscord,
    bot: NewsBot,
    service: NewsService,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(question: str) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(service, "ask", broken)
    caplog.set_level(logging.ERROR)
    start = len(fake.requests)
    await fake.send_message("siapa saja?", user_id=USER)
    reply = await fake.channel_reply(DM_CHANNEL, start)
    assert reply["content"] == text("error", "id")
    assert any("on_message" in r.getMessage() for r in caplog.records)


async def test_an_english_dm_gets_english_notices(
    fake: FakeDiscord, service: NewsService, tmp_path: Path
) -> None:
    settings = kb_settings(tmp_path, cooldown_seconds=60.0, burst=1)
    client, task = await _running(settings, service)
    try:
        start = len(fake.requests)
        await fake.send_message("who is the chief executive of the company?", user_id=USER)
        await fake.channel_reply(DM_CHANNEL, start)
        start = len(fake.requests)
        await fake.send_message("what did the minister say about the budget?", user_id=USER)
        notice = await fake.channel_reply(DM_CHANNEL, start)
    finally:
        await stop_client(client, task)
    assert notice["content"].startswith("Easy there")
    assert notice["content"].endswith(" seconds.")
    assert notice["content"] == refusal(float(notice["content"].split()[-2]), "en")


@pytest.mark.parametrize("status", [403, 500])
async def test_a_failing_typing_indicator_never_loses_the_answer(
    fake: FakeDiscord,
    bot: NewsBot,
    service: NewsService,
    monkeypatch: pytest.MonkeyPatch,
    status: int,
) -> None:
    monkeypatch.setattr(client_module, "TYPING_AFTER", 0.01)
    real_ask = slow_down(monkeypatch, service, "ask", 0.3)  # the typing indicator shows
    fake.fail(lambda r: r.path.endswith("/typing"), status, times=10)
    question = await _a_question(service)
    start = len(fake.requests)
    await fake.send_message(question, user_id=USER)
    typing = await fake.wait_for(lambda r: r.path.endswith("/typing"), start=start)
    reply = await fake.channel_reply(DM_CHANNEL, start)
    assert typing.status == status
    assert reply["embeds"][0]["title"] == render_answer(await real_ask(question))[0].title
    assert reply["content"] in (None, "")


async def test_other_bots_and_its_own_messages_are_never_answered(
    fake: FakeDiscord, bot: NewsBot, service: NewsService
) -> None:
    question = await _a_question(service)
    other_bot = 950000000000000001
    start = len(fake.requests)
    await fake.send_message(question, user_id=other_bot, bot=True)
    await fake.send_message(
        f"<@{BOT_ID}> {question}", user_id=other_bot, bot=True, guild=True, mentions=(BOT_ID,)
    )
    await fake.send_message(question, user_id=BOT_ID, channel_id=DM_CHANNEL)
    await fake.send_message(f"<@{BOT_ID}> {question}", user_id=BOT_ID, guild=True)
    await fake.send_message("halo", user_id=USER)  # a person, answered after the ignored ones
    await fake.channel_reply(DM_CHANNEL, start)
    posted = [r for r in fake.requests[start:] if r.method == "POST" and "/messages" in r.path]
    assert [r.path for r in posted] == [f"/channels/{DM_CHANNEL}/messages"]


async def test_rate_limited_replies_are_retried_after_the_wait(
    fake: FakeDiscord,
    bot: NewsBot,
    service: NewsService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = await _a_question(service)
    dm_path = f"/channels/{DM_CHANNEL}/messages"
    fake.rate_limit(lambda r: r.method == "POST" and r.path == dm_path)
    start = len(fake.requests)
    await fake.send_message(question, user_id=USER)
    dm = await fake.channel_reply(DM_CHANNEL, start)

    # A slow slash command is deferred; its answer is then edited in through the interaction's
    # webhook, which Discord rate-limits like any webhook.
    monkeypatch.setattr(commands_module, "DEFER_AFTER", 0.05)
    slow_down(monkeypatch, service, "answer", 0.2)
    fake.rate_limit(lambda r: r.method == "PATCH" and r.path.startswith("/webhooks/"), times=2)
    pushed = await fake.command("search", {"query": "AI"}, user_id=USER)
    edited = await fake.reply(pushed)
    limited = [r for r in fake.requests[start:] if r.status == 429]
    assert [r.method for r in limited] == ["POST", "PATCH", "PATCH"]
    assert dm["embeds"] and edited["embeds"], "both answers arrived after the 429s"


async def test_after_a_reconnect_and_an_invalid_session_the_bot_keeps_answering(
    fake: FakeDiscord, bot: NewsBot, service: NewsService
) -> None:
    question = await _a_question(service)
    await fake.reconnect()
    assert await fake.wait_sessions(2) == ["identify", "resume"]
    start = len(fake.requests)
    await fake.send_message(question, user_id=USER)
    resumed = await fake.channel_reply(DM_CHANNEL, start)

    await fake.invalidate_session(resumable=False)
    # discord.py waits 5 s before identifying again, as Discord asks of every client.
    assert await fake.wait_sessions(3, timeout=30) == ["identify", "resume", "identify"]
    start = len(fake.requests)
    await fake.send_message(question, user_id=USER)
    identified = await fake.channel_reply(DM_CHANNEL, start)
    assert resumed["embeds"] and identified["embeds"]
    assert resumed["embeds"][0]["title"] == identified["embeds"][0]["title"]

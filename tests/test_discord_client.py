"""The client end to end: start-up, DMs, mentions, cooldown, errors, against a fake Discord."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path

import discord as discord_py
import pytest
from fake_discord import (
    BOT_ID,
    CHANNEL_ID,
    FakeDiscord,
    kb_settings,
    start_client,
    stop_client,
)

import bot.discord.client as client_module
from bot.config import Settings
from bot.discord.client import NewsBot, UserCooldown
from bot.discord.render import render_answer, text
from bot.service import NewsService

USER = 940000000000000001
DM_CHANNEL = USER + 1  # the fake opens a user's DM channel at their id + 1


async def _running(settings: Settings, service: NewsService) -> tuple[NewsBot, asyncio.Task[None]]:
    client = NewsBot(settings, service, guild_ready_timeout=0)
    return client, await start_client(client)


@pytest.fixture
async def bot(
    fake: FakeDiscord, service: NewsService, settings: Settings
) -> AsyncIterator[NewsBot]:
    client = NewsBot(settings, service, guild_ready_timeout=0)
    task = await start_client(client)
    yield client
    await stop_client(client, task)


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


def test_cooldown_counts_per_user_and_expires() -> None:
    now = [100.0]
    cooldown = UserCooldown(3.0, clock=lambda: now[0])
    assert cooldown.retry_after(1) == 0.0
    assert cooldown.retry_after(2) == 0.0  # another user is not slowed down
    now[0] += 1.0
    assert cooldown.retry_after(1) == pytest.approx(2.0)
    now[0] += 2.5
    assert cooldown.retry_after(1) == 0.0


def test_zero_cooldown_never_blocks() -> None:
    cooldown = UserCooldown(0.0, clock=lambda: 5.0)
    assert [cooldown.retry_after(1) for _ in range(5)] == [0.0] * 5


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


async def test_cooldown_is_friendly_for_commands_and_messages(
    fake: FakeDiscord, service: NewsService, tmp_path: Path
) -> None:
    settings = kb_settings(tmp_path, cooldown_seconds=60.0)
    client, task = await _running(settings, service)
    try:
        first = await fake.reply(await fake.command("search", {"query": "AI"}, user_id=USER))
        again = await fake.reply(await fake.command("search", {"query": "AI"}, user_id=USER))
        helped = await fake.reply(await fake.command("help", user_id=USER))
        start = len(fake.requests)
        await fake.send_message("AI", user_id=USER)
        dm = await fake.channel_reply(DM_CHANNEL, start)
    finally:
        await stop_client(client, task)
    assert first["embeds"]
    assert again["content"] == text("cooldown", "id", seconds=60)
    assert again["flags"] & 64
    assert helped["embeds"], "/help is never rate-limited"
    assert dm["content"].startswith(text("cooldown", "id", seconds=60)[:20])


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
    client, task = await _running(kb_settings(tmp_path, cooldown_seconds=60.0), service)
    try:
        start = len(fake.requests)
        await fake.send_message("who is the chief executive of the company?", user_id=USER)
        await fake.channel_reply(DM_CHANNEL, start)
        start = len(fake.requests)
        await fake.send_message("what did the minister say about the budget?", user_id=USER)
        notice = await fake.channel_reply(DM_CHANNEL, start)
    finally:
        await stop_client(client, task)
    assert notice["content"] == text("cooldown", "en", seconds=60)

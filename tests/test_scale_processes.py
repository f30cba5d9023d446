"""Two real `newsbot run` processes as one bot: Discord shards 0 and 1 of 2, a Slack Socket Mode
connection each, one knowledge base, state in a real Redis.

The fake Discord routes each server's events to the connection of the shard that owns it,
`(guild_id >> 22) % 2`, so a question in GUILD_ID reaches only the process running shard 0 and
one in OTHER_GUILD_ID only the process running shard 1. The fake Slack hands each event to the
connection the test picks: the first and second connections belong to different processes.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import redis
from bench.redis_server import RedisServer
from fake_discord import BOT_ID, GUILD_ID, MOD_ROLE_ID, OTHER_GUILD_ID, FakeDiscord, channel_of
from fake_slack import APP_TOKEN, BOT_TOKEN, BOT_USER, CHANNEL, FakeSlack

from bot.config import BUNDLED_ARTICLES

# The real CLI, with discord.py pointed at the fake (as the fake's `patch` does in-process).
LAUNCH = """
import sys
import yarl
import discord.gateway
import discord.http
discord.http.Route.BASE = sys.argv[1] + "/api/v10"
discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(sys.argv[2])
from bot.cli import main
raise SystemExit(main(sys.argv[3:]))
"""
NEW_ARTICLE = (
    "Bupati Sleman Resmikan Pasar Ikan\n\nBupati Sleman Kustini Purnama meresmikan pasar ikan"
    " baru pada 5 Mei 2022.\n"
)
LATER_ARTICLE = (
    "Wali Kota Ambon Buka Festival\n\nWali Kota Ambon Yosef Latuharhary membuka festival musik"
    " pada 2 Juni 2023.\n"
)
WAIT = 60.0  # a process opens the knowledge base and builds in a child: generous, not timed


@dataclass
class Bot:
    """One `newsbot run` process and its log."""

    proc: asyncio.subprocess.Process
    log: Path

    def lines(self, text: str) -> list[str]:
        return [line for line in self.log.read_text().splitlines() if text in line]


async def _eventually(check: Callable[[], Awaitable[bool] | bool], what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    while True:
        result = check()
        if await result if isinstance(result, Awaitable) else result:
            return
        assert loop.time() < deadline, f"not in time: {what}"
        await asyncio.sleep(0.1)


@pytest.fixture
async def fakes() -> AsyncIterator[tuple[FakeDiscord, FakeSlack]]:
    discord = FakeDiscord(shard_count=2, guilds=(GUILD_ID, OTHER_GUILD_ID))
    slack = FakeSlack()
    await discord.start()
    await slack.start()
    yield discord, slack
    await discord.close()
    await slack.close()


@pytest.fixture
async def bots(
    tmp_path: Path, fakes: tuple[FakeDiscord, FakeSlack], redis_server: RedisServer
) -> AsyncIterator[list[Bot]]:
    discord, slack = fakes
    articles = tmp_path / "volume" / "articles"
    shutil.copytree(BUNDLED_ARTICLES, articles)
    env = {
        **os.environ,
        "DISCORD_TOKEN": discord.token,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "SLACK_API_URL": slack.api_url,
        "REDIS_URL": redis_server.url,
        "NEWSBOT_DB": str(tmp_path / "volume" / "kb.db"),
        "NEWSBOT_ARTICLES": str(articles),
        "NEWSBOT_FEEDBACK_DB": str(tmp_path / "volume" / "feedback.db"),
        "NEWSBOT_COOLDOWN": "0",
        "MODERATOR_ROLE_IDS": str(MOD_ROLE_ID),
        "LOG_LEVEL": "INFO",
    }
    gateway = f"ws://127.0.0.1:{discord.port}/gateway"
    started: list[Bot] = []
    for shard in (0, 1):
        log = tmp_path / f"shard{shard}.log"
        run = ["run", "--shard-ids", str(shard), "--shard-count", "2"]
        with open(log, "wb") as out:
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-c",
                LAUNCH,
                discord.base,
                gateway,
                *run,
                cwd=tmp_path,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=out,
                stderr=out,
            )
        started.append(Bot(proc, log))
        # One at a time: the second finds the generation the first published.
        await _eventually(lambda b=started[-1]: bool(b.lines("ready as")), f"shard {shard} ready")
    await _eventually(lambda: slack.connections == 2, "two Slack connections")
    yield started
    for bot in started:
        if bot.proc.returncode is None:
            bot.proc.terminate()
        await bot.proc.wait()


async def _ask_discord(discord: FakeDiscord, guild_id: int, question: str) -> dict[str, Any]:
    start = len(discord.requests)
    await discord.send_message(
        f"<@{BOT_ID}> {question}", guild=True, guild_id=guild_id, mentions=(BOT_ID,)
    )
    reply: dict[str, Any] = await discord.channel_reply(channel_of(guild_id), start, WAIT)
    return reply


async def _title(discord: FakeDiscord, guild_id: int, question: str) -> str:
    reply = await _ask_discord(discord, guild_id, question)
    return str(reply["embeds"][0]["title"]) if reply.get("embeds") else ""


async def _ask_slack(slack: FakeSlack, connection: int, question: str, thread: str = "") -> str:
    event = slack.message(f"<@{BOT_USER}> {question}", type="app_mention", channel=CHANNEL)
    del event["channel_type"]
    if thread:
        event["thread_ts"] = thread
    start = len(slack.calls)
    await slack.event(event, connection=connection)
    post = await slack.wait_call(lambda c: c.method == "chat.postMessage", WAIT, start)
    return f"{event['ts']}\n{post.args['text']}"


async def _reload(discord: FakeDiscord, guild_id: int, name: str, article: str) -> str:
    resolved = discord.upload(name, article.encode())
    attachment = {"attachment": next(iter(resolved["attachments"]))}
    pushed = await discord.command(
        "reload", {"file": attachment}, resolved=resolved, roles=(MOD_ROLE_ID,), guild_id=guild_id
    )
    reply = await discord.reply(pushed, WAIT)
    return str(reply.get("content") or "") + str(reply.get("embeds") or "")


async def _followup_resolves(slack: FakeSlack, person: str) -> bool:
    """Asked on the first connection, followed up on the second (another process)."""
    asked = await _ask_slack(slack, 0, f"siapa {person}?")
    thread = asked.split("\n", 1)[0]
    answer = await _ask_slack(slack, 1, "apa katanya?", thread)
    return answer.split("\n", 1)[1].startswith(f"Kutipan {person}")


async def test_two_processes_split_the_shards_and_share_reloads_and_conversations(
    fakes: tuple[FakeDiscord, FakeSlack], bots: list[Bot], redis_server: RedisServer
) -> None:
    discord, slack = fakes
    assert discord.identifies[0]["shard"] == [0, 2] and discord.identifies[1]["shard"] == [1, 2]
    # Each process answers the servers of its own shard (the fake sends nothing elsewhere).
    assert "Mira Murati" in await _title(discord, GUILD_ID, "siapa Mira Murati?")
    assert "Mira Murati" in await _title(discord, OTHER_GUILD_ID, "siapa Mira Murati?")

    # A reload on the process of shard 0 reaches the process of shard 1.
    assert "pasar" in await _reload(discord, GUILD_ID, "pasar.txt", NEW_ARTICLE)
    await _eventually(
        lambda: _found(discord, OTHER_GUILD_ID, "Kustini Purnama"), "shard 1 knows the upload"
    )
    assert bots[1].lines("generation 2 (announced)")

    # A follow-up on another Slack connection (the other process) still knows who is meant.
    assert await _followup_resolves(slack, "Aidan Clark")

    # Redis dies: both processes go on answering, each says so once.
    redis_server.stop()
    for _ in range(3):
        assert "Mira Murati" in await _title(discord, GUILD_ID, "siapa Mira Murati?")
        assert "Mira Murati" in await _title(discord, OTHER_GUILD_ID, "siapa Mira Murati?")
    for bot in bots:
        assert len(bot.lines("is unavailable")) == 1

    # Redis comes back empty: both subscribe again by themselves, and sharing resumes.
    redis_server.start()
    client = redis.Redis.from_url(redis_server.url)
    await _eventually(
        lambda: dict(client.pubsub_numsub("newsbot:generation")).get(b"newsbot:generation") == 2,
        "both processes subscribed again",
    )
    await _eventually(lambda: all(b.lines("is back") for b in bots), "both see Redis again")
    assert await _followup_resolves(slack, "Sam Altman")
    assert "festival" in await _reload(discord, OTHER_GUILD_ID, "festival.txt", LATER_ARTICLE)
    await _eventually(
        lambda: _found(discord, GUILD_ID, "Yosef Latuharhary"), "shard 0 knows the new upload"
    )
    assert bots[0].lines("generation 3 (announced)")
    assert all(bot.proc.returncode is None for bot in bots)


async def _found(discord: FakeDiscord, guild_id: int, person: str) -> bool:
    return person in await _title(discord, guild_id, f"siapa {person}?")

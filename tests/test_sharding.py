"""Choosing Discord shards and Slack connections: the settings, the CLI flags, and the real
discord.py client and slack-bolt app against fakes that route events as the platforms do."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fake_discord import (
    BOT_ID,
    GUILD_ID,
    OTHER_GUILD_ID,
    FakeDiscord,
    channel_of,
    kb_settings,
    start_client,
    stop_client,
)
from fake_slack import BOT_USER, CHANNEL, FakeSlack, app_settings

from bot import cli
from bot.config import ConfigError, Settings, load_settings, shard_ids
from bot.discord.client import NewsBot
from bot.service import NewsService
from bot.slack import run_slack


@pytest.mark.parametrize(
    ("raw", "ids"),
    [("0,1", (0, 1)), ("0-3", (0, 1, 2, 3)), ("4, 0-2", (0, 1, 2, 4)), ("", ()), ("2;2", (2,))],
)
def test_shard_ids_are_lists_and_ranges(raw: str, ids: tuple[int, ...]) -> None:
    assert shard_ids(raw) == ids


@pytest.mark.parametrize("raw", ["a", "1-", "3-1", "-2", "0..3"])
def test_a_bad_shard_id_names_the_variable(raw: str) -> None:
    with pytest.raises(ConfigError, match="DISCORD_SHARD_IDS"):
        shard_ids(raw)


def test_shard_settings_are_checked_together() -> None:
    chosen = load_settings({"DISCORD_SHARD_COUNT": "4", "DISCORD_SHARD_IDS": "2-3"})
    assert chosen.discord_shard_count == 4 and chosen.discord_shard_ids == (2, 3)
    every = load_settings({"DISCORD_SHARD_COUNT": "2"})
    assert every.discord_shard_count == 2 and every.discord_shard_ids == ()
    automatic = load_settings({})
    assert automatic.discord_shard_count is None and automatic.discord_shard_ids == ()
    with pytest.raises(ConfigError, match="needs DISCORD_SHARD_COUNT"):
        load_settings({"DISCORD_SHARD_IDS": "0"})
    with pytest.raises(ConfigError, match="no shard 2 of 2"):
        load_settings({"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "0,2"})
    with pytest.raises(ConfigError, match="DISCORD_SHARD_COUNT"):
        load_settings({"DISCORD_SHARD_COUNT": "0"})


def test_slack_connections_and_redis_url_settings() -> None:
    assert load_settings({}).slack_socket_connections == 1
    assert load_settings({"SLACK_SOCKET_CONNECTIONS": "4"}).slack_socket_connections == 4
    for bad in ("0", "11", "two"):
        with pytest.raises(ConfigError, match="SLACK_SOCKET_CONNECTIONS"):
            load_settings({"SLACK_SOCKET_CONNECTIONS": bad})
    assert load_settings({}).redis_url == ""
    with pytest.raises(ConfigError, match="REDIS_URL"):
        load_settings({"REDIS_URL": "localhost:6379"})
    secret = load_settings({"REDIS_URL": "redis://:hunter2@cache:6379/0"})
    assert "hunter2" not in repr(secret) and "cache:6379" in repr(secret)


def test_run_flags_override_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_SHARD_COUNT", "4")
    monkeypatch.setenv("DISCORD_SHARD_IDS", "0-3")
    args = cli._parser().parse_args(["run", "--shard-ids", "1,3"])
    settings = cli._settings(args)
    assert settings.discord_shard_count == 4 and settings.discord_shard_ids == (1, 3)
    args = cli._parser().parse_args(["run", "--shard-ids", "5", "--shard-count", "6"])
    assert cli._settings(args).discord_shard_ids == (5,)
    with pytest.raises(ConfigError, match="no shard 4 of 4"):
        cli._settings(cli._parser().parse_args(["run", "--shard-ids", "4"]))


def test_a_bad_shard_flag_is_a_configuration_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["run", "--shard-ids", "1", "--shard-count", "1"]) == 2
    assert "configuration error" in capsys.readouterr().err


@pytest.fixture
async def sharded(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord(shard_count=2, guilds=(GUILD_ID, OTHER_GUILD_ID))
    await server.start()
    server.patch(monkeypatch)
    yield server
    await server.close()


async def _answered(fake: FakeDiscord, guild_id: int, client: NewsBot) -> bool:
    """Whether a mention in `guild_id` is answered (within a short, generous wait)."""
    start = len(fake.requests)
    if fake.shard_of(guild_id) not in fake.shards:
        return False  # no connection owns that guild: Discord would not deliver it at all
    await fake.send_message(
        f"<@{BOT_ID}> siapa Mira Murati?", guild=True, guild_id=guild_id, mentions=(BOT_ID,)
    )
    try:
        await fake.channel_reply(channel_of(guild_id), start, timeout=5)
    except TimeoutError:
        return False
    return True


async def test_without_settings_discord_recommends_the_shards(
    sharded: FakeDiscord, service: NewsService, settings: Settings
) -> None:
    client = NewsBot(settings, service, guild_ready_timeout=0)
    task = await start_client(client)
    try:
        assert client.shard_count == 2 and sorted(client.shards) == [0, 1]
        assert sorted(sharded.identifies) == [0, 1]
        assert await _answered(sharded, GUILD_ID, client)
        assert await _answered(sharded, OTHER_GUILD_ID, client)
        assert {g.id for g in client.guilds} == {GUILD_ID, OTHER_GUILD_ID}
    finally:
        await stop_client(client, task)


async def test_a_process_runs_only_the_shards_it_is_given(
    sharded: FakeDiscord, service: NewsService, tmp_path: Path
) -> None:
    settings = kb_settings(tmp_path, discord_shard_count=2, discord_shard_ids=(1,))
    client = NewsBot(settings, service, guild_ready_timeout=0)
    task = await start_client(client)
    try:
        assert sorted(client.shards) == [1] and list(sharded.identifies) == [1]
        assert sharded.identifies[1]["shard"] == [1, 2]
        assert {g.id for g in client.guilds} == {OTHER_GUILD_ID}
        assert await _answered(sharded, OTHER_GUILD_ID, client)
        # Commands belong to the whole application: the process with shard 0 syncs them.
        assert not any(r.method == "PUT" for r in sharded.requests)
    finally:
        await stop_client(client, task)


async def test_several_slack_connections_in_one_process_all_answer(tmp_path: Path) -> None:
    slack = FakeSlack()
    await slack.start()
    settings = app_settings(tmp_path, slack, slack_socket_connections=3)
    service = await NewsService.open(settings)
    task = asyncio.create_task(run_slack(settings, service))
    try:
        await slack.connected(3)
        assert len([c for c in slack.calls if c.method == "apps.connections.open"]) == 3
        for connection in range(3):
            event = slack.message(f"<@{BOT_USER}> siapa Mira Murati?", type="app_mention")
            event.update(channel=CHANNEL)
            del event["channel_type"]
            start = len(slack.calls)
            envelope = await slack.event(event, connection=connection)
            post = await slack.wait_call(lambda c: c.method == "chat.postMessage", start=start)
            assert "Mira Murati" in post.args["text"]
            await slack.acked(envelope)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await service.close()
        await slack.close()

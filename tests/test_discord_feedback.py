"""👍/👎 on Discord and the timeline picture, with the real client against the fake Discord."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_discord import EPHEMERAL, MESSAGE, FakeDiscord, custom_ids, start_client, stop_client

import bot.discord.pager as pager_module
from bot.config import Settings
from bot.discord.client import NewsBot
from bot.engine.answer import Query
from bot.feedback import FeedbackStore, VoteOutcome, acknowledgement
from bot.service import NewsService

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
USER = 960000000000000001


def _votes(message: dict[str, object]) -> list[str]:
    return [i for i in custom_ids(message) if i.startswith("newsbot:vote:")]  # type: ignore[arg-type]


async def _tally(settings: Settings, custom_id: str) -> tuple[int, int]:
    store = await FeedbackStore.open(settings.feedback_db)
    try:
        return await store.tally(int(custom_id.rsplit(":", 1)[1]))
    finally:
        await store.close()


async def _a_name(service: NewsService) -> str:
    names = await service.complete_names("")
    assert names
    return names[0]


async def test_every_answer_carries_vote_buttons_and_a_vote_is_recorded_once_per_user(
    fake: FakeDiscord, bot: NewsBot, service: NewsService, settings: Settings
) -> None:
    name = await _a_name(service)
    pushed = await fake.command("who", {"name": name}, user_id=USER)
    reply = await fake.reply(pushed)
    up, down = _votes(reply)
    assert up.startswith("newsbot:vote:up:") and down.startswith("newsbot:vote:down:")
    buttons = reply["components"][0]["components"][-2:]
    assert [b.get("emoji", {}).get("name") for b in buttons] == ["👍", "👎"]

    message = fake.original(pushed)
    first = await fake.callback(await fake.press(message, up, user_id=USER, locale="en-US"))
    assert first["type"] == MESSAGE and first["data"]["flags"] & EPHEMERAL
    assert first["data"]["content"] == acknowledgement(VoteOutcome.NEW, "en")
    changed = await fake.callback(await fake.press(message, down, user_id=USER))
    assert changed["data"]["content"] == acknowledgement(VoteOutcome.CHANGED, "id")
    await fake.callback(await fake.press(message, down, user_id=USER + 1))
    assert await _tally(settings, up) == (0, 2)

    start = len(fake.requests)
    await fake.send_message(f"siapa {name}?", user_id=USER)
    dm = await fake.channel_reply(USER + 1, start)
    assert len(_votes(dm)) == 2, "direct-message answers carry the buttons too"
    helped = await fake.reply(await fake.command("help", user_id=USER))
    assert _votes(helped) == [], "the help page is not an answer to rate"


async def test_a_click_after_a_restart_still_records(
    fake: FakeDiscord, service: NewsService, settings: Settings
) -> None:
    first = NewsBot(settings, service, guild_ready_timeout=0)
    task = await start_client(first)
    try:
        pushed = await fake.command("search", {"query": "AI"}, user_id=USER)
        reply = await fake.reply(pushed)
    finally:
        await stop_client(first, task)
    message = fake.original(pushed)
    down = _votes(reply)[1]

    second = NewsBot(settings, service, guild_ready_timeout=0)
    task = await start_client(second)
    try:
        ack = await fake.callback(await fake.press(message, down, user_id=USER))
    finally:
        await stop_client(second, task)
    assert ack["data"]["content"] == acknowledgement(VoteOutcome.NEW, "id")
    assert await _tally(settings, down) == (0, 1)


async def test_the_vote_buttons_outlive_the_pager(
    fake: FakeDiscord,
    bot: NewsBot,
    service: NewsService,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pager_module, "PAGER_TIMEOUT", 0.3)
    (settings.articles[0] / "kronik.txt").write_text(
        "Kronik pembangunan pelabuhan\n\n"
        + "\n".join(
            f"Pada {1 + i} Maret 2019, dermaga nomor {i} di Bitung selesai." for i in range(25)
        ),
        encoding="utf-8",
    )
    await service.reload()
    answer = await service.answer(Query("timeline", "/timeline"))
    assert answer.pages > 1, "the timeline should need the pager"
    pushed = await fake.command("timeline", user_id=USER)
    reply = await fake.reply(pushed)
    assert custom_ids(reply)[:2] == ["pager:previous", "pager:next"]
    votes = _votes(reply)
    start = len(fake.requests)
    cleared = await fake.wait_for(
        lambda r: r.method == "PATCH" and isinstance(r.body, dict) and "components" in r.body,
        start=start,
    )
    assert custom_ids(cleared.body) == votes
    ack = await fake.callback(await fake.press(fake.original(pushed), votes[0], user_id=USER))
    assert ack["data"]["content"] == acknowledgement(VoteOutcome.NEW, "id")


async def test_timeline_attaches_a_png_and_an_empty_timeline_attaches_nothing(
    fake: FakeDiscord, bot: NewsBot
) -> None:
    pushed = await fake.command("timeline", user_id=USER)
    await fake.reply(pushed)
    sent = await fake.wait_for(lambda r: r.path.endswith(f"/{pushed.token}/callback"))
    assert [name for name, _ in sent.files] == ["timeline.png"]
    png = sent.files[0][1]
    assert png.startswith(PNG_SIGNATURE) and len(png) > 10_000
    assert sent.body["data"]["embeds"], "the picture comes with the cited answer"

    empty = await fake.command("timeline", {"topic": "Zyxwq Qwertzuiop"}, user_id=USER + 5)
    reply = await fake.reply(empty)
    nothing = await fake.wait_for(lambda r: r.path.endswith(f"/{empty.token}/callback"))
    assert reply["embeds"] and nothing.files == []
    searched = await fake.command("search", {"query": "AI"}, user_id=USER + 6)
    await fake.reply(searched)
    plain = await fake.wait_for(lambda r: r.path.endswith(f"/{searched.token}/callback"))
    assert plain.files == [], "only timelines have a picture"


async def test_a_feedback_store_that_cannot_open_leaves_answers_without_buttons(
    fake: FakeDiscord, service: NewsService, tmp_path: Path, settings: Settings
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    from dataclasses import replace

    broken = replace(settings, feedback_db=blocker / "feedback.db")
    client = NewsBot(broken, service, guild_ready_timeout=0)
    task = await start_client(client)
    try:
        reply = await fake.reply(await fake.command("search", {"query": "AI"}, user_id=USER))
    finally:
        await stop_client(client, task)
    assert reply["embeds"] and _votes(reply) == []

"""The Slack adapter end to end: the real slack-bolt app over Socket Mode against a fake Slack.

Every test runs `run_slack` as `newsbot run` does, on a real knowledge base (the bundled
articles plus one written to try escaping), and checks what reaches the fake: acknowledgements,
response_url posts and Web API calls. The fixture's teardown checks that every envelope pushed
in a test was acknowledged.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import signal
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pytest
from fake_slack import (
    APP_TOKEN,
    BOT_ID,
    BOT_TOKEN,
    BOT_USER,
    CHANNEL,
    TEAM,
    FakeSlack,
    User,
    app_settings,
)

from bot.config import Settings
from bot.engine.answer import Lang
from bot.engine.catalog import say
from bot.engine.intents.commands import Command
from bot.feedback import FeedbackStore
from bot.service import NewsService
from bot.slack import run_slack
from bot.slack.render import render_message, text

ARTICLE = """---
title: "Rapat <!channel> *penting* di Balai Kota Lestari"
source: Warta <@U0SPAM>
url: https://example.org/warta/rapat?a=1&b=2
published: 2024-05-06
---
Wali Kota Lestari, Hendra Wijaya, mengumumkan rapat darurat <!channel> tentang banjir pada \
Senin (6/5/2024).

"Semua warga <!everyone> harus bersiap menghadapi banjir," kata Hendra kepada <@U0SPAM> di \
Balai Kota.

Banjir merendam 300 rumah di Kecamatan Sukamaju pada Minggu (5/5/2024) menurut *BPBD* setempat.
"""
PINGS = ("<!channel>", "<!everyone>", "<!here>", "<@U0SPAM>")
ASKER = "U0ASKER"
DM = "D0ASKER"


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    server = FakeSlack()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
def settings(tmp_path: Path, slack: FakeSlack) -> Settings:
    settings = app_settings(tmp_path, slack, slack_moderator_ids=("U0MOD",))
    (settings.articles[0] / "rapat-lestari.md").write_text(ARTICLE, encoding="utf-8")
    return settings


@contextlib.asynccontextmanager
async def running(
    slack: FakeSlack, settings: Settings, service: NewsService
) -> AsyncIterator[None]:
    """The app connected to the fake, as `newsbot run` runs it; on leaving, every envelope
    pushed meanwhile must have been acknowledged (Slack resends whatever is not)."""
    task = asyncio.create_task(run_slack(settings, service))
    connected = asyncio.ensure_future(slack.connected(slack.connections + 1))
    await asyncio.wait({task, connected}, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        connected.cancel()
        task.result()  # the app stopped: its error is the test's
    await connected
    yield
    for envelope_id in slack.sent:
        await slack.acked(envelope_id)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


@pytest.fixture
async def app(
    slack: FakeSlack, settings: Settings, service: NewsService
) -> AsyncIterator[NewsService]:
    async with running(slack, settings, service):
        yield service


def _dump(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False)


def _unvoted(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`blocks` without the 👍/👎 buttons (their answer id is the feedback store's)."""
    kept: list[dict[str, Any]] = []
    for block in blocks:
        if block["type"] == "actions":
            elements = [e for e in block["elements"] if "vote" not in e["action_id"]]
            block = {**block, "elements": elements}
            if not elements:
                continue
        kept.append(block)
    return kept


# -- start-up ------------------------------------------------------------------------------


async def test_start_goes_through_slack_api_url_with_each_token(
    slack: FakeSlack, settings: Settings, service: NewsService, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    task = asyncio.create_task(run_slack(settings, service))
    try:
        await slack.connected()
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    by_method = {c.method: c for c in slack.calls}
    assert by_method["auth.test"].headers["Authorization"] == BOT_TOKEN
    assert by_method["apps.connections.open"].headers["Authorization"] == APP_TOKEN
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "connected to Slack workspace" in logged
    assert BOT_TOKEN not in logged and APP_TOKEN not in logged


async def test_a_refused_token_is_one_clear_error(
    slack: FakeSlack, settings: Settings, service: NewsService
) -> None:
    from bot.service import StartupFailed

    slack.bad_tokens.add(APP_TOKEN)
    with pytest.raises(StartupFailed, match="SLACK_APP_TOKEN"):
        await asyncio.wait_for(run_slack(settings, service), 10)
    assert slack.connections == 0


# -- slash commands ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "argument"),
    [
        ("/who", "Mira Murati"),
        ("/when", "Altman dipecat"),
        ("/timeline", "Altman"),
        ("/quote", "Aidan Clark"),
        ("/search", "model terbuka"),
        ("/sources", ""),
        ("/help", ""),
    ],
)
async def test_each_command_is_acknowledged_then_answered(
    slack: FakeSlack, app: NewsService, command: str, argument: str
) -> None:
    envelope, token = await slack.command(command, argument)
    assert await slack.acked(envelope) is None  # acknowledged at once, answered afterwards
    reply = await slack.response(token)
    lang: Lang | None = None if command in ("/when", "/search") else "id"  # as on Discord
    query = app.command(cast(Command, command[1:]), argument, lang)
    expected = render_message(await app.answer(query), ASKER)
    assert _unvoted(reply["blocks"]) == list(expected.blocks) and reply["text"] == expected.text
    assert reply["response_type"] == ("ephemeral" if command == "/help" else "in_channel")
    assert reply["unfurl_links"] is False


async def test_an_english_reader_gets_english(slack: FakeSlack, app: NewsService) -> None:
    slack.users["U0ENG"] = User("U0ENG", locale="en-US")
    _, token = await slack.command("/help", user="U0ENG")
    reply = await slack.response(token)
    assert "newsbot help" in _dump(reply["blocks"])


async def test_a_command_in_a_channel_the_bot_is_not_in_is_answered_anyway(
    slack: FakeSlack, app: NewsService
) -> None:
    # chat.postMessage would fail there with not_in_channel; the response_url does not.
    slack.not_joined.add("C0ELSEWHERE")
    _, token = await slack.command("/who", "Mira Murati", channel="C0ELSEWHERE")
    reply = await slack.response(token)
    assert reply["response_type"] == "in_channel" and "Murati" in reply["text"]
    assert not slack.posts()


async def test_a_disconnect_envelope_is_followed_by_a_new_connection_that_answers(
    slack: FakeSlack, app: NewsService
) -> None:
    await slack.refresh()
    await slack.connected(2)
    assert len([c for c in slack.calls if c.method == "apps.connections.open"]) == 2
    envelope, token = await slack.command("/who", "Mira Murati")
    assert await slack.acked(envelope) is None
    assert "Murati" in (await slack.response(token))["text"]


# -- mentions and direct messages ----------------------------------------------------------


async def test_a_mention_is_answered_in_its_thread(slack: FakeSlack, app: NewsService) -> None:
    event = slack.message(f"<@{BOT_USER}> siapa Mira Murati?", type="app_mention", channel=CHANNEL)
    del event["channel_type"]
    await slack.event(event)
    post = await slack.wait_call(lambda c: c.method == "chat.postMessage")
    assert post.args["channel"] == CHANNEL and post.args["thread_ts"] == event["ts"]
    expected = render_message(await app.ask("siapa Mira Murati?"), ASKER)
    assert _unvoted(post.args["blocks"]) == list(expected.blocks)


async def test_threads_and_dms_are_conversations(
    slack: FakeSlack, app: NewsService, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys: list[str | None] = []
    ask = app.ask

    async def recording(question: str, conversation: str | None = None) -> Any:
        keys.append(conversation)
        return await ask(question, conversation)

    monkeypatch.setattr(app, "ask", recording)
    mention = slack.message(f"<@{BOT_USER}> kapan dia mundur?", type="app_mention")
    mention.update(channel=CHANNEL, thread_ts="1699999999.000100")
    await slack.event(mention)
    await slack.wait_call(lambda c: c.method == "chat.postMessage")
    assert slack.posts()[0].args["thread_ts"] == "1699999999.000100"
    start = len(slack.calls)
    await slack.event(slack.message("siapa Mira Murati?"))
    dm_post = await slack.wait_call(lambda c: c.method == "chat.postMessage", start=start)
    assert dm_post.args["channel"] == DM and "thread_ts" not in dm_post.args
    assert keys == [f"slack:{TEAM}:{CHANNEL}:1699999999.000100", f"slack:{TEAM}:{DM}:{DM}"]


async def test_bots_edits_and_the_bot_itself_are_never_answered(
    slack: FakeSlack, app: NewsService
) -> None:
    ignored = [
        slack.message("siapa Mira Murati?", bot_id="B0OTHER", user="U0OTHERBOT"),
        slack.message("siapa Mira Murati?", user=BOT_USER),
        slack.message("siapa Mira Murati?", bot_id=BOT_ID, subtype="bot_message"),
        slack.message("", subtype="message_changed", message={"text": "siapa Mira Murati?"}),
        slack.message("siapa Mira Murati?", channel=CHANNEL, channel_type="channel"),
        {"type": "reaction_added", "user": ASKER, "reaction": "eyes", "event_ts": "1.2"},
    ]
    for event in ignored:
        await slack.event(event)
    real = slack.message("siapa Mira Murati?")
    await slack.event(real)
    await slack.event(real)  # Slack delivering the same message again: answered once
    await slack.wait_call(lambda c: c.method == "chat.postMessage")
    for envelope in slack.sent:
        await slack.acked(envelope)
    await asyncio.sleep(0.2)  # room for a wrong answer to arrive
    assert len(slack.posts()) == 1


async def test_a_rate_limited_post_is_sent_again_after_the_wait(
    slack: FakeSlack, app: NewsService
) -> None:
    slack.rate_limited["chat.postMessage"] = 1
    await slack.event(slack.message("siapa Mira Murati?"))
    await slack.wait_call(lambda c: c.method == "chat.postMessage", start=0)
    await slack.wait_call(lambda c: c.method == "chat.postMessage" and c is not slack.posts()[0])
    assert len(slack.posts()) == 2
    assert slack.posts()[0].args == slack.posts()[1].args  # the same message, sent again


# -- escaping ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["/search banjir Sukamaju", "siapa Hendra Wijaya?", "apa kata Hendra?"]
)
async def test_nothing_from_an_article_can_ping(
    slack: FakeSlack, app: NewsService, question: str
) -> None:
    await slack.event(slack.message(question))
    post = await slack.wait_call(lambda c: c.method == "chat.postMessage")
    shown = _dump({k: post.args[k] for k in ("text", "blocks")})
    assert "Hendra" in shown or "Sukamaju" in shown
    assert not any(p in shown for p in PINGS)
    assert "&lt;!channel&gt;" in shown or "&lt;!everyone&gt;" in shown


async def test_sources_escape_titles_and_sources(slack: FakeSlack, app: NewsService) -> None:
    _, token = await slack.command("/sources")
    shown = _dump(await slack.response(token))
    assert "Rapat &lt;!channel&gt; ∗penting∗" in shown
    assert "<https://example.org/warta/rapat?a=1&amp;b=2|Rapat &lt;!channel&gt;" in shown
    assert not any(p in shown for p in PINGS)


async def test_nothing_from_a_question_can_ping(slack: FakeSlack, app: NewsService) -> None:
    # Slack sends what a user typed with & < > escaped, and real mentions in angle brackets;
    # replies that repeat the question must not turn either into a ping.
    _, token = await slack.command("/quote", "&lt;!channel&gt; <@U0SPAM>")
    command_reply = _dump(await slack.response(token))
    await slack.event(slack.message(f"<@{BOT_USER}> siapa &lt;!here&gt; <!everyone>?"))
    post = await slack.wait_call(lambda c: c.method == "chat.postMessage")
    shown = command_reply + _dump(post.args["blocks"]) + post.args["text"]
    assert "&lt;!here&gt;" in shown  # the question repeated, escaped
    assert not any(p in shown for p in PINGS)


# -- paging --------------------------------------------------------------------------------


def _buttons(message: dict[str, Any]) -> dict[str, dict[str, Any]]:
    actions = [b for b in message["blocks"] if b["type"] == "actions"]
    return {e["action_id"]: e for block in actions for e in block["elements"]}


async def test_paging_walks_a_long_answer_and_back(slack: FakeSlack, app: NewsService) -> None:
    _, token = await slack.command("/timeline")
    message = await slack.response(token)
    seen = [message["blocks"]]
    while "newsbot_page_next" in _buttons(message):
        token = await slack.press(_buttons(message)["newsbot_page_next"])
        message = await slack.response(token)
        assert message["replace_original"] is True
        seen.append(message["blocks"])
    assert len(seen) >= 3  # the bundled timeline has two parts, the first of several messages
    last_part = await app.answer(app.command("timeline", "", "id"))
    assert last_part.pages >= 2
    token = await slack.press(_buttons(message)["newsbot_page_previous"])
    assert (await slack.response(token))["blocks"] == seen[-2]


async def test_only_the_asker_turns_the_pages(slack: FakeSlack, app: NewsService) -> None:
    _, token = await slack.command("/timeline")
    next_button = _buttons(await slack.response(token))["newsbot_page_next"]
    stranger = await slack.press(next_button, user="U0STRANGER")
    reply = await slack.response(stranger)
    assert reply["response_type"] == "ephemeral" and reply["replace_original"] is False
    assert text("pager_not_yours", "id") in reply["text"]
    forged = await slack.press({**next_button, "value": '{"q": "nonsense"}'})
    assert text("pager_stale", "id") in (await slack.response(forged))["text"]
    await slack.press({"action_id": "someone_elses_button", "value": "x"})  # acknowledged


# -- reload --------------------------------------------------------------------------------


async def test_reload_is_refused_politely_to_everyone_else(
    slack: FakeSlack, app: NewsService, settings: Settings
) -> None:
    before = settings.db_path.stat().st_mtime_ns
    _, token = await slack.command("/reload")
    reply = await slack.response(token)
    assert reply["response_type"] == "ephemeral"
    assert reply["text"] == text("reload_refused", "id")
    upload = slack.share_file("bocor.txt", b"Judul\n\nIsi artikel.")
    await slack.event(slack.message("reload", subtype="file_share", files=[upload]))
    post = await slack.wait_call(lambda c: c.method == "chat.postMessage")
    assert post.args["text"] == text("reload_refused", "id")
    assert not any(c.method == "files.info" for c in slack.calls)
    assert settings.db_path.stat().st_mtime_ns == before


async def test_an_admin_reloads_with_the_command(slack: FakeSlack, app: NewsService) -> None:
    slack.users["U0ADMIN"] = User("U0ADMIN", is_admin=True)
    _, token = await slack.command("/reload", user="U0ADMIN")
    assert (await slack.response(token))["text"] == text("reload_started", "id")
    report = await slack.response(token, timeout=120, nth=2)
    assert report["response_type"] == "ephemeral"
    assert text("reload_title", "id") in report["text"]


async def test_a_moderator_adds_an_article_by_dm(
    slack: FakeSlack, app: NewsService, settings: Settings
) -> None:
    article = (
        "Pelabuhan Baru Dibuka di Teluk Permata\n\n"
        "Menteri Perhubungan Sekar Ayuningtyas meresmikan Pelabuhan Teluk Permata pada "
        "Kamis (9/1/2025).\n"
    )
    upload = slack.share_file("pelabuhan.txt", article.encode())
    await slack.event(slack.message("reload", subtype="file_share", user="U0MOD", files=[upload]))
    report = await slack.wait_call(
        lambda c: c.method == "chat.postMessage" and "pelabuhan" in c.args["text"] + _dump(c.args),
        timeout=120,
    )
    assert text("reload_title", "id") in report.args["text"]
    assert (settings.articles[0] / "pelabuhan.txt").read_text(encoding="utf-8") == article
    answer = await app.ask("siapa Sekar Ayuningtyas?")
    assert answer.found


async def test_a_file_without_reload_gets_a_hint(slack: FakeSlack, app: NewsService) -> None:
    upload = slack.share_file("catatan.txt", b"Judul\n\nIsi.")
    await slack.event(slack.message("", subtype="file_share", user="U0MOD", files=[upload]))
    post = await slack.wait_call(lambda c: c.method == "chat.postMessage")
    assert post.args["text"] == text("upload_hint", "id")


# -- `newsbot run` -------------------------------------------------------------------------


async def _newsbot_run(slack: FakeSlack, tmp_path: Path) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "NEWSBOT_DB": str(tmp_path / "kb.db"),
        "DISCORD_TOKEN": "",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "SLACK_API_URL": slack.api_url,
    }
    env.pop("NEWSBOT_ARTICLES", None)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env=env,
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def test_newsbot_run_starts_slack_with_both_tokens_and_no_discord_token(
    slack: FakeSlack, tmp_path: Path
) -> None:
    process = await _newsbot_run(slack, tmp_path)
    try:
        await slack.connected(timeout=180)  # the bundled knowledge base is built first
        envelope, token = await slack.command("/who", "Mira Murati")
        assert await slack.acked(envelope) is None
        assert "Murati" in (await slack.response(token))["text"]
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr
    api_calls = [c for c in slack.calls if c.method != "response_url"]
    assert {c.headers["Authorization"] for c in api_calls} == {BOT_TOKEN, APP_TOKEN}


async def test_newsbot_run_with_a_revoked_token_says_so_in_one_line(
    slack: FakeSlack, tmp_path: Path
) -> None:
    slack.bad_tokens.add(BOT_TOKEN)
    process = await _newsbot_run(slack, tmp_path)
    _, stderr = await asyncio.wait_for(process.communicate(), 180)
    assert process.returncode == 1
    assert stderr.decode().strip().splitlines()[-1] == (
        "newsbot: Slack rejected the token (invalid_auth): check SLACK_BOT_TOKEN"
    )
    assert b"Traceback" not in stderr
    assert slack.connections == 0


async def test_a_failing_answer_is_a_polite_private_notice(
    slack: FakeSlack, app: NewsService, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("knowledge base went away")

    monkeypatch.setattr(app, "answer", broken)
    monkeypatch.setattr(app, "ask", broken)
    envelope, token = await slack.command("/who", "Mira Murati")
    assert await slack.acked(envelope) is None
    reply = await slack.response(token)
    assert reply["response_type"] == "ephemeral" and reply["text"] == text("error", "id")
    await slack.event(slack.message("siapa Mira Murati?"))
    post = await slack.wait_call(lambda c: c.method == "chat.postMessage")
    assert post.args["text"] == text("error", "id")


# -- feedback, rate limit, timeline picture ------------------------------------------------


async def test_votes_count_once_per_user_and_reach_the_store(
    slack: FakeSlack, app: NewsService, settings: Settings
) -> None:
    _, token = await slack.command("/who", "Mira Murati")
    buttons = _buttons(await slack.response(token))
    down = await slack.press(buttons["newsbot_vote_down"])
    assert (await slack.response(down))["text"] == say("chat.vote_thanks", "id")
    again = await slack.press(buttons["newsbot_vote_up"])
    changed = await slack.response(again)
    assert changed["text"] == say("chat.vote_changed", "id")
    assert changed["response_type"] == "ephemeral" and changed["replace_original"] is False
    other = await slack.press(buttons["newsbot_vote_down"], user="U0OTHER")
    assert (await slack.response(other))["text"] == say("chat.vote_thanks", "id")
    store = await FeedbackStore.open(settings.feedback_db, settings.feedback_salt)
    try:
        (rated,) = await store.worst()
    finally:
        await store.close()
    assert (rated.up, rated.down, rated.surfaces) == (1, 1, ("slack",))
    assert rated.answer.question == "/who Mira Murati"
    _, help_token = await slack.command("/help")
    assert "newsbot_vote_up" not in _buttons(await slack.response(help_token))


async def test_a_burst_is_answered_then_the_wait_is_told_only_to_the_asker(
    slack: FakeSlack, settings: Settings, service: NewsService
) -> None:
    limited = replace(settings, burst=3, cooldown_seconds=30.0)
    async with running(slack, limited, service):
        tokens = [(await slack.command("/who", "Mira Murati"))[1] for _ in range(4)]
        replies = [await slack.response(t) for t in tokens]
        kinds = sorted(r["response_type"] for r in replies)
        assert kinds == ["ephemeral", "in_channel", "in_channel", "in_channel"]
        (refused,) = [r for r in replies if r["response_type"] == "ephemeral"]
        wait = r"Pelan-pelan ya 🙂 Silakan bertanya lagi dalam [0-9]+ detik\."
        assert re.fullmatch(wait, refused["text"])
        _, help_token = await slack.command("/help")  # never limited
        assert "/who" in (await slack.response(help_token))["text"] + _dump(
            (await slack.response(help_token))["blocks"]
        )
        mention = slack.message(f"<@{BOT_USER}> siapa Mira Murati?", type="app_mention")
        mention.update(channel=CHANNEL)
        del mention["channel_type"]
        await slack.event(mention)
        whispered = await slack.wait_call(lambda c: c.method == "chat.postEphemeral")
        assert whispered.args["user"] == ASKER and whispered.args["thread_ts"] == mention["ts"]
        assert not slack.posts()


async def test_a_timeline_comes_with_its_picture_where_the_bot_may_post(
    slack: FakeSlack, app: NewsService
) -> None:
    _, token = await slack.command("/timeline", "Altman")
    assert "Altman" in (await slack.response(token))["text"]
    done = await slack.wait_call(lambda c: c.method == "files.completeUploadExternal")
    assert done.args["channel_id"] == CHANNEL
    (png,) = slack.uploads.values()
    assert png.startswith(b"\x89PNG")
    slack.not_joined.add("C0ELSEWHERE")
    start = len(slack.calls)
    _, elsewhere = await slack.command("/timeline", "Altman", channel="C0ELSEWHERE")
    assert (await slack.response(elsewhere))["response_type"] == "in_channel"
    refused = await slack.wait_call(
        lambda c: c.method == "files.completeUploadExternal", start=start
    )
    assert refused.args["channel_id"] == "C0ELSEWHERE"  # refused: the answer stands alone
    _, who = await slack.command("/who", "Mira Murati")
    await slack.response(who)
    assert len([c for c in slack.calls if c.method == "files.getUploadURLExternal"]) == 2


async def test_a_follow_up_in_the_thread_leans_on_the_question_before_it(
    slack: FakeSlack, app: NewsService
) -> None:
    def mention(text: str, thread: str | None = None) -> dict[str, Any]:
        event = slack.message(f"<@{BOT_USER}> {text}", type="app_mention", channel=CHANNEL)
        del event["channel_type"]
        if thread:
            event["thread_ts"] = thread
        return event

    async def answer_to(event: dict[str, Any]) -> str:
        start = len(slack.calls)
        await slack.event(event)
        post = await slack.wait_call(lambda c: c.method == "chat.postMessage", start=start)
        return str(post.args["text"])

    first = mention("siapa Sam Altman?")
    await answer_to(first)
    # "apa katanya?" (what did he say?) means Sam Altman in his thread, and nobody elsewhere.
    assert (await answer_to(mention("apa katanya?", first["ts"]))).startswith("Kutipan Sam Altman")
    assert not (await answer_to(mention("apa katanya?"))).startswith("Kutipan Sam Altman")

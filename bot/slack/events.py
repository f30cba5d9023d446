"""Mentions in channels and direct messages: questions answered in their thread.

A mention is answered in the thread of the mention (a new thread under it when it was not in
one); a direct message in the DM, or in its thread when it was written in one. Each thread, and
each DM outside threads, is a conversation of its own for the engine (`conversation_key`).

newsbot never answers itself (bolt drops its own events), other bots, edits or deletions, and
answers an event Slack delivers twice (a retry) once. A file sent in a DM with the message
"reload" is added as an article when the sender may reload (see `reload`).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.engine.language import detect_language
from bot.slack.incoming import conversation_key, plain_text
from bot.slack.reload import asks_reload, fetch_uploads, refusal, run_reload
from bot.slack.render import notice, plain
from bot.slack.replies import Surface
from bot.slack.send import post, whisper

log = logging.getLogger(__name__)

Event = dict[str, Any]
# Message subtypes that are a person writing; edits, deletions, joins, bot posts are not.
WRITTEN = frozenset({None, "file_share", "thread_broadcast"})
# How many answered events are remembered to recognise a redelivered one.
SEEN_LIMIT = 2_000


class _Seen:
    """The events answered lately, by channel and timestamp (Slack's id of a message)."""

    def __init__(self) -> None:
        self._keys: OrderedDict[tuple[str, str], None] = OrderedDict()

    def first_time(self, event: Event) -> bool:
        key = (str(event.get("channel")), str(event.get("ts")))
        if key in self._keys:
            return False
        self._keys[key] = None
        if len(self._keys) > SEEN_LIMIT:
            self._keys.popitem(last=False)
        return True


def written_by_a_person(event: Event) -> bool:
    """False for bots (newsbot included), edits (`message_changed`) and other non-messages."""
    return (
        not event.get("bot_id")
        and event.get("subtype") in WRITTEN
        and bool(event.get("user"))
        and "edited" not in event
    )


def register_events(app: AsyncApp, surface: Surface) -> None:
    seen = _Seen()

    @app.event("app_mention")
    async def mention(event: Event, body: Event, context: AsyncBoltContext) -> None:
        if not written_by_a_person(event) or not seen.first_time(event):
            return
        thread = event.get("thread_ts") or event["ts"]
        question = plain_text(event.get("text", ""), context.bot_user_id)
        key = conversation_key(_team(body, event), event["channel"], thread)
        await _answer(surface, _client(context), question, key, event, thread)

    @app.event("message")
    async def direct_message(event: Event, body: Event, context: AsyncBoltContext) -> None:
        if event.get("channel_type") != "im" or not written_by_a_person(event):
            return
        if not seen.first_time(event):
            return
        thread = event.get("thread_ts")
        if event.get("files"):
            await _files(surface, _client(context), event, thread)
            return
        question = plain_text(event.get("text", ""), context.bot_user_id)
        key = conversation_key(_team(body, event), event["channel"], thread)
        await _answer(surface, _client(context), question, key, event, thread)


async def _answer(
    surface: Surface,
    client: AsyncWebClient,
    question: str,
    key: str,
    event: Event,
    thread: str | None,
) -> None:
    channel, user = event["channel"], event["user"]
    lang = detect_language(question) if question else "id"
    if not question:
        await post(client, channel, notice("empty_question", lang), thread)
        return
    wait = await surface.wait(user, lang)
    if wait is not None:
        if event.get("channel_type") == "im":
            await post(client, channel, wait, thread)
        else:  # in a channel, only the asker need see it
            await whisper(client, channel, user, wait, thread)
        return
    try:
        answer = await surface.service.ask(question, key)
        message = await surface.message(answer, user)
    except Exception:
        log.exception("answering a Slack message failed")
        await post(client, channel, notice("error", lang), thread)
        return
    if await post(client, channel, message, thread):
        await surface.picture(client, answer, channel, thread)


async def _files(
    surface: Surface, client: AsyncWebClient, event: Event, thread: str | None
) -> None:
    """Files in a DM: with "reload", articles to add; without, a hint on how to add them."""
    user, channel = event["user"], event["channel"]
    lang = await surface.workspace.lang(user)
    if not asks_reload(event.get("text", "")):
        await post(client, channel, notice("upload_hint", lang), thread)
        return
    refused = await refusal(surface.workspace, surface.service, user)
    if refused:
        await post(client, channel, notice(refused, lang), thread)
        return
    uploads = await fetch_uploads(client, surface.settings, event["files"], lang)
    if isinstance(uploads, str):
        await post(client, channel, plain(uploads), thread)
        return
    await post(client, channel, notice("reload_started", lang), thread)
    report = await run_reload(surface.service, uploads, lang, user)
    await post(client, channel, report, thread)


def _client(context: AsyncBoltContext) -> AsyncWebClient:
    client = context.client
    assert client is not None  # bolt sets it for every authorised request
    return client


def _team(body: Event, event: Event) -> str:
    return str(body.get("team_id") or event.get("team") or "")

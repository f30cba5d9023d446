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

from bot.config import Settings
from bot.engine.language import detect_language
from bot.service import NewsService
from bot.slack.incoming import conversation_key, plain_text
from bot.slack.people import Workspace
from bot.slack.reload import asks_reload, fetch_uploads, refusal, run_reload
from bot.slack.render import Message, notice, plain, render_message
from bot.slack.send import post

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


def register_events(
    app: AsyncApp, service: NewsService, workspace: Workspace, settings: Settings
) -> None:
    seen = _Seen()

    @app.event("app_mention")
    async def mention(event: Event, body: Event, context: AsyncBoltContext) -> None:
        if not written_by_a_person(event) or not seen.first_time(event):
            return
        thread = event.get("thread_ts") or event["ts"]
        question = plain_text(event.get("text", ""), context.bot_user_id)
        key = conversation_key(_team(body, event), event["channel"], thread)
        await _answer(context.client, service, question, key, event, thread)

    @app.event("message")
    async def direct_message(event: Event, body: Event, context: AsyncBoltContext) -> None:
        if event.get("channel_type") != "im" or not written_by_a_person(event):
            return
        if not seen.first_time(event):
            return
        thread = event.get("thread_ts")
        if event.get("files"):
            await _files(context.client, service, workspace, settings, event, thread)
            return
        question = plain_text(event.get("text", ""), context.bot_user_id)
        key = conversation_key(_team(body, event), event["channel"], thread)
        await _answer(context.client, service, question, key, event, thread)


async def _answer(
    client: AsyncWebClient | None,
    service: NewsService,
    question: str,
    key: str,
    event: Event,
    thread: str | None,
) -> None:
    assert client is not None  # bolt sets it for every authorised request
    lang = detect_language(question) if question else "id"
    message: Message
    if not question:
        message = notice("empty_question", lang)
    else:
        try:
            message = render_message(await service.ask(question, key), event["user"])
        except Exception:
            log.exception("answering a Slack message failed")
            message = notice("error", lang)
    await post(client, event["channel"], message, thread)


async def _files(
    client: AsyncWebClient | None,
    service: NewsService,
    workspace: Workspace,
    settings: Settings,
    event: Event,
    thread: str | None,
) -> None:
    """Files in a DM: with "reload", articles to add; without, a hint on how to add them."""
    assert client is not None
    user, channel = event["user"], event["channel"]
    lang = await workspace.lang(user)
    if not asks_reload(event.get("text", "")):
        await post(client, channel, notice("upload_hint", lang), thread)
        return
    refused = await refusal(workspace, service, user)
    if refused:
        await post(client, channel, notice(refused, lang), thread)
        return
    uploads = await fetch_uploads(client, settings, event["files"], lang)
    if isinstance(uploads, str):
        await post(client, channel, plain(uploads), thread)
        return
    await post(client, channel, notice("reload_started", lang), thread)
    await post(client, channel, await run_reload(service, uploads, lang, user), thread)


def _team(body: Event, event: Event) -> str:
    return str(body.get("team_id") or event.get("team") or "")

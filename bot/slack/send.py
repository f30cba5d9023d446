"""Sending a rendered message: through a request's `response_url`, or as a post.

A slash command is always answered through its `response_url`: that works in every
conversation the command can be typed in, including a channel the bot has not joined and a DM
between two people, where `chat.postMessage` fails with `not_in_channel`. Mentions and direct
messages carry no `response_url`; they are answered with `chat.postMessage`, in the thread.
Both clients retry a rate-limited (HTTP 429) request after its Retry-After.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.slack.render import Message

log = logging.getLogger(__name__)

RATE_LIMIT_RETRIES = 3


def retry_handlers() -> list[AsyncRetryHandler]:
    """Retries for every Slack call: one for a dropped connection, and on HTTP 429 a wait of
    Retry-After seconds before each of up to RATE_LIMIT_RETRIES more tries."""
    return [
        AsyncConnectionErrorRetryHandler(),
        AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
    ]


async def respond(
    response_url: str, message: Message, *, private: bool = False, replace: bool = False
) -> bool:
    """Answer a command or a button press. `private`: only the asker sees it; `replace`: it
    takes the place of the message whose button was pressed. False when Slack refused."""
    body: dict[str, Any] = {**message.payload(), "unfurl_links": False, "unfurl_media": False}
    if replace:
        body["replace_original"] = True
    else:
        body.update(response_type="ephemeral" if private else "in_channel", replace_original=False)
    client = AsyncWebhookClient(response_url, retry_handlers=retry_handlers())
    response = await client.send_dict(body)
    if response.status_code != 200:
        log.warning("response_url refused the answer: %s %s", response.status_code, response.body)
        return False
    return True


async def post(
    client: AsyncWebClient, channel: str, message: Message, thread_ts: str | None = None
) -> bool:
    """Post in a conversation (in a thread when `thread_ts` is given); False when Slack
    refused, which is logged: there is nowhere else to tell the user."""
    try:
        await client.chat_postMessage(
            channel=channel,
            thread_ts=thread_ts,
            unfurl_links=False,
            unfurl_media=False,
            **message.payload(),
        )
    except SlackApiError as exc:
        log.warning("chat.postMessage in %s failed: %s", channel, exc.response.get("error"))
        return False
    return True


async def whisper(
    client: AsyncWebClient, channel: str, user: str, message: Message, thread_ts: str | None
) -> bool:
    """Show `message` to `user` alone, in a conversation the bot is in (chat.postEphemeral)."""
    try:
        await client.chat_postEphemeral(
            channel=channel, user=user, thread_ts=thread_ts, **message.payload()
        )
    except SlackApiError as exc:
        log.warning("chat.postEphemeral in %s failed: %s", channel, exc.response.get("error"))
        return False
    return True

"""The Slack app: slack-bolt's AsyncApp over Socket Mode, so no public URL is needed.

Every Web API call and the Socket Mode connection request (`apps.connections.open`) go to
`settings.slack_api_url`; rate-limited calls (HTTP 429) wait for Retry-After and are sent again.
When Slack asks a connection to refresh (a `disconnect` envelope), slack_sdk's socket client
opens a new one and the app keeps answering.

Slack resends an envelope that is not acknowledged, so every subscribed event, command and
button has a handler (bolt leaves an unmatched envelope unacknowledged); the catch-alls are
registered last, after every specific handler.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import aiohttp
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.feedback import FeedbackStore
from bot.feedback.surface import open_store
from bot.service import NewsService, StartupFailed
from bot.slack.commands import register_commands
from bot.slack.events import register_events
from bot.slack.people import Workspace
from bot.slack.replies import Surface
from bot.slack.send import retry_handlers

log = logging.getLogger(__name__)

ANYTHING = re.compile(r".*", re.DOTALL)


def web_client(settings: Settings) -> AsyncWebClient:
    """The Web API client of the bot token, on `settings.slack_api_url`."""
    return AsyncWebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        retry_handlers=retry_handlers(),
    )


def build_app(
    settings: Settings,
    service: NewsService,
    client: AsyncWebClient | None = None,
    feedback: FeedbackStore | None = None,
) -> AsyncApp:
    """The bolt app with every newsbot handler; connect it with `run_slack`. Without a
    `feedback` store answers carry no 👍/👎 buttons."""
    client = client or web_client(settings)
    app = AsyncApp(
        client=client,  # its token is the bot token
        # Socket Mode envelopes come over an authenticated connection: no signatures to check.
        signing_secret="",
        request_verification_enabled=False,
        logger=logging.getLogger("bot.slack.bolt"),
    )
    workspace = Workspace(client, settings)
    limiter = service.rate_limiter(settings.burst, settings.cooldown_seconds)
    surface = Surface(settings, service, workspace, limiter, feedback)
    register_commands(app, surface)
    register_events(app, surface)
    _register_fallbacks(app)

    return app


def _register_fallbacks(app: AsyncApp) -> None:
    """Acknowledge whatever no handler above took (an old button, an event subscribed by
    hand), so Slack does not resend it; nothing is answered."""

    @app.action(ANYTHING)
    async def any_action(ack: Any, body: dict[str, Any]) -> None:
        await ack()
        log.info("ignored an unknown action from %s", body.get("user", {}).get("id"))

    @app.event(ANYTHING)
    async def any_event(event: dict[str, Any]) -> None:
        log.debug("ignored a %s event", event.get("type"))


async def run_slack(settings: Settings, service: NewsService) -> None:
    """Serves Slack until cancelled; the caller owns (and closes) the service.

    Opens `settings.slack_socket_connections` Socket Mode connections for the one app: Slack
    hands each event to one of them (of all connections, in this process and in others).
    Raises StartupFailed when a token is refused or Slack cannot be reached at start.
    """
    client = web_client(settings)
    identity = await _checked(client.auth_test(), "SLACK_BOT_TOKEN", settings)
    feedback = await open_store(settings)
    app = build_app(settings, service, client, feedback)
    handlers: list[AsyncSocketModeHandler] = []
    try:
        for _ in range(settings.slack_socket_connections):
            handler = AsyncSocketModeHandler(app, settings.slack_app_token, web_client=client)
            handlers.append(handler)
            # Asked here once, so a wrong app token is one clear line, not endless retries.
            opened = client.apps_connections_open(app_token=settings.slack_app_token)
            handler.client.wss_uri = (await _checked(opened, "SLACK_APP_TOKEN", settings))["url"]
            await handler.connect_async()  # type: ignore[no-untyped-call]
        log.info(
            "connected to Slack workspace %s as %s (%d Socket Mode connection%s)",
            identity.get("team"),
            identity.get("user"),
            len(handlers),
            "" if len(handlers) == 1 else "s",
        )
        await asyncio.Event().wait()
    finally:
        for handler in handlers:
            await handler.close_async()  # type: ignore[no-untyped-call]
        if feedback is not None:
            await feedback.close()


async def _checked(call: Any, variable: str, settings: Settings) -> dict[str, Any]:
    try:
        response = await call
    except SlackApiError as exc:
        error = exc.response.get("error", "error")
        raise StartupFailed(f"Slack rejected the token ({error}): check {variable}") from exc
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        reason = f"cannot reach Slack at {settings.slack_api_url}: {exc or type(exc).__name__}"
        raise StartupFailed(reason) from exc
    data: dict[str, Any] = response.data
    return data

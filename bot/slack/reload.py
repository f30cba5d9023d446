"""/reload on Slack: who may run it, and the article files a moderator sends with it.

Slash commands carry no files, so a moderator adds an article by sending the file to newsbot
in a direct message with the message "reload"; `/reload` alone rebuilds from the articles
folder. Files are read through `files.info` (scope `files:read`) and downloaded with the bot
token, which is only ever sent over https or to the configured SLACK_API_URL's own host.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.engine.answer import Lang
from bot.service import NewsService, ReloadBusy, ReloadFailed
from bot.slack.people import Workspace
from bot.slack.render import Message, notice, render_report, text

log = logging.getLogger(__name__)

UPLOAD_LIMIT = 5 * 1024 * 1024
DOWNLOAD_SECONDS = 60
# The words of a direct message that asks for its files to be added as articles.
RELOAD_WORDS = frozenset({"reload", "/reload"})


def asks_reload(message_text: str) -> bool:
    return message_text.strip().lower() in RELOAD_WORDS


async def refusal(workspace: Workspace, service: NewsService, user_id: str) -> str | None:
    """The catalog key saying why `user_id` may not reload now, or None when they may."""
    if not await workspace.may_reload(user_id):
        return "reload_refused"
    return "reload_busy" if service.reloading else None


async def run_reload(
    service: NewsService, uploads: Sequence[tuple[str, bytes]], lang: Lang, user_id: str
) -> Message:
    """Rebuild (with `uploads` added as articles) and say what changed, or why it did not."""
    try:
        report = await service.reload(uploads)
    except ReloadBusy:
        return notice("reload_busy", lang)
    except ReloadFailed as exc:
        log.warning("reload by %s failed: %s", user_id, exc)
        return notice("reload_failed", lang, reason=str(exc)[:1500])
    log.info(
        "reload by %s: %d added, %d changed, %d removed, %d failed",
        user_id,
        len(report.added),
        len(report.changed),
        len(report.removed),
        len(report.failed),
    )
    return render_report(report, lang)


async def fetch_uploads(
    client: AsyncWebClient, settings: Settings, files: Sequence[dict[str, Any]], lang: Lang
) -> list[tuple[str, bytes]] | str:
    """Every shared file's (name, content), or the sentence saying why one cannot be used."""
    uploads: list[tuple[str, bytes]] = []
    for shared in files:
        upload = await _fetch(client, settings, shared, lang)
        if isinstance(upload, str):
            return upload
        uploads.append(upload)
    return uploads


async def _fetch(
    client: AsyncWebClient, settings: Settings, shared: dict[str, Any], lang: Lang
) -> tuple[str, bytes] | str:
    info = shared
    # Events may carry a stub (`file_access: check_file_info`) instead of the file's details.
    if shared.get("file_access") == "check_file_info" or not shared.get("url_private_download"):
        try:
            info = (await client.files_info(file=str(shared.get("id", "")))).get("file") or {}
        except SlackApiError as exc:
            reason = str(exc.response.get("error", "files.info failed"))
            return _bad(str(shared.get("id", "?")), reason, lang)
    name = str(info.get("name") or info.get("title") or f"{info.get('id', 'upload')}.txt")
    if int(info.get("size") or 0) > UPLOAD_LIMIT:
        return _bad(name, f"> {UPLOAD_LIMIT // (1024 * 1024)} MB", lang)
    url = str(info.get("url_private_download") or info.get("url_private") or "")
    if not may_send_token(url, settings.slack_api_url):
        return _bad(name, "unexpected download address", lang)
    headers = {"Authorization": f"Bearer {settings.slack_bot_token}"}
    timeout = aiohttp.ClientTimeout(total=DOWNLOAD_SECONDS)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.get(url, headers=headers) as response,
        ):
            if response.status != 200:
                return _bad(name, f"download failed (HTTP {response.status})", lang)
            if response.content_type == "text/html":
                # Without files:read Slack answers a download with its sign-in page, not 403.
                return _bad(name, "Slack sent a sign-in page: add the files:read scope", lang)
            data = await response.content.read(UPLOAD_LIMIT + 1)
    except (aiohttp.ClientError, TimeoutError) as exc:
        return _bad(name, f"download failed ({type(exc).__name__})", lang)
    if len(data) > UPLOAD_LIMIT:
        return _bad(name, f"> {UPLOAD_LIMIT // (1024 * 1024)} MB", lang)
    return name, data


def may_send_token(url: str, api_url: str) -> bool:
    """The bot token goes with a download only over https, or (tests, local proxies) to the
    host SLACK_API_URL names."""
    target, api = urlsplit(url), urlsplit(api_url)
    if target.scheme == "https" and target.netloc:
        return True
    return target.scheme == "http" and (target.scheme, target.netloc) == (api.scheme, api.netloc)


def _bad(name: str, reason: str, lang: Lang) -> str:
    return text("reload_bad_upload", lang, name=name, reason=reason)

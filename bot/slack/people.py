"""What newsbot asks Slack about a person: the language to answer in, and whether they may
change the knowledge base.

Slack sends neither with a command or an event, so both come from `users.info` (scope
`users:read`). The language is kept per user; the right to reload is asked afresh each time,
since an admin can lose the role at any moment.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.engine.answer import Lang

log = logging.getLogger(__name__)

# Past this many remembered users the oldest half is forgotten, so memory stays bounded.
LOCALE_CACHE = 10_000


def lang_for_locale(locale: str) -> Lang:
    """Slack locales are "en-US", "en-GB", "id-ID", ...: only English readers get English."""
    return "en" if locale.lower().startswith("en") else "id"


class Workspace:
    def __init__(self, client: AsyncWebClient, settings: Settings) -> None:
        self._client = client
        self._moderators = frozenset(settings.slack_moderator_ids)
        self._langs: dict[str, Lang] = {}

    async def lang(self, user_id: str) -> Lang:
        """The user's Slack language; Indonesian when Slack does not say."""
        if user_id not in self._langs:
            await self._user(user_id)
        return self._langs.get(user_id, "id")

    async def may_reload(self, user_id: str) -> bool:
        """True for a workspace admin or owner and for a user in SLACK_MODERATOR_IDS; False
        too when Slack cannot say (the refusal is the safe answer)."""
        if user_id in self._moderators:
            return True
        user = await self._user(user_id)
        return any(bool(user.get(k)) for k in ("is_admin", "is_owner", "is_primary_owner"))

    async def _user(self, user_id: str) -> dict[str, Any]:
        try:
            response = await self._client.users_info(user=user_id, include_locale=True)
        except SlackApiError as exc:
            log.warning("users.info for %s failed: %s", user_id, exc.response.get("error"))
            return {}
        user: dict[str, Any] = response.get("user") or {}
        if len(self._langs) >= LOCALE_CACHE:
            for old in list(self._langs)[: LOCALE_CACHE // 2]:
                del self._langs[old]
        self._langs[user_id] = lang_for_locale(str(user.get("locale") or ""))
        return user

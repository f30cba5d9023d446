"""What every Slack handler shares: the service, the workspace, the rate limit, and answers
made into messages.

An answer is sent as its rendered message with 👍/👎 buttons (when the feedback store is open),
and a timeline also with its picture, uploaded beside the answer. The extras are best-effort:
without them the answer still goes out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.engine.answer import Answer, Lang
from bot.engine.catalog.wording import headline
from bot.feedback import FeedbackStore
from bot.feedback.surface import answer_id
from bot.picture import answer_picture
from bot.ratelimit import Limiter, refusal
from bot.service import NewsService
from bot.slack.people import Workspace
from bot.slack.render import Message, plain, render_message

log = logging.getLogger(__name__)

SURFACE = "slack"
PICTURE_NAME = "timeline.png"


@dataclass
class Surface:
    settings: Settings
    service: NewsService
    workspace: Workspace
    limiter: Limiter
    feedback: FeedbackStore | None = None

    async def message(self, answer: Answer, owner: str, index: int = 0) -> Message:
        """Message `index` of `answer` for `owner`, with 👍/👎 when votes can be recorded."""
        return render_message(answer, owner, index, await answer_id(self.feedback, answer))

    async def wait(self, user: str, lang: Lang) -> Message | None:
        """None when `user` may ask now (the question is counted), else the polite "ask again
        in N seconds"."""
        seconds = await self.limiter.acquire(f"{SURFACE}:{user}")
        return plain(refusal(seconds, lang)) if seconds > 0 else None

    async def picture(
        self, client: AsyncWebClient, answer: Answer, channel: str, thread: str | None = None
    ) -> None:
        """Upload a timeline's picture into the conversation (scope files:write). Where the
        bot may not post (a channel it has not joined, a DM between two people) there is no
        picture; the answer was sent already."""
        png = await answer_picture(answer)
        if png is None:
            return
        try:
            await client.files_upload_v2(
                channel=channel,
                thread_ts=thread,
                file=png,
                filename=PICTURE_NAME,
                title=headline(answer) or PICTURE_NAME,
            )
        except SlackApiError as exc:
            log.info("no timeline picture in %s: %s", channel, exc.response.get("error"))
        except Exception:  # an extra: never a reason to trouble the asker
            log.exception("uploading the timeline picture to %s failed", channel)

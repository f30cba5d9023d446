"""An answer made into what Discord is sent: the first embed, the buttons (pager and 👍/👎),
and for a timeline its picture. Every extra is best-effort: when the feedback store or the
drawing fails, the answer still goes out, without that extra."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

import discord

from bot.discord.feedback import vote_buttons
from bot.discord.pager import Fetch, Pager, paged
from bot.engine.answer import Answer
from bot.feedback import FeedbackStore
from bot.feedback.surface import answer_id
from bot.picture import answer_picture

log = logging.getLogger(__name__)

PICTURE_NAME = "timeline.png"


@dataclass
class Reply:
    embed: discord.Embed
    view: discord.ui.View | None
    pager: Pager | None  # to hand the sent message to, so it can clear itself on timeout
    picture: bytes | None  # PNG

    def files(self) -> list[discord.File]:
        """The attachments, made anew for each send (a discord.File is read once)."""
        if self.picture is None:
            return []
        return [discord.File(io.BytesIO(self.picture), filename=PICTURE_NAME)]

    def message_kwargs(self) -> dict[str, Any]:
        """embed, view and files as `send`/`send_message` take them (no None values)."""
        kwargs: dict[str, Any] = {"embed": self.embed}
        if self.view is not None:
            kwargs["view"] = self.view
        if self.picture is not None:
            kwargs["files"] = self.files()
        return kwargs


class Replies:
    """Makes replies; holds the feedback store (None: no 👍/👎 buttons)."""

    def __init__(self, fetch: Fetch, feedback: FeedbackStore | None = None) -> None:
        self.fetch = fetch
        self.feedback = feedback

    async def make(self, answer: Answer, owner_id: int) -> Reply:
        embed, pager = paged(answer, owner_id, self.fetch)
        view: discord.ui.View | None = pager
        voted = await answer_id(self.feedback, answer)
        if voted is not None:
            view = view if view is not None else discord.ui.View(timeout=None)
            for button in vote_buttons(voted):
                view.add_item(button)
        return Reply(embed, view, pager, await answer_picture(answer))

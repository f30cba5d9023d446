"""👍/👎 buttons under every answer, recorded in the platform-neutral feedback store.

The buttons are `DynamicItem`s: their custom_id carries the remembered answer's id
("newsbot:vote:up:42"), and the client registers the class at start-up, so a click is
recorded whether or not the message's view is still in memory - after the pager's timeout,
and after a restart of the bot.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord

from bot.discord.render import lang_for_locale
from bot.feedback import FeedbackStore, VoteOutcome, acknowledgement

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]
SURFACE = "discord"
NO_MENTIONS = discord.AllowedMentions.none()


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"newsbot:vote:(?P<vote>up|down):(?P<answer>[0-9]{1,18})",
):
    def __init__(self, answer_id: int, up: bool) -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.secondary,
                emoji="👍" if up else "👎",
                custom_id=f"newsbot:vote:{'up' if up else 'down'}:{answer_id}",
            )
        )
        self.answer_id = answer_id
        self.up = up

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoteButton:
        return cls(int(match["answer"]), match["vote"] == "up")

    async def callback(self, interaction: Interaction) -> None:
        store: FeedbackStore | None = getattr(interaction.client, "feedback", None)
        outcome: VoteOutcome | None = None
        if store is not None:
            try:
                user = str(interaction.user.id)
                outcome = await store.vote(self.answer_id, user, self.up, SURFACE)
            except Exception:
                log.exception("could not record a vote on answer %s", self.answer_id)
        lang = lang_for_locale(str(interaction.locale))
        await interaction.response.send_message(
            acknowledgement(outcome, lang), ephemeral=True, allowed_mentions=NO_MENTIONS
        )


def vote_buttons(answer_id: int) -> list[VoteButton]:
    """👍 then 👎 for the remembered answer `answer_id`."""
    return [VoteButton(answer_id, True), VoteButton(answer_id, False)]

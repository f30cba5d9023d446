"""Previous/Next buttons over a long answer.

Two levels of paging meet here: the engine hands long answers (timelines) out a part at a time
(`Answer.page` of `Answer.pages`), and one part may still need several embeds to stay within
Discord's limits. The pager walks the embeds of a part and, past its last one, asks the service
for the next part: the same `Query` with another page.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import discord

from bot.discord.render import lang_for_locale, render_answer, text
from bot.engine.answer import Answer, Query

log = logging.getLogger(__name__)

Fetch = Callable[[Query], Awaitable[Answer]]  # the service's `answer`
Interaction = discord.Interaction[Any]
NO_MENTIONS = discord.AllowedMentions.none()
PAGER_TIMEOUT = 600.0
# Past this a button press is acknowledged first, so Discord does not show "interaction failed".
DEFER_AFTER = 0.8


class Pager(discord.ui.View):
    """Only the asker may turn the pages: a stranger's click would change everyone's view."""

    def __init__(
        self, answer: Answer, pages: list[discord.Embed], owner_id: int, fetch: Fetch | None
    ) -> None:
        super().__init__(timeout=PAGER_TIMEOUT)
        self.owner_id = owner_id
        self.fetch = fetch
        self.query = answer.query
        self.parts: dict[int, list[discord.Embed]] = {answer.page: pages}
        self.part = answer.page
        self.part_count = answer.pages if fetch is not None else answer.page
        self.index = 0
        self.message: discord.Message | None = None
        self.previous.label = text("previous", answer.lang)
        self.next.label = text("next", answer.lang)
        self._sync_buttons()

    @staticmethod
    def needed(answer: Answer, pages: list[discord.Embed], fetch: Fetch | None) -> bool:
        return len(pages) > 1 or (fetch is not None and answer.pages > 1)

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.index == 0 and self.part <= 1
        last_part = self.part >= self.part_count
        self.next.disabled = last_part and self.index >= len(self.parts[self.part]) - 1

    async def interaction_check(self, interaction: Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            text("pager_not_yours", lang_for_locale(str(interaction.locale))),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return False

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary, custom_id="pager:previous")
    async def previous(self, interaction: Interaction, _: discord.ui.Button[Pager]) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="▶", style=discord.ButtonStyle.primary, custom_id="pager:next")
    async def next(self, interaction: Interaction, _: discord.ui.Button[Pager]) -> None:
        await self._turn(interaction, 1)

    async def _turn(self, interaction: Interaction, step: int) -> None:
        index = self.index + step
        if 0 <= index < len(self.parts[self.part]):
            self.index = index
        elif 1 <= self.part + step <= self.part_count:
            await self._enter_part(interaction, self.part + step, step)
        self._sync_buttons()
        embed = self.parts[self.part][self.index]
        if interaction.response.is_done():
            await interaction.edit_original_response(
                embed=embed, view=self, allowed_mentions=NO_MENTIONS
            )
        else:
            await interaction.response.edit_message(
                embed=embed, view=self, allowed_mentions=NO_MENTIONS
            )

    async def _enter_part(self, interaction: Interaction, part: int, step: int) -> None:
        if part not in self.parts:
            answer = await self._fetch(interaction, part)
            self.parts[part] = render_answer(answer)
            self.part_count = max(answer.pages, 1)
        self.part = part
        self.index = 0 if step > 0 else len(self.parts[self.part]) - 1

    async def _fetch(self, interaction: Interaction, part: int) -> Answer:
        assert self.fetch is not None  # part_count stays at the first part without a fetch
        task = asyncio.ensure_future(self.fetch(replace(self.query, page=part)))
        try:
            done, _ = await asyncio.wait({task}, timeout=DEFER_AFTER)
            if not done:
                await interaction.response.defer()
            return await task
        finally:
            task.cancel()

    async def on_timeout(self) -> None:
        """The page buttons go; buttons that outlive the pager (👍/👎) stay."""
        if self.message is None:
            return
        lasting = [item for item in self.children if isinstance(item, discord.ui.DynamicItem)]
        view: discord.ui.View | None = None
        if lasting:
            view = discord.ui.View(timeout=None)
            for item in lasting:
                view.add_item(item)
        with contextlib.suppress(discord.HTTPException):
            await self.message.edit(view=view, allowed_mentions=NO_MENTIONS)

    async def on_error(
        self, interaction: Interaction, error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        log.error("pager button failed", exc_info=error)
        content = text("error", lang_for_locale(str(interaction.locale)))
        with contextlib.suppress(discord.HTTPException):
            if interaction.response.is_done():
                await interaction.followup.send(
                    content, ephemeral=True, allowed_mentions=NO_MENTIONS
                )
            else:
                await interaction.response.send_message(
                    content, ephemeral=True, allowed_mentions=NO_MENTIONS
                )


def paged(answer: Answer, owner_id: int, fetch: Fetch | None) -> tuple[discord.Embed, Pager | None]:
    """The first embed to send and, when there is more, the pager to attach to it."""
    pages = render_answer(answer)
    if not Pager.needed(answer, pages, fetch):
        return pages[0], None
    return pages[0], Pager(answer, pages, owner_id, fetch)

"""Who may change the knowledge base.

`default_permissions(manage_guild=True)` on /reload only hides the command; server admins
can grant it to anyone, so the decision is made again here, at run time, on every call.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

import discord

from bot.config import Settings


class Verdict(Enum):
    ALLOWED = "allowed"
    REFUSED = "refused"  # in a server: neither Manage Server nor a moderator role
    REFUSED_DM = "refused_dm"  # in a DM: not a bot owner


def may_reload(
    settings: Settings,
    *,
    user_id: int,
    in_guild: bool,
    manage_guild: bool = False,
    role_ids: Iterable[int] = (),
) -> Verdict:
    """The moderator rule, free of discord.py objects so it can be tested directly."""
    if user_id in settings.bot_owner_ids:
        return Verdict.ALLOWED
    if not in_guild:
        return Verdict.REFUSED_DM
    if manage_guild or not set(role_ids).isdisjoint(settings.moderator_role_ids):
        return Verdict.ALLOWED
    return Verdict.REFUSED


def interaction_may_reload(interaction: discord.Interaction, settings: Settings) -> Verdict:
    user = interaction.user
    in_guild = interaction.guild_id is not None and isinstance(user, discord.Member)
    if not isinstance(user, discord.Member):
        return may_reload(settings, user_id=user.id, in_guild=in_guild)
    return may_reload(
        settings,
        user_id=user.id,
        in_guild=in_guild,
        manage_guild=interaction.permissions.manage_guild,
        role_ids=_role_ids(user),
    )


def _role_ids(member: discord.Member) -> set[int]:
    # `member.roles` drops roles missing from the guild cache; the interaction payload's own
    # role ids do not depend on the cache, so both are taken.
    ids = {role.id for role in member.roles}
    ids.update(int(role_id) for role_id in getattr(member, "_roles", ()))
    return ids

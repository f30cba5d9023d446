"""The /reload rule: who counts as a moderator, in a server and in a DM."""

from __future__ import annotations

from bot.config import Settings
from bot.discord.permissions import Verdict, may_reload

SETTINGS = Settings(moderator_role_ids=(11, 12), bot_owner_ids=(99,))


def test_manage_server_is_enough_in_a_server() -> None:
    verdict = may_reload(SETTINGS, user_id=1, in_guild=True, manage_guild=True)
    assert verdict is Verdict.ALLOWED


def test_a_moderator_role_is_enough_in_a_server() -> None:
    assert may_reload(SETTINGS, user_id=1, in_guild=True, role_ids=[5, 12]) is Verdict.ALLOWED


def test_other_roles_are_refused_in_a_server() -> None:
    assert may_reload(SETTINGS, user_id=1, in_guild=True, role_ids=[5, 6]) is Verdict.REFUSED
    assert may_reload(SETTINGS, user_id=1, in_guild=True) is Verdict.REFUSED


def test_only_owners_may_reload_from_a_dm() -> None:
    assert may_reload(SETTINGS, user_id=99, in_guild=False) is Verdict.ALLOWED
    # Roles and permissions mean nothing outside a server.
    outsider = may_reload(SETTINGS, user_id=1, in_guild=False, manage_guild=True, role_ids=[11])
    assert outsider is Verdict.REFUSED_DM


def test_no_configured_roles_means_only_manage_server() -> None:
    bare = Settings()
    assert may_reload(bare, user_id=1, in_guild=True, role_ids=[11]) is Verdict.REFUSED
    assert may_reload(bare, user_id=1, in_guild=True, manage_guild=True) is Verdict.ALLOWED

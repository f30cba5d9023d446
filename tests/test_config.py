from pathlib import Path

import pytest

from bot.config import BUNDLED_ARTICLES, DEFAULT_DB, ConfigError, load_settings


def test_defaults() -> None:
    s = load_settings({})
    assert s.db_path == DEFAULT_DB
    assert s.articles == (BUNDLED_ARTICLES,)
    assert s.discord_token == "" and s.log_level == "INFO"


def test_ids_and_paths() -> None:
    s = load_settings(
        {
            "DEV_GUILD_IDS": "1, 2",
            "MODERATOR_ROLE_IDS": "33;44",
            "NEWSBOT_ARTICLES": "/a:/b",
            "NEWSBOT_DB": "/x/kb.db",
            "LOG_LEVEL": "debug",
        }
    )
    assert s.dev_guild_ids == (1, 2) and s.moderator_role_ids == (33, 44)
    assert s.articles == (Path("/a"), Path("/b"))
    assert s.db_path == Path("/x/kb.db") and s.log_level == "DEBUG"


def test_bad_id_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="BOT_OWNER_IDS"):
        load_settings({"BOT_OWNER_IDS": "me"})


def test_token_never_in_repr() -> None:
    s = load_settings({"DISCORD_TOKEN": "secret-token-value"})
    assert "secret-token-value" not in repr(s)
    assert "secret-token-value" not in str(s)

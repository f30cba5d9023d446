"""Settings from the environment (and `.env`, loaded by the CLI), passed around explicitly."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

BUNDLED_ARTICLES = Path(__file__).resolve().parent.parent / "knowledge" / "articles"
DEFAULT_DB = Path("data") / "newsbot.db"
DEFAULT_FEEDBACK_DB = Path("data") / "feedback.db"


@dataclass(frozen=True)
class Settings:
    discord_token: str = ""
    dev_guild_ids: tuple[int, ...] = ()
    moderator_role_ids: tuple[int, ...] = ()
    bot_owner_ids: tuple[int, ...] = ()
    db_path: Path = DEFAULT_DB
    articles: tuple[Path, ...] = (BUNDLED_ARTICLES,)
    log_level: str = "INFO"
    cooldown_seconds: float = 3.0  # the rate limit's refill: one more question per this
    burst: int = 3  # questions one user may ask at once before the refill applies
    feedback_db: Path = DEFAULT_FEEDBACK_DB
    feedback_salt: str = ""  # empty: generated once and kept in the feedback database

    def __repr__(self) -> str:
        # The token must never reach a log line, even through a debug print of the settings.
        token = "<set>" if self.discord_token else "<unset>"
        return (
            f"Settings(discord_token={token}, dev_guild_ids={self.dev_guild_ids}, "
            f"moderator_role_ids={self.moderator_role_ids}, bot_owner_ids={self.bot_owner_ids}, "
            f"db_path={self.db_path}, articles={self.articles}, log_level={self.log_level})"
        )


class ConfigError(ValueError):
    """A setting has a value newsbot cannot use; the message names the variable."""


def _ids(env: Mapping[str, str], name: str) -> tuple[int, ...]:
    raw = env.get(name, "").replace(";", ",")
    ids: list[int] = []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise ConfigError(f"{name}: '{part}' is not a numeric Discord id")
        ids.append(int(part))
    return tuple(ids)


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    articles_raw = env.get("NEWSBOT_ARTICLES", "").strip()
    articles = (
        tuple(Path(p) for p in articles_raw.split(os.pathsep) if p.strip())
        if articles_raw
        else (BUNDLED_ARTICLES,)
    )
    try:
        cooldown = float(env.get("NEWSBOT_COOLDOWN", "3") or 3)
    except ValueError as exc:
        raise ConfigError("NEWSBOT_COOLDOWN must be a number of seconds") from exc
    try:
        burst = int(env.get("NEWSBOT_BURST", "3") or 3)
    except ValueError as exc:
        raise ConfigError("NEWSBOT_BURST must be a whole number of questions") from exc
    return Settings(
        discord_token=env.get("DISCORD_TOKEN", "").strip(),
        dev_guild_ids=_ids(env, "DEV_GUILD_IDS"),
        moderator_role_ids=_ids(env, "MODERATOR_ROLE_IDS"),
        bot_owner_ids=_ids(env, "BOT_OWNER_IDS"),
        db_path=Path(env.get("NEWSBOT_DB", "").strip() or DEFAULT_DB),
        articles=articles,
        log_level=(env.get("LOG_LEVEL", "INFO").strip() or "INFO").upper(),
        cooldown_seconds=cooldown,
        burst=burst,
        feedback_db=Path(env.get("NEWSBOT_FEEDBACK_DB", "").strip() or DEFAULT_FEEDBACK_DB),
        feedback_salt=env.get("NEWSBOT_FEEDBACK_SALT", "").strip(),
    )

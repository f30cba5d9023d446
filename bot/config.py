"""Settings from the environment (and `.env`, loaded by the CLI), passed around explicitly."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

BUNDLED_ARTICLES = Path(__file__).resolve().parent.parent / "knowledge" / "articles"
DEFAULT_DB = Path("data") / "newsbot.db"
DEFAULT_FEEDBACK_DB = Path("data") / "feedback.db"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
# Slack opens at most this many Socket Mode connections for one app.
MAX_SOCKET_CONNECTIONS = 10
# Slack user ids: U... (W... on Enterprise Grid).
_SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


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
    slack_bot_token: str = ""
    slack_app_token: str = ""
    slack_api_url: str = DEFAULT_SLACK_API_URL
    slack_moderator_ids: tuple[str, ...] = ()
    slack_socket_connections: int = 1  # Socket Mode connections this process opens
    redis_url: str = ""  # empty: one process, all state in memory (the embedded default)
    discord_shard_count: int | None = None  # None: discord.py's automatic sharding decides
    discord_shard_ids: tuple[int, ...] = ()  # empty: every shard of discord_shard_count

    @property
    def slack_enabled(self) -> bool:
        """Both Slack tokens are set (load_settings refuses one without the other)."""
        return bool(self.slack_bot_token and self.slack_app_token)

    def __repr__(self) -> str:
        # Tokens must never reach a log line, even through a debug print of the settings.
        def shown(token: str) -> str:
            return "<set>" if token else "<unset>"

        return (
            f"Settings(discord_token={shown(self.discord_token)}, "
            f"dev_guild_ids={self.dev_guild_ids}, "
            f"moderator_role_ids={self.moderator_role_ids}, bot_owner_ids={self.bot_owner_ids}, "
            f"db_path={self.db_path}, articles={self.articles}, log_level={self.log_level}, "
            f"slack_bot_token={shown(self.slack_bot_token)}, "
            f"slack_app_token={shown(self.slack_app_token)}, slack_api_url={self.slack_api_url}, "
            f"slack_moderator_ids={self.slack_moderator_ids}, "
            f"slack_socket_connections={self.slack_socket_connections}, "
            f"redis_url={_without_password(self.redis_url)}, "
            f"discord_shard_count={self.discord_shard_count}, "
            f"discord_shard_ids={self.discord_shard_ids})"
        )


class ConfigError(ValueError):
    """A setting has a value newsbot cannot use; the message names the variable."""


def _without_password(url: str) -> str:
    return re.sub(r"//[^@/]*@", "//<credentials>@", url) if url else "<unset>"


def shard_ids(raw: str, name: str = "DISCORD_SHARD_IDS") -> tuple[int, ...]:
    """Shard ids as written: "0,1", "0-3" or both ("0-2,5"); sorted, each once."""
    ids: set[int] = set()
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        low, dash, high = part.partition("-")
        if not low.strip().isdigit() or (dash and not high.strip().isdigit()):
            raise ConfigError(f"{name}: '{part}' is not a shard id or a range like 0-3")
        first, last = int(low), int(high) if dash else int(low)
        if last < first:
            raise ConfigError(f"{name}: '{part}' is an empty range")
        ids.update(range(first, last + 1))
    return tuple(sorted(ids))


def check_shards(count: int | None, ids: tuple[int, ...]) -> None:
    """Shard ids need a count, and each must be below it (Discord numbers shards 0..count-1)."""
    if ids and count is None:
        raise ConfigError(
            "DISCORD_SHARD_IDS (--shard-ids) needs DISCORD_SHARD_COUNT (--shard-count),"
            " the number of shards of all processes together"
        )
    if count is not None and count < 1:
        raise ConfigError("DISCORD_SHARD_COUNT must be at least 1")
    too_high = [i for i in ids if count is not None and i >= count]
    if too_high:
        raise ConfigError(
            f"DISCORD_SHARD_IDS: there is no shard {too_high[0]} of {count}"
            f" (shards are 0 to {(count or 1) - 1})"
        )


def _positive(env: Mapping[str, str], name: str, default: int | None) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"{name} must be a whole number, at least 1")
    return int(raw)


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


def _slack_ids(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    parts = [p.strip() for p in env.get(name, "").replace(";", ",").split(",")]
    for part in parts:
        if part and not _SLACK_USER_ID.match(part):
            raise ConfigError(f"{name}: '{part}' is not a Slack user id (like U012AB3CD)")
    return tuple(p for p in parts if p)


def _slack_tokens(env: Mapping[str, str]) -> tuple[str, str]:
    """Both tokens or neither: one alone is a half-done setup, said plainly at start-up."""
    bot = env.get("SLACK_BOT_TOKEN", "").strip()
    app = env.get("SLACK_APP_TOKEN", "").strip()
    if bool(bot) != bool(app):
        missing = "SLACK_APP_TOKEN" if bot else "SLACK_BOT_TOKEN"
        raise ConfigError(f"{missing} is not set: Slack needs both SLACK_BOT_TOKEN and it")
    # Swapped or user tokens are the usual mistake; Slack's own error would be less clear.
    if bot and not bot.startswith("xoxb-"):
        raise ConfigError("SLACK_BOT_TOKEN must be the Bot User OAuth Token (xoxb-...)")
    if app and not app.startswith("xapp-"):
        raise ConfigError("SLACK_APP_TOKEN must be an app-level token (xapp-...)")
    return bot, app


def _slack_api_url(env: Mapping[str, str]) -> str:
    url = env.get("SLACK_API_URL", "").strip() or DEFAULT_SLACK_API_URL
    if not url.startswith(("https://", "http://")):
        raise ConfigError(f"SLACK_API_URL: '{url}' is not an http(s) URL")
    # Method names are joined to it: without the slash "…/api" + "auth.test" loses "api".
    return url if url.endswith("/") else url + "/"


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
    slack_bot, slack_app = _slack_tokens(env)
    shard_count = _positive(env, "DISCORD_SHARD_COUNT", None)
    shards = shard_ids(env.get("DISCORD_SHARD_IDS", ""))
    check_shards(shard_count, shards)
    connections = _positive(env, "SLACK_SOCKET_CONNECTIONS", 1) or 1
    if connections > MAX_SOCKET_CONNECTIONS:
        raise ConfigError(
            f"SLACK_SOCKET_CONNECTIONS: Slack allows at most {MAX_SOCKET_CONNECTIONS} per app"
        )
    redis_url = env.get("REDIS_URL", "").strip()
    if redis_url and not redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError("REDIS_URL must start with redis://, rediss:// or unix://")
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
        slack_bot_token=slack_bot,
        slack_app_token=slack_app,
        slack_api_url=_slack_api_url(env),
        slack_moderator_ids=_slack_ids(env, "SLACK_MODERATOR_IDS"),
        slack_socket_connections=connections,
        redis_url=redis_url,
        discord_shard_count=shard_count,
        discord_shard_ids=shards,
    )

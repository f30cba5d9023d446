"""The Discord client: command sync, DMs and mentions, the rate limit, and error handling.

Intents (for the README): newsbot asks only for `guilds`, `guild_messages` and `dm_messages`,
none of them privileged. It does NOT need the privileged Message Content intent: Discord
delivers the content of direct messages to the bot and of server messages that mention the
bot even without it, and those are the only messages newsbot reads. Slash commands never need
it. Enable "Message Content Intent" in the Developer Portal only if you change the bot to read
messages that do not mention it.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable
from typing import Any, TypeVar

import aiohttp
import discord
from discord import app_commands

from bot.config import ConfigError, Settings
from bot.discord.commands import (
    Interaction,
    NewsServiceLike,
    NewsTranslator,
    conversation_key,
    interaction_lang,
    register_commands,
    send_notice,
)
from bot.discord.feedback import VoteButton
from bot.discord.pager import NO_MENTIONS
from bot.discord.render import text
from bot.discord.reply import Replies
from bot.engine.language import detect_language
from bot.feedback import FeedbackStore
from bot.feedback.surface import open_store
from bot.ratelimit import Limiter, refusal
from bot.service import StartupFailed

log = logging.getLogger(__name__)

# Commands that cost the service nothing are never rate-limited.
RATE_LIMIT_EXEMPT = frozenset({"help"})
# A DM answered faster than this needs no typing indicator (most are answered in milliseconds).
TYPING_AFTER = 0.5
T = TypeVar("T")
TOKEN_REJECTED = "Discord rejected the token (401): check DISCORD_TOKEN"
GATEWAY_AUTHENTICATION_FAILED = 4004  # the gateway's close code for a revoked token


class NewsTree(app_commands.CommandTree[Any]):
    """The command tree with the shared rate limit and polite errors for every command."""

    def __init__(self, client: discord.Client, limiter: Limiter) -> None:
        super().__init__(client)
        self.limiter = limiter

    async def interaction_check(self, interaction: Interaction) -> bool:
        if interaction.type is not discord.InteractionType.application_command:
            return True
        command = interaction.command
        if command is not None and command.name in RATE_LIMIT_EXEMPT:
            return True
        retry = await self.limiter.acquire(user_key(interaction.user.id))
        if retry > 0:
            bucket = app_commands.Cooldown(self.limiter.burst, self.limiter.interval)
            raise app_commands.CommandOnCooldown(bucket, retry)
        return True

    async def on_error(self, interaction: Interaction, error: app_commands.AppCommandError) -> None:
        lang = interaction_lang(interaction)
        if isinstance(error, app_commands.CommandOnCooldown):
            message = refusal(error.retry_after, lang)
        else:
            name = interaction.command.name if interaction.command else "?"
            cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
            log.error("command /%s failed for user %s", name, interaction.user.id, exc_info=cause)
            message = text("error", lang)
        try:
            await send_notice(interaction, message)
        except discord.HTTPException:
            log.exception("could not tell the user about an error")


def user_key(user_id: int) -> str:
    """A Discord user's rate-limit bucket (the same on every shard and process)."""
    return f"discord:{user_id}"


class NewsBot(discord.AutoShardedClient):
    """The bot on the shards `settings` chooses (DISCORD_SHARD_COUNT, DISCORD_SHARD_IDS), or on
    as many as Discord recommends when neither is set: discord.py's automatic sharding."""

    def __init__(
        self,
        settings: Settings,
        service: NewsServiceLike,
        *,
        started: float | None = None,
        guild_ready_timeout: float = 2.0,
        limiter: Limiter | None = None,
        feedback: FeedbackStore | None = None,
    ) -> None:
        """`feedback`: a store shared with other surfaces; None opens (and owns) the one at
        `settings.feedback_db` on start-up. `limiter`: None asks the service for one (in a
        cluster, its buckets are shared with the other processes)."""
        intents = discord.Intents.none()
        intents.guilds = True
        intents.guild_messages = True
        intents.dm_messages = True
        super().__init__(
            intents=intents,
            allowed_mentions=NO_MENTIONS,
            guild_ready_timeout=guild_ready_timeout,
            **_shards(settings),
        )
        self.settings = settings
        self.service = service
        self.started = time.perf_counter() if started is None else started
        self.limiter = limiter or service.rate_limiter(settings.burst, settings.cooldown_seconds)
        self.tree = NewsTree(self, self.limiter)
        self.feedback = feedback
        self._owns_feedback = feedback is None
        # Late-bound, so the pager's later pages come from whatever serves answers then.
        self.replies = Replies(lambda query: self.service.answer(query), feedback)
        register_commands(self.tree, service, settings, self.replies)
        self._warm_up: asyncio.Task[None] | None = None

    async def setup_hook(self) -> None:
        self.add_dynamic_items(VoteButton)
        if self.feedback is None:
            self.feedback = await open_store(self.settings)
            self.replies.feedback = self.feedback
        # The first timeline picture should not pay for importing matplotlib.
        self._warm_up = asyncio.create_task(asyncio.to_thread(_import_matplotlib))
        await self.tree.set_translator(NewsTranslator())
        if self.settings.discord_shard_ids and 0 not in self.settings.discord_shard_ids:
            return  # commands belong to the application: the process running shard 0 syncs
        try:
            await self._sync_commands()
        except discord.HTTPException:
            # Without a sync the previously registered commands still work; DMs work anyway.
            log.exception("slash command sync failed")

    async def _sync_commands(self) -> None:
        if not self.settings.dev_guild_ids:
            synced = await self.tree.sync()
            log.info("synced %d global commands", len(synced))
            return
        for guild_id in self.settings.dev_guild_ids:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to guild %s", len(synced), guild_id)

    async def on_ready(self) -> None:
        seconds = time.perf_counter() - self.started
        user = self.user
        shards = f"shards {sorted(self.shards)} of {self.shard_count}"
        log.info("ready as %s (%s), %s, in %.2f s", user, user.id if user else "?", shards, seconds)

    async def on_message(self, message: discord.Message) -> None:
        question = self.question_in(message)
        if question is None:
            return
        if not question:
            await self._reply(message, content=text("empty_question", "id"))
            return
        retry = await self.limiter.acquire(user_key(message.author.id))
        if retry > 0:
            await self._reply(message, content=refusal(retry, detect_language(question)))
            return
        work = self.service.ask(question, conversation_key(message.channel.id))
        answer = await typing_while(message.channel, work)

        reply = await self.replies.make(answer, message.author.id)
        sent = await self._reply(message, **reply.message_kwargs())
        if reply.pager is not None:
            reply.pager.message = sent

    def question_in(self, message: discord.Message) -> str | None:
        """The question a message asks the bot, "" for an empty one, None if not for us."""
        me = self.user
        if me is None or message.author.bot or message.author.id == me.id:
            return None
        if isinstance(message.channel, discord.DMChannel):
            return message.content.strip()
        if message.guild is not None and any(u.id == me.id for u in message.mentions):
            return re.sub(rf"<@!?{me.id}>", " ", message.content).strip()
        return None

    async def _reply(self, message: discord.Message, **kwargs: Any) -> discord.Message:
        if message.guild is None:
            return await message.channel.send(allowed_mentions=NO_MENTIONS, **kwargs)
        return await message.reply(mention_author=False, allowed_mentions=NO_MENTIONS, **kwargs)

    async def close(self) -> None:
        await super().close()
        if self._warm_up is not None:
            await asyncio.gather(self._warm_up, return_exceptions=True)
        if self._owns_feedback and self.feedback is not None:
            store, self.feedback = self.feedback, None
            self.replies.feedback = None
            await store.close()

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("unhandled error in %s", event_method)
        message = args[0] if args and isinstance(args[0], discord.Message) else None
        question = None if message is None else self.question_in(message)
        if message is None or question is None:
            return
        try:
            await self._reply(message, content=text("error", detect_language(question)))
        except discord.HTTPException:
            log.exception("could not tell the user about an error")


def _shards(settings: Settings) -> dict[str, Any]:
    """The sharding options: none (Discord's recommendation), a count, or a count and ids."""
    chosen: dict[str, Any] = {}
    if settings.discord_shard_count is not None:
        chosen["shard_count"] = settings.discord_shard_count
    if settings.discord_shard_ids:
        chosen["shard_ids"] = list(settings.discord_shard_ids)
    return chosen


def _import_matplotlib() -> None:
    import matplotlib.backends.backend_agg  # noqa: F401


async def typing_while(channel: discord.abc.Messageable, work: Awaitable[T]) -> T:
    """`work`'s result; when it takes a while, the typing indicator shows meanwhile.

    The indicator is cosmetic and runs beside the answer, never in its way: a refused or
    rate-limited typing call (a DM with privacy settings, a 5xx, a 429 being waited out) is
    logged and forgotten, and the answer goes out regardless.
    """
    task = asyncio.ensure_future(work)
    typer: asyncio.Task[None] | None = None
    try:
        done, _ = await asyncio.wait({task}, timeout=TYPING_AFTER)
        if not done:
            typer = asyncio.create_task(_best_effort(channel.typing(), "typing indicator"))
        return await task
    finally:
        task.cancel()
        if typer is not None:
            typer.cancel()


async def _best_effort(call: Awaitable[Any], what: str) -> None:
    try:
        await call
    except Exception as exc:  # cosmetic: whatever went wrong, the answer matters more
        log.warning("%s failed (ignored): %s", what, exc)


async def run_bot(
    settings: Settings, service: NewsServiceLike, *, started: float | None = None
) -> None:
    """Runs until the connection is closed; the caller owns (and closes) the service.

    Raises StartupFailed, with one line for the person starting the bot, when Discord cannot
    be reached or refuses the token; once connected, discord.py reconnects by itself.
    """
    if not settings.discord_token:
        raise ConfigError("DISCORD_TOKEN is not set")
    bot = NewsBot(settings, service, started=started)
    try:
        async with bot:
            await bot.start(settings.discord_token)
    except discord.LoginFailure:
        raise StartupFailed(TOKEN_REJECTED) from None
    except discord.PrivilegedIntentsRequired:
        raise StartupFailed("Discord refused the bot's intents: see README, Discord") from None
    except discord.ConnectionClosed as exc:
        if exc.code == GATEWAY_AUTHENTICATION_FAILED:
            raise StartupFailed(TOKEN_REJECTED) from None
        raise StartupFailed(f"Discord closed the connection ({exc.code}): {exc.reason}") from None
    except discord.HTTPException as exc:
        raise StartupFailed(f"Discord answered {exc.status} at start-up: try again later") from None
    except discord.GatewayNotFound:
        raise StartupFailed("Discord's gateway could not be found: try again later") from None
    except (OSError, aiohttp.ClientError, TimeoutError) as exc:
        reason = str(exc) or type(exc).__name__
        raise StartupFailed(f"could not reach Discord ({reason}): check the network") from None


class _NoVoiceWarnings(logging.Filter):
    """newsbot never joins voice channels, so discord.py's start-up warnings that voice
    support (PyNaCl, davey) is missing are noise to whoever starts the bot."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "voice will NOT be supported" not in record.getMessage()


logging.getLogger("discord.client").addFilter(_NoVoiceWarnings())

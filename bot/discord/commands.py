"""Slash commands: each callback parses its options, calls the service, and renders.

Descriptions are Indonesian by default; `NewsTranslator` supplies the English localisations
Discord shows to en-US / en-GB clients.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

import discord
from discord import app_commands
from discord.app_commands import locale_str

from bot.config import Settings
from bot.discord.pager import DEFER_AFTER, NO_MENTIONS
from bot.discord.permissions import Verdict, interaction_may_reload
from bot.discord.render import lang_for_locale, render_report, text
from bot.discord.reply import Replies, Reply
from bot.engine.answer import Answer, IntentName, Lang, Query
from bot.engine.catalog import messages, say
from bot.engine.intents.commands import Command
from bot.ratelimit import Limiter
from bot.service import ReloadBusy, ReloadFailed
from knowledge.models import BuildReport

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]

# Autocomplete cannot be deferred: a late list is dropped by Discord, so give up early.
AUTOCOMPLETE_TIMEOUT = 2.0
MAX_CHOICES = 25
CHOICE_LIMIT = 100
UPLOAD_LIMIT = 5 * 1024 * 1024


class NewsServiceLike(Protocol):
    """The part of `bot.service.NewsService` the adapter uses."""

    async def ask(self, text: str, conversation: str | None = None) -> Answer: ...
    async def answer(self, query: Query) -> Answer: ...
    def command(self, command: Command, argument: str, lang: Lang | None = None) -> Query: ...
    async def complete_names(self, current: str, limit: int = 25) -> list[str]: ...
    async def complete_topics(self, current: str, limit: int = 25) -> list[str]: ...
    @property
    def reloading(self) -> bool: ...
    def rate_limiter(self, burst: int, interval: float) -> Limiter: ...
    async def reload(self, uploads: Sequence[tuple[str, bytes]] = ()) -> BuildReport: ...


ENGLISH_LOCALES = frozenset({discord.Locale.american_english, discord.Locale.british_english})


def _s(key: str) -> locale_str:
    """A command description: Indonesian by default, the key kept for the translator."""
    return locale_str(say(f"command.{key}", "id"), key=key)


class NewsTranslator(app_commands.Translator):
    async def translate(
        self,
        string: locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        key = f"command.{string.extras.get('key', '')}"
        if key not in messages("en") or locale not in ENGLISH_LOCALES:
            return None
        return say(key, "en")


def interaction_lang(interaction: Interaction) -> Lang:
    return lang_for_locale(str(interaction.locale))


async def send_answer(
    interaction: Interaction, replies: Replies, work: Awaitable[Answer], private: bool
) -> None:
    """Answer quickly without deferring; defer only when the service (or the picture) is
    slow. Later pages of a long answer come from the service when the asker turns to them."""

    async def prepare() -> Reply:
        return await replies.make(await work, interaction.user.id)

    task = asyncio.ensure_future(prepare())
    try:
        done, _ = await asyncio.wait({task}, timeout=DEFER_AFTER)
        if not done:
            await interaction.response.defer(thinking=True, ephemeral=private)
        reply = await task
    finally:
        task.cancel()
    message: discord.Message | None = None
    if interaction.response.is_done():
        message = await interaction.edit_original_response(
            embed=reply.embed,
            view=reply.view,
            attachments=reply.files(),
            allowed_mentions=NO_MENTIONS,
        )
    else:
        response = await interaction.response.send_message(
            **reply.message_kwargs(), ephemeral=private, allowed_mentions=NO_MENTIONS
        )
        if isinstance(response.resource, discord.Message):
            message = response.resource
    if reply.pager is not None:
        reply.pager.message = message


async def answer_query(
    interaction: Interaction,
    replies: Replies,
    service: NewsServiceLike,
    query: Query,
    private: bool,
) -> None:
    """Options that are just a name or a topic skip intent matching; the reader's Discord
    language picks the answer's language, since a bare name has none."""
    await send_answer(interaction, replies, service.answer(query), private)


async def ask_text(
    interaction: Interaction,
    replies: Replies,
    service: NewsServiceLike,
    question: str,
    private: bool,
) -> None:
    """Free text goes through the service's intent matcher, which finds the subject in it
    and answers in the language the question is written in."""
    work = service.ask(question, conversation_key(interaction.channel_id))
    await send_answer(interaction, replies, work, private)


async def send_notice(interaction: Interaction, content: str) -> None:
    """A short private sentence, whatever state the interaction is in."""
    response_type = interaction.response.type
    if not interaction.response.is_done():
        await interaction.response.send_message(
            content, ephemeral=True, allowed_mentions=NO_MENTIONS
        )
    elif response_type is discord.InteractionResponseType.deferred_channel_message:
        await interaction.edit_original_response(
            content=content, embed=None, view=None, allowed_mentions=NO_MENTIONS
        )
    else:
        await interaction.followup.send(content, ephemeral=True, allowed_mentions=NO_MENTIONS)


def _query(
    interaction: Interaction, intent: IntentName, typed: str, subject: str = "", topic: str = ""
) -> Query:
    lang = interaction_lang(interaction)
    return Query(intent=intent, text=typed, subject=subject, topic=topic, lang=lang)


def conversation_key(channel_id: int | None) -> str | None:
    """Discord's conversation: a DM, a channel or a thread (each has its own channel id)."""
    return f"discord:{channel_id}" if channel_id is not None else None


def choices(names: Sequence[str]) -> list[app_commands.Choice[str]]:
    """Discord rejects the whole list for one name over 100 chars or one duplicate."""
    seen: set[str] = set()
    out: list[app_commands.Choice[str]] = []
    for name in names:
        clipped = name.strip()[:CHOICE_LIMIT]
        if clipped and clipped not in seen:
            seen.add(clipped)
            out.append(app_commands.Choice(name=clipped, value=clipped))
        if len(out) == MAX_CHOICES:
            break
    return out


async def _complete(
    lookup: Callable[[str, int], Awaitable[list[str]]], current: str
) -> list[app_commands.Choice[str]]:
    try:
        names = await asyncio.wait_for(
            lookup(current[:CHOICE_LIMIT], MAX_CHOICES), AUTOCOMPLETE_TIMEOUT
        )
    except TimeoutError:
        log.warning("autocomplete gave up after %.1f s", AUTOCOMPLETE_TIMEOUT)
        return []
    return choices(names)


async def read_upload(attachment: discord.Attachment, lang: Lang) -> tuple[str, bytes] | str:
    """(name, content) or, when it cannot be used, the sentence saying why."""
    if attachment.size > UPLOAD_LIMIT:
        reason = f"> {UPLOAD_LIMIT // (1024 * 1024)} MB"
        return text("reload_bad_upload", lang, name=attachment.filename, reason=reason)
    return attachment.filename, await attachment.read()


def register_commands(
    tree: app_commands.CommandTree[Any],
    service: NewsServiceLike,
    settings: Settings,
    replies: Replies,
) -> None:
    """Adds every newsbot command to `tree`; callbacks close over the service and `replies`."""
    _question_commands(tree, service, replies)
    _listing_commands(tree, service, replies)
    _reload_command(tree, service, settings)


def _question_commands(
    tree: app_commands.CommandTree[Any], service: NewsServiceLike, replies: Replies
) -> None:
    async def complete_names(_: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await _complete(service.complete_names, current)

    @tree.command(name="ask", description=_s("ask"))
    @app_commands.describe(question=_s("ask.question"), private=_s("private"))
    async def ask(interaction: Interaction, question: str, private: bool = False) -> None:
        await ask_text(interaction, replies, service, question, private)

    @tree.command(name="who", description=_s("who"))
    @app_commands.describe(name=_s("who.name"), private=_s("private"))
    @app_commands.autocomplete(name=complete_names)
    async def who(interaction: Interaction, name: str, private: bool = False) -> None:
        query = _query(interaction, "who", f"/who {name}", subject=name)
        await answer_query(interaction, replies, service, query, private)

    @tree.command(name="when", description=_s("when"))
    @app_commands.describe(question=_s("when.question"), private=_s("private"))
    async def when(interaction: Interaction, question: str, private: bool = False) -> None:
        await answer_query(
            interaction, replies, service, service.command("when", question), private
        )

    @tree.command(name="quote", description=_s("quote"))
    @app_commands.describe(
        person=_s("quote.person"), topic=_s("quote.topic"), private=_s("private")
    )
    @app_commands.autocomplete(person=complete_names)
    async def quote(
        interaction: Interaction, person: str, topic: str = "", private: bool = False
    ) -> None:
        typed = f"/quote {person} {topic}".strip()
        query = _query(interaction, "quote", typed, subject=person, topic=topic)
        await answer_query(interaction, replies, service, query, private)


def _listing_commands(
    tree: app_commands.CommandTree[Any], service: NewsServiceLike, replies: Replies
) -> None:
    async def complete_topics(_: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await _complete(service.complete_topics, current)

    @tree.command(name="timeline", description=_s("timeline"))
    @app_commands.describe(topic=_s("timeline.topic"), private=_s("private"))
    @app_commands.autocomplete(topic=complete_topics)
    async def timeline(interaction: Interaction, topic: str = "", private: bool = False) -> None:
        query = _query(interaction, "timeline", f"/timeline {topic}".strip(), subject=topic)
        await answer_query(interaction, replies, service, query, private)

    @tree.command(name="search", description=_s("search"))
    @app_commands.describe(query=_s("search.query"), private=_s("private"))
    async def search(interaction: Interaction, query: str, private: bool = False) -> None:
        await answer_query(interaction, replies, service, service.command("search", query), private)

    @tree.command(name="sources", description=_s("sources"))
    async def sources(interaction: Interaction) -> None:
        query = _query(interaction, "sources", "/sources")
        await answer_query(interaction, replies, service, query, False)

    @tree.command(name="help", description=_s("help"))
    async def help_(interaction: Interaction) -> None:
        query = _query(interaction, "help", "/help")
        await answer_query(interaction, replies, service, query, True)


def _reload_command(
    tree: app_commands.CommandTree[Any], service: NewsServiceLike, settings: Settings
) -> None:
    @tree.command(name="reload", description=_s("reload"))
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.describe(file=_s("reload.file"))
    async def reload(interaction: Interaction, file: discord.Attachment | None = None) -> None:
        lang = interaction_lang(interaction)
        refusal = _reload_refusal(interaction, settings, service)
        if refusal:
            await send_notice(interaction, text(refusal, lang))
            return
        upload = await read_upload(file, lang) if file else None
        if isinstance(upload, str):
            await send_notice(interaction, upload)
            return
        await interaction.response.defer(thinking=True, ephemeral=True)
        await _run_reload(interaction, service, [upload] if upload else [], lang)


def _reload_refusal(
    interaction: Interaction, settings: Settings, service: NewsServiceLike
) -> str | None:
    """The text key of why /reload must not run now, or None when it may."""
    verdict = interaction_may_reload(interaction, settings)
    if verdict is Verdict.REFUSED_DM:
        return "reload_refused_dm"
    if verdict is Verdict.REFUSED:
        return "reload_refused"
    return "reload_busy" if service.reloading else None


async def _run_reload(
    interaction: Interaction,
    service: NewsServiceLike,
    uploads: list[tuple[str, bytes]],
    lang: Lang,
) -> None:
    try:
        report = await service.reload(uploads)
    except ReloadBusy:
        await send_notice(interaction, text("reload_busy", lang))
        return
    except ReloadFailed as exc:
        log.warning("reload by %s failed: %s", interaction.user.id, exc)
        await send_notice(interaction, text("reload_failed", lang, reason=str(exc)[:1500]))
        return
    log.info(
        "reload by %s: %d added, %d changed, %d removed, %d failed",
        interaction.user.id,
        len(report.added),
        len(report.changed),
        len(report.removed),
        len(report.failed),
    )
    await interaction.edit_original_response(
        embed=render_report(report, lang), allowed_mentions=NO_MENTIONS
    )

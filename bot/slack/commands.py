"""Slash commands and the pager's buttons: acknowledge, call the service, render, respond.

Slack wants every request acknowledged within 3 seconds, so each handler acknowledges first
and answers afterwards through the request's `response_url` (see `send.respond`). The command
text is the argument, read as on Discord: `/quote Aidan Clark model terbuka` is a speaker and
a topic. An answer is public in the conversation; `/help` and everything about `/reload` is
shown only to whoever asked.
"""

from __future__ import annotations

import logging
import re
from typing import Any, cast

from slack_bolt.app.async_app import AsyncApp

from bot.engine.answer import Lang
from bot.engine.intents.commands import Command
from bot.service import NewsService
from bot.slack.incoming import plain_text
from bot.slack.people import Workspace
from bot.slack.reload import refusal, run_reload
from bot.slack.render import (
    ACTION_NEXT,
    ACTION_PREVIOUS,
    notice,
    read_page_ref,
    render_message,
)
from bot.slack.send import respond

log = logging.getLogger(__name__)

Payload = dict[str, Any]
# The questions' command names, as in manifest.yaml (with /reload); no prefix, as Slack shows them.
QUESTION_COMMANDS = ("who", "when", "timeline", "quote", "search", "sources", "help")
QUESTIONS = re.compile(rf"^/({'|'.join(QUESTION_COMMANDS)})$")
PAGER = re.compile(rf"^({ACTION_PREVIOUS}|{ACTION_NEXT})$")
ANY_COMMAND = re.compile(r"^/.*$")
# A when or search argument is a question with a language of its own; for the others (a bare
# name, a topic, nothing) the reader's Slack language decides.
OWN_LANGUAGE = frozenset({"when", "search"})
PRIVATE = frozenset({"help"})


def register_commands(app: AsyncApp, service: NewsService, workspace: Workspace) -> None:
    """Adds every newsbot command and button to `app`; callbacks close over the service."""

    @app.command(QUESTIONS)
    async def question(ack: Any, command: Payload) -> None:
        await ack()
        name = cast(Command, command["command"].lstrip("/"))
        user = command["user_id"]
        lang = None if name in OWN_LANGUAGE else await workspace.lang(user)
        query = service.command(name, plain_text(command.get("text", "")), lang)
        message = render_message(await service.answer(query), user)
        await respond(command["response_url"], message, private=name in PRIVATE)

    @app.command("/reload")
    async def reload(ack: Any, command: Payload) -> None:
        await ack()
        user, url = command["user_id"], command["response_url"]
        lang = await workspace.lang(user)
        refused = await refusal(workspace, service, user)
        if refused:
            await respond(url, notice(refused, lang), private=True)
            return
        await respond(url, notice("reload_started", lang), private=True)
        await respond(url, await run_reload(service, [], lang, user), private=True)

    @app.command(ANY_COMMAND)
    async def other_command(ack: Any, command: Payload) -> None:
        # A command a workspace added to the app by hand (say /newsbot): its text is a question.
        await ack()
        answer = await service.ask(plain_text(command.get("text", "")))
        await respond(command["response_url"], render_message(answer, command["user_id"]))

    @app.action(PAGER)
    async def turn_page(ack: Any, body: Payload, action: Payload) -> None:
        await ack()
        user, url = body["user"]["id"], body["response_url"]
        ref = read_page_ref(str(action.get("value", "")))
        if ref is None or ref.owner != user:
            lang: Lang = ref.query.lang if ref else await workspace.lang(user)
            key = "pager_stale" if ref is None else "pager_not_yours"
            await respond(url, notice(key, lang), private=True)
            return
        answer = await service.answer(ref.query)
        await respond(url, render_message(answer, user, ref.index), replace=True)

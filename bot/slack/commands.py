"""Slash commands and buttons (pager, 👍/👎): acknowledge, call the service, render, respond.

Slack wants every request acknowledged within 3 seconds, so each handler acknowledges first
and answers afterwards through the request's `response_url` (see `send.respond`). The command
text is the argument, read as on Discord: `/quote Aidan Clark model terbuka` is a speaker and
a topic. An answer is public in the conversation; `/help`, refusals and everything about
`/reload` are shown only to whoever asked.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable
from typing import Any, cast

from slack_bolt.app.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.engine.answer import Lang
from bot.engine.intents.commands import Command
from bot.feedback import VoteOutcome, acknowledgement
from bot.slack.incoming import plain_text
from bot.slack.reload import refusal, run_reload
from bot.slack.render import (
    ACTION_NEXT,
    ACTION_PREVIOUS,
    ACTION_VOTE_DOWN,
    ACTION_VOTE_UP,
    notice,
    plain,
    read_page_ref,
    read_vote,
)
from bot.slack.replies import SURFACE, Surface
from bot.slack.send import respond

log = logging.getLogger(__name__)

Payload = dict[str, Any]
# The questions' command names, as in manifest.yaml (with /reload); no prefix, as Slack shows them.
QUESTION_COMMANDS = ("who", "when", "timeline", "quote", "search", "sources", "help")
QUESTIONS = re.compile(rf"^/({'|'.join(QUESTION_COMMANDS)})$")
PAGER = re.compile(rf"^({ACTION_PREVIOUS}|{ACTION_NEXT})$")
VOTES = re.compile(rf"^({ACTION_VOTE_UP}|{ACTION_VOTE_DOWN})$")
ANY_COMMAND = re.compile(r"^/.*$")
# A when or search argument is a question with a language of its own; for the others (a bare
# name, a topic, nothing) the reader's Slack language decides.
OWN_LANGUAGE = frozenset({"when", "search"})
# Commands that cost the service nothing: private, and never rate-limited.
FREE = frozenset({"help"})


def register_commands(app: AsyncApp, surface: Surface) -> None:
    """Adds every newsbot command and button to `app`. Each acknowledges, then runs its work
    `guarded`."""

    @app.command(QUESTIONS)
    async def question(ack: Any, command: Payload, client: AsyncWebClient) -> None:
        await ack()
        await guarded(surface, command, _question(surface, command, client))

    @app.command("/reload")
    async def reload(ack: Any, command: Payload) -> None:
        await ack()
        await guarded(surface, command, _reload(surface, command))

    @app.command(ANY_COMMAND)
    async def other_command(ack: Any, command: Payload) -> None:
        # A command a workspace added to the app by hand (say /newsbot): its text is a question.
        await ack()
        await guarded(surface, command, _other_command(surface, command))

    @app.action(PAGER)
    async def turn_page(ack: Any, body: Payload, action: Payload) -> None:
        await ack()
        await guarded(surface, body, _turn_page(surface, body, action))

    @app.action(VOTES)
    async def vote(ack: Any, body: Payload, action: Payload) -> None:
        await ack()
        await guarded(surface, body, _vote(surface, body, action))


async def guarded(surface: Surface, request: Payload, work: Awaitable[None]) -> None:
    """Run a handler's work after its acknowledgement. A failure is logged and told to the
    asker privately, never raised to bolt: when a listener fails just after acknowledging,
    bolt can drop the acknowledgement, and Slack would send the request again."""
    try:
        await work
    except Exception:
        log.exception("a Slack request failed")
        user = str(request.get("user_id") or request.get("user", {}).get("id") or "")
        lang = await surface.workspace.lang(user) if user else "id"
        await respond(request["response_url"], notice("error", lang), private=True)


async def _question(surface: Surface, command: Payload, client: AsyncWebClient) -> None:
    name = cast(Command, command["command"].lstrip("/"))
    user, url = command["user_id"], command["response_url"]
    reader = await surface.workspace.lang(user)
    wait = None if name in FREE else await surface.wait(user, reader)
    if wait is not None:
        await respond(url, wait, private=True)
        return
    lang = None if name in OWN_LANGUAGE else reader
    query = surface.service.command(name, plain_text(command.get("text", "")), lang)
    answer = await surface.service.answer(query)
    await respond(url, await surface.message(answer, user), private=name in FREE)
    await surface.picture(client, answer, command["channel_id"])


async def _reload(surface: Surface, command: Payload) -> None:
    user, url = command["user_id"], command["response_url"]
    lang = await surface.workspace.lang(user)
    refused = await refusal(surface.workspace, surface.service, user)
    if refused:
        await respond(url, notice(refused, lang), private=True)
        return
    await respond(url, notice("reload_started", lang), private=True)
    await respond(url, await run_reload(surface.service, [], lang, user), private=True)


async def _other_command(surface: Surface, command: Payload) -> None:
    user, url = command["user_id"], command["response_url"]
    wait = await surface.wait(user, await surface.workspace.lang(user))
    if wait is not None:
        await respond(url, wait, private=True)
        return
    answer = await surface.service.ask(plain_text(command.get("text", "")))
    await respond(url, await surface.message(answer, user))


async def _turn_page(surface: Surface, body: Payload, action: Payload) -> None:
    user, url = body["user"]["id"], body["response_url"]
    ref = read_page_ref(str(action.get("value", "")))
    if ref is None or ref.owner != user:
        lang: Lang = ref.query.lang if ref else await surface.workspace.lang(user)
        key = "pager_stale" if ref is None else "pager_not_yours"
        await respond(url, notice(key, lang), private=True)
        return
    answer = await surface.service.answer(ref.query)
    await respond(url, await surface.message(answer, user, ref.index), replace=True)


async def _vote(surface: Surface, body: Payload, action: Payload) -> None:
    user, answer_id = body["user"]["id"], read_vote(str(action.get("value", "")))
    outcome: VoteOutcome | None = None  # told as "cannot be recorded right now"
    if surface.feedback is not None and answer_id is not None:
        up = action["action_id"] == ACTION_VOTE_UP
        try:
            outcome = await surface.feedback.vote(answer_id, user, up, SURFACE)
        except Exception:
            log.exception("could not record a vote on answer %s", answer_id)
    thanks = acknowledgement(outcome, await surface.workspace.lang(user))
    await respond(body["response_url"], plain(thanks), private=True)

"""The answer engine: a question in, one structured `Answer` out.

Every surface (console, Discord, later Slack) calls this and only renders what it returns. An
answer is either backed by verbatim sentences from the articles, or it says plainly that the
articles do not hold it: nothing here pads a reply with loosely related text.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.engine.answer import Answer, Lang, Query
from bot.engine.conversation import (
    TTL_SECONDS,
    Context,
    ConversationStore,
    MemoryConversations,
    next_context,
)
from bot.engine.corpus import Corpus
from bot.engine.handlers import HANDLERS
from bot.engine.handlers.listing import answer_unknown
from bot.engine.handlers.reply import reply
from bot.engine.intents import IntentMatcher
from bot.engine.intents.commands import Command
from bot.engine.intents.tokens import has_case_signal
from bot.engine.names import PersonIndex
from bot.engine.spelling import Speller
from knowledge import text as stemming
from knowledge.store import Store
from knowledge.store.reader import ArticleRow, PersonRow
from knowledge.text import name_key

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000
CHOICE_CHARS = 100  # an autocomplete choice longer than this is cut (Discord's limit)
TOPIC_MATCH = 60  # rapidfuzz WRatio, 0-100: below it a topic is not offered


class Engine:
    """Answers questions about one open knowledge base. Build it with `Engine.open`."""

    def __init__(self, corpus: Corpus, conversations: ConversationStore | None = None) -> None:
        self.corpus = corpus
        self.matcher = IntentMatcher(corpus.people)
        self.conversations = MemoryConversations() if conversations is None else conversations
        titles = (a.title for a in corpus.articles.values())
        self.speller = Speller(corpus.store, corpus.people, titles)
        self._topics: list[str] | None = None

    @classmethod
    async def open(cls, db_path: Path, conversations: ConversationStore | None = None) -> Engine:
        """Opens the knowledge base at `db_path` read-only and builds the indexes.

        `conversations` keeps each conversation's context between questions (an in-memory
        store when None); pass the previous engine's to keep conversations across a reload.
        Raises FileNotFoundError when there is no file, SchemaMismatch when it is not a
        knowledge base of this version (see `Store.open`).
        """
        store = await Store.open(db_path)
        try:
            rows = await store.people()
            articles = await store.articles()
            # Building the indexes is pure CPU (hundreds of ms at 100k articles): off the loop,
            # so a reload does not stall the questions being answered meanwhile.
            engine = await asyncio.to_thread(cls._build, store, rows, articles)
        except BaseException:
            await store.close()
            raise
        if conversations is not None:
            engine.conversations = conversations
        return engine

    @classmethod
    def _build(
        cls, store: Store, rows: Sequence[PersonRow], articles: Sequence[ArticleRow]
    ) -> Engine:
        stemming.load()
        return cls(Corpus.build(store, PersonIndex(rows), articles))

    async def close(self) -> None:
        """Closes the knowledge base; answering afterwards fails."""
        await self.corpus.store.close()

    async def ask(self, text: str, conversation: str | None = None) -> Answer:
        """Answer free text or slash syntax. Never raises: a failure is a polite answer.

        `conversation` names the conversation the question belongs to (a console session, an
        `ask -` stream, a Discord DM, channel or thread), so that a follow-up ("kapan dia
        mundur?") can be read against the one before it; None for a question on its own.
        """
        question = text if isinstance(text, str) else ""
        context = await self._recall(conversation)
        try:
            query = self.matcher.parse(question[:MAX_QUESTION_CHARS], context)
        except Exception:
            log.exception("intent matching failed for %r", question[:200])
            return _error(Query("unknown", question))
        if query.pronoun:
            return reply(query, False, "pronoun_unknown", intent="unknown", subject=query.pronoun)
        answer = await self.answer(await self._spelt(query))
        if conversation is not None:
            await self._remember(conversation, context or Context(), answer)
        return answer

    async def _spelt(self, query: Query) -> Query:
        """The query with typos in the words it is about corrected (never a person's name)."""
        capitals = has_case_signal(query.text)
        try:
            if query.intent in ("when", "timeline", "search") and query.subject:
                return replace(query, subject=await self.speller.correct(query.subject, capitals))
            if query.intent == "quote" and query.topic:
                return replace(query, topic=await self.speller.correct(query.topic, capitals))
        except Exception:
            log.exception("spelling correction failed for %r", query.text[:200])
        return query

    async def _recall(self, conversation: str | None) -> Context | None:
        """The conversation's context, None for a question on its own or a store that fails."""
        if conversation is None:
            return None
        try:
            stored = await self.conversations.get(conversation)
        except Exception:
            log.exception("conversation store failed reading %r", conversation)
            return None
        return Context.from_dict(stored) if stored else Context()

    async def _remember(self, conversation: str, previous: Context, answer: Answer) -> None:
        if answer.intent in ("help", "sources", "unknown"):
            return  # chit-chat between questions does not change who "dia" is
        context = next_context(previous, answer, self.corpus.people)
        try:
            await self.conversations.put(conversation, context.to_dict(), TTL_SECONDS)
        except Exception:
            log.exception("conversation store failed writing %r", conversation)

    def command(self, command: Command, argument: str, lang: Lang | None = None) -> Query:
        """The query of a slash command with its argument as typed (see IntentMatcher.command)."""
        return self.matcher.command(command, argument, lang)

    async def answer(self, query: Query) -> Answer:
        """Answer a parsed query (slash-command options, the next page of an answer)."""
        handler = HANDLERS.get(query.intent, answer_unknown)
        try:
            return await handler(self.corpus, query)
        except Exception:
            log.exception("answering failed for %r", query)
            return _error(query)

    async def complete_names(self, current: str, limit: int = 25) -> list[str]:
        """Known people whose name is close to what the user has typed so far, best first."""
        return [n[:CHOICE_CHARS] for n in self.corpus.people.complete(current, limit)]

    async def complete_topics(self, current: str, limit: int = 25) -> list[str]:
        """People and organisations close to what the user has typed so far, best first."""
        if self._topics is None:
            self._topics = self.corpus.people.names() + await self.corpus.store.orgs()
        if not current.strip():
            return [t[:CHOICE_CHARS] for t in self._topics[:limit]]
        scored = process.extract(
            current, self._topics, scorer=fuzz.WRatio, processor=name_key, limit=limit
        )
        return [t[:CHOICE_CHARS] for t, s, _ in scored if s >= TOPIC_MATCH]


def _error(query: Query) -> Answer:
    return reply(query, False, "error", intent="unknown")

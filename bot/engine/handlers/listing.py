"""/sources and /help: what the knowledge base holds, and how to ask."""

from __future__ import annotations

from datetime import date

from bot.engine.answer import Answer, Query
from bot.engine.corpus import Corpus
from bot.engine.handlers.reply import reply
from bot.engine.intents import tokens as tk


async def answer_sources(corpus: Corpus, q: Query) -> Answer:
    """Every article, newest first (undated ones last)."""
    articles = sorted(
        corpus.articles.values(), key=lambda a: (a.published or date.min, a.id), reverse=True
    )
    if not articles:
        return reply(q, False, "sources_none")
    return reply(q, True, "sources_title", [corpus.article_fact(a) for a in articles])


async def answer_help(corpus: Corpus, q: Query) -> Answer:
    """The usage text; it needs nothing from the knowledge base."""
    return reply(q, True, "help")


async def answer_unknown(corpus: Corpus, q: Query) -> Answer:
    """Not a question: a greeting or thanks is greeted back, anything else is not
    understood; both point to /help and neither claims an answer."""
    tokens, stripped = tk.strip_fillers(tk.tokenize(tk.clean(q.text)))
    message = "greeting" if stripped and not tokens else "unknown"
    return reply(q, False, message, intent="unknown")

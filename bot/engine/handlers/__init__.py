"""One handler per intent: a `Query` in, a structured `Answer` out, no wording."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.engine.answer import Answer, IntentName, Query
from bot.engine.corpus import Corpus
from bot.engine.handlers.listing import answer_help, answer_sources
from bot.engine.handlers.people import answer_who
from bot.engine.handlers.quotes import answer_quote
from bot.engine.handlers.search import answer_search
from bot.engine.handlers.when import answer_timeline, answer_when

Handler = Callable[[Corpus, Query], Awaitable[Answer]]

HANDLERS: dict[IntentName, Handler] = {
    "who": answer_who,
    "when": answer_when,
    "timeline": answer_timeline,
    "quote": answer_quote,
    "search": answer_search,
    "sources": answer_sources,
    "help": answer_help,
}

"""/search: the sentences that answer a question's words, best first."""

from __future__ import annotations

from bot.engine.answer import Answer, Fact, Query
from bot.engine.corpus import Corpus
from bot.engine.handlers.reply import reply
from bot.engine.retrieval import matching_sentences, topic_of

CANDIDATES = 40
SHOWN = 3


async def answer_search(corpus: Corpus, q: Query) -> Answer:
    """Up to three sentences that cover the question's terms (see `matching_sentences`)."""
    topic = q.subject.strip() or q.text.strip()
    hits = await matching_sentences(corpus, topic_of(corpus, topic), limit=CANDIDATES)
    if not hits:
        return reply(q, False, "search_none", subject=topic)
    facts = [Fact("match", corpus.cite(h.article_id, h.text)) for h in hits[:SHOWN]]
    return reply(q, True, "search_title", facts, subject=topic)

"""/search: the sentences that answer a question's words, best first."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answer import Answer, Fact, Query
from bot.engine.asking import Asking, read_question
from bot.engine.corpus import Corpus
from bot.engine.handlers.reasons import answer_reason
from bot.engine.handlers.reply import reply
from bot.engine.retrieval import Topic, matching_sentences, topic_of

CANDIDATES = 40
SHOWN = 3
RELATED = 2  # sentences shown under the related heading when none answers


async def answer_search(corpus: Corpus, q: Query) -> Answer:
    """Up to three sentences that answer the question (see `matching_sentences`); a why or
    how question gets the sentence giving the reason (`answer_reason`). When none answers,
    the sentences closest to the question are shown as related, never as the answer."""
    topic = q.subject.strip()
    if not topic and q.text.lstrip().startswith(("/", "!")):
        return reply(q, False, "usage_search")
    topic = topic or q.text.strip()
    asking = read_question(q.text, q.lang)
    if asking.kind in ("reason", "manner"):
        return await answer_reason(corpus, q, asking)
    about = topic_of(corpus, topic, asking)
    hits = await matching_sentences(corpus, about, limit=CANDIDATES)
    if not hits:
        related = await related_sentences(corpus, about)
        return reply(q, False, "search_none", subject=topic, related=related)
    facts = [Fact("match", corpus.cite(h.article_id, h.text)) for h in hits[:SHOWN]]
    return reply(q, True, "search_title", facts, subject=topic)


async def related_sentences(corpus: Corpus, about: Topic) -> list[Fact]:
    """What the articles say closest to a question they do not answer: sentences stating its
    names and terms (one term short), whatever kind of answer was asked. Shown under the
    related heading, never as the answer. One look-up of the sentences holding every term: a
    fallback must stay cheap."""
    kept = Asking(entities=about.asking.entities, words=about.asking.words, lang=about.asking.lang)
    about = replace(about, asking=kept)
    near = await matching_sentences(corpus, about, limit=CANDIDATES, relaxed=True, wide=False)
    return [Fact("match", corpus.cite(h.article_id, h.text)) for h in near[:RELATED]]

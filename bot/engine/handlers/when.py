"""/when and /timeline: the dated events that state what was asked."""

from __future__ import annotations

import math
from dataclasses import replace

from bot.engine.answer import Answer, Query
from bot.engine.asking import read_question
from bot.engine.corpus import Corpus
from bot.engine.handlers.reply import reply
from bot.engine.handlers.search import related_sentences
from bot.engine.retrieval import in_date_order, matching_events, timeline_want, topic_of

PAGE_SIZE = 15  # events per page of a timeline
TIMELINE_EVENTS = 300
ALL_EVENTS = 1000  # a timeline of everything lists at most this many events
HEADLINE_ARTICLES = 20  # articles whose headline is a timeline's topic, most relevant first
OTHER_DATES = 3  # further dates offered after a when-answer, under their own heading


async def answer_when(corpus: Corpus, q: Query) -> Answer:
    """The best-matching dated sentence, with up to three other dates of matching sentences.
    When no dated sentence states the event, what a search finds is shown as related."""
    topic = q.subject.strip()
    if not topic:
        return reply(q, False, "usage_when")
    # A date is the answer whatever the wording ("tanggal berapa"): only the names count.
    asking = replace(read_question(q.text, q.lang), kind="", focus="")
    about = topic_of(corpus, topic, asking)
    events = await matching_events(corpus, about)
    if not events:
        related = await related_sentences(corpus, about)
        return reply(q, False, "when_none", subject=topic, related=related)
    best = events[0]
    others = [e for e in events[1 : OTHER_DATES + 1] if e.when != best.when]
    facts = [corpus.event_fact(best)]
    related = [corpus.event_fact(e) for e in others]
    return reply(q, True, "when_found", facts, subject=topic, related=related)


async def answer_timeline(corpus: Corpus, q: Query) -> Answer:
    """The topic's dated events in date order, `PAGE_SIZE` a page; without a topic, every
    event. A topic's events include those of the articles headlined with it: their dated
    sentences tell its story even where they do not repeat its words."""
    topic = q.subject.strip()
    if topic:
        about = topic_of(corpus, topic)
        events = await matching_events(corpus, about, limit=TIMELINE_EVENTS, loose=True)
        if about.groups and not about.people:
            wanted = timeline_want(about.groups)
            ids = corpus.headlines.about(about.groups, wanted, HEADLINE_ARTICLES)
            events += await corpus.store.article_events(ids, limit=TIMELINE_EVENTS)
    else:
        events = await corpus.store.all_events(limit=ALL_EVENTS)
    events = in_date_order(events)
    if not events and topic:
        related = await related_sentences(corpus, topic_of(corpus, topic))
        return reply(q, False, "timeline_none", subject=topic, related=related)
    if not events:
        return reply(q, False, "timeline_empty")
    pages = max(1, math.ceil(len(events) / PAGE_SIZE))
    page = min(max(1, q.page), pages)
    shown = events[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    facts = [corpus.event_fact(e) for e in shown]
    message = "timeline_title" if topic else "timeline_all"
    return reply(q, True, message, facts, subject=topic, page=page, pages=pages)

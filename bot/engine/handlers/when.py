"""/when and /timeline: the dated events that state what was asked."""

from __future__ import annotations

import math
from dataclasses import replace

from bot.engine.answer import Answer, Fact, Query
from bot.engine.asking import points_back, read_question
from bot.engine.corpus import Corpus
from bot.engine.handlers.reply import reply
from bot.engine.handlers.search import related_sentences
from bot.engine.retrieval import (
    Topic,
    in_date_order,
    leads,
    matching_events,
    matching_sentences,
    timeline_want,
    topic_of,
)
from bot.engine.terms import covered
from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.store.reader import EventRow, SentenceRow
from knowledge.text import fold

PAGE_SIZE = 15  # events per page of a timeline
TIMELINE_EVENTS = 300
ALL_EVENTS = 1000  # a timeline of everything lists at most this many events
HEADLINE_ARTICLES = 20  # articles whose headline is a timeline's topic, most relevant first
OTHER_DATES = 3  # further dates offered after a when-answer, under their own heading
CANDIDATES = 40  # sentences searched for an event told without its date
TOLD_READ = 3  # best of them whose next sentence may date the event
LED_ARTICLES = 20  # articles of a timeline's events whose lead is read
_FRAMES = ENGINE_VOCABULARY.data("question_frames")
TIMELINE_FRAMES = frozenset(str(w) for w in _FRAMES["timeline"])


async def answer_when(corpus: Corpus, q: Query) -> Answer:
    """The best-matching dated sentence, with up to three other dates of matching sentences;
    or an event told without its date, dated by the next sentence that points back to it.
    When no dated sentence states the event, what a search finds is shown as related."""
    topic = q.subject.strip()
    if not topic:
        return reply(q, False, "usage_when")
    # A date is the answer whatever the wording ("tanggal berapa"): only the names count.
    asking = replace(read_question(q.text, q.lang), kind="", focus="")
    about = topic_of(corpus, topic, asking)
    events = await matching_events(corpus, about)
    if not events:
        dated = await _dated_after(corpus, about)
        if dated is not None:
            event, told = dated
            facts = [
                corpus.event_fact(event),
                Fact("match", corpus.cite(told.article_id, told.text)),
            ]
            return reply(q, True, "when_found", facts, subject=topic)
        related = await related_sentences(corpus, about)
        return reply(q, False, "when_none", subject=topic, related=related)
    best = events[0]
    others = [e for e in events[1 : OTHER_DATES + 1] if e.when != best.when]
    facts = [corpus.event_fact(best)]
    related = [corpus.event_fact(e) for e in others]
    return reply(q, True, "when_found", facts, subject=topic, related=related)


def _unframed(topic: str) -> str:
    """The topic without the words that only frame a chronology ("dari awal sampai mundur")."""
    kept = [w for w in topic.split() if fold(w) not in TIMELINE_FRAMES]
    return " ".join(kept) or topic


async def _led_with(
    corpus: Corpus, about: Topic, events: list[EventRow], exclude: list[str]
) -> list[str]:
    """The articles of the matched events whose headline and lead state every term of the topic:
    such an article tells its story, though its other dated sentences ("The fraud came to light
    in March 2023") do not repeat it ("Sanur Cove" stands in the lead only)."""
    ids = [a for a in dict.fromkeys(e.article_id for e in events) if a not in exclude]
    found = []
    for a, lead in (await leads(corpus, ids[:LED_ARTICLES])).items():
        article = corpus.articles.get(a)
        context = f"{lead.stemmed} {article.title_stemmed if article else ''}"
        if covered(about.groups, context) == len(about.groups):
            found.append(a)
    return found


async def _dated_after(corpus: Corpus, about: Topic) -> tuple[EventRow, SentenceRow] | None:
    """An event told without its date, dated by the sentence right after it that points back
    to it: "Joko Susanto mengundurkan diri ..." then "Keputusan itu diumumkan ... pada Minggu
    (21/4/2024)". The dated event and the sentence telling it; None when there is none."""
    told = await matching_sentences(corpus, about, limit=CANDIDATES, wide=False)
    told = told[:TOLD_READ]
    if not told:
        return None
    after = await corpus.store.sentences_at((r.article_id, r.idx + 1) for r in told)
    pointing = [s for s in after.values() if points_back(s.text)]
    events = await corpus.store.events_at((s.article_id, s.idx) for s in pointing)
    for r in told:
        for event in events:
            if (event.article_id, event.idx) == (r.article_id, r.idx + 1):
                return event, r
    return None


async def answer_timeline(corpus: Corpus, q: Query) -> Answer:
    """The topic's dated events in date order, `PAGE_SIZE` a page; without a topic, every
    event. A topic's events include those of the articles headlined with it: their dated
    sentences tell its story even where they do not repeat its words."""
    topic = q.subject.strip()
    if topic:
        about = topic_of(corpus, _unframed(topic))
        events = await matching_events(corpus, about, limit=TIMELINE_EVENTS, loose=True)
        if about.groups and not about.people:
            wanted = timeline_want(about.groups)
            ids = corpus.headlines.about(about.groups, wanted, HEADLINE_ARTICLES)
            ids += await _led_with(corpus, about, events, exclude=ids)
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

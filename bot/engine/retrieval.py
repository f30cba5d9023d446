"""Finding the sentences and events that answer a topic, best first.

A sentence answers only when it names the topic's people (never a namesake) and covers enough
of its other terms (`bot.engine.terms`), with its article's headline as context. bm25 (lower is
better) breaks ties. Nothing here pads: a topic with no such sentence gets an empty list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.engine.corpus import Corpus
from bot.engine.terms import TermGroup, covered, needed, term_groups
from knowledge.models import PRECISIONS
from knowledge.store.reader import EventRow, PersonRow, SentenceRow
from knowledge.text import stem, words

ENOUGH_FULL_MATCHES = 5  # sentences with every term that make a wider (slower) search pointless


@dataclass(frozen=True)
class Topic:
    """What a question is about: the people it names, and its other terms."""

    groups: list[TermGroup]
    people: list[PersonRow]


def topic_of(corpus: Corpus, text: str) -> Topic:
    """The known people named in `text`, and term groups of the rest."""
    people, rest = corpus.people.in_text(text)
    return Topic(term_groups(rest), people)


async def matching_sentences(
    corpus: Corpus, topic: Topic, *, limit: int, events_only: bool = False, loose: bool = False
) -> list[SentenceRow]:
    """Sentences that name the topic's people and cover enough of its terms, best first.

    `events_only` keeps sentences stating a dated event; `loose` (timelines) accepts one term in
    the sentence when the headline carries the rest. At most `limit` candidates are ranked.
    """
    groups, people = topic.groups, topic.people
    if groups:
        name_groups = [[stem(w) for w in words(p.name)] for p in people]
        search = [sorted(g.stems) for g in groups] + name_groups
        rows = []
        if not loose:
            # Sentences holding every term first: ranking them is cheap even when a term is
            # common. Only when too few do, rank what holds any term.
            rows = await corpus.store.search(
                search, limit=limit, events_only=events_only, every=True
            )
        if len(rows) < ENOUGH_FULL_MATCHES:
            rows = await corpus.store.search(search, limit=limit, events_only=events_only)
    elif people:
        ids = [p.id for p in people]
        rows = await corpus.store.person_sentences(ids, limit=limit, events_only=events_only)
    else:
        return []
    if people:
        rows = await _naming(corpus, rows, {p.id for p in people})
    want = needed(groups)
    # A timeline gathers a topic's events, so one of its terms in the sentence is enough when
    # the headline carries the rest; a single fact must be stated by the sentence itself.
    own_want = 1 if loose else max(1, want - 1)
    good: list[tuple[int, int, SentenceRow]] = []
    for r in rows:
        own = covered(groups, r.stemmed)
        # The headline is context for every sentence under it: "anggaran tram" is answered
        # by a budget sentence in a tram article.
        title = corpus.articles.get(r.article_id)
        context = covered(groups, f"{r.stemmed} {title.title_stemmed if title else ''}")
        if context >= want and (not groups or own >= own_want):
            good.append((context, own, r))
    good.sort(key=lambda t: (-t[0], -t[1], t[2].score))
    return [r for _, _, r in good]


async def _naming(corpus: Corpus, rows: list[SentenceRow], wanted: set[int]) -> list[SentenceRow]:
    """Rows about the wanted people: naming them, or in an article about them naming nobody
    else ("Dia tiba di Bali pada Senin" in an article about her), never about a namesake."""
    named = await corpus.store.people_at((r.article_id, r.idx) for r in rows)
    in_article = await corpus.store.article_people(r.article_id for r in rows)
    kept = []
    for r in rows:
        here = named[(r.article_id, r.idx)]
        if wanted <= here or (wanted <= in_article[r.article_id] and not here - wanted):
            kept.append(r)
    return kept


async def matching_events(
    corpus: Corpus, topic: Topic, limit: int = 60, loose: bool = False
) -> list[EventRow]:
    """The dated events of the matching sentences: best sentence first, and within a sentence
    the most precise date first."""
    hits = await matching_sentences(corpus, topic, limit=limit, events_only=True, loose=loose)
    rank = {(h.article_id, h.idx): i for i, h in enumerate(hits)}
    events = await corpus.store.events_at(rank)
    return sorted(
        events,
        key=lambda e: (
            rank[(e.article_id, e.idx)],
            PRECISIONS.index(e.when.precision),
            not e.when.year_known,
        ),
    )


def in_date_order(events: list[EventRow]) -> list[EventRow]:
    """Events by date, each (date, sentence) once; chronology headings ("Jumat") dropped: they
    date the sentences under them, and as entries of their own they quote nothing."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for e in sorted(events, key=_event_order):
        key = (e.when, e.text)
        if key not in seen and not _only_date(e):
            seen.add(key)
            out.append(e)
    return out


def _event_order(e: EventRow) -> tuple[int, date, str, int]:
    # Undated-year events cannot be placed among the others; they go last.
    return (0 if e.when.year_known else 1, e.when.start, e.article_id, e.idx)


def _only_date(e: EventRow) -> bool:
    return e.text.strip().rstrip(".:").casefold() == e.date_text.strip().casefold()

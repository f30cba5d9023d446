"""/quote: what a person said, optionally about a topic.

A quote is about a topic when the words around it say so, not only the quoted words: "apa kata
Joko kepada suporter?" is answered by "“Saya gagal memenuhi harapan,” tulisnya." two sentences
after "Ia hanya meminta maaf kepada suporter"; "apa kata Bayu setelah dicopot?" by his one
quote in the article headlined with his removal. So a quote's topic terms are looked for in the
quote, its sentence, the sentences just before and after it, and its article's headline, each
term as its stem or a lexicon equivalent. Quotes stating more of the topic closer to the quoted
words rank first. When none is about the topic, the reply says so and shows the person's
quotes closest to it under the related heading, never as the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.engine.answer import Answer, Fact, Query
from bot.engine.asking import read_question
from bot.engine.corpus import Corpus
from bot.engine.handlers.holders import find_holders
from bot.engine.handlers.people import unknown_person
from bot.engine.handlers.reply import reply
from bot.engine.roles import parse as parse_role
from bot.engine.terms import TermGroup, covered, needed, term_groups
from knowledge.store.reader import PersonRow, QuoteRow

QUOTES_SHOWN = 15
SPEAKERS_SHOWN = 8  # people who do have quotes, offered when the asked one has none
RELATED = 2  # the person's quotes closest to a topic none of them is about
BEFORE = 2  # sentences before a quote's that may say what it is about ("Ia meminta maaf ...")
CONTEXT_QUOTES = 300  # quotes whose surroundings are read, in the order the store lists them


@dataclass(frozen=True)
class _Placed:
    """A quote with how much of the topic it states: in its own sentence (`own`), with the
    sentences around it (`near`), and with its headline too (`wide`)."""

    quote: QuoteRow
    own: int
    near: int
    wide: int


async def answer_quote(corpus: Corpus, q: Query) -> Answer:
    """The person's direct statements, optionally only those about `q.topic`. A role
    ("apa kata gubernur NTB?") stands for the people holding it."""
    if not q.subject.strip():
        return reply(q, False, "usage_quote")
    match = corpus.people.find(q.subject)
    person = match.person or await _holder_of(corpus, q.subject)
    if person is None:
        return unknown_person(q, match.suggestions)
    quotes = await corpus.store.quotes(person.id)
    topic = q.topic.strip()
    if not quotes:
        speakers = await corpus.store.quote_speakers()
        names = speakers[:SPEAKERS_SHOWN]
        return reply(q, False, "quote_none", subject=person.name, names=names)
    if topic:
        # "soal penyebab banjir" is about the flood: a quote need not say "penyebab".
        groups = term_groups(read_question(q.text, q.lang).terms(topic)) or term_groups(topic)
        about, closest = await about_topic(corpus, quotes, groups)
        if not about:
            related = [_quote_fact(corpus, r) for r in closest[:RELATED]]
            return reply(q, False, "quote_topic_none", subject=person.name, related=related)
        quotes = about
    shown = quotes[:QUOTES_SHOWN]
    # Dates only for the quotes shown: a much-quoted speaker has thousands.
    events = {
        (e.article_id, e.idx): e
        for e in await corpus.store.events_at((r.article_id, r.idx) for r in shown)
    }
    facts = []
    for r in shown:
        event = events.get((r.article_id, r.idx))
        if event is not None:
            fact = replace(corpus.event_fact(event, snippet=r.text), kind="quote")
        else:
            fact = _quote_fact(corpus, r)
        facts.append(replace(fact, speaker=r.speaker))
    message = "quote_topic_title" if topic else "quote_title"
    return reply(q, True, message, facts, subject=person.name)


async def about_topic(
    corpus: Corpus, quotes: Sequence[QuoteRow], groups: Sequence[TermGroup]
) -> tuple[list[QuoteRow], list[QuoteRow]]:
    """The quotes about the topic `groups` make, best first, and (when none is) the quotes
    closest to it first. A quote is about the topic when its surroundings
    (see the module doc) state as many of its terms as an answer needs (`terms.needed`)."""
    if not groups:
        return list(quotes), []
    # Surroundings are read for so many quotes only: a much-quoted speaker has thousands.
    recent = list(quotes[:CONTEXT_QUOTES])
    keys = [(r.article_id, r.idx + k) for r in recent for k in range(-BEFORE, 1)]
    sentences = await corpus.store.sentences_at(keys)
    placed = []
    for r in recent:
        own_row = sentences.get((r.article_id, r.idx))
        own_text = f"{r.stemmed} {own_row.stemmed if own_row else ''}"
        around = (sentences.get((r.article_id, r.idx + k)) for k in range(-BEFORE, 1))
        near_text = " ".join(s.stemmed for s in around if s is not None)
        article = corpus.articles.get(r.article_id)
        headline = article.title_stemmed if article else ""
        placed.append(
            _Placed(
                r,
                covered(groups, own_text),
                covered(groups, f"{r.stemmed} {near_text}"),
                covered(groups, f"{r.stemmed} {near_text} {headline}"),
            )
        )
    placed.sort(key=lambda p: (-p.wide, -p.near, -p.own))
    want = needed(groups)
    about = [p for p in placed if p.wide >= want]
    about.sort(key=lambda p: (-p.own, -p.near, -p.wide))
    if about:
        return [p.quote for p in about], []
    return [], [p.quote for p in placed]


def _quote_fact(corpus: Corpus, r: QuoteRow) -> Fact:
    return Fact("quote", corpus.cite(r.article_id, r.text), speaker=r.speaker)


async def _holder_of(corpus: Corpus, subject: str) -> PersonRow | None:
    """The newest stated holder of the role a quote question names, if it names one."""
    asked = parse_role(subject, asked=True)
    if asked is None:
        return None
    for holder in await find_holders(corpus, subject, asked):
        if holder.row.person_id is not None:
            return corpus.people.find(holder.name).person
    return None

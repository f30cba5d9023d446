"""/who and /quote: what the articles say a person is, and what they said."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.engine.answer import Answer, Fact, Query
from bot.engine.corpus import Corpus
from bot.engine.handlers.reply import reply
from bot.engine.terms import covered, needed, term_groups

EVENTS_SHOWN = 8  # a person's dated events listed under their roles
MENTIONS_SHOWN = 3  # sentences naming a person who has neither a role nor an event
QUOTES_SHOWN = 15
SPEAKERS_SHOWN = 8  # people who do have quotes, offered when the asked one has none


async def answer_who(corpus: Corpus, q: Query) -> Answer:
    """The person's stated roles (each once, cited), then their dated events; a person with
    neither gets the sentences that mention them."""
    match = corpus.people.find(q.subject)
    if match.person is None:
        return unknown_person(q, match.suggestions)
    person = match.person
    roles: list[Fact] = []
    seen: set[str] = set()
    for role in await corpus.store.roles(person.id):
        key = role.role.casefold()
        if key in seen:
            continue
        seen.add(key)
        cite = corpus.cite(role.article_id, role.text) if role.article_id else None
        roles.append(Fact("role", cite, role=role.role))
    events = await corpus.store.person_events(person.id, limit=EVENTS_SHOWN)
    related = [corpus.event_fact(e) for e in events]
    if not roles and not related:
        mentions = await corpus.store.mention_sentences(person.id, limit=MENTIONS_SHOWN)
        related = [Fact("mention", corpus.cite(r.article_id, r.text)) for r in mentions]
    message = "who_roles" if roles else "who_no_roles"
    return reply(q, True, message, roles, subject=person.name, related=related)


async def answer_quote(corpus: Corpus, q: Query) -> Answer:
    """The person's direct statements, optionally only those about `q.topic`."""
    match = corpus.people.find(q.subject)
    if match.person is None:
        return unknown_person(q, match.suggestions)
    person = match.person
    quotes = await corpus.store.quotes(person.id)
    topic = q.topic.strip()
    if topic and quotes:
        groups = term_groups(topic)
        ranked = [(covered(groups, r.stemmed), r) for r in quotes]
        quotes = [r for score, r in ranked if groups and score >= needed(groups)]
    if not quotes:
        if topic:
            return reply(q, False, "quote_topic_none", subject=person.name)
        speakers = await corpus.store.quote_speakers()
        names = speakers[:SPEAKERS_SHOWN]
        return reply(q, False, "quote_none", subject=person.name, names=names)
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
            fact = Fact("quote", corpus.cite(r.article_id, r.text))
        facts.append(replace(fact, speaker=r.speaker))
    message = "quote_topic_title" if topic else "quote_title"
    return reply(q, True, message, facts, subject=person.name)


def unknown_person(q: Query, suggestions: Sequence[str]) -> Answer:
    """No known person matches the name: say so, with the close names as suggestions."""
    name = q.subject.strip() or q.text.strip()
    ambiguous = len(suggestions) > 1 and all(name.casefold() in s.casefold() for s in suggestions)
    message = "person_ambiguous" if ambiguous else "person_unknown"
    return reply(q, False, message, subject=name, suggestions=suggestions)

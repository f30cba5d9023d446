"""/who: what the articles say a person is; the "no such person" answer /quote shares."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import OSA

from bot.engine.answer import Answer, Fact, Query
from bot.engine.corpus import Corpus
from bot.engine.handlers.holders import answer_holder
from bot.engine.handlers.reply import reply
from bot.engine.terms import term_groups
from knowledge.text import name_key

EVENTS_SHOWN = 8  # a person's dated events listed under their roles
MENTIONS_SHOWN = 3  # sentences naming a person who has no stated role
CLOSE_EDITS = 2  # a "did you mean" name at most this many edits from the typed one
CLOSE_EDITS_LONG = 3  # ... or this many when the typed name has LONG_NAME letters or more
LONG_NAME = 12


async def answer_who(corpus: Corpus, q: Query) -> Answer:
    """The person's stated roles (each once, cited), then their dated events; a person with
    no role gets the sentences that mention them. A role question ("siapa Kapolres Bantul?")
    gets the people who hold the role (`answer_holder`); a name no person was resolved to but
    the articles write gets the sentences writing it."""
    if q.role:
        return await answer_holder(corpus, q)
    if not q.subject.strip():
        return reply(q, False, "usage_who")
    match = corpus.people.find(q.subject)
    if match.person is None:
        mentions = await _written(corpus, q.subject)
        if mentions:
            return reply(q, True, "who_mentions", mentions, subject=q.subject.strip())
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
    if roles:
        return reply(q, True, "who_roles", roles, subject=person.name, related=related)
    found = await corpus.store.mention_sentences(person.id, limit=MENTIONS_SHOWN)
    mentions = [Fact("mention", corpus.cite(r.article_id, r.text)) for r in found]
    return reply(q, True, "who_mentions", mentions, subject=person.name, related=related)


async def _written(corpus: Corpus, name: str) -> list[Fact]:
    """The sentences that write the name as typed (newest first), else the headlines that do:
    mentions of someone no person was resolved to ("Lalu Mahsun Arifin" when only "Mahsun"
    was, or a name only a headline carries)."""
    key = name_key(name)
    if len(key) < 3:
        return []
    rows = await corpus.store.phrase_sentences(key, limit=MENTIONS_SHOWN)
    if rows:
        return [Fact("mention", corpus.cite(r.article_id, r.text)) for r in rows]
    groups = term_groups(key)
    headed = corpus.headlines.about(groups, len(groups), MENTIONS_SHOWN * 4)
    titled = [a for a in headed if key in name_key(corpus.articles[a].title)]
    return [
        Fact("mention", corpus.cite(a, corpus.articles[a].title)) for a in titled[:MENTIONS_SHOWN]
    ]


def unknown_person(q: Query, suggestions: Sequence[str]) -> Answer:
    """No known person matches the name: say so, offering only the names really close to it
    (a typo or two away, or sharing the surname)."""
    name = q.subject.strip() or q.text.strip()
    close = close_names(name, suggestions)
    ambiguous = len(close) > 1 and all(name.casefold() in s.casefold() for s in close)
    message = "person_ambiguous" if ambiguous else "person_unknown"
    return reply(q, False, message, subject=name, suggestions=close)


def close_names(typed: str, names: Sequence[str]) -> list[str]:
    """The names worth a "did you mean": at most CLOSE_EDITS edits from the typed name
    (CLOSE_EDITS_LONG for long names), sharing its last word (or a typo of it), or holding
    the one word typed."""
    key = name_key(typed)
    if not key:
        return []
    parts = key.split()
    limit = CLOSE_EDITS_LONG if len(key) >= LONG_NAME else CLOSE_EDITS
    return [name for name in names if _close(key, parts, name_key(name), limit)]


def _close(key: str, parts: list[str], other: str, limit: int) -> bool:
    words = other.split()
    if not words:
        return False
    if OSA.distance(key, other, score_cutoff=limit) <= limit:
        return True
    if len(parts) == 1:
        return any(_near(parts[0], w) for w in words)
    return _near(parts[-1], words[-1])


def _near(a: str, b: str) -> bool:
    if a == b:
        return len(a) >= 3
    return len(a) >= 5 and a[0] == b[0] and OSA.distance(a, b, score_cutoff=1) <= 1

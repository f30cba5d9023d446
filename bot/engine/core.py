"""The answer engine: a question in, one platform-neutral Answer out.

Every surface (console, Discord, later Slack) calls this and only renders what it returns. An
answer is either backed by verbatim sentences from the articles, or it says plainly that the
articles do not hold it: nothing here pads a reply with loosely related text.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.engine.answer import Answer, Citation, IntentName, Lang, Query
from bot.engine.catalog import format_date, say
from bot.engine.headlines import HeadlineIndex
from bot.engine.intents import IntentMatcher
from bot.engine.names import PersonIndex
from bot.engine.terms import TermGroup, covered, needed, term_groups
from knowledge import text as stemming
from knowledge.models import PRECISIONS, DateValue
from knowledge.store import Store
from knowledge.store.reader import ArticleRow, EventRow, PersonRow, SentenceRow
from knowledge.text import stem, words

log = logging.getLogger(__name__)

PAGE_SIZE = 15
TIMELINE_EVENTS = 300
HEADLINE_ARTICLES = 20  # articles whose headline is a timeline's topic, most relevant first
ENOUGH_FULL_MATCHES = 5  # sentences with every term that make a wider (slower) search pointless
SOURCE_TITLE_CHARS = 60  # a citation names its article; the full title is in the citation
MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True)
class Topic:
    """What a question is about: the people it names, and its other terms."""

    groups: list[TermGroup]
    people: list[PersonRow]


class Engine:
    def __init__(self, store: Store, people: PersonIndex, articles: Sequence[ArticleRow]) -> None:
        self.store = store
        self.people = people
        self.articles = {a.id: a for a in articles}
        self.headlines = HeadlineIndex(articles)
        self.matcher = IntentMatcher(people.all_names())
        self._topics: list[str] | None = None

    @classmethod
    async def open(cls, db_path: Path) -> Engine:
        store = await Store.open(db_path)
        try:
            rows = await store.people()
            articles = await store.articles()
            # Building the indexes is pure CPU (hundreds of ms at 100k articles): off the loop,
            # so a reload does not stall the questions being answered meanwhile.
            return await asyncio.to_thread(cls._build, store, rows, articles)
        except BaseException:
            await store.close()
            raise

    @classmethod
    def _build(
        cls, store: Store, rows: Sequence[PersonRow], articles: Sequence[ArticleRow]
    ) -> Engine:
        stemming.load()
        return cls(store, PersonIndex(rows), articles)

    async def close(self) -> None:
        await self.store.close()

    # -- entry points -------------------------------------------------------------------------

    async def ask(self, text: str) -> Answer:
        """Answer free text or slash syntax. Never raises: a failure is a polite answer."""
        question = text if isinstance(text, str) else ""
        try:
            query = self.matcher.parse(question[:MAX_QUESTION_CHARS])
        except Exception:
            log.exception("intent matching failed for %r", question[:200])
            return _error(question, "id")
        return await self.answer(query)

    async def answer(self, query: Query) -> Answer:
        try:
            return await self._dispatch(query)
        except Exception:
            log.exception("answering failed for %r", query)
            return _error(query.text, query.lang)

    async def complete_names(self, current: str, limit: int = 25) -> list[str]:
        return [n[:100] for n in self.people.complete(current, limit)]

    async def complete_topics(self, current: str, limit: int = 25) -> list[str]:
        if self._topics is None:
            self._topics = self.people.names() + await self.store.orgs()
        from rapidfuzz import fuzz, process, utils

        if not current.strip():
            return [t[:100] for t in self._topics[:limit]]
        scored = process.extract(
            current, self._topics, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit
        )
        return [t[:100] for t, s, _ in scored if s >= 60]

    async def _dispatch(self, q: Query) -> Answer:
        handlers = {
            "who": self._who,
            "when": self._when,
            "timeline": self._timeline,
            "quote": self._quote,
            "search": self._search,
            "sources": self._sources,
            "help": self._help,
        }
        handler = handlers.get(q.intent)
        if handler is None:
            return _reply(q, "unknown", False, say("answer.unknown", q.lang))
        return await handler(q)

    # -- intents ------------------------------------------------------------------------------

    async def _who(self, q: Query) -> Answer:
        match = self.people.find(q.subject)
        if match.person is None:
            return self._no_person(q, "who", match.suggestions)
        person = match.person
        roles = await self.store.roles(person.id)
        citations: list[Citation] = []
        lines: list[str] = []
        seen: set[str] = set()
        for role in roles:
            key = role.role.casefold()
            if key in seen:
                continue
            seen.add(key)
            if role.article_id:
                cite = self._cite(role.article_id, role.text, label=role.role)
                citations.append(cite)
                lines.append(f"\u2022 {role.role} \u2014 \u201c{role.text}\u201d {_source(cite)}")
            else:
                lines.append(f"\u2022 {role.role}")
        events = await self.store.person_events(person.id, limit=8)
        event_lines = []
        for event in events:
            cite = self._event_cite(event, q.lang)
            citations.append(cite)
            event_lines.append(f"\u2022 {cite.label}: \u201c{event.text}\u201d {_source(cite)}")
        if not lines and not event_lines:
            for row in await self.store.mention_sentences(person.id, limit=3):
                cite = self._cite(row.article_id, row.text)
                citations.append(cite)
                event_lines.append(f"\u2022 \u201c{row.text}\u201d {_source(cite)}")
        summary = (
            say("answer.who_roles", q.lang, name=person.name)
            if lines
            else say("answer.who_no_roles", q.lang, name=person.name)
        )
        body = [summary, *lines]
        if event_lines:
            body += ["", say("answer.who_events", q.lang, name=person.name), *event_lines]
        return _reply(
            q,
            "who",
            True,
            "\n".join(body),
            citations,
            title=say("answer.who_title", q.lang, name=person.name),
            summary=summary,
        )

    async def _when(self, q: Query) -> Answer:
        topic = q.subject.strip()
        events = await self._matching_events(self._topic(topic))
        if not events:
            text = say("answer.when_none", q.lang, topic=topic or q.text)
            return _reply(q, "when", False, text)
        best = events[0]
        cite = self._event_cite(best, q.lang)
        citations = [cite]
        lines = [f"{cite.label}: \u201c{best.text}\u201d {_source(cite)}"]
        others = [e for e in events[1:4] if e.when != best.when]
        if others:
            lines += ["", say("answer.when_other", q.lang)]
            for e in others:
                c = self._event_cite(e, q.lang)
                citations.append(c)
                lines.append(f"\u2022 {c.label}: \u201c{e.text}\u201d {_source(c)}")
        return _reply(
            q, "when", True, "\n".join(lines), citations, title=cite.label, summary=lines[0]
        )

    async def _timeline(self, q: Query) -> Answer:
        topic = q.subject.strip()
        if topic:
            about = self._topic(topic)
            events = await self._matching_events(about, limit=TIMELINE_EVENTS, loose=True)
            if about.groups and not about.people:
                # The articles headlined with the topic: their dated sentences are its story
                # even where they do not repeat its words.
                ids = self.headlines.about(about.groups, needed(about.groups), HEADLINE_ARTICLES)
                events += await self.store.article_events(ids, limit=TIMELINE_EVENTS)
            title = say("answer.timeline_title", q.lang, topic=topic)
        else:
            events = await self.store.all_events(limit=1000)
            title = say("answer.timeline_all", q.lang)
        events = _dedupe_events(sorted(events, key=_event_order))
        # A chronology's headings ("Jumat") date the sentences under them; as entries of their
        # own they quote nothing.
        events = [e for e in events if not _only_date(e)]
        if not events:
            key = "answer.timeline_none" if topic else "answer.timeline_empty"
            return _reply(q, "timeline", False, say(key, q.lang, topic=topic))
        pages = max(1, math.ceil(len(events) / PAGE_SIZE))
        page = min(max(1, q.page), pages)
        shown = events[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        citations = [self._event_cite(e, q.lang) for e in shown]
        lines = [title]
        lines += [f"\u2022 {c.label}: \u201c{c.snippet}\u201d {_source(c)}" for c in citations]
        if pages > 1:
            nxt = f"/timeline {topic} halaman {page % pages + 1}".replace("  ", " ")
            if q.lang == "en":
                nxt = nxt.replace("halaman", "page")
            lines += ["", say("answer.page", q.lang, page=page, pages=pages, next=nxt)]
        return _reply(
            q,
            "timeline",
            True,
            "\n".join(lines),
            citations,
            title=title,
            summary=title,
            page=page,
            pages=pages,
        )

    async def _quote(self, q: Query) -> Answer:
        match = self.people.find(q.subject)
        if match.person is None:
            return self._no_person(q, "quote", match.suggestions)
        person = match.person
        quotes = await self.store.quotes(person.id)
        topic = q.topic.strip()
        if topic and quotes:
            groups = term_groups(topic)
            ranked = [(covered(groups, r.stemmed), r) for r in quotes]
            quotes = [r for score, r in ranked if groups and score >= needed(groups)]
        if not quotes:
            if topic:
                text = say("answer.quote_topic_none", q.lang, name=person.name, topic=topic)
            else:
                speakers = await self.store.quote_speakers()
                text = say("answer.quote_none", q.lang, name=person.name)
                if speakers:
                    text += " " + say(
                        "answer.quote_speakers", q.lang, names=", ".join(speakers[:8])
                    )
            return _reply(q, "quote", False, text, title=person.name)
        shown = quotes[:PAGE_SIZE]
        # Dates only for the quotes shown: a much-quoted speaker has thousands.
        events = {
            (e.article_id, e.idx): e
            for e in await self.store.events_at((r.article_id, r.idx) for r in shown)
        }
        citations = []
        lines = []
        for r in shown:
            event = events.get((r.article_id, r.idx))
            cite = (
                self._event_cite(event, q.lang, snippet=r.text)
                if event
                else self._cite(r.article_id, r.text, label=r.speaker)
            )
            citations.append(cite)
            lines.append(f"\u2022 \u201c{r.text}\u201d \u2014 {r.speaker} {_source(cite)}")
        title = (
            say("answer.quote_topic_title", q.lang, name=person.name, topic=topic)
            if topic
            else say("answer.quote_title", q.lang, name=person.name)
        )
        return _reply(
            q, "quote", True, "\n".join([title, *lines]), citations, title=title, summary=title
        )

    async def _search(self, q: Query) -> Answer:
        topic = q.subject.strip() or q.text.strip()
        hits = await self._matching_sentences(self._topic(topic), limit=40)
        if not hits:
            return _reply(q, "search", False, say("answer.search_none", q.lang, topic=topic))
        citations = [self._cite(h.article_id, h.text) for h in hits[:3]]
        title = say("answer.search_title", q.lang, topic=topic)
        lines = [title] + [f"\u2022 \u201c{c.snippet}\u201d {_source(c)}" for c in citations]
        return _reply(q, "search", True, "\n".join(lines), citations, title=title, summary=title)

    async def _sources(self, q: Query) -> Answer:
        articles = sorted(
            self.articles.values(), key=lambda a: (a.published or date.min, a.id), reverse=True
        )
        if not articles:
            return _reply(q, "sources", False, say("answer.sources_none", q.lang))
        title = say("answer.sources_title", q.lang, n=len(articles))
        citations = [
            Citation(
                article=a.id,
                title=a.title,
                date=DateValue.day(a.published) if a.published else None,
                snippet="",
                url=a.url,
                source=a.source,
            )
            for a in articles
        ]
        lines = [title]
        for a in articles:
            when = a.published.isoformat() if a.published else say("answer.undated", q.lang)
            src = f", {a.source}" if a.source else ""
            lines.append(f"\u2022 {a.title} ({when}{src}) [{a.id}]")
        return _reply(q, "sources", True, "\n".join(lines), citations, title=title, summary=title)

    async def _help(self, q: Query) -> Answer:
        return _reply(
            q,
            "help",
            True,
            say("answer.help", q.lang),
            title=say("answer.help_title", q.lang),
            summary=say("answer.help", q.lang),
        )

    # -- retrieval ----------------------------------------------------------------------------

    def _topic(self, text: str) -> Topic:
        people, rest = self.people.in_text(text)
        return Topic(term_groups(rest), people)

    async def _matching_sentences(
        self, topic: Topic, *, limit: int, events_only: bool = False, loose: bool = False
    ) -> list[SentenceRow]:
        """Sentences that name the topic's people and cover enough of its terms, best first."""
        groups, people = topic.groups, topic.people
        if groups:
            name_groups = [[stem(w) for w in words(p.name)] for p in people]
            search = [sorted(g.stems) for g in groups] + name_groups
            rows = []
            if not loose:
                # Sentences holding every term first: ranking them is cheap even when a term is
                # common. Only when too few do, rank what holds any term.
                rows = await self.store.search(
                    search, limit=limit, events_only=events_only, every=True
                )
            if len(rows) < ENOUGH_FULL_MATCHES:
                rows = await self.store.search(search, limit=limit, events_only=events_only)
        elif people:
            ids = [p.id for p in people]
            rows = await self.store.person_sentences(ids, limit=limit, events_only=events_only)
        else:
            return []
        if people:
            rows = await self._naming(rows, {p.id for p in people})
        want = needed(groups)
        # A timeline gathers a topic's events, so one of its terms in the sentence is enough when
        # the headline carries the rest; a single fact must be stated by the sentence itself.
        own_want = 1 if loose else max(1, want - 1)
        good: list[tuple[int, int, SentenceRow]] = []
        for r in rows:
            own = covered(groups, r.stemmed)
            # The headline is context for every sentence under it: "anggaran tram" is answered
            # by a budget sentence in a tram article.
            title = self.articles.get(r.article_id)
            context = covered(groups, f"{r.stemmed} {title.title_stemmed if title else ''}")
            if context >= want and (not groups or own >= own_want):
                good.append((context, own, r))
        good.sort(key=lambda t: (-t[0], -t[1], t[2].score))
        return [r for _, _, r in good]

    async def _naming(self, rows: list[SentenceRow], wanted: set[int]) -> list[SentenceRow]:
        """Rows about the wanted people: naming them, or in an article about them naming nobody
        else ("Dia tiba di Bali pada Senin" in an article about her), never about a namesake."""
        named = await self.store.people_at((r.article_id, r.idx) for r in rows)
        in_article = await self.store.article_people(r.article_id for r in rows)
        kept = []
        for r in rows:
            here = named[(r.article_id, r.idx)]
            if wanted <= here or (wanted <= in_article[r.article_id] and not here - wanted):
                kept.append(r)
        return kept

    async def _matching_events(
        self, topic: Topic, limit: int = 60, loose: bool = False
    ) -> list[EventRow]:
        hits = await self._matching_sentences(topic, limit=limit, events_only=True, loose=loose)
        rank = {(h.article_id, h.idx): i for i, h in enumerate(hits)}
        events = await self.store.events_at(rank)
        # Best-matching sentence first; within a sentence, the most precise date first.
        return sorted(
            events,
            key=lambda e: (
                rank[(e.article_id, e.idx)],
                PRECISIONS.index(e.when.precision),
                not e.when.year_known,
            ),
        )

    # -- citations ----------------------------------------------------------------------------

    def _cite(self, article_id: str, snippet: str, *, label: str = "") -> Citation:
        a = self.articles.get(article_id)
        return Citation(
            article=article_id,
            title=a.title if a else article_id,
            date=DateValue.day(a.published) if a and a.published else None,
            snippet=snippet,
            url=a.url if a else "",
            source=a.source if a else "",
            label=label,
        )

    def _event_cite(self, event: EventRow, lang: Lang, snippet: str | None = None) -> Citation:
        base = self._cite(event.article_id, snippet if snippet is not None else event.text)
        label = format_date(event.when, lang)
        when = event.when if event.when.year_known else base.date
        return Citation(
            article=base.article,
            title=base.title,
            date=when,
            snippet=base.snippet,
            url=base.url,
            source=base.source,
            label=label,
        )

    def _no_person(self, q: Query, intent: IntentName, suggestions: Sequence[str]) -> Answer:
        name = q.subject.strip() or q.text.strip()
        ambiguous = len(suggestions) > 1 and all(
            name.casefold() in s.casefold() for s in suggestions
        )
        text = say(
            "answer.person_ambiguous" if ambiguous else "answer.person_unknown", q.lang, name=name
        )
        if suggestions:
            text += " " + say("answer.did_you_mean", q.lang, names=", ".join(suggestions))
        return _reply(q, intent, False, text, suggestions=tuple(suggestions))


def _event_order(e: EventRow) -> tuple[int, date, str, int]:
    # Undated-year events cannot be placed among the others; they go last.
    return (0 if e.when.year_known else 1, e.when.start, e.article_id, e.idx)


def _only_date(e: EventRow) -> bool:
    return e.text.strip().rstrip(".:").casefold() == e.date_text.strip().casefold()


def _dedupe_events(events: list[EventRow]) -> list[EventRow]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for e in events:
        key = (e.when, e.text)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _source(c: Citation) -> str:
    when = f", {c.date.iso()}" if c.date else ""
    title = c.title if len(c.title) <= SOURCE_TITLE_CHARS else _clip(c.title, SOURCE_TITLE_CHARS)
    return f"[{title}{when}]"


def _clip(text: str, limit: int) -> str:
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "\u2026"


def _reply(
    q: Query,
    intent: IntentName,
    found: bool,
    text: str,
    citations: Sequence[Citation] = (),
    *,
    title: str = "",
    summary: str = "",
    suggestions: tuple[str, ...] = (),
    page: int = 1,
    pages: int = 1,
) -> Answer:
    return Answer(
        question=q.text,
        intent=intent,
        found=found,
        text=text,
        citations=tuple(citations),
        lang=q.lang,
        title=title,
        summary=summary or (text if not citations else ""),
        suggestions=suggestions,
        page=page,
        pages=pages,
    )


def _error(question: str, lang: Lang) -> Answer:
    return Answer(
        question=question, intent="unknown", found=False, text=say("answer.error", lang), lang=lang
    )

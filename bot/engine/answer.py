"""The platform-neutral values the engine hands to every adapter: a `Query` in, an `Answer` out.

An answer is structured, never display text: the query it answered, the facts it found (each
with the citation that backs it), and a message key naming its outcome in the catalog
(`bot/engine/catalog`). Every surface renders the same answer in its own layout.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, get_args

from knowledge.models import DateValue

IntentName = Literal["who", "when", "timeline", "quote", "search", "sources", "help", "unknown"]
INTENTS: tuple[IntentName, ...] = get_args(IntentName)
Lang = Literal["id", "en"]


@dataclass(frozen=True)
class Query:
    """A question after intent matching: what is asked and about whom or what.

    `score` is the matcher's confidence, 0 to 100. `page` counts from 1. `role` is set when a
    who-question asks for whoever holds a role ("siapa direktur utama PT X?"): the role phrase
    as typed, also the subject.
    """

    intent: IntentName
    text: str  # the question as the user typed it
    subject: str = ""  # a person's name (who, quote) or a topic (when, timeline, search)
    topic: str = ""  # an extra topic filter (quote: "Altman perusahaan biasa" -> topic)
    lang: Lang = "id"
    page: int = 1
    score: float = 0.0
    pronoun: str = ""  # a pronoun the question is only made of that nothing before resolves
    role: str = ""


@dataclass(frozen=True)
class Citation:
    """Where a fact is stated: the article and its verbatim sentence.

    `date` is when the cited fact happened: the event's date (at its precision, with or without
    a known year) where the fact is a dated event, else the article's publication date, else
    None. `published` is when the article appeared (None when it states no date).
    """

    article: str  # article id
    title: str
    date: DateValue | None
    snippet: str  # verbatim article text ("" when the whole article is cited, as in /sources)
    url: str = ""
    source: str = ""
    published: datetime.date | None = None


FactKind = Literal["role", "holder", "event", "mention", "quote", "match", "article"]


@dataclass(frozen=True)
class Fact:
    """One thing the articles state, with the citation that backs it.

    role: a person's stated role (`role`); holder: a person (`person`) stated to hold the role
    asked (`role`, as the article states it); event: a dated sentence (`date`); mention: a
    sentence naming a person; quote: a direct statement (`speaker`, and `date` when its
    sentence is dated); match: a sentence that answers a search; article: an article itself.
    `citation` is None only for a role a moderator added in overrides.yaml.
    """

    kind: FactKind
    citation: Citation | None
    role: str = ""
    date: DateValue | None = None
    speaker: str = ""
    person: str = ""


@dataclass(frozen=True)
class Answer:
    """What the engine found for one query.

    `message` is the catalog key (section "answer") of the reply's outcome, e.g. "who_roles",
    "when_none", "person_unknown". `subject` is who or what the answer is about as the articles
    name it. `facts` answer the question; `related` are shown under a heading of their own
    ("events involving ...", "other related dates") and never as the answer. `names` lists people
    the reply points to instead (who does have quotes). Long answers come a page at a time:
    `page` of `pages`, both counting from 1.
    """

    query: Query
    intent: IntentName
    found: bool
    message: str
    subject: str = ""
    facts: tuple[Fact, ...] = ()
    related: tuple[Fact, ...] = ()
    suggestions: tuple[str, ...] = ()  # "did you mean ..." candidates
    names: tuple[str, ...] = ()
    page: int = 1
    pages: int = 1

    @property
    def lang(self) -> Lang:
        """The language to reply in: the question's."""
        return self.query.lang

    @property
    def question(self) -> str:
        """The question as the user typed it."""
        return self.query.text

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The citations of the facts, then of the related facts, in order."""
        return tuple(f.citation for f in (*self.facts, *self.related) if f.citation is not None)

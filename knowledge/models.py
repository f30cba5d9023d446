"""Values that cross module lines: an article and the facts extracted from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Granularity = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Article:
    """One article as read from disk, cleaned, before extraction.

    `text` is the cleaned body; every span elsewhere indexes into it.
    """

    id: str
    title: str
    text: str
    source: str = ""
    url: str = ""
    published: date | None = None  # from front matter or feed metadata only
    lang: str = "id"
    path: str = ""
    # Quotes that cleaning lifted out of markup (embedded tweets), with spans into `text`.
    embedded_quotes: tuple[EmbeddedQuote, ...] = ()


@dataclass(frozen=True)
class EmbeddedQuote:
    """A tweet or blockquote whose author and date the markup states."""

    start: int
    end: int
    author: str
    handle: str = ""
    date_text: str = ""


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str  # == article.text[start:end], verbatim


@dataclass(frozen=True)
class DateMention:
    """A date expression in text, resolved to a calendar value."""

    start: int
    end: int
    text: str
    value: date  # first day of the month/year when granularity is coarser than a day
    granularity: Granularity
    explicit_year: bool = True  # False when the year was inferred from context
    # False when nothing anchors the year (no publication date, no earlier full date):
    # then value.year is 1 and nobody may print or sort it as a real year.
    year_known: bool = True


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    # The name as written at the span; for a pronoun that states a role ("Dia adalah …") the
    # span is the pronoun and `name` the person it refers to.
    name: str
    role: str = ""  # the role phrase as the text states it ("CEO OpenAI", "mantan peneliti")


@dataclass(frozen=True)
class Quote:
    start: int  # span of the quoted words (inside the quote marks) in article text
    end: int
    text: str
    speaker: str  # surface name of the speaker as resolved in the article, "" if unknown
    sentence_index: int = -1


@dataclass(frozen=True)
class Event:
    sentence_index: int
    date: date
    granularity: Granularity
    date_text: str
    year_known: bool = True
    people: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """A person known across the corpus; `name` is the canonical (longest) form."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    person: str  # canonical name
    role: str
    article_id: str
    sentence_index: int


@dataclass
class ArticleFacts:
    """Everything extraction produced for one article; the store writes it as one unit."""

    article: Article
    published: date | None
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    stemmed: list[str] = field(default_factory=list)  # per sentence, for full-text search
    content_hash: str = ""

    def sentence_of(self, offset: int) -> int:
        """The sentence holding a character offset, or the one before a gap (-1 before all)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s.index
        return hi if hi >= 0 else -1


@dataclass(frozen=True)
class BuildReport:
    """What a knowledge-base build did, in terms a moderator understands."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()  # (file, reason)
    seconds: float = 0.0
    db_path: str = ""

    @property
    def loaded(self) -> int:
        return len(self.added) + len(self.changed) + len(self.unchanged)

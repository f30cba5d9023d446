"""The values `Store` reads back: one frozen dataclass per kind of row.

Positions are an article id plus a sentence index (`idx`, 0-based, in text order), the key by
which the engine cites a sentence; character offsets stay in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from knowledge.models import DateValue


@dataclass(frozen=True)
class ArticleRow:
    """One article's header: `published` is None when the article gave no date;
    `title_stemmed` is the title as stemmed words (the form search terms take)."""

    id: str
    title: str
    source: str
    url: str
    published: date | None
    title_stemmed: str = ""


@dataclass(frozen=True)
class SentenceRow:
    """One sentence. `score` is its bm25 rank when it came from a search (lower is better,
    negative in practice) and 0.0 otherwise; `stemmed` is its text as stemmed words."""

    article_id: str
    idx: int
    text: str
    score: float = 0.0
    stemmed: str = ""


@dataclass(frozen=True)
class EventRow:
    """A dated event: the sentence that states it (`text`), the date as that sentence
    words it (`date_text`, e.g. "Senin (3/2/2025)") and the date it means (`when`)."""

    id: int
    article_id: str
    idx: int
    when: DateValue
    date_text: str
    text: str


@dataclass(frozen=True)
class RoleRow:
    """A role a person holds and the sentence stating it; a role a moderator declared in the
    overrides has article_id "", idx -1 and text ""."""

    role: str
    article_id: str
    idx: int
    text: str


@dataclass(frozen=True)
class QuoteRow:
    """A quote: the quoted words (`text`, and `stemmed` as stemmed words), the speaker as the
    article names them ("" when unattributed) and the sentence it stands in (`idx`)."""

    id: int
    article_id: str
    idx: int
    text: str
    stemmed: str
    speaker: str


@dataclass(frozen=True)
class PersonRow:
    """A person resolved across the corpus: the canonical `name`, the other surfaces the
    articles use for them (`aliases`, sorted) and how many mentions name them."""

    id: int
    name: str
    aliases: tuple[str, ...]
    mentions: int


@dataclass(frozen=True)
class HolderRow:
    """A person mention that states a role: the role as the text states it, the sentence, and
    where the name stands in it (`name_start`/`name_end`, offsets into `text`). `person_id` and
    `person` are the resolved person (None and "" when the name was not resolved)."""

    article_id: str
    idx: int
    role: str
    text: str
    name_start: int
    name_end: int
    person_id: int | None
    person: str

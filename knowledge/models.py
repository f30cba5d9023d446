"""Values that cross module lines: an article and the facts extracted from it."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "week", "month", "part", "year", "range"]
# Most precise first: the order in which a sentence's several dates are preferred. A part
# ("awal 2025", "pertengahan Juli") ranks after a month: most parts are parts of a year.
PRECISIONS: tuple[Precision, ...] = ("day", "range", "week", "month", "part", "year")


@dataclass(frozen=True)
class DateValue:
    """A date as precisely as the text states it: a day, a week, a month, a part of a year or
    of a month, a year, or a range.

    `start` and `end` are the first and last day covered (equal for a day). When nothing
    anchors the year (`year_known` False), the year of both is a placeholder (1) that must
    never be printed or compared with real years. `part` names which part of a period a
    "part" covers ("early", "summer", "q3"; see knowledge/vocab/date_parts.yaml), "" for every
    other precision. Build values with the class methods.
    """

    start: date
    end: date
    precision: Precision
    year_known: bool = True
    part: str = ""

    @classmethod
    def day(cls, value: date, *, year_known: bool = True) -> DateValue:
        """One day."""
        return cls(value, value, "day", year_known)

    @classmethod
    def week(cls, any_day: date) -> DateValue:
        """The Monday-to-Sunday week holding `any_day`."""
        monday = any_day - timedelta(days=any_day.weekday())
        return cls(monday, monday + timedelta(days=6), "week")

    @classmethod
    def month(cls, year: int, month: int, *, year_known: bool = True) -> DateValue:
        """A whole month (month 1-12; raises ValueError otherwise)."""
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), "month", year_known)

    @classmethod
    def year(cls, year: int) -> DateValue:
        """A whole year."""
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    @classmethod
    def between(cls, first: date, last: date, *, year_known: bool = True) -> DateValue:
        """The days from `first` to `last` inclusive; raises ValueError if `last` is earlier."""
        if last < first:
            raise ValueError(f"a range cannot end ({last}) before it starts ({first})")
        return cls(first, last, "range", year_known)

    @classmethod
    def part_of(cls, name: str, first: date, last: date, *, year_known: bool = True) -> DateValue:
        """The part `name` of a period ("early" 2025, "mid" July), covering `first`..`last`;
        raises ValueError if `last` is earlier or `name` is empty."""
        if last < first or not name:
            raise ValueError(f"not a part of a period: {name!r} {first}..{last}")
        return cls(first, last, "part", year_known, name)

    def iso(self) -> str:
        """ISO 8601 at the stated precision: "2024", "2024-05", "2024-05-14"; an interval for a
        range, a week or a part, its ends at the coarsest precision that states them exactly
        ("2023-11-17/2023-11-21", "2025-01/2025-04", "2019/2021"); without a year "--05-14",
        "--05" or "--07-11/--07-20"."""
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return self._month(self.start)
        if self.precision == "day":
            return self._day(self.start)
        if self.whole_years():
            first, last = f"{self.start.year:04d}", f"{self.end.year:04d}"
        elif self.whole_months():
            first, last = self._month(self.start), self._month(self.end)
        else:
            first, last = self._day(self.start), self._day(self.end)
        return first if first == last else f"{first}/{last}"

    def whole_months(self) -> bool:
        """Whether the value runs from the first day of a month to the last day of a month."""
        last = calendar.monthrange(self.end.year, self.end.month)[1]
        return self.start.day == 1 and self.end.day == last

    def whole_years(self) -> bool:
        """Whether the value runs from 1 January to 31 December (of the same or a later year)."""
        return (
            self.year_known
            and (self.start.month, self.start.day) == (1, 1)
            and (
                self.end.month,
                self.end.day,
            )
            == (12, 31)
        )

    def sort_key(self) -> tuple[bool, date, date]:
        """Dates with a known year first, then by start, then the shorter span first."""
        return (not self.year_known, self.start, self.end)

    def _month(self, value: date) -> str:
        year = f"{value.year:04d}" if self.year_known else "-"
        return f"{year}-{value.month:02d}"

    def _day(self, value: date) -> str:
        return f"{self._month(value)}-{value.day:02d}"


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
    encoding: str = ""  # the file's text encoding when not UTF-8 ("windows-1252")


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
    """One sentence of an article: its position (0-based) and its character span in the text."""

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
    value: DateValue
    explicit_year: bool = True  # False when the year was inferred from context


@dataclass(frozen=True)
class PersonMention:
    """A person named in an article at a character span, with the role the text states there."""

    start: int
    end: int
    # The name as written at the span; for a pronoun that states a role ("Dia adalah …") the
    # span is the pronoun and `name` the person it refers to.
    name: str
    role: str = ""  # the role phrase as the text states it ("CEO OpenAI", "mantan peneliti")


@dataclass(frozen=True)
class Quote:
    """A direct statement: the quoted words (verbatim, without quote marks) and who said them."""

    start: int  # span of the quoted words (inside the quote marks) in article text
    end: int
    text: str
    speaker: str  # surface name of the speaker as resolved in the article, "" if unknown
    sentence_index: int = -1


@dataclass(frozen=True)
class Event:
    """A sentence that states a date: what happened is the sentence, `when` its date."""

    sentence_index: int
    when: DateValue
    date_text: str  # the date as the sentence writes it
    people: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()


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
    encodings: tuple[tuple[str, str], ...] = ()  # (file, encoding) read in other than UTF-8
    seconds: float = 0.0
    db_path: str = ""

    @property
    def loaded(self) -> int:
        """How many articles the new knowledge base holds."""
        return len(self.added) + len(self.changed) + len(self.unchanged)

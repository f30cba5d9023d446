"""What resolution knows at one point of the text: the narrative anchor, the publication date,
the last stated date, and the shape of the line and sentence a date stands in."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta

from knowledge.extract.dates.scanning import Raw
from knowledge.extract.dates.vocabulary import AHEAD, PAST_WORDS, PLAN_WORDS, PUBLICATION_WORDS
from knowledge.models import DateValue
from knowledge.patterns import alternation

SENTENCE_END = re.compile(r"[.!?\n]")
_PLAN = re.compile(rf"(?i)\b(?:{alternation(PLAN_WORDS)})\b")
_PAST = re.compile(rf"(?i)\b(?:{alternation(PAST_WORDS)})\b")
# A deictic word right after a date ("26 Mei mendatang") places it ahead of the anchor.
_AHEAD = re.compile(rf"(?i)\s+(?:{alternation(AHEAD)})\b")


@dataclass
class Context:
    """The reference points for resolving the dates of one text, updated as tagging proceeds.

    `anchor` is the last explicit day the running text stated; `published` the day the article
    appeared (None when unknown); `carried` maps the start of a year-less item of a list or range
    to the year its last item states ("13 Januari dan 3 Maret 2019"); `last` is the last date
    stated at any precision, which "dua tahun sebelumnya" counts from. `joined` is set while
    the second date of a range is resolved ("2019-2021", "Senin hingga Rabu"): the first date
    already showed that the words are dates, so the second needs no cue of its own.
    """

    text: str
    published: date | None
    anchor: date | None = None
    carried: dict[int, int] = field(default_factory=dict)
    last: DateValue | None = None
    joined: bool = False
    _ends: list[int] | None = field(default=None, repr=False)

    def reference(self) -> date | None:
        """The day a year-less date is placed near: the anchor, else the publication date."""
        return self.anchor or self.published

    @contextmanager
    def anchored(self, anchor: date | None) -> Iterator[None]:
        """Resolve with another anchor for the duration of the block."""
        saved, self.anchor = self.anchor, anchor
        try:
            yield
        finally:
            self.anchor = saved

    @contextmanager
    def joining(self) -> Iterator[None]:
        """Resolve the second date of a range for the duration of the block."""
        self.joined = True
        try:
            yield
        finally:
            self.joined = False

    def weekday_base(self) -> tuple[date | None, bool]:
        """The anchor for a weekday, and whether it came from the text.

        A text anchor far from the publication date is background ("lahir 17 Agustus 1945"),
        not the story's week, so weekdays then fall back to the publication date.
        """
        a, p = self.anchor, self.published
        if a is not None and (p is None or p - timedelta(days=31) <= a <= p + timedelta(days=7)):
            return a, True
        return p, False

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The character span of the sentence (or sentences) holding `start`..`end`."""
        if self._ends is None:
            self._ends = [m.end() for m in SENTENCE_END.finditer(self.text)]
        i = bisect_right(self._ends, start)
        left = self._ends[i - 1] if i else 0
        j = bisect_right(self._ends, max(end - 1, start))
        right = self._ends[j] if j < len(self._ends) else len(self.text)
        return left, right

    def is_future(self, raw: Raw) -> bool:
        """Whether a plan word (plan_words.txt) leads up to the date in its sentence ("akan
        digelar Sabtu") with no past word (past_words.txt) after it ("yang akan diikuti 30 ribu
        delegasi telah digelar pada Agustus"), or a word after the date puts it ahead ("26 Mei
        mendatang").

        Only plan words before the date count: in "Pada hari Rabu, dia mengumumkan akan mundur"
        the plan is the resignation, the date is the announcement's.
        """
        if _AHEAD.match(self.text, raw.end) is not None:
            return True
        left, _ = self.sentence_bounds(raw.start, raw.end)
        plans = [m.end() for m in _PLAN.finditer(self.text, left, raw.start)]
        return bool(plans) and _PAST.search(self.text, plans[-1], raw.start) is None

    def plan_in_sentence(self, start: int, end: int) -> bool:
        """Whether the sentence holding `start`..`end` speaks of plans anywhere."""
        return _PLAN.search(self.text, *self.sentence_bounds(start, end)) is not None


# Lines that date a quote or the page, not the story: a byline "— Name (@handle) 26 September
# 2024", an "updated on ..." line.
_META_LINE = re.compile(rf"^\s*(?:[—–-]|&mdash;)|\(@\w+\)|(?i:{alternation(PUBLICATION_WORDS)})")
_HEADING_FRAME = re.compile(r"[\s*#_>:.]*")  # what may frame a heading on its line


def line_of(text: str, start: int, end: int) -> str:
    """The line of `text` holding `start`..`end`, without its line break."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left : right if right >= 0 else len(text)]


def is_meta_line(text: str, raw: Raw) -> bool:
    """Whether the date stands on a short byline or "updated on" line (publication_words.txt),
    which dates a quote or the page, never the story."""
    line = line_of(text, raw.start, raw.end)
    return len(line) < 160 and _META_LINE.search(line) is not None


def is_heading(text: str, raw: Raw) -> bool:
    """A line holding nothing but a weekday: a section of a day-by-day chronology."""
    line = line_of(text, raw.start, raw.end)
    left = text.rfind("\n", 0, raw.start) + 1
    before, after = line[: raw.start - left], line[raw.end - left :]
    return bool(_HEADING_FRAME.fullmatch(before) and _HEADING_FRAME.fullmatch(after))

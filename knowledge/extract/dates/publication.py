"""The day an article appeared, from its metadata or, failing that, from its text."""

from __future__ import annotations

import re
from datetime import date

from knowledge.extract.dates.context import Context, line_of
from knowledge.extract.dates.narrative import tag_dates
from knowledge.extract.dates.vocabulary import PUBLICATION_WORDS
from knowledge.patterns import alternation

# "JAKARTA, KOMPAS.com –", "Jakarta, Kamis (11/7/2025) –", "Wamena (ANTARA News) -".
_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][^\n.!?]{0,60}?(?:\.\w+[^\n.!?]{0,30}?)?\s[–—-]{1,2}\s")
_UPDATED = re.compile(
    rf"(?i)(?:{alternation(PUBLICATION_WORDS)})(?:\s+(?:pada|on|at|tanggal))?\s*:?\s*"
)
_DATELINE_WINDOW = 600  # characters from the top where a dateline may start
_LEAD_PARAGRAPHS = 2  # paragraphs of at least _PARAGRAPH_CHARS that make up the lead
_PARAGRAPH_CHARS = 60  # shorter lines are bylines, captions, credits: not the lead
_LINE = re.compile(r"[^\n]+")
_POST_BYLINE = re.compile(r"\(@\w+\)")  # "— Sam Altman (@sama) 26 September 2024"


def publication_date(text: str, published: date | None = None) -> date | None:
    """The article's publication date, or None when neither metadata nor text gives one.

    Metadata `published` wins; then a full date right after an update or publish statement
    ("Artikel ini terakhir diperbarui pada November 27, 2023", "Published March 3, 2024";
    publication_words.txt); then a full date in the dateline paragraph ("JAKARTA, KOMPAS.com –
    ... Senin (27/3/2017)"); then the first full date of the lead (its first two paragraphs)
    outside sentences about plans (plan_words.txt); then the latest date of a post the article
    quotes ("— Sam Altman (@sama) 26 September 2024": the article appeared after it); else
    None. Any other date later in the body is never taken: it is as likely a deadline or a
    background date as the day of the news. Only days with their year written count.
    """
    if published is not None:
        return published
    full = [m for m in tag_dates(text, None) if m.value.precision == "day" and m.explicit_year]
    for m in _UPDATED.finditer(text):
        for mention in full:
            if m.end() <= mention.start <= m.end() + 4:
                return mention.value.start
    dateline = _DATELINE.search(text, 0, _DATELINE_WINDOW)
    if dateline is not None:
        paragraph_end = text.find("\n", dateline.end())
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        for mention in full:
            if dateline.start() <= mention.start < paragraph_end:
                return mention.value.start
    ctx = Context(text, None)
    lead_end = _lead_end(text)
    for mention in full:
        if mention.start < lead_end and not ctx.plan_in_sentence(mention.start, mention.end):
            return mention.value.start
    posts = [m.value.start for m in full if _POST_BYLINE.search(line_of(text, m.start, m.end))]
    return max(posts, default=None)


def _lead_end(text: str) -> int:
    """Where the lead ends: after the first two paragraphs long enough to be prose."""
    seen = 0
    for line in _LINE.finditer(text):
        if len(line.group().strip()) >= _PARAGRAPH_CHARS:
            seen += 1
            if seen == _LEAD_PARAGRAPHS:
                return line.end()
    return len(text)

"""The day an article appeared, from its metadata or, failing that, from its text."""

from __future__ import annotations

import re
from datetime import date

from knowledge.extract.dates.context import Context
from knowledge.extract.dates.narrative import tag_dates
from knowledge.extract.dates.vocabulary import PUBLICATION_WORDS
from knowledge.patterns import alternation

# "JAKARTA, KOMPAS.com –", "Jakarta, Kamis (11/7/2025) –", "Wamena (ANTARA News) -".
_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][^\n.!?]{0,60}?(?:\.\w+[^\n.!?]{0,30}?)?\s[–—-]{1,2}\s")
_UPDATED = re.compile(
    rf"(?i)(?:{alternation(PUBLICATION_WORDS)})(?:\s+(?:pada|on|at|tanggal))?\s*:?\s*"
)
_DATELINE_WINDOW = 600  # characters from the top where a dateline may start


def publication_date(text: str, published: date | None = None) -> date | None:
    """The article's publication date, or None when neither metadata nor text gives one.

    Metadata `published` wins; then a full date right after an update or publish statement
    ("Artikel ini terakhir diperbarui pada November 27, 2023", "Published March 3, 2024";
    publication_words.txt); then a full date in the dateline paragraph ("JAKARTA, KOMPAS.com –
    ... Senin (27/3/2017)"); then the latest reporting date ("kata X, Rabu (6/12/2017)"); then
    the latest full date the text states outside plan sentences (plan_words.txt); else None.
    Only days with their year written count.
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
    reported = [
        m.value.start for m in full if text[m.start : m.start + 1].isupper() and "(" in m.text
    ]
    if reported:
        return max(reported)  # "kata X, Senin (27/3/2017)": the reporting day
    ctx = Context(text, None)
    past = [m.value.start for m in full if not ctx.plan_in_sentence(m.start, m.end)]
    candidates = past or [m.value.start for m in full]
    return max(candidates) if candidates else None

"""Rule-based tagger for Indonesian and English date expressions in news text.

`tag_dates(text, published)` finds every date expression in text order and resolves it to a
`DateValue` (day, month or year precision), keeping two reference points: the narrative
anchor (the last explicit day the story stated) and the publication date, which deictic
expressions ("kemarin", "bulan lalu") count from. Callers pass
`publication_date(text, metadata_date)` as `published`.

The package, by stage: `vocabulary` (word lists from `knowledge/vocab/`), `patterns` (the
regexes compiled from them), `scanning` (candidates and their lead words), `context` (the
anchor and the shape of the surrounding text), `stated` and `relative` (the resolvers),
`narrative` (`tag_dates`), `publication` (`publication_date`).
"""

from __future__ import annotations

from knowledge.extract.dates.narrative import tag_dates
from knowledge.extract.dates.publication import publication_date

__all__ = ["publication_date", "tag_dates"]

"""Rule-based tagger for Indonesian and English date expressions in news text.

`tag_dates(text, published)` finds every date expression in text order and resolves it to a
`DateValue` at the precision the text states: a day, a week ("pekan ini"), a month, a part of
a period ("awal 2025", "musim panas 2026", "kuartal III 2024"), a year, or a range ("17-21
November 2023", "antara Senin dan Rabu", "tiga hari ke depan"). It keeps two reference points:
the narrative anchor (the last explicit day the story stated) and the publication date, which
deictic expressions ("kemarin", "lusa", "bulan lalu", "9 Okt mendatang") count from; a year-less
date takes its year from them and from the sentence's tense. Callers pass
`publication_date(text, metadata_date)` as `published`.

The package, by stage: `vocabulary` (word lists from `knowledge/vocab/`), `patterns` (the
regexes compiled from them), `scanning` (candidates and their lead words), `context` (the
anchor and the shape of the surrounding text), `stated`, `relative` and `parts` (the
resolvers), `narrative` (`tag_dates`, which also joins two dates into a range),
`publication` (`publication_date`).
"""

from __future__ import annotations

from knowledge.extract.dates.narrative import tag_dates
from knowledge.extract.dates.publication import publication_date

__all__ = ["publication_date", "tag_dates"]

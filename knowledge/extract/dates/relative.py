"""The resolver of relative expressions: dates counted from the publication day or from the story.

Spoken deixis counts from the day the article appeared: "kemarin", "hari ini", "besok",
"bulan lalu", "tahun depan", "last month", "tiga tahun lalu", "two weeks ago". Narrative
deixis counts from the story's own dates: "keesokan harinya", "the day before" from the
anchor; "dua hari kemudian", "satu bulan kemudian", "dua tahun sebelumnya" from the last date
the text stated, when that is precise enough for the unit. Vocabulary: relative_days.yaml,
relative_periods.yaml, relative_counts.yaml, time_units.yaml, number_words.yaml.

A week ("pekan lalu") is dated by its Monday, "akhir pekan" by its Saturday, both at day
precision; a month by the month, a year by the year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from knowledge.extract.dates.arithmetic import add_months
from knowledge.extract.dates.context import Context
from knowledge.extract.dates.scanning import Raw, after_quantifier
from knowledge.extract.dates.vocabulary import (
    BULAN_LALU,
    COUNT_AGO,
    COUNT_EARLIER,
    COUNTS,
    LAST_MONTH,
    NARRATIVE_DAYS,
    SPOKEN_DAYS,
    UNITS,
)
from knowledge.models import DateValue

# Modifiers that make "pekan" the weekend: "akhir pekan lalu".
_END = ("akhir", "end of")


def resolve_relative(ctx: Context, raw: Raw) -> DateValue | None:
    """The date a relative expression names, or None without the reference it counts from
    (or after a quantity: "beberapa tahun lalu" is no date)."""
    g = raw.match
    if g["n"] is not None:
        return _counted(ctx, g)
    if after_quantifier(ctx.text, raw.start):
        return None
    if g["narrative"]:
        anchor = ctx.reference()
        if anchor is None:
            return None
        return DateValue.day(anchor + timedelta(days=NARRATIVE_DAYS[_said(g["narrative"])]))
    published = ctx.published
    if published is None:
        return None
    if g["spoken"]:
        return DateValue.day(published + timedelta(days=SPOKEN_DAYS[_said(g["spoken"])]))
    return _period(raw, published)


def _said(words: str) -> str:
    """Matched words as the vocabulary spells them: lower case, single spaces."""
    return " ".join(words.lower().split())


def _period(raw: Raw, published: date) -> DateValue:
    """ "bulan lalu", "tahun ini", "pekan depan", "last month": the unit around publication."""
    g = raw.match
    if g["runit"]:
        unit, offset = UNITS[g["runit"].lower()], BULAN_LALU.offsets[_said(g["rdir"])]
    else:
        unit, offset = UNITS[g["eunit"].lower()], LAST_MONTH.offsets[_said(g["edir"])]
    if unit == "year":
        return DateValue.year(published.year + offset)
    if unit == "month":
        first = add_months(published, offset)
        return DateValue.month(first.year, first.month)
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
    weekend = bool(g["runit"]) and _said(raw.before("mod") or "") in _END
    return DateValue.day(monday + timedelta(days=5 if weekend else 0))


def _counted(ctx: Context, g: re.Match[str]) -> DateValue | None:
    """ "dua hari kemudian" (from the story), "tiga tahun lalu" (from publication)."""
    word = g["n"].lower()
    count = int(word) if word.isdigit() else COUNTS[word]
    direction = _said(g["dir"])
    spoken = direction in COUNT_AGO
    if spoken or direction in COUNT_EARLIER:
        count = -count
    unit = UNITS[g["unit"].lower()]
    base = ctx.published if spoken else _narrative_base(ctx, unit)
    if base is None:
        return None
    if unit == "day":
        return DateValue.day(base + timedelta(days=count))
    if unit == "week":
        return DateValue.day(base + timedelta(weeks=count))
    if unit == "month":
        first = add_months(base, count)
        return DateValue.month(first.year, first.month)
    return DateValue.year(base.year + count)


def _narrative_base(ctx: Context, unit: str) -> date | None:
    """What "N <unit> kemudian/sebelumnya" counts from: the last date the text stated, when
    it is precise enough for the unit ("Pada 2008 ... Dua tahun sebelumnya"), else the anchor."""
    last = ctx.last
    if unit in ("day", "week") or last is None:
        return ctx.reference()
    if unit == "month" and last.precision == "year":
        return ctx.reference()
    return last.start

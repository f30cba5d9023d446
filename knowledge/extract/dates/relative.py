"""The resolver of relative expressions: dates counted from the publication day or from the story.

Spoken deixis counts from the day the article appeared, back or forward: "kemarin",
"kemarin lusa", "hari ini", "besok", "lusa", "bulan lalu", "tahun depan", "last month",
"tiga tahun lalu", "two weeks ago", "lima hari lagi", "dua minggu lagi"; and the span from it
over "tiga hari ke depan", or "dalam tiga hari" when the sentence speaks of plans ("akan
diumumkan dalam tiga hari"). Narrative
deixis counts from the story's own dates: "keesokan harinya", "the day before" from the
anchor; "dua hari kemudian", "satu bulan kemudian", "dua tahun sebelumnya" from the last date
the text stated, when that is precise enough for the unit. Vocabulary: relative_days.yaml,
relative_periods.yaml, relative_counts.yaml, time_units.yaml, number_words.yaml.

Each keeps its precision: a week ("pekan ini", "dua minggu lagi") is the Monday-to-Sunday
week, "akhir pekan" the Saturday and Sunday, a month the month, a year the year, and a part
of one ("akhir tahun ini", "awal bulan depan") the part (date_parts.yaml), never a guessed
day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from knowledge.extract.dates.arithmetic import add_months, part_value
from knowledge.extract.dates.context import Context
from knowledge.extract.dates.scanning import Raw, after_quantifier
from knowledge.extract.dates.vocabulary import (
    BULAN_LALU,
    COUNT_AGO,
    COUNT_AHEAD,
    COUNT_COMING,
    COUNT_EARLIER,
    COUNTS,
    LAST_MONTH,
    NARRATIVE_DAYS,
    PART_MODIFIERS,
    SPOKEN_DAYS,
    UNITS,
    said,
)
from knowledge.models import DateValue


def resolve_relative(ctx: Context, raw: Raw) -> DateValue | None:
    """The date a relative expression names, or None without the reference it counts from
    (or after a quantity: "beberapa tahun lalu" is no date)."""
    g = raw.match
    if g["n"] is not None:
        return _counted(ctx, g)
    if g["within"] is not None:
        if not (g["wcoming"] or ctx.is_future(raw)) or ctx.published is None:
            return None  # "terjual habis dalam tiga hari" is a duration
        return _coming(ctx.published, _count(g["wn"]), UNITS[g["wunit"].lower()])
    if after_quantifier(ctx.text, raw.start):
        return None
    if g["narrative"]:
        anchor = ctx.reference()
        if anchor is None:
            return None
        return DateValue.day(anchor + timedelta(days=NARRATIVE_DAYS[said(g["narrative"])]))
    published = ctx.published
    if published is None:
        return None
    if g["spoken"]:
        return DateValue.day(published + timedelta(days=SPOKEN_DAYS[said(g["spoken"])]))
    return _period(raw, published)


def _period(raw: Raw, published: date) -> DateValue | None:
    """ "bulan lalu", "tahun ini", "pekan depan", "last month": the unit around publication;
    "akhir tahun ini", "awal bulan depan": a part of it; "akhir pekan lalu": the weekend."""
    g = raw.match
    if g["runit"]:
        unit, offset = UNITS[g["runit"].lower()], BULAN_LALU.offsets[said(g["rdir"])]
    else:
        unit, offset = UNITS[g["eunit"].lower()], LAST_MONTH.offsets[said(g["edir"])]
    part = PART_MODIFIERS.get(said(raw.before("mod") or ""), "")
    if unit == "year":
        year = published.year + offset
        return part_value(part, year) if part else DateValue.year(year)
    if unit == "month":
        first = add_months(published, offset)
        if part:
            return part_value(part, first.year, first.month)
        return DateValue.month(first.year, first.month)
    week = DateValue.week(published + timedelta(weeks=offset))
    if part == "late" and g["runit"]:  # "akhir pekan": the weekend
        return DateValue.between(week.start + timedelta(days=5), week.end)
    return week


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else COUNTS[word]


def _from_publication(published: date, count: int, unit: str) -> DateValue:
    """The day, week, month or year `count` units from the publication day (back when
    negative), at the unit's precision."""
    if unit == "day":
        return DateValue.day(published + timedelta(days=count))
    if unit == "week":
        return DateValue.week(published + timedelta(weeks=count))
    if unit == "month":
        first = add_months(published, count)
        return DateValue.month(first.year, first.month)
    return DateValue.year(published.year + count)


def _coming(published: date, count: int, unit: str) -> DateValue:
    """The days from publication to `count` units after it ("tiga hari ke depan", "dalam dua
    bulan"): a range, since the text names the whole span, not a day in it."""
    if unit in ("day", "week"):
        end = published + timedelta(days=count * (7 if unit == "week" else 1))
    else:
        first = add_months(published, count * (12 if unit == "year" else 1))
        last_day = calendar.monthrange(first.year, first.month)[1]
        end = first.replace(day=min(published.day, last_day))
    return DateValue.between(published, end)


def _counted(ctx: Context, g: re.Match[str]) -> DateValue | None:
    """ "dua hari kemudian" (from the story), "tiga tahun lalu", "lima hari lagi" (from
    publication)."""
    count = _count(g["n"])
    direction = said(g["dir"])
    if direction in COUNT_AGO or direction in COUNT_EARLIER:
        count = -count
    unit = UNITS[g["unit"].lower()]
    if ctx.published is not None and direction in COUNT_COMING:
        return _coming(ctx.published, count, unit)
    if direction in COUNT_AGO or direction in COUNT_AHEAD or direction in COUNT_COMING:
        return None if ctx.published is None else _from_publication(ctx.published, count, unit)
    base = _narrative_base(ctx, unit)
    if base is None:
        return None
    if unit in ("day", "week"):
        # "seminggu kemudian" counts whole days from a stated day: a day, not a week.
        return DateValue.day(base + timedelta(days=count * (7 if unit == "week" else 1)))
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

"""Resolvers of stated dates: expressions that name a calendar day, month, year or weekday.

Each resolver takes the resolution `Context` and a scanned `Raw` of its kind and returns the
`DateValue` it names, or None when the match is no date after all ("Jan Leike", "UU Nomor 11
Tahun 2020", "31/2/2019"). A date without a year is placed by the narrative anchor
(`infer_year`); without any anchor it keeps `year_known=False` and the placeholder year 1.
Month and weekday names come from months.yaml and weekdays.yaml.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from knowledge.extract.dates.arithmetic import calendar_value, on_or_before, two_digit_year
from knowledge.extract.dates.context import Context
from knowledge.extract.dates.scanning import Raw
from knowledge.extract.dates.vocabulary import (
    AFTER_MONTH,
    COUNT_NOUNS,
    CUES,
    ENGLISH_WEEKDAYS,
    LAST_MONTH,
    MONTH_ABBREVIATIONS,
    MONTHS,
    MONTHS_ALONE,
    WEEKDAYS,
)
from knowledge.models import DateValue
from knowledge.patterns import alternation

# A phrase after a month name (after_date.yaml) to what it makes of the month.
_AFTER_MONTH = {phrase: meaning for meaning, words in AFTER_MONTH.items() for phrase in words}
_YEAR_OFFSETS = {"this_year": 0, "last_year": -1, "next_year": 1}
# A count noun after "Mei 10" or "2020" makes the number a quantity, not a day or a year.
_COUNT_AFTER = re.compile(rf"\s*(?:%|(?i:{alternation(COUNT_NOUNS)})\b)")
_LAW_NUMBER = re.compile(r"(?i)(?:nomor|no\.?)\s*\d+\s*$")  # "UU Nomor 11 Tahun 2020"
# An English weekday alone is a date after a cue, "on", or "last"/"next"/"this": without one it
# is more often a title ("Friday the 13th", "Black Friday").
_ENGLISH_WEEKDAY_CUE = re.compile(
    rf"(?i)\b(?:{alternation((*CUES, 'on', *LAST_MONTH.offsets))})\s+$"
)


def month_number(word: str) -> int:
    """1 to 12 for a month name or abbreviation in any case, with or without a period."""
    return MONTHS[word.rstrip(".").lower()]


def resolve_iso(ctx: Context, raw: Raw) -> DateValue | None:
    """ "2016-08-09", "2016/8/9": year, month, day."""
    g = raw.match
    return calendar_value(int(g["year"]), int(g["mon"]), int(g["day"]))


def resolve_numeric(ctx: Context, raw: Raw) -> DateValue | None:
    """ "11/7/2025", "5.8.2031", "4/3/19": day, month, year; a two-digit year only with
    slashes ("11-7-25" reads as a score or a code)."""
    g = raw.match
    if g["sep"] != "/" and len(g["year"]) != 4:
        return None
    return calendar_value(two_digit_year(g["year"]), int(g["mon"]), int(g["day"]))


def resolve_day_month(ctx: Context, raw: Raw) -> DateValue | None:
    """ "17 November 2023", "5 Juni", "1st of October", "March 3, 2031", "Jan. 5".

    Without a year, an abbreviation is a date only as "Jan. 5" ("Jan 5" may be a name and a
    number), and "Mei 10 tahun" counts years.
    """
    g = raw.match
    word = g["mon"].rstrip(".").lower()
    if g["year"] is None:
        if word in MONTH_ABBREVIATIONS and not (raw.kind == "month_day" and g["mon"].endswith(".")):
            return None
        if raw.kind == "month_day" and _COUNT_AFTER.match(ctx.text, g.end()):
            return None
    return _full_or_partial(ctx, raw, g["year"], MONTHS[word], int(g["day"]))


def resolve_monthlike(ctx: Context, raw: Raw) -> DateValue | None:
    """A month: "November 2022", "Agustus tahun 2019", "bulan Juli", "awal Januari", "Juli
    lalu", "Maret tahun lalu", or a lone "Desember" when the name means nothing else."""
    g = raw.match
    word = g["mon"].rstrip(".").lower()
    month = MONTHS[word]
    if g["year"] is not None:
        return DateValue.month(int(g["year"]), month)
    if word in MONTH_ABBREVIATIONS:
        return None
    if g["rel"]:
        return _month_relative(ctx, month, g["rel"])
    led = raw.before("cue") or raw.before("mod") or raw.before("bulan")
    if not led and not _bare_month_ok(ctx.text, raw, word):
        return None
    return _partial(ctx, raw, month, None)


def resolve_year(ctx: Context, raw: Raw) -> DateValue | None:
    """A year after a cue or modifier ("pada 2019", "awal 2024", "tahun 2016", "mid-2031") or
    before "silam"/"lalu"; a bare number is more often a count or a code."""
    g = raw.match
    tahun = raw.before("tahun")
    if not (raw.before("cue") or raw.before("mod") or tahun or g["rel"]):
        return None
    if tahun and _LAW_NUMBER.search(ctx.text, max(0, raw.start - 20), raw.start):
        return None  # "UU Nomor 11 Tahun 2020" names a law
    if not tahun and _COUNT_AFTER.match(ctx.text, g.end("year")):
        return None  # "dari 2020 unit" counts things
    return DateValue.year(int(g["year"]))


def resolve_weekday(ctx: Context, raw: Raw) -> DateValue | None:
    """A weekday with its date ("Senin (4/3/2019)", "Sabtu, 12 Oktober", "Friday, March 1")
    or alone ("Selasa", "hari Jumat siang", "on Monday"), placed near the anchor.

    An English weekday alone needs a cue before it ("on Friday", "last Monday", date_cues.txt):
    "Friday the 13th" is a title.
    """
    g = raw.match
    weekday = WEEKDAYS[g["wd"].lower()]
    if g["day"]:
        return _full_or_partial(ctx, raw, g["year"], month_number(g["mon"]), int(g["day"]), weekday)
    if g["pday"]:
        return _full_or_partial(ctx, raw, g["pyear"], int(g["pmon"]), int(g["pday"]), weekday)
    if g["eday"]:
        month = month_number(g["emon"])
        return _full_or_partial(ctx, raw, g["eyear"], month, int(g["eday"]), weekday)
    if g["wd"].lower() in ENGLISH_WEEKDAYS and not _ENGLISH_WEEKDAY_CUE.search(
        ctx.text, max(0, raw.start - 8), raw.start
    ):
        return None
    value = _weekday_alone(ctx, weekday, ctx.is_future(raw))
    return None if value is None else DateValue.day(value)


def infer_year(month: int, day: int | None, anchor: date, future: bool) -> int:
    """The year of a year-less date, from the narrative anchor.

    News narrates the past: a month clearly after the anchor (a later month; for a day, more
    than a week later) is last year's, unless the sentence speaks of plans (`future`), then it
    is the anchor's year. A planned date three or more months before the anchor is next year's.
    """
    offset = (month - anchor.month) * 31 + ((day or anchor.day) - anchor.day)
    clearly_after = month > anchor.month if day is None else offset > 7
    if clearly_after:
        return anchor.year if future else anchor.year - 1
    if future and anchor.month - month >= 3:
        return anchor.year + 1
    return anchor.year


def _partial(ctx: Context, raw: Raw, month: int, day: int | None) -> DateValue | None:
    """A year-less day or month (`day` None): the year a list carries, else one placed by the
    narrative anchor, else unknown."""
    carried = ctx.carried.get(raw.start)
    if carried is not None:
        return calendar_value(carried, month, day)
    reference = ctx.reference()
    if reference is None:
        return calendar_value(1, month, day, year_known=False)
    return calendar_value(infer_year(month, day, reference, ctx.is_future(raw)), month, day)


def _full_or_partial(
    ctx: Context, raw: Raw, year: str | None, month: int, day: int, weekday: int | None = None
) -> DateValue | None:
    """A day with its written year, else placed like `_partial`; a weekday beside it
    ("Senin (27/3)") may correct the placed year."""
    if year is not None:
        return calendar_value(two_digit_year(year), month, day)
    if weekday is None:
        return _partial(ctx, raw, month, day)
    # "Senin (27/3)" is the news-current dateline form: it belongs near the publication
    # date, not near a background date the text stated earlier.
    with ctx.anchored(ctx.weekday_base()[0]):
        found = _partial(ctx, raw, month, day)
    if found is None or not found.year_known:
        return found
    for shift in (0, -1, 1):
        candidate = calendar_value(found.start.year + shift, month, day)
        if candidate is not None and candidate.start.weekday() == weekday:
            return candidate
    return found


def _bare_month_ok(text: str, raw: Raw, word: str) -> bool:
    """A lone month name, when it is no part of a name ("Revolusi Oktober", "November Rain")."""
    if word not in MONTHS_ALONE:
        return False
    after = text[raw.end : raw.end + 2]
    if len(after) == 2 and after[0] == " " and after[1].isupper():
        return False
    before = text[max(0, raw.start - 30) : raw.start].rstrip()
    words = before.split()
    inside_name = words and words[-1][:1].isupper()
    return not inside_name or before.endswith((".", "!", "?", ":", '"'))


def _month_relative(ctx: Context, month: int, rel: str) -> DateValue:
    """ "Juli lalu", "Desember mendatang", "Mei tahun ini": spoken from the publication day."""
    base = ctx.published or ctx.anchor
    if base is None:
        return DateValue.month(1, month, year_known=False)
    meaning = _AFTER_MONTH[" ".join(rel.lower().split())]
    if meaning == "next":
        year = base.year if month > base.month else base.year + 1
    elif meaning == "last":
        year = base.year if month < base.month else base.year - 1
    else:
        year = base.year + _YEAR_OFFSETS[meaning]
    return DateValue.month(year, month)


def _weekday_alone(ctx: Context, weekday: int, future: bool) -> date | None:
    """The nearest such weekday around the anchor, biased to the past.

    From an anchor the text stated, a weekday one or two days later is the story moving on
    ("Selasa ... pada hari Rabu"); anything further is the previous one ("Senin ... yang
    memecat pada hari Jumat"). From the publication date a weekday is the last one on or
    before it. Plan words ("akan", "will") turn both forward.
    """
    base, from_text = ctx.weekday_base()
    if base is None:
        return None
    ahead = (weekday - base.weekday()) % 7
    if future or (from_text and ahead <= 2):
        return base + timedelta(days=ahead)
    return on_or_before(base, weekday)

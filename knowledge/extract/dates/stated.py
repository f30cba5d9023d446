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

from knowledge.extract.dates.arithmetic import (
    calendar_value,
    on_or_before,
    part_value,
    two_digit_year,
)
from knowledge.extract.dates.context import Context
from knowledge.extract.dates.scanning import Raw
from knowledge.extract.dates.vocabulary import (
    COUNT_NOUNS,
    CUES,
    ENGLISH_WEEKDAYS,
    LAST_MONTH,
    MONTH_ABBREVIATIONS,
    MONTHS,
    MONTHS_ALONE,
    PART_MODIFIERS,
    PLACING,
    WEEKDAYS,
    YEAR_OFFSETS,
    said,
)
from knowledge.models import DateValue
from knowledge.patterns import alternation

# Days a page's date may trail the day its text was written ("25 Juli mendatang" in a page
# dated 26 July is this year's).
_PUBLICATION_LAG = 7
# Days a range written "29 - 11 September" may span into the month before.
_LONGEST_WRAP = 21
# A cue right before a year-less "9 Okt" makes the abbreviation a month ("pada 9 Okt").
_CUE_BEFORE = re.compile(rf"(?i)\b(?:{alternation((*CUES, 'tanggal', 'tgl.', 'tgl'))})\s*$")
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
    """ "17 November 2023", "5 Juni", "1st of October", "March 3, 2031", "Jan. 5", "9 Okt
    mendatang"; and the ranges "17-21 November 2023", "antara 3 dan 5 Mei", "March 3-5".

    Without a year, an abbreviation is a date only with a dot, a placing word after it
    ("3 Jan lalu"), a cue before it ("pada 9 Okt") or as a range; and as "Jan. 5" in English
    order ("Jan 5" may be a name and a number). "Mei 10 tahun" counts years.
    """
    g = raw.match
    word = g["mon"].rstrip(".").lower()
    month = MONTHS[word]
    first = int(g["day"])
    last = int(g["to"]) if g["to"] else first
    rel = g.groupdict().get("rel")
    if g["year"] is None and not ctx.joined:
        if word in MONTH_ABBREVIATIONS and not _abbreviation_is_month(ctx, raw, rel):
            return None
        if raw.kind == "month_day" and _COUNT_AFTER.match(ctx.text, g.end()):
            return None
    if g["year"] is not None:
        year, known = two_digit_year(g["year"]), True
    elif rel:
        year, known = _placed_year(ctx, month, first, rel)
    else:
        year, known = _year_of(ctx, raw, month, first)
    end = calendar_value(year, month, last)
    if end is None:
        return None
    if first == last:
        return DateValue.day(end.start, year_known=known)
    start = _range_start(year, month, first, last)
    if start is None:  # "9 - 2 Juli": no range; the date the text names in full is the last
        return DateValue.day(end.start, year_known=known)
    return DateValue.between(start, end.start, year_known=known)


def resolve_monthlike(ctx: Context, raw: Raw) -> DateValue | None:
    """A month: "November 2022", "Agustus tahun 2019", "bulan Juli", "Juli lalu", "Maret tahun
    lalu", or a lone "Desember" when the name means nothing else; a part of one with a modifier
    before it ("awal Januari", "pertengahan Juli", "akhir Mei 2024"; date_parts.yaml)."""
    g = raw.match
    word = g["mon"].rstrip(".").lower()
    month = MONTHS[word]
    if g["year"] is not None:
        year, known = int(g["year"]), True
    elif word in MONTH_ABBREVIATIONS and not ctx.joined:
        return None
    elif g["rel"]:
        year, known = _placed_year(ctx, month, None, g["rel"])
    else:
        led = raw.before("cue") or raw.before("mod") or raw.before("bulan") or ctx.joined
        if not led and not _bare_month_ok(ctx.text, raw, word):
            return None
        year, known = _year_of(ctx, raw, month, None)
    part = _part(raw)
    if part:
        return part_value(part, year, month, year_known=known)
    return DateValue.month(year, month, year_known=known)


def resolve_year(ctx: Context, raw: Raw) -> DateValue | None:
    """A year after a cue or modifier ("pada 2019", "tahun 2016", "mid-2031") or before
    "silam"/"lalu"; a bare number is more often a count or a code. After a modifier it is that
    part of the year ("awal 2025", "akhir tahun 2019"; date_parts.yaml)."""
    g = raw.match
    tahun = raw.before("tahun")
    if not (raw.before("cue") or raw.before("mod") or tahun or g["rel"] or ctx.joined):
        return None
    if tahun and _LAW_NUMBER.search(ctx.text, max(0, raw.start - 20), raw.start):
        return None  # "UU Nomor 11 Tahun 2020" names a law
    if not tahun and _COUNT_AFTER.match(ctx.text, g.end("year")):
        return None  # "dari 2020 unit" counts things
    part = _part(raw)
    if part:
        return part_value(part, int(g["year"]))
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
    if (
        g["wd"].lower() in ENGLISH_WEEKDAYS
        and not ctx.joined
        and not _ENGLISH_WEEKDAY_CUE.search(ctx.text, max(0, raw.start - 8), raw.start)
    ):
        return None
    value = _weekday_alone(ctx, weekday, ctx.is_future(raw))
    return None if value is None else DateValue.day(value)


def infer_year(month: int, day: int | None, anchor: date, future: bool) -> int:
    """The year of a year-less date, from the narrative anchor.

    News narrates the past: a month clearly after the anchor (a later month; for a day, more
    than a week later) is last year's, unless the sentence speaks of plans (`future`), then it
    is the anchor's year. A planned date clearly before the anchor (two or more months
    before; for a day, more than a month) is next year's: what is still to come cannot lie
    months behind the story.
    """
    offset = (month - anchor.month) * 31 + ((day or anchor.day) - anchor.day)
    clearly_after = month > anchor.month if day is None else offset > 7
    if clearly_after:
        return anchor.year if future else anchor.year - 1
    clearly_before = anchor.month - month >= 2 if day is None else offset < -31
    if future and clearly_before:
        return anchor.year + 1
    return anchor.year


def _range_start(year: int, month: int, first: int, last: int) -> date | None:
    """The first day of "first-last Month": in the month itself, or, when `first` is the larger,
    in the month before for a short span ("29 - 11 September" from 29 August); else None."""
    if first < last:
        found = calendar_value(year, month, first)
        return None if found is None else found.start
    before = (
        calendar_value(year - 1, 12, first)
        if month == 1
        else calendar_value(year, month - 1, first)
    )
    if before is None or (date(year, month, last) - before.start).days > _LONGEST_WRAP:
        return None
    return before.start


def _part(raw: Raw) -> str:
    """The part of the period that the modifier before it names ("awal" is "early"), or ""."""
    mod = raw.before("mod")
    return PART_MODIFIERS.get(said(mod), "") if mod else ""


def _year_of(ctx: Context, raw: Raw, month: int, day: int | None) -> tuple[int, bool]:
    """The year of a year-less day or month (`day` None), and whether it is known: the year a
    list carries, else one placed by the narrative anchor, else unknown (placeholder 1)."""
    carried = ctx.carried.get(raw.start)
    if carried is not None:
        return carried, True
    future = ctx.is_future(raw)
    # A plan is spoken from the day of writing; a past event is told from the story's time.
    reference = (ctx.published if future else None) or ctx.reference()
    if reference is None:
        return 1, False
    return infer_year(month, day, reference, future), True


def _partial(ctx: Context, raw: Raw, month: int, day: int | None) -> DateValue | None:
    """A year-less day or month (`day` None), placed by `_year_of`."""
    year, known = _year_of(ctx, raw, month, day)
    return calendar_value(year, month, day, year_known=known)


def _abbreviation_is_month(ctx: Context, raw: Raw, rel: str | None) -> bool:
    """Whether a year-less abbreviated month is one ("Jan." and "3 Jan lalu" are; "Jan 5"
    and "Des" alone may be a name)."""
    if raw.kind == "month_day":
        return raw.match["mon"].endswith(".")
    if rel or raw.kind != "day_month" or raw.match["mon"].endswith("."):
        return True
    return _CUE_BEFORE.search(ctx.text, max(0, raw.start - 12), raw.start) is not None


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


def _placed_year(ctx: Context, month: int, day: int | None, rel: str) -> tuple[int, bool]:
    """The year of a month or day placed by the words after it, spoken from the publication
    day: "Juli lalu" the latest July before it, "9 Okt mendatang" the next 9 October after it,
    "Mei tahun ini" this year's May (after_date.yaml). Unknown without a reference."""
    base = ctx.published or ctx.anchor
    if base is None:
        return 1, False
    meaning = PLACING[said(rel)]
    here = (base.month, base.day if day is not None else 0)
    there = (month, day if day is not None else 0)
    if meaning == "next":
        if day is not None:  # a page is often dated a day or two after it was written
            there = (month, day + _PUBLICATION_LAG)
        return (base.year if there > here else base.year + 1), True
    if meaning == "last":
        return (base.year if there < here else base.year - 1), True
    return base.year + YEAR_OFFSETS[meaning], True


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

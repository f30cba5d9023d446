"""Tagging a text's dates in order, keeping the narrative anchor as the story moves.

The **narrative anchor** is the last explicit day the running text stated (a "17 November
2023", a "Jumat (11/7/2025)", or a weekday heading of a chronology). Dates on metadata lines
(bylines "— Name (@handle) 26 September 2024", "updated on ...") are tagged but never become
the anchor: they date the quote or the page, not the story. Until the text states such a day,
the anchor is the publication date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from knowledge.extract.dates.arithmetic import on_or_before, strictly_after, two_digit_year
from knowledge.extract.dates.context import SENTENCE_END, Context, is_heading, is_meta_line
from knowledge.extract.dates.parts import resolve_part
from knowledge.extract.dates.patterns import DASHES
from knowledge.extract.dates.relative import resolve_relative
from knowledge.extract.dates.scanning import DAY_KINDS, STATED_KINDS, Raw, scan, states_day
from knowledge.extract.dates.stated import (
    month_number,
    resolve_day_month,
    resolve_iso,
    resolve_monthlike,
    resolve_numeric,
    resolve_weekday,
    resolve_year,
)
from knowledge.extract.dates.vocabulary import (
    BETWEEN_WORDS,
    LIST_WORDS,
    RANGE_JOINERS,
    RANGE_WORDS,
    WEEKDAYS,
    said,
)
from knowledge.models import DateMention, DateValue

# The resolver of each scanner kind (see `scanning`), keyed by the kind's name.
_RESOLVERS: dict[str, Callable[[Context, Raw], DateValue | None]] = dict(
    iso=resolve_iso,
    numeric=resolve_numeric,
    weekday=resolve_weekday,
    day_month=resolve_day_month,
    month_day=resolve_day_month,
    monthlike=resolve_monthlike,
    year=resolve_year,
    relative=resolve_relative,
    part=resolve_part,
)
# Punctuation between the items of a list or range ("Desember - Februari 2019"); words are in
# range_joiners.yaml.
_JOINING_MARKS = frozenset({"", ",", "-", "–", "—", "/"})
# Where each kind writes its month and its year, if it does.
_DAY_MONTH_KINDS = ("iso", "numeric", "day_month", "month_day")
_MONTH_GROUPS: dict[str, tuple[str, ...]] = {"weekday": ("mon", "pmon", "emon")} | dict.fromkeys(
    (*_DAY_MONTH_KINDS, "monthlike"), ("mon",)
)
_YEAR_GROUPS: dict[str, tuple[str, ...]] = {"weekday": ("year", "pyear", "eyear")} | dict.fromkeys(
    (*_DAY_MONTH_KINDS, "monthlike", "year"), ("year",)
)
# A range's words as written between its two dates ("hingga", "s.d."), lower case.
_RANGE_WORDS = frozenset(RANGE_WORDS)
_BETWEEN = frozenset(BETWEEN_WORDS)
_LIST = frozenset(LIST_WORDS)


def tag_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in `text`, in text order, resolved against the narrative anchor.

    `published` is the day the article appeared (see `publication_date`); deictic expressions
    ("kemarin", "bulan lalu", "Juli lalu") count from it. When nothing anchors a year, year-less
    dates keep `year_known=False` (placeholder year 1); expressions that cannot be placed at
    all without a reference (a weekday alone, "kemarin") are dropped. A mention's
    `explicit_year` says the text writes its year (in the mention or at the end of its list).
    """
    raws = scan(text)
    ctx = Context(text, published, carried=_carried_years(text, raws))
    mentions: list[DateMention] = []
    heading_anchor: date | None = None  # the anchor before the latest weekday heading
    after_heading = False
    joined = -1  # the raw that ended a range already tagged
    for i, raw in enumerate(raws):
        if i == joined:
            continue
        if _is_weekday_heading(text, raw):
            value = _resolve_heading(ctx, raws, i)
            heading_anchor, after_heading = ctx.anchor or ctx.published, value is not None
        elif after_heading and raw.kind == "relative" and _first_sentence_after(text, raws, i):
            # "Sehari kemudian" opening a section counts from the day before the heading: the
            # heading already names the day the phrase arrives at.
            with ctx.anchored(heading_anchor):
                value = resolve_relative(ctx, raw)
            after_heading = False
        else:
            value = _RESOLVERS[raw.kind](ctx, raw)
            after_heading = False
        if value is None:
            continue
        mention = _mention(ctx, raw, value)
        ranged = _range_to_next(ctx, raws, i, mention)
        if ranged is not None:
            mention, joined = ranged, i + 1
        mentions.append(mention)
        if value.year_known and raw.kind in STATED_KINDS and not is_meta_line(text, raw):
            ctx.last = mention.value
        # A range of days moves the anchor to its last day, as its days one by one would.
        days = mention.value.precision in ("day", "range")
        if value.year_known and days and _moves_anchor(text, raw):
            ctx.anchor = mention.value.end
    return mentions


def _mention(ctx: Context, raw: Raw, value: DateValue) -> DateMention:
    written = _written_year(raw)
    year = ctx.carried.get(raw.start) if written is None else written
    return DateMention(
        start=raw.start,
        end=raw.end,
        text=ctx.text[raw.start : raw.end],
        value=value,
        explicit_year=value.year_known and value.start.year == year,
    )


def _range_to_next(ctx: Context, raws: list[Raw], i: int, first: DateMention) -> DateMention | None:
    """The range that raw `i` (tagged as `first`) opens with the raw after it, or None.

    Two dates make a range when a dash or a range word joins them ("30 Oktober–2 November
    2023", "Januari hingga Agustus 2018", "2019-2021", "Senin-Rabu"), or a list word after
    "antara"/"between" ("antara Senin dan Rabu"); and when both state the same precision
    (days, months or years) and the second does not come before the first. Two weekdays run
    from the first to the next such weekday after it.
    """
    if i + 1 >= len(raws):
        return None
    raw, following = raws[i], raws[i + 1]
    if not _joins_range(ctx.text, raw, ctx.text[raw.end : following.start]):
        return None
    with ctx.joining():
        second = _RESOLVERS[following.kind](ctx, following)
    if second is None or second.year_known != first.value.year_known:
        return None
    a, b = first.value, second
    if _weekday_alone(raw) and _weekday_alone(following):
        days = (WEEKDAYS[following.match["wd"].lower()] - WEEKDAYS[raw.match["wd"].lower()]) % 7
        b = DateValue.day(a.start + timedelta(days=days))
    elif not (a.precision == b.precision and a.precision in ("day", "month", "year")):
        return None
    if b.end < a.start:
        return None
    return DateMention(
        start=first.start,
        end=following.end,
        text=ctx.text[first.start : following.end],
        value=DateValue.between(a.start, b.end, year_known=a.year_known),
        explicit_year=first.explicit_year or _mention(ctx, following, second).explicit_year,
    )


def _joins_range(text: str, raw: Raw, between: str) -> bool:
    """Whether the text between two dates makes them a range (range_joiners.yaml)."""
    words = said(between)
    if (len(words) == 1 and words in DASHES) or words in _RANGE_WORDS:
        return True
    if words not in _LIST:
        return False
    before = text[max(0, raw.start - 12) : raw.start].split()
    return bool(before) and before[-1].lower() in _BETWEEN


def _weekday_alone(raw: Raw) -> bool:
    return raw.kind == "weekday" and not states_day(raw)


def _written(raw: Raw, groups: dict[str, tuple[str, ...]]) -> str | None:
    """The first of the kind's groups that the match filled, as written."""
    g = raw.match
    return next((g[name] for name in groups.get(raw.kind, ()) if g[name]), None)


def _written_year(raw: Raw) -> int | None:
    year = _written(raw, _YEAR_GROUPS)
    return None if year is None else two_digit_year(year)


def _carried_years(text: str, raws: list[Raw]) -> dict[int, int]:
    """Years that a list or range states once at its end ("Januari hingga Agustus 2018"), by
    the start of each year-less item.

    An earlier item in a higher month belongs to the year before ("Desember - Februari 2019").
    """
    carried: dict[int, int] = {}
    for i in range(len(raws) - 2, -1, -1):
        month, year = _stated_month_year(raws[i])
        if month is None or year is not None:
            continue
        following = raws[i + 1]
        next_month, next_year = _stated_month_year(following)
        next_year = next_year if next_year is not None else carried.get(following.start)
        if next_month is None or next_year is None:
            continue
        if not _joins(text[raws[i].end : following.start]):
            continue
        carried[raws[i].start] = next_year if month <= next_month else next_year - 1
    return carried


def _joins(between: str) -> bool:
    """Whether the text between two dates makes them one list or range."""
    between = between.strip().lower()
    return between in _JOINING_MARKS or between.removeprefix(",").strip() in RANGE_JOINERS


def _stated_month_year(raw: Raw) -> tuple[int | None, int | None]:
    """The month and year as the text writes them, before any resolution."""
    month_text = _written(raw, _MONTH_GROUPS)
    if month_text is None:
        return None, None
    month = int(month_text) if month_text.isdigit() else month_number(month_text)
    return month, _written_year(raw)


def _moves_anchor(text: str, raw: Raw) -> bool:
    if raw.kind == "weekday":
        return states_day(raw) or is_heading(text, raw)
    return raw.kind in DAY_KINDS and not is_meta_line(text, raw)


def _is_weekday_heading(text: str, raw: Raw) -> bool:
    """A weekday alone on its line ("Kamis"): a section of a day-by-day chronology."""
    return raw.kind == "weekday" and not states_day(raw) and is_heading(text, raw)


def _resolve_heading(ctx: Context, raws: list[Raw], i: int) -> DateValue | None:
    """A weekday heading: the day its section states, else the next such day after the anchor."""
    weekday = WEEKDAYS[raws[i].match["wd"].lower()]
    stated = _section_date(ctx, raws, i)
    if stated is not None and stated.weekday() == weekday:
        return DateValue.day(stated)
    base, from_text = ctx.weekday_base()
    if base is None:
        return None
    value = strictly_after(base, weekday) if from_text else on_or_before(base, weekday)
    return DateValue.day(value)


def _section_date(ctx: Context, raws: list[Raw], i: int) -> date | None:
    """The first stated day in the section under heading `i`, resolved without side effects."""
    for raw in raws[i + 1 :]:
        if _is_weekday_heading(ctx.text, raw):
            return None
        if states_day(raw):
            found = _RESOLVERS[raw.kind](ctx, raw)
            return found.start if found is not None and found.year_known else None
    return None


def _first_sentence_after(text: str, raws: list[Raw], i: int) -> bool:
    """Whether raw `i` sits in the first sentence after the heading just before it."""
    between = text[raws[i - 1].end : raws[i].start].lstrip()
    return SENTENCE_END.search(between) is None

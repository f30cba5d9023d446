"""Small calendar arithmetic: building values that may not exist, and moving by months and
weekdays. Weekdays are `date.weekday()` numbers, 0 for Monday."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from knowledge.extract.dates.vocabulary import PART_DAYS, PART_MONTHS
from knowledge.models import DateValue


def calendar_value(
    year: int, month: int, day: int | None = None, *, year_known: bool = True
) -> DateValue | None:
    """The day, or the month when `day` is None; None when the calendar has no such day
    ("31/2/2019", "45 Maret")."""
    try:
        if day is None:
            return DateValue.month(year, month, year_known=year_known)
        return DateValue.day(date(year, month, day), year_known=year_known)
    except ValueError:
        return None


def part_value(
    part: str, year: int, month: int | None = None, *, year_known: bool = True
) -> DateValue | None:
    """The part `part` (a key of date_parts.yaml) of `month` of `year`, or of the year when
    `month` is None; None when that part has no span for the period (a season of a month).

    A part of a year whose last month comes before its first runs from the year before
    (winter 2026 is December 2025 to February 2026).
    """
    if month is None:
        first, last = PART_MONTHS[part]
        start_year = year - 1 if last < first else year
        if start_year < 1:
            return None
        end_day = calendar.monthrange(year, last)[1]
        return DateValue.part_of(
            part, date(start_year, first, 1), date(year, last, end_day), year_known=year_known
        )
    if part not in PART_DAYS:
        return None
    first, last = PART_DAYS[part]
    last = min(last, calendar.monthrange(year, month)[1])
    return DateValue.part_of(
        part, date(year, month, first), date(year, month, last), year_known=year_known
    )


def add_months(value: date, months: int) -> date:
    """The first day of the month `months` after (or before, when negative) `value`'s."""
    index = value.year * 12 + value.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def on_or_before(base: date, weekday: int) -> date:
    """The latest such weekday on or before `base`."""
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def strictly_after(base: date, weekday: int) -> date:
    """The first such weekday after `base`."""
    return base + timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)


def two_digit_year(text: str) -> int:
    """A written year as a number: "19" is 2019, "85" is 1985; four digits stay as written."""
    year = int(text)
    return year if year >= 100 else 2000 + year if year < 70 else 1900 + year

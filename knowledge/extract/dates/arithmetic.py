"""Small calendar arithmetic: building values that may not exist, and moving by months and
weekdays. Weekdays are `date.weekday()` numbers, 0 for Monday."""

from __future__ import annotations

from datetime import date, timedelta

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

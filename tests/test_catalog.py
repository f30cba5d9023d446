"""The message catalogs: every key in both languages, dates written at their precision."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.engine.catalog import format_date, messages, say
from knowledge.extract.dates import tag_dates
from knowledge.models import DateValue

D = date
THURSDAY = D(2025, 7, 10)  # the week of 7-13 July 2025


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    ids, ens = messages("id"), messages("en")
    assert ids.keys() == ens.keys()
    for key in ids:
        assert set(re.findall(r"{(\w+)", ids[key])) == set(re.findall(r"{(\w+)", ens[key])), key


def test_say_fills_placeholders_and_refuses_unknown_keys() -> None:
    assert say("answer.who_title", "en", name="Rina") == "Who is Rina?"
    assert say("answer.who_title", "id", name="Rina") == "Siapa Rina?"
    with pytest.raises(KeyError):
        say("answer.no_such_key", "id")


@pytest.mark.parametrize(
    ("value", "grain", "lang", "year_known", "expected"),
    [
        (D(2023, 11, 17), "day", "id", True, "17 November 2023"),
        (D(2024, 5, 1), "month", "id", True, "Mei 2024"),
        (D(2024, 5, 1), "month", "en", True, "May 2024"),
        (D(2023, 1, 1), "year", "id", True, "2023"),
        (D(2016, 8, 9), "day", "en", True, "9 August 2016"),
        (D(1, 7, 11), "day", "id", False, "11 Juli"),
        (D(1, 7, 1), "month", "en", False, "July"),
    ],
)
def test_format_date(value: date, grain: str, lang: str, year_known: bool, expected: str) -> None:
    if grain == "day":
        stated = DateValue.day(value, year_known=year_known)
    elif grain == "month":
        stated = DateValue.month(value.year, value.month, year_known=year_known)
    else:
        stated = DateValue.year(value.year)
    assert format_date(stated, lang) == expected


@pytest.mark.parametrize(
    ("stated", "iso"),
    [
        (DateValue.day(D(2024, 5, 14)), "2024-05-14"),
        (DateValue.month(2024, 5), "2024-05"),
        (DateValue.year(2024), "2024"),
        (DateValue.between(D(2023, 11, 17), D(2023, 11, 21)), "2023-11-17/2023-11-21"),
        (DateValue.week(D(2025, 7, 10)), "2025-07-07/2025-07-13"),
        (DateValue.day(D(1, 7, 11), year_known=False), "--07-11"),
        (DateValue.month(1, 7, year_known=False), "--07"),
    ],
)
def test_iso_8601_at_the_stated_precision(stated: DateValue, iso: str) -> None:
    assert stated.iso() == iso


def test_a_range_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        DateValue.between(D(2024, 5, 3), D(2024, 5, 1))


def test_a_date_without_a_known_year_never_prints_year_one() -> None:
    [m] = tag_dates("Kontrak diteken pada 11 Juli.", None)
    assert format_date(m.value, "id") == "11 Juli"


# Issue 11: every precision written honestly in both languages and in ISO 8601.
FORMATTED = [
    # (value, Indonesian, English, ISO 8601)
    (
        DateValue.week(THURSDAY),
        "pekan 7–13 Juli 2025",
        "the week of 7–13 July 2025",
        "2025-07-07/2025-07-13",
    ),
    (
        DateValue.week(D(2025, 7, 31)),
        "pekan 28 Juli–3 Agustus 2025",
        "the week of 28 July–3 August 2025",
        "2025-07-28/2025-08-03",
    ),
    (
        DateValue.week(D(2025, 12, 31)),
        "pekan 29 Desember 2025–4 Januari 2026",
        "the week of 29 December 2025–4 January 2026",
        "2025-12-29/2026-01-04",
    ),
    (DateValue.month(2024, 5), "Mei 2024", "May 2024", "2024-05"),
    (DateValue.year(2024), "2024", "2024", "2024"),
    (
        DateValue.part_of("early", D(2025, 1, 1), D(2025, 4, 30)),
        "awal 2025",
        "early 2025",
        "2025-01/2025-04",
    ),
    (
        DateValue.part_of("mid", D(2025, 7, 11), D(2025, 7, 20)),
        "pertengahan Juli 2025",
        "mid-July 2025",
        "2025-07-11/2025-07-20",
    ),
    (
        DateValue.part_of("summer", D(2026, 6, 1), D(2026, 8, 31)),
        "musim panas 2026",
        "summer 2026",
        "2026-06/2026-08",
    ),
    (
        DateValue.part_of("winter", D(2025, 12, 1), D(2026, 2, 28)),
        "musim dingin 2026",
        "winter 2026",
        "2025-12/2026-02",
    ),
    (
        DateValue.part_of("q3", D(2024, 7, 1), D(2024, 9, 30)),
        "kuartal III 2024",
        "Q3 2024",
        "2024-07/2024-09",
    ),
    (
        DateValue.part_of("h1", D(2025, 1, 1), D(2025, 6, 30)),
        "semester I 2025",
        "the first half of 2025",
        "2025-01/2025-06",
    ),
    (DateValue.day(D(1, 7, 11), year_known=False), "11 Juli", "11 July", "--07-11"),
    (DateValue.month(1, 7, year_known=False), "Juli", "July", "--07"),
    (
        DateValue.part_of("late", D(1, 7, 21), D(1, 7, 31), year_known=False),
        "akhir Juli",
        "late July",
        "--07-21/--07-31",
    ),
]


@pytest.mark.parametrize(("value", "indonesian", "english", "iso"), FORMATTED)
def test_written_at_its_precision_in_both_languages_and_iso(
    value: DateValue, indonesian: str, english: str, iso: str
) -> None:
    assert format_date(value, "id") == indonesian
    assert format_date(value, "en") == english
    assert value.iso() == iso

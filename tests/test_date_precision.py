"""Honest precision, on sentences written for these tests: a week stays a week, a month a month,
a year a year, a part of a period ("awal 2025", "the summer of 2026", "kuartal III 2024") a
span, in extraction, in replies (both languages), in ISO 8601 and in sorting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import ask_about
from conftest import dated_mentions as tags

from bot.console.render import render_text, to_json
from knowledge.models import DateValue

D = date
THURSDAY = D(2025, 7, 10)  # the week of 7-13 July 2025


WEEKS = [
    # (text, surface, Monday)
    ("Model bahasa itu dirilis pekan ini.", "pekan ini", D(2025, 7, 7)),
    ("Harga beras naik minggu lalu.", "minggu lalu", D(2025, 6, 30)),
    ("Sidang lanjutan digelar pekan depan.", "pekan depan", D(2025, 7, 14)),
    ("Vaksinasi tahap dua dimulai dua minggu lagi.", "dua minggu lagi", D(2025, 7, 21)),
    ("Gudang itu terbakar tiga pekan lalu.", "tiga pekan lalu", D(2025, 6, 16)),
    ("The ferry resumed service this week.", "this week", D(2025, 7, 7)),
    ("Talks collapsed last week.", "last week", D(2025, 6, 30)),
    ("The mayor resigned two weeks ago.", "two weeks ago", D(2025, 6, 23)),
]


@pytest.mark.parametrize(("text", "surface", "monday"), WEEKS)
def test_a_week_stays_a_week(text: str, surface: str, monday: date) -> None:
    [m] = tags(text, THURSDAY)
    assert (m.text, m.value.precision) == (surface, "week")
    assert (m.value.start, m.value.end) == (monday, D.fromordinal(monday.toordinal() + 6))


def test_a_weekend_is_its_saturday_and_sunday() -> None:
    [m] = tags("Banjir merendam Kampung Melayu akhir pekan lalu.", THURSDAY)
    assert (m.text, m.value.precision) == ("akhir pekan lalu", "range")
    assert (m.value.start, m.value.end) == (D(2025, 7, 5), D(2025, 7, 6))


def test_a_week_counted_from_a_stated_day_is_a_day() -> None:
    text = "Longsor terjadi 2 Maret 2024. Seminggu kemudian jalan dibuka kembali."
    assert [(m.value.start, m.value.precision) for m in tags(text, None)] == [
        (D(2024, 3, 2), "day"),
        (D(2024, 3, 9), "day"),
    ]


PARTS = [
    # (text, published, surface, part, first day, last day)
    ("Tol Cisumdawu dibuka awal 2025.", None, "awal 2025", "early", D(2025, 1, 1), D(2025, 4, 30)),
    ("Pabrik itu beroperasi medio 2017.", None, "medio 2017", "mid", D(2017, 5, 1), D(2017, 8, 31)),
    (
        "Kontrak berakhir akhir tahun 2026.",
        None,
        "akhir tahun 2026",
        "late",
        D(2026, 9, 1),
        D(2026, 12, 31),
    ),
    ("Sales recovered by mid-2031.", None, "mid-2031", "mid", D(2031, 5, 1), D(2031, 8, 31)),
    ("The plant closed in late 2024.", None, "late 2024", "late", D(2024, 9, 1), D(2024, 12, 31)),
    (
        "The law passed at the end of 2019.",
        None,
        "the end of 2019",
        "late",
        D(2019, 9, 1),
        D(2019, 12, 31),
    ),
    (
        "Ia pensiun pada akhir Januari 2019.",
        None,
        "akhir Januari 2019",
        "late",
        D(2019, 1, 21),
        D(2019, 1, 31),
    ),
    (
        "Panen raya jatuh pertengahan Juli.",
        THURSDAY,
        "pertengahan Juli",
        "mid",
        D(2025, 7, 11),
        D(2025, 7, 20),
    ),
    (
        "Tarif listrik naik awal bulan ini.",
        THURSDAY,
        "awal bulan ini",
        "early",
        D(2025, 7, 1),
        D(2025, 7, 10),
    ),
    (
        "Jembatan rampung akhir tahun ini.",
        THURSDAY,
        "akhir tahun ini",
        "late",
        D(2025, 9, 1),
        D(2025, 12, 31),
    ),
    (
        "Ekspor anjlok pertengahan tahun lalu.",
        THURSDAY,
        "pertengahan tahun lalu",
        "mid",
        D(2024, 5, 1),
        D(2024, 8, 31),
    ),
    (
        "The resort opens in the summer of 2026.",
        None,
        "summer of 2026",
        "summer",
        D(2026, 6, 1),
        D(2026, 8, 31),
    ),
    (
        "Turis Eropa berdatangan pada musim panas 2026.",
        None,
        "musim panas 2026",
        "summer",
        D(2026, 6, 1),
        D(2026, 8, 31),
    ),
    (
        "The games open in winter 2026.",
        None,
        "winter 2026",
        "winter",
        D(2025, 12, 1),
        D(2026, 2, 28),
    ),
    (
        "Salju turun lebat musim dingin lalu.",
        THURSDAY,
        "musim dingin lalu",
        "winter",
        D(2024, 12, 1),
        D(2025, 2, 28),
    ),
    (
        "Tourism rebounded last spring.",
        THURSDAY,
        "last spring",
        "spring",
        D(2025, 3, 1),
        D(2025, 5, 31),
    ),
    (
        "Laba bank itu naik pada kuartal III 2024.",
        None,
        "kuartal III 2024",
        "q3",
        D(2024, 7, 1),
        D(2024, 9, 30),
    ),
    (
        "Penjualan semen turun pada kuartal I-2017.",
        None,
        "kuartal I-2017",
        "q1",
        D(2017, 1, 1),
        D(2017, 3, 31),
    ),
    (
        "Ekspor sawit naik pada triwulan II tahun ini.",
        THURSDAY,
        "triwulan II tahun ini",
        "q2",
        D(2025, 4, 1),
        D(2025, 6, 30),
    ),
    (
        "Laba emiten itu naik pada kuartal ketiga.",
        D(2017, 11, 2),
        "kuartal ketiga",
        "q3",
        D(2017, 7, 1),
        D(2017, 9, 30),
    ),
    (
        "Inflasi melandai pada semester pertama 2025.",
        None,
        "semester pertama 2025",
        "h1",
        D(2025, 1, 1),
        D(2025, 6, 30),
    ),
    (
        "Growth slowed in the second half of 2025.",
        None,
        "second half of 2025",
        "h2",
        D(2025, 7, 1),
        D(2025, 12, 31),
    ),
    ("Revenue beat forecasts in Q1 2024.", None, "Q1 2024", "q1", D(2024, 1, 1), D(2024, 3, 31)),
]


@pytest.mark.parametrize(("text", "published", "surface", "part", "first", "last"), PARTS)
def test_a_part_of_a_period_keeps_its_span(
    text: str, published: date | None, surface: str, part: str, first: date, last: date
) -> None:
    [m] = tags(text, published)
    assert (m.text, m.value.precision, m.value.part) == (surface, "part", part)
    assert (m.value.start, m.value.end) == (first, last)


NOT_PARTS = [
    "Klub itu aktif di bursa transfer musim panas.",
    "Gol tercipta pada babak pertama.",
    "Rina kini kuliah semester 5 di Bandung.",
    "Audi Q3 terbaru dipamerkan di Jakarta.",
    "Arsenal led at the end of the first half.",
]


@pytest.mark.parametrize("text", NOT_PARTS)
def test_words_for_parts_that_name_no_date(text: str) -> None:
    assert tags(text, THURSDAY) == []


def test_a_month_stays_a_month_and_a_year_a_year() -> None:
    found = tags("Rencana itu dibahas pada Mei 2024 dan disahkan pada 2025.", None)
    assert [(m.text, m.value.precision) for m in found] == [("Mei 2024", "month"), ("2025", "year")]


def test_dates_sort_by_what_is_known() -> None:
    values = [
        DateValue.day(D(1, 3, 5), year_known=False),
        DateValue.year(2024),
        DateValue.part_of("late", D(2024, 9, 1), D(2024, 12, 31)),
        DateValue.month(2024, 5),
        DateValue.month(1, 1, year_known=False),
        DateValue.between(D(2024, 5, 3), D(2024, 5, 9)),
        DateValue.week(D(2024, 5, 1)),
    ]
    assert [v.iso() for v in sorted(values, key=DateValue.sort_key)] == [
        "2024",
        "2024-04-29/2024-05-05",
        "2024-05",
        "2024-05-03/2024-05-09",
        "2024-09/2024-12",
        "--01",
        "--03-05",
    ]


HARBOUR = """---
title: Pelabuhan Tanjung Wangi Tunda Pembukaan Terminal Baru
published: 2025-07-10
---
Pelabuhan Tanjung Wangi menunda pembukaan terminal penumpang baru yang dijadwalkan pekan ini.

Kepala pelabuhan Hendra Kusuma mengatakan terminal itu kini ditargetkan beroperasi awal 2026.
"""


async def test_replies_and_json_keep_the_precision(tmp_path: Path) -> None:
    delayed, planned, english, timeline = await ask_about(
        tmp_path,
        {"terminal.md": HARBOUR},
        "kapan pembukaan terminal penumpang ditunda?",
        "kapan terminal beroperasi?",
        "when will the new terminal open?",
        "/timeline terminal",
    )
    assert render_text(delayed).startswith("pekan 7–13 Juli 2025: ")
    assert to_json(delayed)["citations"][0]["date"] == "2025-07-07/2025-07-13"
    assert render_text(planned).startswith("awal 2026: ")
    assert to_json(planned)["citations"][0]["date"] == "2026-01/2026-04"
    assert render_text(english).startswith("the week of 7–13 July 2025: ")
    dates = [c["date"] for c in to_json(timeline)["citations"]]
    assert dates == ["2025-07-07/2025-07-13", "2026-01/2026-04"]
    assert "awal 2026:" in render_text(timeline)

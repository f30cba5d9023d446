"""Ranges of dates, on sentences written for these tests: each is stored with a start and an end
(`DateValue.between`), shown as a range, and sorted by its start."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import ask_about
from conftest import dated_mentions as tags

from bot.console.render import render_text, to_json
from bot.engine.catalog import format_date

D = date
THURSDAY = D(2025, 7, 10)


RANGES = [
    # (text, published, surface, first day, last day)
    (
        "Konferensi iklim digelar 17-21 November 2023 di Nusa Dua.",
        None,
        "17-21 November 2023",
        D(2023, 11, 17),
        D(2023, 11, 21),
    ),
    (
        "Turnamen bulu tangkis berlangsung 21 - 28 Mei 2017 di Gold Coast.",
        None,
        "21 - 28 Mei 2017",
        D(2017, 5, 21),
        D(2017, 5, 28),
    ),
    (
        "Pendaftaran calon kepala desa dibuka 1 s.d. 8 Oktober.",
        D(2024, 10, 12),
        "1 s.d. 8 Oktober",
        D(2024, 10, 1),
        D(2024, 10, 8),
    ),
    (
        "Survei dilakukan 16 sampai dengan 22 Januari 2018 di 34 provinsi.",
        None,
        "16 sampai dengan 22 Januari 2018",
        D(2018, 1, 16),
        D(2018, 1, 22),
    ),
    (
        "Festival layang-layang digelar 3 hingga 5 Mei di Pantai Parangkusumo.",
        D(2024, 5, 20),
        "3 hingga 5 Mei",
        D(2024, 5, 3),
        D(2024, 5, 5),
    ),
    (
        "Lomba perahu naga digelar antara 3 dan 5 Agustus di Sungai Musi.",
        D(2024, 8, 10),
        "3 dan 5 Agustus",
        D(2024, 8, 3),
        D(2024, 8, 5),
    ),
    (
        "Pameran keris berlangsung 30 Oktober–2 November 2023 di Solo.",
        None,
        "30 Oktober–2 November 2023",
        D(2023, 10, 30),
        D(2023, 11, 2),
    ),
    (
        "Jembatan Kalikuto ditutup dari 28 Desember 2023 hingga 3 Januari 2024.",
        None,
        "28 Desember 2023 hingga 3 Januari 2024",
        D(2023, 12, 28),
        D(2024, 1, 3),
    ),
    (
        "Pelatihan relawan berlangsung Jumat (7/3/2025) hingga Minggu (9/3/2025).",
        None,
        "Jumat (7/3/2025) hingga Minggu (9/3/2025)",
        D(2025, 3, 7),
        D(2025, 3, 9),
    ),
    (
        "Buruh pabrik sepatu di Tangerang mogok antara Senin dan Rabu.",
        THURSDAY,
        "Senin dan Rabu",
        D(2025, 7, 7),
        D(2025, 7, 9),
    ),
    ("Jalan Dago ditutup Senin–Rabu.", THURSDAY, "Senin–Rabu", D(2025, 7, 7), D(2025, 7, 9)),
    (
        "Harga cabai naik dari Januari hingga Agustus 2018.",
        None,
        "Januari hingga Agustus 2018",
        D(2018, 1, 1),
        D(2018, 8, 31),
    ),
    (
        "Musim hujan Desember - Februari 2031 diperkirakan lebih basah.",
        None,
        "Desember - Februari 2031",
        D(2030, 12, 1),
        D(2031, 2, 28),
    ),
    (
        "Wahyu Setiadi menjabat bupati pada 2019-2023.",
        None,
        "2019-2023",
        D(2019, 1, 1),
        D(2023, 12, 31),
    ),
    (
        "The trade fair runs March 3-5, 2031 in Lyon.",
        None,
        "March 3-5, 2031",
        D(2031, 3, 3),
        D(2031, 3, 5),
    ),
    (
        "Dock workers struck from 3 to 5 May 2024 over pay.",
        None,
        "3 to 5 May 2024",
        D(2024, 5, 3),
        D(2024, 5, 5),
    ),
    (
        "Voting is open between May 3 and May 7, 2026.",
        None,
        "May 3 and May 7, 2026",
        D(2026, 5, 3),
        D(2026, 5, 7),
    ),
    (
        "The harbour festival will run from Friday to Sunday.",
        THURSDAY,
        "Friday to Sunday",
        D(2025, 7, 11),
        D(2025, 7, 13),
    ),
]


@pytest.mark.parametrize(("text", "published", "surface", "first", "last"), RANGES)
def test_a_range_is_one_date_with_a_start_and_an_end(
    text: str, published: date | None, surface: str, first: date, last: date
) -> None:
    [m] = tags(text, published)
    assert (m.text, m.value.start, m.value.end, m.value.precision) == (
        surface,
        first,
        last,
        "range",
    )


NOT_RANGES = [
    # (text, published, the dates each mention starts on)
    ("Tiket dijual 13 Januari dan 3 Maret 2016.", None, [D(2016, 1, 13), D(2016, 3, 3)]),
    ("Pasar murah digelar pada 3 dan 5 Mei.", D(2024, 5, 20), [D(2024, 5, 5)]),
    ("Skor akhir 3-1 untuk tim tamu pada 5 Mei 2024.", None, [D(2024, 5, 5)]),
    ("Harga naik 10-15 persen pada Mei 2024.", None, [D(2024, 5, 1)]),
    ("Jalan ditutup pukul 07.30-09.00 WIB.", THURSDAY, []),
]


@pytest.mark.parametrize(("text", "published", "starts"), NOT_RANGES)
def test_lists_scores_and_times_are_no_ranges(
    text: str, published: date | None, starts: list[date]
) -> None:
    found = tags(text, published)
    assert [m.value.start for m in found] == starts
    assert all(m.value.precision != "range" for m in found)


def test_a_year_and_a_month_make_no_range_of_mixed_precision() -> None:
    found = tags("Gempa susulan tercatat pada 2018 hingga Maret 2019.", None)
    assert [(m.text, m.value.precision) for m in found] == [
        ("2018", "year"),
        ("Maret 2019", "month"),
    ]


SHOWN = [
    # (text, published, Indonesian, English)
    ("Konferensi digelar 17-21 November 2023.", None, "17–21 November 2023", "17–21 November 2023"),
    (
        "Pameran berlangsung 30 Oktober–2 November 2023.",
        None,
        "30 Oktober–2 November 2023",
        "30 October–2 November 2023",
    ),
    (
        "Jembatan ditutup 28 Desember 2023 hingga 3 Januari 2024.",
        None,
        "28 Desember 2023–3 Januari 2024",
        "28 December 2023–3 January 2024",
    ),
    (
        "Harga naik Januari hingga Agustus 2018.",
        None,
        "Januari–Agustus 2018",
        "January–August 2018",
    ),
    ("Ia menjabat pada 2019-2023.", None, "2019–2023", "2019–2023"),
    ("Festival digelar 3 hingga 5 Mei.", None, "3–5 Mei", "3–5 May"),
]


@pytest.mark.parametrize(("text", "published", "indonesian", "english"), SHOWN)
def test_a_range_is_shown_as_a_range(
    text: str, published: date | None, indonesian: str, english: str
) -> None:
    [m] = tags(text, published)
    assert format_date(m.value, "id") == indonesian
    assert format_date(m.value, "en") == english


def test_iso_8601_intervals() -> None:
    [day_range] = tags("Konferensi digelar 17-21 November 2023.", None)
    [months] = tags("Harga naik Januari hingga Agustus 2018.", None)
    [years] = tags("Ia menjabat pada 2019-2023.", None)
    [unknown] = tags("Festival digelar 3 hingga 5 Mei.", None)
    assert day_range.value.iso() == "2023-11-17/2023-11-21"
    assert months.value.iso() == "2018-01/2018-08"
    assert years.value.iso() == "2019/2023"
    assert unknown.value.iso() == "--05-03/--05-05"


FESTIVAL = """---
title: Festival Kopi Gayo Digelar di Takengon
published: 2023-11-25
---
Festival Kopi Gayo digelar pada 17-21 November 2023 di Takengon, Aceh Tengah.

Petani kopi Rahmat Hidayat membuka lapak pada 19 November 2023, di tengah festival.

Panitia mulai menyiapkan festival kopi itu sejak 2 November 2023.
"""


async def test_a_timeline_sorts_a_range_by_its_start(tmp_path: Path) -> None:
    [answer] = await ask_about(tmp_path, {"festival-kopi.md": FESTIVAL}, "/timeline festival kopi")
    dates = [c["date"] for c in to_json(answer)["citations"]]
    assert dates == ["2023-11-02", "2023-11-17/2023-11-21", "2023-11-19"]
    assert "17–21 November 2023:" in render_text(answer)


def test_a_range_of_days_moves_the_story_to_its_last_day() -> None:
    text = (
        "Arus mudik dipantau 15 Juni 2017 hingga 11 Juli 2017. "
        "Data terakhir diambil per tanggal 23 Juni pukul 06.30 WIB."
    )
    found = tags(text, D(2017, 6, 24))
    assert [m.value.iso() for m in found] == ["2017-06-15/2017-07-11", "2017-06-23"]

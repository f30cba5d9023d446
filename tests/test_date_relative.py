"""Dates the text places relative to the article, on sentences written for these tests:
relative expressions read whole, forward and back; year-less dates placed by the article's date
and the sentence's tense; abbreviated months; and clock times that never disturb a date."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import dated_mentions as tags

D = date
THURSDAY = D(2025, 7, 10)


def one(text: str, published: date | None) -> tuple[str, str, str]:
    [m] = tags(text, published)
    return m.text, m.value.iso(), m.value.precision


RELATIVE = [
    # (text, surface, ISO 8601, precision), published on Thursday 10 July 2025
    ("Kemarin lusa hujan es turun di Bogor.", "Kemarin lusa", "2025-07-08", "day"),
    ("Longsor menutup jalan kemarin.", "kemarin", "2025-07-09", "day"),
    ("Hari ini pasar induk tutup.", "Hari ini", "2025-07-10", "day"),
    ("Hasil lelang diumumkan besok.", "besok", "2025-07-11", "day"),
    ("Kapal bantuan tiba lusa.", "lusa", "2025-07-12", "day"),
    ("Jembatan darurat selesai lima hari lagi.", "lima hari lagi", "2025-07-15", "day"),
    (
        "Hasil seleksi akan diumumkan dalam tiga hari.",
        "tiga hari",
        "2025-07-10/2025-07-13",
        "range",
    ),
    (
        "Harga tiket turun dalam dua pekan ke depan.",
        "dua pekan ke depan",
        "2025-07-10/2025-07-24",
        "range",
    ),
    (
        "Penahanan diperpanjang 30 hari ke depan.",
        "30 hari ke depan",
        "2025-07-10/2025-08-09",
        "range",
    ),
    (
        "Harga beras stabil tiga bulan mendatang.",
        "tiga bulan mendatang",
        "2025-07-10/2025-10-10",
        "range",
    ),
    ("Vaksin tahap dua tiba dua minggu lagi.", "dua minggu lagi", "2025-07-21/2025-07-27", "week"),
    ("Tarif tol naik bulan depan.", "bulan depan", "2025-08", "month"),
    ("Kereta cepat beroperasi tiga bulan lagi.", "tiga bulan lagi", "2025-10", "month"),
    ("Bendungan itu rampung akhir tahun ini.", "akhir tahun ini", "2025-09/2025-12", "part"),
    ("Pemilu kepala desa digelar tahun depan.", "tahun depan", "2026", "year"),
    ("Sidang perdana digelar 9 Okt mendatang.", "9 Okt mendatang", "2025-10-09", "day"),
    ("Kontrak itu diteken 3 Jan lalu.", "3 Jan lalu", "2025-01-03", "day"),
    ("Pasar dibuka kembali 1 Juli lalu.", "1 Juli lalu", "2025-07-01", "day"),
    ("Panen raya jatuh pada 20 Juli mendatang.", "20 Juli mendatang", "2025-07-20", "day"),
    ("The strike began the day before yesterday.", "the day before yesterday", "2025-07-08", "day"),
    ("The verdict is due the day after tomorrow.", "the day after tomorrow", "2025-07-12", "day"),
    (
        "The ministry will publish the results in three days.",
        "three days",
        "2025-07-10/2025-07-13",
        "range",
    ),
    (
        "The bridge reopens two weeks from now.",
        "two weeks from now",
        "2025-07-21/2025-07-27",
        "week",
    ),
    ("The ferry sank three days ago.", "three days ago", "2025-07-07", "day"),
    ("Fares rise next month.", "next month", "2025-08", "month"),
]


@pytest.mark.parametrize(("text", "surface", "iso", "precision"), RELATIVE)
def test_relative_expressions_forward_and_back(
    text: str, surface: str, iso: str, precision: str
) -> None:
    assert one(text, THURSDAY) == (surface, iso, precision)


def test_a_relative_expression_is_read_whole() -> None:
    found = tags("Kemarin lusa dan kemarin, hujan turun; lusa diperkirakan cerah.", THURSDAY)
    assert [(m.text, m.value.iso()) for m in found] == [
        ("Kemarin lusa", "2025-07-08"),
        ("kemarin", "2025-07-09"),
        ("lusa", "2025-07-12"),
    ]


DURATIONS = [
    "Tiket konser terjual habis dalam tiga hari.",
    "Harga cabai naik dua kali lipat dalam tiga tahun terakhir.",
    "Laba perusahaan akan naik dalam tiga bulan pertama, kata Yohana.",
    "Panitia masih butuh beberapa hari lagi.",
    "Kesempatan itu tidak akan datang dalam sepuluh tahun terakhir, katanya.",
]


@pytest.mark.parametrize("text", DURATIONS)
def test_durations_are_no_dates(text: str) -> None:
    assert tags(text, THURSDAY) == []


TENSE = [
    # (text, published, surface, ISO 8601): a year-less date takes the article's year, or the
    # year before when the story tells of the past and the month comes after the article's.
    ("Harga gabah diperkirakan naik pada Agustus.", D(2024, 5, 14), "Agustus", "2024-08"),
    ("Harga gabah naik tajam pada Agustus.", D(2024, 5, 14), "Agustus", "2023-08"),
    ("Bendungan itu dijadwalkan rampung Desember.", D(2024, 5, 14), "Desember", "2024-12"),
    ("Festival itu akan digelar 10 Maret.", D(2024, 5, 14), "10 Maret", "2025-03-10"),
    ("Banjir melanda desa itu Februari lalu.", D(2024, 5, 14), "Februari lalu", "2024-02"),
    ("Banjir kembali datang Februari mendatang.", D(2024, 5, 14), "Februari mendatang", "2025-02"),
    ("Sekolah dibuka kembali 2 Mei.", D(2024, 5, 14), "2 Mei", "2024-05-02"),
    ("The terminal is expected to open in August.", D(2024, 5, 14), "August", "2024-08"),
    ("The terminal opened in August.", D(2024, 5, 14), "August", "2023-08"),
    ("She said she would resign in October.", D(2024, 5, 14), "October", "2024-10"),
    (
        "Konferensi yang akan diikuti 30 ribu delegasi itu telah digelar di Medan pada Maret.",
        D(2024, 5, 14),
        "Maret",
        "2024-03",
    ),
]


@pytest.mark.parametrize(("text", "published", "surface", "iso"), TENSE)
def test_a_date_without_a_year_takes_it_from_the_article_and_the_tense(
    text: str, published: date, surface: str, iso: str
) -> None:
    [m] = tags(text, published)
    assert (m.text, m.value.iso()) == (surface, iso)
    assert not m.explicit_year


ABBREVIATIONS = [
    # Indonesian day-month-year with every abbreviation, with and without a dot
    ("5 Jan 2024", "2024-01-05"),
    ("5 Jan. 2024", "2024-01-05"),
    ("5 Feb 2024", "2024-02-05"),
    ("5 Peb. 2024", "2024-02-05"),
    ("5 Mar 2024", "2024-03-05"),
    ("5 Mrt 2024", "2024-03-05"),
    ("5 Mrt. 2024", "2024-03-05"),
    ("5 Apr 2024", "2024-04-05"),
    ("5 Jun. 2024", "2024-06-05"),
    ("5 Jul 2024", "2024-07-05"),
    ("5 Agu 2024", "2024-08-05"),
    ("5 Agt. 2024", "2024-08-05"),
    ("5 Ags 2024", "2024-08-05"),
    ("5 Agst. 2024", "2024-08-05"),
    ("5 Sep 2024", "2024-09-05"),
    ("5 Sept. 2024", "2024-09-05"),
    ("5 Okt 2024", "2024-10-05"),
    ("5 Nov. 2024", "2024-11-05"),
    ("5 Nop 2024", "2024-11-05"),
    ("5 Des. 2024", "2024-12-05"),
    # English forms
    ("Jan. 5, 2024", "2024-01-05"),
    ("Aug 5, 2024", "2024-08-05"),
    ("Sept. 5, 2024", "2024-09-05"),
    ("Oct. 5, 2024", "2024-10-05"),
    ("5 Dec 2024", "2024-12-05"),
    # a month and a year
    ("Des. 2024", "2024-12"),
    ("Okt 2024", "2024-10"),
    ("Sept. 2024", "2024-09"),
]


@pytest.mark.parametrize(("written", "iso"), ABBREVIATIONS)
def test_every_abbreviated_month(written: str, iso: str) -> None:
    assert one(f"Kontrak pembangunan pasar diteken {written} di Ambon.", None)[:2] == (written, iso)


ABBREVIATED_WITHOUT_A_YEAR = [
    ("Sidang digelar pada 9 Okt di Ambon.", "9 Okt", "2025-10-09"),
    ("Sidang digelar tanggal 9 Okt di Ambon.", "9 Okt", "2025-10-09"),
    ("Rapat digelar tgl. 3 Jan. di balai desa.", "3 Jan.", "2025-01-03"),
    ("The vote was held Jan. 3 in Lisbon.", "Jan. 3", "2025-01-03"),
]


@pytest.mark.parametrize(("text", "surface", "iso"), ABBREVIATED_WITHOUT_A_YEAR)
def test_an_abbreviated_month_without_a_year_after_a_cue_or_with_a_dot(
    text: str, surface: str, iso: str
) -> None:
    [m] = tags(text, D(2025, 10, 20))
    assert (m.text, m.value.iso()) == (surface, iso)


NOT_MONTHS = [
    "Proyek MRT 2019 molor lagi.",
    "Peneliti Jan Leike pindah kantor.",
    "Ia tinggal di Des Moines sejak kecil.",
    "Pemain bernomor 3 Jan Ullrich cedera.",
]


@pytest.mark.parametrize("text", NOT_MONTHS)
def test_acronyms_and_names_are_no_months(text: str) -> None:
    assert tags(text, THURSDAY) == []


TIMES = [
    # (text, the dates found as ISO 8601): a clock time is never a date and never moves one
    ("Rapat dimulai Senin (7/7/2025) pukul 07.30 WIB.", ["2025-07-07"]),
    ("Pukul 07.30 WIB, Senin (7/7/2025), warga berkumpul.", ["2025-07-07"]),
    ("Kereta berangkat pk. 14.30 tgl. 9 Juli 2025.", ["2025-07-09"]),
    ("Batas pendaftaran pukul 23.59 WIB pada 31 Desember 2024.", ["2024-12-31"]),
    ("Jalan ditutup pukul 07.30-09.00 WIB setiap hari.", []),
    ("Gempa terjadi pukul 19.12 WITA.", []),
    ("The polls close at 7:30 p.m. on May 5, 2024.", ["2024-05-05"]),
    ("Sirene berbunyi pukul 10.11 pada 12 Mei 2024.", ["2024-05-12"]),
]


@pytest.mark.parametrize(("text", "isos"), TIMES)
def test_times_do_not_disturb_the_date(text: str, isos: list[str]) -> None:
    assert [m.value.iso() for m in tags(text, None)] == isos

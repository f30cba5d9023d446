"""Issue 11, section 3: who is a person and what role the text gives them, one row per case.

Every sentence here is invented for the test (the names included); none comes from the
hand-labelled indosum articles, which stay a measurement (`./newsbot eval --people`).
A row is (text, people): `people` maps each name that must be found to its role ("" for none,
None for "any role"); every other name found fails the row, so each row also checks what is
not a person.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from knowledge.extract.people import find_people
from knowledge.extract.sentences import split_sentences
from knowledge.models import PersonMention
from knowledge.resolve.registry import PersonRegistry


def _found(text: str) -> dict[str, str]:
    """Name -> the first non-empty role any of its mentions carries."""
    out: dict[str, str] = {}
    for m in find_people(text, split_sentences(text)):
        out[m.name] = out.get(m.name) or m.role
    return out


def _check(text: str, people: Mapping[str, str | None]) -> None:
    found = _found(text)
    assert set(found) == set(people), (text, found)
    for name, role in people.items():
        if role is not None:
            assert found[name] == role, (text, name, found[name])


NAMES_WITHOUT_TITLES = [
    # a subject, later referred to by the last name alone
    (
        "Andika Pramono dan Bima Sasongko bersenggolan di tikungan terakhir. Pramono terjatuh.",
        {"Andika Pramono": "", "Bima Sasongko": "", "Pramono": ""},
    ),
    # a foreign name seen once in full, then by surname at a sentence start
    (
        "Laporan itu menyebut produser Oskar Wendlund. Wendlund membantah semua tuduhan.",
        {"Oskar Wendlund": "produser", "Wendlund": ""},
    ),
    # a line-up with no title at all
    (
        "Skuad itu diperkuat Dario Fenelli, Tomasz Wrobek, Ilkka Rautio dan Pavel Hronek.",
        {"Dario Fenelli": "", "Tomasz Wrobek": "", "Ilkka Rautio": "", "Pavel Hronek": ""},
    ),
    # doubles pairs "A / B", a country in brackets, Chinese names
    (
        "Ganda putra Rian Sutanto / Fajar Wibisana menang atas Zhou Haoran / Liu Kaiwen "
        "(China). Pekan depan Rian Sutanto / Fajar Wibisana melawan Lin Dong.",
        {
            "Rian Sutanto": "Ganda putra",
            "Fajar Wibisana": "Ganda putra",
            "Zhou Haoran": "",
            "Liu Kaiwen": "",
            "Lin Dong": "",
        },
    ),
    # a title before a doubles pair is both players'
    (
        "Wakil ganda campuran Indonesia, Dimas Prakoso / Nadia Kartika, lolos ke semifinal.",
        {
            "Dimas Prakoso": "Wakil ganda campuran Indonesia",
            "Nadia Kartika": "Wakil ganda campuran Indonesia",
        },
    ),
    # scorers marked by the minute in brackets
    (
        "Gol dicetak Joaquim Belotti (12 ') dan Stefan Kowalczyk (90 + 2 ').",
        {"Joaquim Belotti": "", "Stefan Kowalczyk": ""},
    ),
    # a lower-case particle inside a name; a spaced hyphen in a Korean name
    (
        "Bek Ajax, Jelle van Doorn, cedera. Kim Sung - hoon menggantikannya.",
        {"Jelle van Doorn": "Bek Ajax", "Kim Sung - hoon": ""},
    ),
    # relatives sharing a surname
    (
        "Pesta itu dihadiri Kendra Varnell, Marcy Varnell dan teman-teman mereka.",
        {"Kendra Varnell": "", "Marcy Varnell": ""},
    ),
]

NOT_PEOPLE = [
    "Crystal Palace menang atas Swansea City di kandang.",
    "Konser Black Eyed Peas dan Foo Fighters digelar di Jakarta.",
    "Pemain VfL Wolfsburg datang ke Jakarta pekan lalu.",
    "Wakil Gubernur Golestan mengatakan situasi sudah tenang.",
    "Bupati Tanah Merah tiba di lokasi banjir pada Senin pagi.",
    "Delegasi itu berangkat ke San Diego dan Negeri Paman Sam.",
    "Skandal Ahok Gate kembali dibahas di parlemen.",
]

ONE_WORD_NAMES = [
    ('Harga cabai naik, kata Wiryono di pasar. "Kami rugi," ujar Wiryono.', {"Wiryono": ""}),
    ("Kepala BPS Suharyoto mengatakan inflasi turun.", {"Suharyoto": "Kepala BPS"}),
    (
        "Saksi lain adalah anggota Polri Suwandi dan Direktur Data Kemendagri, Subagyo.",
        {"Suwandi": "anggota Polri", "Subagyo": "Direktur Data Kemendagri"},
    ),
]

ROLES = [
    ("Ketua panitia, Lina Marlinda, mengatakan acara lancar.", {"Lina Marlinda": "Ketua panitia"}),
    ("Penjual sayur Joko Susilo mengaku omzetnya turun.", {"Joko Susilo": "Penjual sayur"}),
    ("Menurut Hasan Basri, imam masjid desa, warga siap.", {"Hasan Basri": "imam masjid desa"}),
    (
        "Raied Khalid, seorang pekerja bangunan, selamat.",
        {"Raied Khalid": "seorang pekerja bangunan"},
    ),
    (
        "Pada 2019 Bambang Sutejo dilantik sebagai Rektor Universitas Lampung.",
        {"Bambang Sutejo": "Rektor Universitas Lampung"},
    ),
    (
        "Kini Rina Hapsari menjabat Direktur Utama PT Angkasa Raya.",
        {"Rina Hapsari": "Direktur Utama PT Angkasa Raya"},
    ),
    (
        "Dedi Kurniawan selaku juru bicara keluarga membantah kabar itu.",
        {"Dedi Kurniawan": "juru bicara"},
    ),
    # the role in the next sentence, as a phrase pointing back
    (
        "Tim putri menang berkat Sinta Dewanti. Atlet 30 tahun itu mencetak dua poin.",
        {"Sinta Dewanti": "Atlet"},
    ),
    (
        "Klub itu kini dilatih Milos Radenko. Pelatih asal Serbia ini datang pekan lalu.",
        {"Milos Radenko": "Pelatih asal Serbia"},
    ),
    # sports descriptors
    (
        "Bek kanan Persikota, Marko Siladi, absen. Penyerang Rudi Salam dan kiper Ardi "
        "Nugroho tampil. Gol dicetak gelandang serang Evan Darmawan.",
        {
            "Marko Siladi": "Bek kanan Persikota",
            "Rudi Salam": "Penyerang",
            "Ardi Nugroho": "kiper",
            "Evan Darmawan": "gelandang serang",
        },
    ),
    # field words between the head and the name, ordinals, "bernama"
    (
        "Hadir ahli jantung Michael Dawson, Gubernur DKI terpilih Arif Setiawan, Presiden RI "
        "ke - 5 Megawati Soekarnoputri dan seorang pekerja swasta bernama John Halsey (31).",
        {
            "Michael Dawson": "ahli jantung",
            "Arif Setiawan": "Gubernur DKI terpilih",
            "Megawati Soekarnoputri": "Presiden RI ke - 5",
            "John Halsey": "seorang pekerja swasta",
        },
    ),
    # a title closed by an acronym keeps the given name inside the name
    (
        "Direktur Eksekutif INDEF Enny Sri Hartanti memaparkan data.",
        {"Enny Sri Hartanti": "Direktur Eksekutif INDEF"},
    ),
    # field words of a title before its body are no name
    (
        "Direktur Pembinaan Usaha Hilir Migas Kementerian ESDM Harya Adiwangsa hadir.",
        {"Harya Adiwangsa": "Direktur Pembinaan Usaha Hilir Migas Kementerian ESDM"},
    ),
    # a neighbour's title is never borrowed
    (
        "Acara dihadiri Direktur ESDM Harya Adiwangsa, General Manager PT Pertamina Yanuar "
        "Budi Hartono, dan Bupati Sambas Atbah Suhaimi.",
        {
            "Harya Adiwangsa": "Direktur ESDM",
            "Yanuar Budi Hartono": "General Manager PT Pertamina",
            "Atbah Suhaimi": "Bupati Sambas",
        },
    ),
]

HONORIFICS_AND_DEGREES = [
    (
        "Prof. Dr. H. Ahmad Syafei Marzuki, M.A. hadir bersama Ibu Negara Hajah Iriana Wulandari.",
        {"Ahmad Syafei Marzuki": "", "Iriana Wulandari": "Ibu Negara"},
    ),
    (
        "Kepala Sekolah SDN 3 Cibinong, Sri Wahyuningsih, S.Pd., M.Si., menyambut siswa.",
        {"Sri Wahyuningsih": "Kepala Sekolah SDN 3 Cibinong"},
    ),
    (
        "Warga bernama Abdul Karim bin Salim ditemukan. Emir Qatar, Sheikh Tamim Bin Hamad "
        "Al Thani, berkunjung. Menkumham Yasonna H Laoly menyambutnya.",
        {
            "Abdul Karim bin Salim": "",
            "Tamim Bin Hamad Al Thani": "Emir Qatar",
            "Yasonna H Laoly": "Menkumham",
        },
    ),
]

FURNITURE = [
    # related-article titles in headline case name nobody; the body still does
    (
        "Artis Ely Sunarti resmi bercerai.\n"
        "Ingin Segera Cerai, Ely Sunarti Bawa Dua Saksi\n"
        "Kapolri Tito Hartono Minta Anggota Jaga Netralitas\n",
        {"Ely Sunarti": "Artis"},
    ),
    # a line-up on a line of its own is no headline
    ("Tunggal putra China:\nLin Dong, Shi Yufan dan Chen Lei\n", None),
]


@pytest.mark.parametrize(("text", "people"), NAMES_WITHOUT_TITLES)
def test_names_without_titles(text: str, people: dict[str, str | None]) -> None:
    _check(text, people)


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_places_teams_bands_and_events_are_not_people(text: str) -> None:
    assert _found(text) == {}


@pytest.mark.parametrize(("text", "people"), ONE_WORD_NAMES)
def test_one_word_names_after_a_title_or_a_speech_verb(
    text: str, people: dict[str, str | None]
) -> None:
    _check(text, people)


@pytest.mark.parametrize(("text", "people"), ROLES)
def test_roles_in_every_common_form(text: str, people: dict[str, str | None]) -> None:
    _check(text, people)


@pytest.mark.parametrize(("text", "people"), HONORIFICS_AND_DEGREES)
def test_honorifics_and_degrees_are_not_names(text: str, people: dict[str, str | None]) -> None:
    _check(text, people)


def test_page_furniture_is_not_people() -> None:
    text, people = FURNITURE[0]
    assert people is not None
    _check(text, people)
    names = set(_found(FURNITURE[1][0]))
    assert {"Lin Dong", "Shi Yufan", "Chen Lei"} <= names


def test_the_pointing_back_mention_names_the_person_and_spans_the_phrase() -> None:
    text = "Tim putri menang berkat Sinta Dewanti. Atlet 30 tahun itu mencetak dua poin."
    described = [m for m in find_people(text, split_sentences(text)) if m.role]
    assert len(described) == 1
    assert described[0].name == "Sinta Dewanti"
    assert text[described[0].start : described[0].end] == "Atlet"


def test_a_pointing_back_phrase_needs_one_person_before_it() -> None:
    text = "Andi Saputra bertemu Rudi Hartawan. Pelatih asal Bandung itu tersenyum."
    assert all(not m.role for m in find_people(text, split_sentences(text)))


def test_a_bare_loan_word_pointing_back_is_a_thing_not_a_role() -> None:
    text = "CEO Samuel Aldridge menunda peluncuran. Model ini akan menjadi yang pertama."
    roles = {m.role for m in find_people(text, split_sentences(text))}
    assert roles == {"CEO"}


def test_the_registry_joins_spellings_that_differ_in_dots_and_hyphen_spaces() -> None:
    reg = PersonRegistry()
    reg.add("a", [PersonMention(0, 18, "Gatot S Dewa Broto")])
    reg.add("b", [PersonMention(0, 19, "Gatot S. Dewa Broto")] * 2)
    reg.add("c", [PersonMention(0, 15, "Son Heung - min")])
    reg.add("d", [PersonMention(0, 13, "Son Heung-min")])
    assert reg.canonical("Gatot S Dewa Broto") == reg.canonical("Gatot S. Dewa Broto")
    assert reg.canonical("Son Heung - min") == reg.canonical("Son Heung-min")
    assert reg.canonical("Gatot S Dewa") != reg.canonical("Son Heung-min")
    assert len(reg.people()) == 2

"""Role phrases next to names, in Indonesian and English, read from invented sentences."""

from __future__ import annotations

import pytest

from knowledge.roles import is_role_word, role_after, role_before


def _before(text: str, name: str) -> str:
    span = role_before(text, text.index(name))
    return span.text if span else ""


def _after(text: str, name: str) -> str:
    span = role_after(text, text.index(name) + len(name))
    return span.text if span else ""


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Rapat dibuka Wali Kota Bogor Dedie Rachim pagi ini.", "Dedie", "Wali Kota Bogor"),
        (
            "Hal itu disampaikan Kapolda Jawa Tengah Irjen Ahmad Luthfi.",
            "Ahmad",
            "Kapolda Jawa Tengah Irjen",
        ),
        (
            "Menurut ekonom senior INDEF, Faisal Basri, inflasi naik.",
            "Faisal",
            "ekonom senior INDEF",
        ),
        (
            "Kata juru bicara Kemenlu Teuku Faizasyah kepada wartawan.",
            "Teuku",
            "juru bicara Kemenlu",
        ),
        ("Kemarin mantan pelatih Persebaya Aji Santoso datang.", "Aji", "mantan pelatih Persebaya"),
        ("Lalu Plt. Bupati Cianjur Herman Suherman menjawab.", "Herman", "Plt. Bupati Cianjur"),
        ("Startup itu dipimpin co-founder dan CEO Rina Halim.", "Rina", "co-founder dan CEO"),
        (
            "The firm hired chief operating officer Laura Chen last year.",
            "Laura",
            "chief operating officer",
        ),
        (
            "Kata dosen ilmu politik dari UGM, Arie Sujito, kepada kami.",
            "Arie",
            "dosen ilmu politik dari UGM",
        ),
    ],
)
def test_role_before_name(text: str, name: str, role: str) -> None:
    assert _before(text, name) == role


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dia bertemu Rina Halim kemarin.", "Rina"),
        ("Pertemuan itu dihadiri oleh Agus Salim.", "Agus"),
        ("Kemenlu dan Teuku Faizasyah datang.", "Teuku"),  # a connector is not a title
        ("Ia menjabat CEO. Rina Halim lalu pergi.", "Rina"),  # a title never crosses a sentence
    ],
)
def test_no_role_when_none_is_stated(text: str, name: str) -> None:
    assert _before(text, name) == ""


def test_title_stops_at_previous_person() -> None:
    text = "Menteri Pertanian Andi Amran dan Menteri BUMN Erick Thohir hadir."
    floor = text.index("Amran") + len("Amran")
    span = role_before(text, text.index("Erick"), floor)
    assert span is not None and span.text == "Menteri BUMN"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Lisa Su, CEO AMD, mengatakan chip baru siap.", "Lisa Su", "CEO AMD"),
        (
            "Budi Gunawan, yang menjabat Kepala Dinas Pendidikan Kota Depok, hadir.",
            "Budi Gunawan",
            "Kepala Dinas Pendidikan Kota Depok",
        ),
        (
            "Andi Wijaya selaku Ketua Umum Perbasi menutup acara.",
            "Andi Wijaya",
            "Ketua Umum Perbasi",
        ),
        (
            "Jane Doe, chief financial officer of Acme, said so.",
            "Jane Doe",
            "chief financial officer of Acme",
        ),
        (
            "Rudi adalah salah satu pendiri dan CEO Kopi Nusa.",
            "Rudi",
            "salah satu pendiri dan CEO Kopi Nusa",
        ),
    ],
)
def test_role_after_name(text: str, name: str, role: str) -> None:
    assert _after(text, name) == role


def test_no_apposition_without_title() -> None:
    assert _after("Rina Halim, yang datang terlambat, tersenyum.", "Rina Halim") == ""
    assert _after("Rina Halim mengatakan hal itu.", "Rina Halim") == ""


def test_role_words() -> None:
    assert is_role_word("Gubernur") and is_role_word("jubir") and is_role_word("Brigjen")
    assert not is_role_word("Jakarta") and not is_role_word("mengatakan")

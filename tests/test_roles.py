"""Role phrases next to names, in Indonesian and English, read from invented sentences."""

from __future__ import annotations

import pytest

from knowledge.extract.roles import is_role_word, role_after, role_before


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


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # Two titles joined by a colon are one role.
        (
            "Kini ada ketua sementara: wakil direktur Rina Hapsari.",
            "Rina",
            "ketua sementara: wakil direktur",
        ),
        # A rank may follow the comma after the title.
        ("kata Kepala Polres Bogor, AKBP Hendra Gunawan.", "Hendra", "Kepala Polres Bogor, AKBP"),
        # An abbreviation in brackets stays inside the title.
        (
            "ujar Kepala Badan Pusat Statistik (BPS) Suharyanto di Jakarta.",
            "Suharyanto",
            "Kepala Badan Pusat Statistik (BPS)",
        ),
        # Place ranges written with a spaced dash stay inside the title.
        (
            "kata Humas PT Kereta Api cabang Bandung - Garut, Dedi Kurnia, kemarin.",
            "Dedi",
            "Humas PT Kereta Api cabang Bandung - Garut",
        ),
        (
            "Koordinator Lapangan Aksi Buruh, Sari Dewi, berorasi.",
            "Sari",
            "Koordinator Lapangan Aksi Buruh",
        ),
        # Across a glue word the nearer title is the person's.
        (
            "Ia juga penasihat untuk direktur Acme, Budi Laksono.",
            "Budi",
            "direktur Acme",
        ),
    ],
)
def test_role_before_edge_forms(text: str, name: str, role: str) -> None:
    assert _before(text, name) == role


def test_a_title_never_runs_across_a_line_break() -> None:
    assert _before("Susunan pemain\n\nPersiraja: Hendri Lubis, Teuku Akbar", "Hendri") == ""


def test_role_after_lists_titles_joined_by_commas() -> None:
    text = "Tono adalah pendiri Kopi Nusa, anggota dewan pengawas, dan dosen hukum."
    assert _after(text, "Tono") == "pendiri Kopi Nusa, anggota dewan pengawas, dan dosen hukum"


def test_a_comma_list_is_not_an_apposition() -> None:
    assert _after("Untuk Yudi, pelatih dan saya sudah bicara panjang.", "Yudi") == ""

"""Sentence splitting on Indonesian and English text written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.extract.sentences import split_sentences
from knowledge.read.cleaning import clean_text

ARTICLES = Path(__file__).resolve().parent.parent / "knowledge" / "articles"


def texts(text: str) -> list[str]:
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    return [s.text for s in sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Hasan dan Prof. Lina hadir. Mereka berdiskusi.",
            ["Dr. Hasan dan Prof. Lina hadir.", "Mereka berdiskusi."],
        ),
        (
            "KH. Ahmad, H. Sulaiman dan Hj. Fatimah datang. Acara dimulai.",
            ["KH. Ahmad, H. Sulaiman dan Hj. Fatimah datang.", "Acara dimulai."],
        ),
        (
            "Ir. Budi, Drs. Anton, S.H., M.Sc. memimpin rapat. Rapat selesai.",
            ["Ir. Budi, Drs. Anton, S.H., M.Sc. memimpin rapat.", "Rapat selesai."],
        ),
        (
            "Kantornya di Jl. Merdeka No. 10, Kec. Coblong, Kab. Bandung. Buka pukul 8.",
            ["Kantornya di Jl. Merdeka No. 10, Kec. Coblong, Kab. Bandung.", "Buka pukul 8."],
        ),
        (
            "Mr. Smith of Acme Inc. met Mrs. Jones vs. the board. They agreed.",
            ["Mr. Smith of Acme Inc. met Mrs. Jones vs. the board.", "They agreed."],
        ),
        (
            "Some fruits, e.g. apples, i.e. red ones, are sweet. Others are not.",
            ["Some fruits, e.g. apples, i.e. red ones, are sweet.", "Others are not."],
        ),
    ],
)
def test_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_initials_do_not_end_sentences() -> None:
    assert texts("Novel karya J. R. R. Tolkien laris. Susilo B. Yudhoyono membacanya.") == [
        "Novel karya J. R. R. Tolkien laris.",
        "Susilo B. Yudhoyono membacanya.",
    ]


def test_numbers_versions_urls_and_emails_stay_whole() -> None:
    text = (
        "Inflasi naik 3.5 persen, setara Rp 1,5 juta dari 1.000.000 penduduk. "
        "Versi Llama-3.1 dirilis. Info di https://contoh.go.id/berita.html atau "
        "humas@contoh.go.id. Selesai."
    )
    assert texts(text) == [
        "Inflasi naik 3.5 persen, setara Rp 1,5 juta dari 1.000.000 penduduk.",
        "Versi Llama-3.1 dirilis.",
        "Info di https://contoh.go.id/berita.html atau humas@contoh.go.id.",
        "Selesai.",
    ]


def test_date_in_parentheses_ends_after_the_final_dot() -> None:
    assert texts("Sidang digelar pada Selasa (4/3/2025). Hakim menunda putusan.") == [
        "Sidang digelar pada Selasa (4/3/2025).",
        "Hakim menunda putusan.",
    ]


def test_closing_quotes_belong_to_the_sentence() -> None:
    text = '“Kami siap bertanding.” Pelatih itu tersenyum. "Target kami juara." Ia pergi.'
    assert texts(text) == [
        "“Kami siap bertanding.”",
        "Pelatih itu tersenyum.",
        '"Target kami juara."',
        "Ia pergi.",
    ]


def test_source_credit_at_paragraph_end_stays_with_its_sentence() -> None:
    assert texts("Harga minyak turun. Pasar tenang. (Reuters)\nBerikutnya.") == [
        "Harga minyak turun.",
        "Pasar tenang. (Reuters)",
        "Berikutnya.",
    ]
    assert texts("Ia pulang. (Foto di atas diambil pagi hari.) Lalu tidur.")[1:] == [
        "(Foto di atas diambil pagi hari.)",
        "Lalu tidur.",
    ]


def test_quote_running_into_its_attribution_is_one_sentence() -> None:
    text = (
        "“Harganya naik lagi? Keterlaluan,” keluh Wati. “Kami siap. Target juara.” "
        '"Mahal sekali! Tidak masuk akal," ujar Tono.'
    )
    assert texts(text) == [
        "“Harganya naik lagi? Keterlaluan,” keluh Wati.",
        "“Kami siap.",
        "Target juara.”",
        '"Mahal sekali! Tidak masuk akal," ujar Tono.',
    ]


def test_long_quote_still_splits_and_only_its_tail_joins_the_attribution() -> None:
    first = "“Pertama, kami memperbaiki jalan desa yang rusak parah sejak banjir tahun lalu."
    middle = (
        "Kedua, kami membangun jembatan baru di tiga kecamatan yang terisolasi selama musim hujan."
    )
    last = "Ketiga, sekolah dibuka lagi,” kata Bupati Hendra."
    assert texts(f"{first} {middle} {last}") == [first, middle, last]


def test_question_and_exclamation_marks() -> None:
    assert texts("Siapa pemenangnya? Tim tamu! Luar biasa.") == [
        "Siapa pemenangnya?",
        "Tim tamu!",
        "Luar biasa.",
    ]


def test_lower_case_after_a_stop_continues_the_sentence() -> None:
    assert texts("“Kapan rilisnya?” tanya Rina. Belum pasti.") == [
        "“Kapan rilisnya?” tanya Rina.",
        "Belum pasti.",
    ]


def test_ellipsis_inside_a_sentence_does_not_split() -> None:
    assert texts("Ia berkata... lalu diam sejenak… Kemudian tertawa. Selesai.") == [
        "Ia berkata... lalu diam sejenak… Kemudian tertawa.",
        "Selesai.",
    ]


def test_sentence_final_abbreviation_splits_before_a_capital() -> None:
    assert texts("Ia membeli beras, gula, dll. Semua dibayar tunai.") == [
        "Ia membeli beras, gula, dll.",
        "Semua dibayar tunai.",
    ]


def test_month_and_number_abbreviations_bind_only_to_numbers() -> None:
    assert texts("Rapat pada Jan. 5 ditunda. Itu satu hal. Jan Koum hadir.") == [
        "Rapat pada Jan. 5 ditunda.",
        "Itu satu hal.",
        "Jan Koum hadir.",
    ]


def test_line_breaks_end_sentences() -> None:
    text = (
        "Sorotan Utama\n"
        "- Ekspor naik tajam\n"
        "Pelabuhan sibuk sepanjang minggu. Kapal antre\n\n"
        "— Kepala Syahbandar, Agus Salim"
    )
    assert texts(text) == [
        "Sorotan Utama",
        "- Ekspor naik tajam",
        "Pelabuhan sibuk sepanjang minggu.",
        "Kapal antre",
        "— Kepala Syahbandar, Agus Salim",
    ]


def test_numbered_list_items_keep_their_number() -> None:
    assert texts("Syarat:\n1. Fotokopi KTP.\n2. Pas foto.\na. Asli. Dua lembar.") == [
        "Syarat:",
        "1. Fotokopi KTP.",
        "2. Pas foto.",
        "a. Asli.",
        "Dua lembar.",
    ]


def test_spans_are_stripped_indexed_and_never_empty() -> None:
    text = "  Satu.   Dua!  \n\n\n   \nTiga?  "
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == [0, 1, 2]
    assert [s.text for s in sentences] == ["Satu.", "Dua!", "Tiga?"]
    assert all(s.text and s.text == s.text.strip() for s in sentences)


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
def test_bundled_articles_split_verbatim(path: Path) -> None:
    text = clean_text(path.read_text(encoding="utf-8")).text
    sentences = split_sentences(text)
    assert len(sentences) > 10
    for i, sentence in enumerate(sentences):
        assert sentence.index == i
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert "\n" not in sentence.text
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)


def test_company_form_with_a_stop_does_not_split() -> None:
    text = "Produk itu milik PT. Sinar Harapan Abadi, Jumat (3/4/2020). Ekspor berlanjut."
    assert [s.text for s in split_sentences(text)] == [
        "Produk itu milik PT. Sinar Harapan Abadi, Jumat (3/4/2020).",
        "Ekspor berlanjut.",
    ]


# One table for issue 11: every abbreviation Indonesian news writes with a dot, academic
# degrees, decimals and clock times, each in the middle of a sentence (the split must not fall
# after it) and followed by a sentence of its own (the split must fall there and nowhere else).
NO_SENTENCE_END = [
    "Kereta terakhir berangkat pk. 21.15 dari Stasiun Tugu.",
    "Surat itu bertanggal tgl. 5 Mei dan ditandatangani camat.",
    "Rumahnya di Gang Melati no. 12 dekat masjid.",
    "Lihat laporan tahunan hlm. 45 untuk rinciannya.",
    "Mereka menjual sayur, buah, dll. di pasar pagi.",
    "Ia membeli semen, pasir, dsb. dari toko bangunan itu.",
    "Warga menyumbang beras, gula, dst. untuk korban banjir.",
    "Dana dikirim a.n. Yayasan Sejahtera lewat bank.",
    "Surat ditujukan u.p. Kepala Bagian Umum di kantor bupati.",
    "Kantor dinas berada di Jl. Pemuda 24 di pusat kota.",
    "Banjir merendam Kec. Dayeuhkolot sejak pagi.",
    "Bupati Kab. Bandung meninjau lokasi.",
    "Gubernur Prov. Jawa Barat hadir.",
    "Posko dibuka di Kel. Cibangkong untuk pengungsi.",
    "Undangan itu ditujukan kepada Sdr. Hendra Gunawan dari Medan.",
    "Bpk. Joko Susilo memimpin rapat warga.",
    "Yth. Bapak Kepala Desa Sukamaju menerima surat itu.",
    "Saham PT Semen Baru Tbk. naik tiga persen.",
    "Ia bekerja di PT. Sinar Terang sejak 2010.",
    "Pengacara Rudi Hartono, S.H. mendampingi terdakwa.",
    "Dosen Lestari Wulandari, M.Si. memimpin penelitian itu.",
    "Ahmad Fauzi, S.Kom. merancang aplikasi desa.",
    "Dokter anak dr. Maya Sari, Sp.A. memeriksa balita.",
    "Direktur Yudi Pratama, M.B.A. memaparkan rencana.",
    "Inflasi tercatat 2.5 persen pada bulan itu.",
    "Rapat dimulai pukul 07.30 WIB di aula kantor.",
]


@pytest.mark.parametrize("text", NO_SENTENCE_END)
def test_an_abbreviation_degree_decimal_or_time_ends_no_sentence(text: str) -> None:
    assert texts(text) == [text]
    assert texts(f"{text} Semua warga hadir.") == [text, "Semua warga hadir."]


def test_a_list_abbreviation_before_a_capital_ends_its_sentence() -> None:
    assert texts("Mereka menjual sayur, buah, dll. Semua laku.") == [
        "Mereka menjual sayur, buah, dll.",
        "Semua laku.",
    ]

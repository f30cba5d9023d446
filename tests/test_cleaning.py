"""Cleaning on web junk written for these tests (other sites, people and topics than the
bundled articles), plus a sanity pass over the bundled articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.read.cleaning import clean_text
from knowledge.read.markup import looks_like_html

ARTICLES = Path(__file__).resolve().parent.parent / "knowledge" / "articles"


def test_html_tags_and_entities_become_plain_text() -> None:
    raw = (
        "<p>Gubernur Andi Pratama meresmikan jembatan&nbsp;baru di Makassar.</p>"
        "<p>Biaya proyek &mdash; Rp 2 triliun &amp; dana daerah.<br>Baris kedua.</p>"
    )
    text = clean_text(raw).text
    assert text == (
        "Gubernur Andi Pratama meresmikan jembatan baru di Makassar.\n\n"
        "Biaya proyek — Rp 2 triliun & dana daerah.\nBaris kedua."
    )


def test_scripts_styles_and_comments_vanish() -> None:
    raw = (
        "<div>Harga cabai naik tajam.</div><script>var x = '<p>bukan isi</p>';</script>"
        "<style>p { color: red }</style><!-- iklan --><p>Pedagang mengeluh.</p>"
    )
    text = clean_text(raw).text
    assert "var x" not in text and "color" not in text and "iklan" not in text
    assert text.split("\n\n") == ["Harga cabai naik tajam.", "Pedagang mengeluh."]


def test_plain_text_with_angle_brackets_and_ampersands_is_left_alone() -> None:
    raw = "Nilai ujian < 5 dan > 3 dianggap gagal. Divisi R&D milik AT&T ikut menilai."
    assert clean_text(raw).text == raw


def test_looks_like_html() -> None:
    assert looks_like_html("Teks <br> lagi")
    assert not looks_like_html("jika a < b dan b > c")


def test_whitespace_bullets_and_blank_lines_are_normalised() -> None:
    raw = (
        "  Judul\u00a0kecil  \r\n\r\n\r\n\r\n"
        "  • Poin pertama tentang  panen\n"
        "\t● Poin kedua\u200b tentang harga\n\n\n\nPenutup."
    )
    text = clean_text(raw).text
    assert text == (
        "Judul kecil\n\nPoin pertama tentang panen\nPoin kedua tentang harga\n\nPenutup."
    )


def test_html_embedded_tweet_kept_as_text_with_author_handle_and_date() -> None:
    raw = (
        "<p>Menteri itu menanggapi lewat media sosial.</p>"
        '<blockquote class="twitter-tweet"><p lang="id" dir="ltr">kami akan menunda '
        "peluncuran satelit.<br><br>keselamatan tetap nomor satu.</p>&mdash; Dewi Lestari "
        '(@dewi_lestari) <a href="https://twitter.com/x/status/1">March 3, 2024</a>'
        '</blockquote> <script async src="https://platform.twitter.com/widgets.js"></script>'
        "<p>Keputusan itu disambut baik.</p>"
    )
    cleaned = clean_text(raw)
    assert "widgets.js" not in cleaned.text
    assert len(cleaned.embedded_quotes) == 1
    quote = cleaned.embedded_quotes[0]
    assert (quote.author, quote.handle, quote.date_text) == (
        "Dewi Lestari",
        "dewi_lestari",
        "March 3, 2024",
    )
    assert cleaned.text[quote.start : quote.end] == (
        "kami akan menunda peluncuran satelit.\n\nkeselamatan tetap nomor satu."
    )
    assert "— Dewi Lestari (@dewi_lestari) March 3, 2024" in cleaned.text
    assert cleaned.text.endswith("Keputusan itu disambut baik.")


def _tweet(words: str, author: str, handle: str) -> str:
    return (
        f'<blockquote class="twitter-tweet"><p lang="id">{words}</p>&mdash; {author} '
        f'(@{handle}) <a href="https://twitter.com/x/status/1">May 3, 2024</a></blockquote>'
    )


def test_each_html_tweet_keeps_its_own_byline_when_another_is_dropped() -> None:
    raw = (
        "<p>Kabinet menggelar rapat terbatas di Istana Bogor.</p>"
        "<p>Rapat selesai sore ini.</p>"
        # Repeats the paragraph above, so cleaning drops its words (and its marker).
        + _tweet("Rapat selesai sore ini.", "Andi Wijaya", "andiwijaya")
        + "<p>Setelah itu menteri menjawab pertanyaan wartawan.</p>"
        + _tweet("Kami bekerja untuk rakyat.", "Sri Rahayu", "srirahayu")
    )
    cleaned = clean_text(raw)
    lifted = [q for q in cleaned.embedded_quotes if q.handle == "srirahayu"]
    assert len(lifted) == 1
    quote = lifted[0]
    assert cleaned.text[quote.start : quote.end] == "Kami bekerja untuk rakyat."
    assert (quote.author, quote.date_text) == ("Sri Rahayu", "May 3, 2024")


def test_pasted_markup_is_read_on_its_parsed_tree() -> None:
    raw = (
        'Judul Berita Pendek\n\n<p title="a > b">Wali kota meresmikan taman kota baru.</p>'
        "<p>Warga menyambut<!-- iklan --> dengan gembira.</p><script>track('x'"
    )
    assert clean_text(raw).text == (
        "Judul Berita Pendek\n\nWali kota meresmikan taman kota baru.\n\n"
        "Warga menyambut dengan gembira."
    )


def test_plain_text_tweet_span_stops_at_the_article_prose() -> None:
    raw = (
        "“Kami tidak akan mundur,” kata Rudi Hartono kepada wartawan di Surabaya.\n\n"
        "Catatan untuk tim:\n\n"
        "Terima kasih atas kerja keras kalian minggu ini.\n\n"
        "— Rudi Hartono (@rudihartono) 5 Mei 2023\n\n"
        "Setelah itu, rapat dilanjutkan."
    )
    cleaned = clean_text(raw)
    assert len(cleaned.embedded_quotes) == 1
    quote = cleaned.embedded_quotes[0]
    assert cleaned.text[quote.start : quote.end] == (
        "Catatan untuk tim:\n\nTerima kasih atas kerja keras kalian minggu ini."
    )
    assert (quote.author, quote.handle, quote.date_text) == (
        "Rudi Hartono",
        "rudihartono",
        "5 Mei 2023",
    )


def test_tweet_ending_in_a_link_is_only_that_paragraph() -> None:
    raw = (
        "Paragraf pembuka tentang banjir di Semarang yang merendam ratusan rumah warga.\n\n"
        "Banjir surut, warga mulai bersih-bersih https://t.co/AbC123\n\n"
        "— BPBD Jateng (@bpbdjateng) January 9, 2024"
    )
    cleaned = clean_text(raw)
    quote = cleaned.embedded_quotes[0]
    assert cleaned.text[quote.start : quote.end] == (
        "Banjir surut, warga mulai bersih-bersih https://t.co/AbC123"
    )


def test_dash_attribution_lines_are_content_not_tweets() -> None:
    raw = "Kami akan terus berinovasi\n\n— Direktur Utama PT Kereta Api, Joko Santoso"
    cleaned = clean_text(raw)
    assert cleaned.text == raw
    assert cleaned.embedded_quotes == ()


@pytest.mark.parametrize(
    "junk",
    [
        "BAGIKAN",
        "Share",
        "Bagikan dengan teman",
        "Leave a Reply",
        "Be the first to comment",
        "Alamat email Anda tidak akan dipublikasikan.",
        "Your email address will not be published. Required fields are marked *",
        "*",
        "* * *",
        "Baca juga: Harga Beras Naik di Pasar Induk",
        "Baca Juga Lima Tips Menabung",
        "BACA JUGA: Timnas Menang Lagi",
        "SIMAK JUGA: Klasemen Terbaru",
        "Lihat juga: Jadwal Kereta Mudik",
        "MEMBACA  Petani kopi mencari pasar baru",
        "Presiden meninjau pasar. (Foto: Antara/Budi)",
        "Foto: Dokumentasi Humas",
        "ADVERTISEMENT",
        "Penulis: Siti Aminah",
        "Copyright © 2024 Kabar Nusantara",
        "Share on Reddit",
        "12 komentar",
        "Klik di sini untuk berlangganan",
        "Loading...",
    ],
)
def test_page_furniture_lines_are_dropped(junk: str) -> None:
    raw = f"Petani di Garut memulai panen raya.\n\n{junk}\n\nHarga gabah tetap stabil."
    assert clean_text(raw).text == (
        "Petani di Garut memulai panen raya.\n\nHarga gabah tetap stabil."
    )


@pytest.mark.parametrize(
    "content",
    [
        "Sabtu",
        "Apa Selanjutnya?",
        "Membaca buku setiap hari membuat anak lebih fokus.",
        "Share pasar ritel naik menjadi 12 persen tahun ini.",
        "Foto-foto itu beredar luas di media sosial sejak pagi.",
        "Komentar sang menteri memicu perdebatan panjang.",
        "— Ketua KPU, Hasyim Asy'ari",
    ],
)
def test_real_content_is_never_dropped(content: str) -> None:
    raw = f"Paragraf pertama yang berisi berita.\n\n{content}\n\nParagraf terakhir berita."
    assert content in clean_text(raw).text.split("\n")


def test_newsletter_promo_block_is_dropped_whole() -> None:
    raw = (
        "Saham teknologi turun dua persen.\n\n"
        "Newsletter yang direkomendasikan\n\n"
        "Pagi Ekonomi: Ringkasan pasar setiap hari kerja.\n\n"
        "Daftar di sini."
    )
    assert clean_text(raw).text == "Saham teknologi turun dua persen."


def test_trailing_nav_labels_and_editor_codes_are_dropped() -> None:
    raw = "Gempa mengguncang Cianjur pada pagi hari.\n\n(ard / ugo)\n\nPopular\n\nTERKINI\n\nVIDEO"
    assert clean_text(raw).text == "Gempa mengguncang Cianjur pada pagi hari."


def test_headline_printed_again_is_collapsed() -> None:
    title = "Bandara Baru Dibuka di Kediri"
    raw = (
        f"{title}\n\nDiperbarui 2 Mei 2024\n\n{title.upper()}\n\n"
        "Bandara itu melayani penerbangan domestik.\n\n"
        "Kalimat ini diulang.\nKalimat ini diulang.\n\nPenutup."
    )
    text = clean_text(raw, title).text
    assert text == (
        "Diperbarui 2 Mei 2024\n\nBandara itu melayani penerbangan domestik.\n\n"
        "Kalimat ini diulang.\n\nPenutup."
    )


def test_title_later_in_the_body_is_kept() -> None:
    title = "Harga Emas Naik"
    raw = "Satu.\n\nDua.\n\nTiga.\n\nEmpat.\n\nLima.\n\nHarga Emas Naik"
    assert clean_text(raw, title).text.endswith("Harga Emas Naik")


def test_hard_wrapped_paragraph_is_rejoined() -> None:
    raw = (
        "Kepala dinas pendidikan menyampaikan bahwa\n"
        "sekolah akan dibuka kembali pekan depan.\n"
        "Judul Bagian\n"
        "Isi bagian."
    )
    assert clean_text(raw).text == (
        "Kepala dinas pendidikan menyampaikan bahwa sekolah akan dibuka kembali pekan depan.\n"
        "Judul Bagian\nIsi bagian."
    )


def test_empty_and_junk_only_input_gives_empty_text() -> None:
    assert clean_text("").text == ""
    assert clean_text("\n\nBAGIKAN\n\nLeave a Reply\n*\n").text == ""


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
def test_bundled_articles_lose_their_furniture_and_keep_spans(path: Path) -> None:
    cleaned = clean_text(path.read_text(encoding="utf-8"))
    text = cleaned.text
    for junk in ("Leave a Reply", "BAGIKAN", "&nbsp;", "<blockquote", "<script", "\n\n\n"):
        assert junk not in text
    assert text == text.strip()
    for quote in cleaned.embedded_quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.author
        assert text[quote.start : quote.end] == text[quote.start : quote.end].strip()

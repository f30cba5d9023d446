"""Page furniture on HTML pages written for these tests: portals laid out with <div>s and
<table>s and no <article> or <main>, with menus, share bars, "Baca juga" lines, tag lists,
related-article blocks, sidebars, comments and footers. The article text must come out whole
and verbatim, and none of the furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.extract.sentences import split_sentences
from knowledge.models import Article
from knowledge.read.readers import read_bytes, read_file

PAGES = Path(__file__).resolve().parent / "data" / "pages"


def article_of(path: Path) -> Article:
    results = read_file(path)
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


def article_from(html: str) -> Article:
    results = read_bytes("halaman.html", html.encode("utf-8"))
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


FILES = [
    pytest.param(
        "portal-banjir.html",
        [
            "Senin, 12 Februari 2024 09:15 WIB",  # the dateline above the story stays
            "KUDUS – Banjir merendam tiga kecamatan",
            "Kepala Pelaksana BPBD Kudus, Mundir, mengatakan",
            '"Kami sudah mendirikan dapur umum di tiga titik',
            "Kecamatan yang terdampak paling parah adalah Kaliwungu",
            "Salah satu pengungsi, Suwarni (54), mengaku",
            "BPBD memperkirakan hujan dengan intensitas sedang",
        ],
        [
            "Beranda",
            "Gaya Hidup",
            "Home ›",
            "Bagikan",
            "WhatsApp",
            "Salin Link",
            "Baca juga",
            "Jalan Pantura",
            "ADVERTISEMENT",
            "(dpr/rzl)",
            "Tag:",
            "Berita Terkait",
            "Banjir Demak",
            "Komentar",
            "Belum ada komentar",
            "Terpopuler",
            "Imsakiyah",
            "Tentang Kami",
            "Pedoman Media Siber",
            "©",
            "Foto:",
            "Editor",
        ],
        id="div-portal-id",
    ),
    pytest.param(
        "portal-br.html",
        [
            "BATURAJA - Harga cabai rawit di Pasar Baturaja",
            "Pedagang cabai, Rosmala, mengatakan pasokan",
            '"Pembeli banyak yang mengeluh',
            "Dinas Perdagangan OKU berencana menggelar operasi pasar pada pekan depan",
            "Kepala Dinas Perdagangan OKU, Herman Sani, menyebut",
            "Selain cabai, harga bawang merah juga naik",
        ],
        [
            "HOME",
            "DAERAH",
            "Share",
            "BACA JUGA",
            "Harga Beras Medium",
            "(ril/ags)",
            "Tags",
            "Berita Lainnya",
            "Pemkab OKU",
            "TERPOPULER",
            "Gempa",
            "IKLAN",
            "Copyright",
        ],
        id="table-and-br-portal-id",
    ),
    pytest.param(
        "council-english.html",
        [
            "Bristol City Council has paused plans",
            "The cabinet member for communities, Councillor Asha Bennett, told",
            '"We have listened, and we were wrong to rush this," she said.',
            "Campaigners from Save Our Libraries welcomed",
            "The council must still find savings of £4.2m",
        ],
        [
            "Subscribe",
            "What's On",
            "Share this article",
            "Copy link",
            "Photo:",
            "Advertisement",
            "Read more",
            "budget gap",
            "Topics",
            "More on this story",
            "Petition to save",
            "Most read",
            "M32",
            "Privacy",
            "©",
        ],
        id="div-news-en",
    ),
]


@pytest.mark.parametrize(("name", "paragraph_starts", "furniture"), FILES)
def test_page_furniture_is_removed(
    name: str, paragraph_starts: list[str], furniture: list[str]
) -> None:
    text = article_of(PAGES / name).text
    paragraphs = text.split("\n\n")
    assert [p[: len(s)] for p, s in zip(paragraphs, paragraph_starts, strict=False)] == (
        paragraph_starts
    )
    assert len(paragraphs) == len(paragraph_starts)
    for junk in furniture:
        assert junk not in text, junk


def test_br_between_sentences_is_a_sentence_boundary() -> None:
    text = article_of(PAGES / "portal-br.html").text
    sentences = [s.text for s in split_sentences(text)]
    assert "Dinas Perdagangan OKU berencana menggelar operasi pasar pada pekan depan" in sentences
    assert any(s.startswith("Kepala Dinas Perdagangan OKU, Herman Sani") for s in sentences)


NAV = (
    '<ul class="menu"><li><a href="/">Beranda</a></li><li><a href="/n">Nasional</a></li>'
    '<li><a href="/d">Daerah</a></li><li><a href="/o">Olahraga</a></li></ul>'
)
RELATED = (
    '<div class="terkait"><b>Berita Terkait</b><ul><li><a href="/1">Jalan Tol Baru Dibuka</a>'
    '</li><li><a href="/2">Tarif Tol Naik Bulan Depan</a></li></ul></div>'
)
P1 = "<p>Pemerintah Kota Semarang membuka dua jalur bus baru mulai Senin pekan depan.</p>"
P2 = "<p>Kepala Dinas Perhubungan, Endro Purnomo, mengatakan tarifnya tetap Rp4.000.</p>"
P3 = "<p>Jalur pertama menghubungkan Terminal Mangkang dengan Pelabuhan Tanjung Emas.</p>"
P4 = "<p>Jalur kedua melayani kawasan industri Candi dan Bandara Ahmad Yani setiap hari.</p>"


SNIPPETS = [
    pytest.param(
        f"<html><body>{NAV}<h1>Dua Jalur Bus Baru</h1>{P1}{P2}{P3}{P4}{RELATED}"
        "<p>© 2024 Kabar Semarang</p></body></html>",
        [P1, P2, P3, P4],
        id="paragraphs-straight-in-body",
    ),
    pytest.param(
        f"<html><body><div>{P1}{P2}"
        '<p>Baca juga: <a href="/x">Tarif Parkir Naik</a></p>'
        f"{P3}{P4}</div></body></html>",
        [P1, P2, P3, P4],
        id="baca-juga-late-in-the-story-does-not-end-it",
    ),
    pytest.param(
        f"<html><body><main>{P1}"
        '<div class="share">Bagikan: <a href="#">Facebook</a> <a href="#">X</a></div>'
        f"{P2}{P3}{P4}"
        '<div class="tags">Tag: <a href="/t/bus">bus</a> <a href="/t/smg">Semarang</a></div>'
        "</main></body></html>",
        [P1, P2, P3, P4],
        id="inside-main-too",
    ),
    pytest.param(
        f"<html><body><table><tr><td>{P1}{P2}{P3}{P4}</td><td>"
        '<div><a href="/a">Banjir Kaligawe Surut</a><p>Air mulai surut sejak pagi.</p></div>'
        '<div><a href="/b">Lomba Dayung di Marina</a><p>Pesertanya dari tujuh kota.</p></div>'
        "</td></tr></table></body></html>",
        [P1, P2, P3, P4],
        id="sidebar-teasers-with-summaries",
    ),
    pytest.param(
        f"<html><body><div>{P1}{P2}"
        '<blockquote class="twitter-tweet"><p>Mulai Senin, dua jalur baru beroperasi. '
        '<a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; Dishub Semarang '
        '(@dishubsmg) <a href="https://twitter.com/dishubsmg/status/1">4 Maret 2024</a>'
        f"</blockquote>{P3}{P4}</div></body></html>",
        [P1, P2, "Mulai Senin, dua jalur baru beroperasi.", P3, P4],
        id="embedded-tweet-is-not-furniture",
    ),
]


@pytest.mark.parametrize(("html", "kept"), SNIPPETS)
def test_structure_keeps_the_story(html: str, kept: list[str]) -> None:
    text = article_from(html).text
    for part in kept:
        plain = part.removeprefix("<p>").removesuffix("</p>")
        assert plain in text, plain
    for junk in (
        "Beranda",
        "Berita Terkait",
        "Jalan Tol Baru",
        "Bagikan",
        "Tag:",
        "©",
        "Banjir Kaligawe",
        "Air mulai surut",
        "Baca juga",
        "Tarif Parkir",
    ):
        assert junk not in text, junk

"""Reading files of every supported kind, and refusing bad ones with a moderator-readable reason.
All inputs are written here; the bundled articles are only read to check nothing fails."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest

from knowledge.extract.sentences import split_sentences
from knowledge.models import Article
from knowledge.read.files import MAX_ARTICLE_BYTES, ReadError, iter_sources
from knowledge.read.metadata import derive_title
from knowledge.read.readers import read_bytes, read_file

ARTICLES = Path(__file__).resolve().parent.parent / "knowledge" / "articles"
CORPUS = Path("/work/shared/corpus/indosum.jsonl")

BODY = (
    "Pemerintah Kota Malang meluncurkan bus listrik pertama pada Senin.\n\n"
    "Wali Kota Sutiaji mengatakan armada akan ditambah tahun depan."
)


def only_article(results: list[Article | ReadError]) -> Article:
    assert len(results) == 1
    item = results[0]
    assert isinstance(item, Article), item
    return item


def only_error(results: list[Article | ReadError]) -> str:
    assert len(results) == 1
    item = results[0]
    assert isinstance(item, ReadError), item
    return item.reason


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- plain text ----------------------------------------------------------------------------


def test_txt_headline_becomes_title_and_is_not_repeated(tmp_path: Path) -> None:
    headline = "Bus Listrik Mulai Beroperasi di Malang"
    path = write(tmp_path, "bus-malang.txt", f"{headline}\n\n{headline}\n{BODY}\n")
    article = only_article(read_file(path))
    assert article.id == "bus-malang"
    assert article.title == headline
    assert article.text == BODY
    assert article.published is None
    assert article.path == str(path)


def test_txt_without_headline_derives_title_from_first_sentence(tmp_path: Path) -> None:
    body = (
        "Pemerintah Provinsi Jawa Timur menyiapkan anggaran besar untuk memperbaiki jalan "
        "rusak di dua puluh kabupaten sebelum musim mudik tiba. Pekerjaan dimulai bulan depan."
    )
    article = only_article(read_file(write(tmp_path, "jalan.txt", body)))
    assert article.text == body
    assert article.title.endswith("…")
    assert len(article.title) <= 81
    assert body.startswith(article.title[:-1])
    assert not article.title[:-1].endswith(" ")


def test_derive_title_keeps_short_first_sentence_whole() -> None:
    assert derive_title("Harga cabai turun. Pedagang lega.") == "Harga cabai turun"


def test_front_matter_metadata(tmp_path: Path) -> None:
    content = (
        "---\n"
        "title: Bus Listrik di Malang\n"
        "source: Kabar Jatim\n"
        "url: https://kabar.example/bus\n"
        "published: 2024-06-03\n"
        "lang: id\n"
        "---\n"
        f"{BODY}\n"
    )
    article = only_article(read_file(write(tmp_path, "bus.md", content)))
    assert article.title == "Bus Listrik di Malang"
    assert article.source == "Kabar Jatim"
    assert article.url == "https://kabar.example/bus"
    assert article.published == date(2024, 6, 3)
    assert article.text == BODY


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-05T08:30:00+07:00", date(2023, 11, 5)),
        ("'2023-11-05'", date(2023, 11, 5)),
        ("Minggu, 5 November 2023", None),
    ],
)
def test_front_matter_published_forms(tmp_path: Path, value: str, expected: date | None) -> None:
    content = f"---\ntitle: Uji\npublished: {value}\n---\n{BODY}\n"
    assert only_article(read_file(write(tmp_path, "a.txt", content))).published == expected


def test_malformed_front_matter_is_reported(tmp_path: Path) -> None:
    content = "---\ntitle: [tidak ditutup\nsource: x\n---\nIsi.\n"
    reason = only_error(read_file(write(tmp_path, "rusak.md", content)))
    assert reason.startswith("front matter is not valid YAML:")
    assert "line" in reason


def test_unclosed_front_matter_is_reported(tmp_path: Path) -> None:
    reason = only_error(read_file(write(tmp_path, "x.md", "---\ntitle: Uji\nIsi tanpa penutup.\n")))
    assert "front matter is not closed" in reason


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    reason = only_error(read_file(write(tmp_path, "x.md", "---\n- satu\n- dua\n---\nIsi.\n")))
    assert reason.startswith("front matter is not valid YAML")


def test_markdown_syntax_is_removed(tmp_path: Path) -> None:
    content = (
        "# Festival Kopi Toraja\n\n"
        "![poster](poster.png)\n"
        "Festival **kopi** digelar di [Rantepao](https://example.com/r) pekan ini.\n\n"
        "> Kopi kami mendunia.\n\n"
        "* Harga tiket Rp 20.000\n"
    )
    article = only_article(read_file(write(tmp_path, "kopi.md", content)))
    assert article.title == "Festival Kopi Toraja"
    assert article.text == (
        "Festival kopi digelar di Rantepao pekan ini.\n\nKopi kami mendunia.\n\n"
        "- Harga tiket Rp 20.000"
    )


EMPHASIS = [
    pytest.param(
        "Kata Budi *Prakoso* kepada wartawan.", "Kata Budi Prakoso kepada wartawan.", id="asterisk"
    ),
    pytest.param(
        "Kata Budi _Prakoso_ kepada wartawan.",
        "Kata Budi Prakoso kepada wartawan.",
        id="underscore",
    ),
    pytest.param(
        "Kata **Budi Prakoso** kepada wartawan.",
        "Kata Budi Prakoso kepada wartawan.",
        id="double-asterisk",
    ),
    pytest.param("Kata __Budi__ *Prakoso* lagi.", "Kata Budi Prakoso lagi.", id="mixed"),
    pytest.param("Kata ***Budi Prakoso*** lagi.", "Kata Budi Prakoso lagi.", id="triple"),
    pytest.param(
        "Nilai 2*3*4 sama dengan 24, dan 5 * 3 = 15.",
        "Nilai 2*3*4 sama dengan 24, dan 5 * 3 = 15.",
        id="arithmetic-stays",
    ),
    pytest.param(
        "Berkas laporan_akhir_2024.pdf dikirim.",
        "Berkas laporan_akhir_2024.pdf dikirim.",
        id="underscores-inside-words-stay",
    ),
]


@pytest.mark.parametrize(("line", "expected"), EMPHASIS)
def test_markdown_emphasis_is_removed(tmp_path: Path, line: str, expected: str) -> None:
    path = write(tmp_path, "berita.md", f"---\ntitle: Berita\n---\n{line}\n")
    assert only_article(read_file(path)).text == expected


def test_emphasised_surname_is_one_name(tmp_path: Path) -> None:
    from knowledge.extract.people import find_people
    from knowledge.extract.sentences import split_sentences

    text = "Pelatih Persib, Budi *Prakoso*, mengatakan timnya siap bertanding.\n"
    article = only_article(read_file(write(tmp_path, "bola.md", f"---\ntitle: Bola\n---\n{text}")))
    names = {m.name for m in find_people(article.text, split_sentences(article.text))}
    assert "Budi Prakoso" in names


# --- refused files ---------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    assert only_error(read_file(write(tmp_path, "kosong.txt", ""))) == "empty file"
    assert only_error(read_file(write(tmp_path, "spasi.txt", "  \n\n "))) == "empty file"


def test_binary_file(tmp_path: Path) -> None:
    data = bytes(range(256)) * 4
    assert only_error(read_file(write(tmp_path, "data.txt", data))).startswith("binary file")
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"
    assert "PDF" in only_error(read_file(write(tmp_path, "laporan.txt", pdf)))


def test_text_in_another_encoding_is_read_in_it(tmp_path: Path) -> None:
    data = b"Harga naik " + b"\xe9" + b" persen."
    article = only_article(read_file(write(tmp_path, "latin1.txt", data)))
    assert (article.text, article.encoding) == ("Harga naik é persen.", "windows-1252")


def test_feed_that_is_not_utf8_names_the_byte_and_offset(tmp_path: Path) -> None:
    data = b'{"id": "a", "text": "Harga naik ' + b"\xe9" + b' persen."}'
    reason = only_error(read_file(write(tmp_path, "feed.jsonl", data)))
    assert reason == "not UTF-8 text (byte 0xe9 at offset 32)"


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.txt", "Judul Berita\n\nIsi berita singkat.".encode("utf-16"))
    article = only_article(read_file(path))
    assert (article.title, article.text) == ("Judul Berita", "Isi berita singkat.")


def test_file_over_the_limit_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "besar.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 512 * 1024)
    assert only_error(read_file(path)) == "file is 5.5 MB; the limit is 5 MB"


def test_unsupported_and_missing_files(tmp_path: Path) -> None:
    reason = only_error(read_file(write(tmp_path, "scan.pdf", b"%PDF-1.4")))
    assert reason.startswith("unsupported file type .pdf")
    assert only_error(read_file(tmp_path / "tidak-ada.txt")) == "file not found"
    assert only_error(read_file(tmp_path)).startswith("is a folder")


def test_junk_only_file_has_no_article_text(tmp_path: Path) -> None:
    reason = only_error(read_file(write(tmp_path, "junk.txt", "BAGIKAN\n\nLeave a Reply\n")))
    assert reason == "no article text after cleaning"


# --- uploads -------------------------------------------------------------------------------


def test_read_bytes_reads_an_upload_without_disk() -> None:
    article = only_article(read_bytes("unggahan.txt", f"Judul Unggahan\n\n{BODY}".encode()))
    assert (article.id, article.title, article.text) == ("unggahan", "Judul Unggahan", BODY)
    assert article.path == "unggahan.txt"
    assert only_error(read_bytes("gambar.png", b"\x89PNG\r\n")).startswith("unsupported")
    too_big = b"a" * (MAX_ARTICLE_BYTES + 1)
    assert only_error(read_bytes("besar.txt", too_big)).startswith("file is 5.0 MB")


# --- HTML ----------------------------------------------------------------------------------

HTML_PAGE = """<!doctype html>
<html lang="id-ID"><head>
<title>Pasar Apung Dibuka Lagi | Warta Banjar</title>
<meta property="og:title" content="Pasar Apung Lok Baintan Dibuka Lagi">
<meta property="og:site_name" content="Warta Banjar">
<meta property="og:url" content="https://warta.example/pasar-apung">
<meta property="article:published_time" content="2024-02-14T07:00:00+08:00">
<style>.x{color:red}</style><script>track('view');</script>
</head><body>
<header><nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a></nav></header>
<article>
<h1>Pasar Apung Lok Baintan Dibuka Lagi</h1>
<figure><img src="a.jpg"><figcaption>Pedagang di atas jukung.</figcaption></figure>
<p>Pasar apung Lok Baintan kembali ramai&nbsp;setelah banjir surut.</p>
<p>Kepala dinas pariwisata, Rahmat Hidayat, menyebut kunjungan naik dua kali lipat.</p>
<ul><li>Buka pukul 06.00</li><li>Tiket gratis</li></ul>
<form><input name="email"> Berlangganan</form>
</article>
<aside>Berita populer: Harga karet naik</aside>
<footer>© 2024 Warta Banjar</footer>
</body></html>
"""


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    article = only_article(read_file(write(tmp_path, "pasar-apung.html", HTML_PAGE)))
    assert article.id == "pasar-apung"
    assert article.title == "Pasar Apung Lok Baintan Dibuka Lagi"
    assert article.source == "Warta Banjar"
    assert article.url == "https://warta.example/pasar-apung"
    assert article.published == date(2024, 2, 14)
    assert article.lang == "id"
    assert article.text == (
        "Pasar apung Lok Baintan kembali ramai setelah banjir surut.\n\n"
        "Kepala dinas pariwisata, Rahmat Hidayat, menyebut kunjungan naik dua kali lipat.\n\n"
        "Buka pukul 06.00\nTiket gratis"
    )


def test_html_title_and_time_fallbacks(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Jembatan Ambruk di Kutai - Kabar Kaltim</title></head><body>"
        '<p>Diterbitkan <time datetime="2022-12-01">1 Desember</time></p>'
        "<p>Jembatan gantung ambruk diterjang arus sungai.</p></body></html>"
    )
    article = only_article(read_file(write(tmp_path, "jembatan.htm", page)))
    assert article.title == "Jembatan Ambruk di Kutai"
    assert article.published == date(2022, 12, 1)
    assert "Jembatan gantung ambruk diterjang arus sungai." in article.text


def test_html_with_embedded_tweet(tmp_path: Path) -> None:
    page = (
        "<html><body><article><p>Atlet itu mengumumkan pensiun.</p>"
        '<blockquote class="twitter-tweet"><p>terima kasih untuk semuanya.</p>'
        '&mdash; Taufik Hidayat (@taufikh) <a href="#">April 1, 2021</a></blockquote>'
        '<script src="https://platform.twitter.com/widgets.js"></script></article></body></html>'
    )
    article = only_article(read_file(write(tmp_path, "pensiun.html", page)))
    assert len(article.embedded_quotes) == 1
    quote = article.embedded_quotes[0]
    assert article.text[quote.start : quote.end] == "terima kasih untuk semuanya."
    assert (quote.author, quote.handle) == ("Taufik Hidayat", "taufikh")


def test_html_without_text(tmp_path: Path) -> None:
    page = "<html><body><nav>Menu</nav><script>x()</script></body></html>"
    assert "no article text" in only_error(read_file(write(tmp_path, "kosong.html", page)))


def test_deeply_nested_html_page_is_read(tmp_path: Path) -> None:
    depth = 5000
    page = "<html><body>" + "<div>" * depth + BODY + "</div>" * depth + "</body></html>"
    article = only_article(read_file(write(tmp_path, "dalam.html", page)))
    assert article.text == BODY


# --- JSON lines ----------------------------------------------------------------------------


def test_jsonl_feed_with_bad_lines_keeps_going(tmp_path: Path) -> None:
    good = {
        "id": "k-1",
        "title": "Panen Garam",
        "date": "2021-08-09",
        "source": "Kabar Madura",
        "url": "https://km.example/1",
        "text": "Petambak garam di Sumenep memulai panen.",
    }
    lines = [
        json.dumps(good),
        "{not json",
        "",
        json.dumps(["bukan", "objek"]),
        json.dumps({"id": "k-3", "title": "Tanpa isi"}),
        json.dumps({"text": "Nelayan libur melaut karena ombak tinggi."}),
        json.dumps({**good, "title": "Duplikat"}),
    ]
    results = read_file(write(tmp_path, "feed.jsonl", "\n".join(lines)))
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r.reason for r in results if isinstance(r, ReadError)]
    assert [a.id for a in articles] == ["k-1", "feed-6"]
    first = articles[0]
    assert (first.title, first.source, first.url) == ("Panen Garam", "Kabar Madura", good["url"])
    assert first.published == date(2021, 8, 9)
    assert articles[1].title == "Nelayan libur melaut karena ombak tinggi"
    assert errors[0].startswith("line 2: invalid JSON:")
    assert errors[1] == "line 4: expected a JSON object {...}"
    assert errors[2].startswith('line 5: no "text" field')
    assert errors[3] == "line 7: duplicate id 'k-1' (first on line 1)"
    assert len(errors) == 4


# --- finding files -------------------------------------------------------------------------


def test_iter_sources_walks_folders_sorted_and_skips_hidden_and_overrides(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.html", "sub/d.jsonl", "e.pdf", "overrides.yaml"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    for name in (".hidden.txt", ".git/f.txt", "Overrides.yml"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    explicit = tmp_path / "e.pdf"
    found = iter_sources([tmp_path, explicit, tmp_path / "b.txt"])
    relative = [p.relative_to(tmp_path).as_posix() for p in found]
    assert relative == ["a.md", "b.txt", "sub/c.html", "sub/d.jsonl", "e.pdf"]


# --- real text ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
def test_bundled_articles_read_cleanly(path: Path) -> None:
    article = only_article(read_file(path))
    assert article.title and article.text
    assert not article.text.startswith(article.title)
    assert len(article.title) <= 200
    for sentence in split_sentences(article.text):
        assert article.text[sentence.start : sentence.end] == sentence.text


@pytest.mark.skipif(not CORPUS.exists(), reason=f"corpus not present at {CORPUS}")
def test_corpus_reads_without_errors_and_fast() -> None:
    started = time.perf_counter()
    results = read_file(CORPUS)
    seconds = time.perf_counter() - started
    errors = [r for r in results if isinstance(r, ReadError)]
    assert errors == []
    assert len(results) > 3000
    # Reading and cleaning get a small slice of the ~3 ms/article ingest budget.
    assert seconds / len(results) < 0.003

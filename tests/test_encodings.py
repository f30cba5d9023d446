"""Files in other encodings than UTF-8, written for these tests: HTML pages that declare their
charset (a <meta>, an http-equiv, an XML declaration, a byte-order mark), text files that
declare nothing, and what the ingest report says about them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.console.render import render_report
from bot.layout import report_groups
from knowledge.build.pipeline import build
from knowledge.models import Article
from knowledge.read.readers import read_bytes

ID_BODY = (
    "Menteri Keuangan Sri Wahyuni mengatakan, “Kami menjaga defisit di bawah tiga persen.” "
    "Ekonom dari kafe diskusi di Bandung — René Sitorus — menilai langkah itu terlambat."
)
EN_BODY = (
    "The café owner, José Álvarez, said the façade would be repaired by spring. “We lost "
    "half our trade,” he said."
)


def page(charset_tag: str, body: str, head: str = "") -> str:
    return (
        f"{head}<html><head>{charset_tag}<title>Berita</title></head><body>"
        f"<p>{body}</p><p>Paragraf kedua berisi keterangan tambahan yang cukup panjang.</p>"
        "</body></html>"
    )


def read_one(name: str, data: bytes) -> Article:
    results = read_bytes(name, data)
    assert len(results) == 1
    item = results[0]
    assert isinstance(item, Article), item
    return item


PAGES = [
    pytest.param(
        page('<meta charset="windows-1252">', ID_BODY).encode("cp1252"),
        ID_BODY,
        "windows-1252",
        id="meta-charset-windows-1252",
    ),
    pytest.param(
        page(
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', EN_BODY
        ).encode("cp1252"),
        EN_BODY,
        "ISO-8859-1",  # named as declared, read as windows-1252 like browsers do (curly quotes)
        id="http-equiv-iso-8859-1",
    ),
    pytest.param(
        page(
            "",
            EN_BODY.replace("“", '"').replace("”", '"'),
            head='<?xml version="1.0" encoding="iso-8859-1"?>\n',
        ).encode("latin-1"),
        EN_BODY.replace("“", '"').replace("”", '"'),
        "ISO-8859-1",
        id="xml-declaration",
    ),
    pytest.param(
        b"\xef\xbb\xbf" + page('<meta charset="windows-1252">', ID_BODY).encode("utf-8"),
        ID_BODY,
        "",
        id="utf8-bom-beats-a-wrong-meta",
    ),
    pytest.param(
        page('<meta charset="iso-8859-1">', ID_BODY).encode("utf-8"),
        ID_BODY,
        "",
        id="declared-latin1-but-valid-utf8",
    ),
    pytest.param(
        page('<meta charset="utf-8">', ID_BODY).encode("utf-16"),
        ID_BODY,
        "UTF-16",
        id="utf16-bom",
    ),
]


@pytest.mark.parametrize(("data", "body", "encoding"), PAGES)
def test_html_page_is_read_in_its_declared_encoding(data: bytes, body: str, encoding: str) -> None:
    article = read_one("halaman.html", data)
    assert article.text.split("\n\n")[0] == body
    assert article.encoding == encoding


TEXTS = [
    pytest.param(
        f"Defisit Anggaran Terjaga\n\n{ID_BODY}\n".encode("cp1252"), ID_BODY, id="id-windows-1252"
    ),
    pytest.param(
        f"Facade repairs\n\n{EN_BODY}\n".replace("“", '"').replace("”", '"').encode("latin-1"),
        EN_BODY.replace("“", '"').replace("”", '"'),
        id="en-iso-8859-1",
    ),
    pytest.param(
        "Harga Kopi\n\nHarga kopi Gayo naik 5% dibanding tahun lalu, kata Pak Amiruddin di "
        "kafe «Kopi Kita».\n".encode("cp1252"),
        "Harga kopi Gayo naik 5% dibanding tahun lalu, kata Pak Amiruddin di kafe «Kopi Kita».",
        id="one-accented-character",
    ),
]


@pytest.mark.parametrize(("data", "body"), TEXTS)
def test_text_file_encoding_is_recognised(data: bytes, body: str) -> None:
    article = read_one("berita.txt", data)
    assert article.text == body
    assert article.encoding == "windows-1252"


def test_cyrillic_text_is_not_taken_for_western() -> None:
    body = "Министр финансов заявил, что дефицит бюджета останется ниже трёх процентов."
    article = read_one("novosti.txt", f"Новости\n\n{body}\n".encode("cp1251"))
    assert (article.text, article.encoding) == (body, "windows-1251")


def test_ingest_report_names_the_encoding(tmp_path: Path) -> None:
    corpus = tmp_path / "artikel"
    corpus.mkdir()
    (corpus / "anggaran.txt").write_bytes(f"Anggaran\n\n{ID_BODY}\n".encode("cp1252"))
    (corpus / "halaman.html").write_bytes(
        page('<meta charset="windows-1252">', ID_BODY).encode("cp1252")
    )
    (corpus / "biasa.txt").write_text("Biasa\n\nArtikel ini ditulis dalam UTF-8 biasa.\n")
    report = build([corpus], tmp_path / "kb.db", progress=False)
    assert sorted((Path(p).name, e) for p, e in report.encodings) == [
        ("anggaran.txt", "windows-1252"),
        ("halaman.html", "windows-1252"),
    ]
    shown = render_report(report, "en")
    assert "read as windows-1252:" in shown and "anggaran.txt" in shown
    assert "biasa.txt" not in shown
    assert "dibaca sebagai windows-1252:" in render_report(report, "id")
    # Discord and Slack list the same groups: the encodings come last, only when there are any.
    key, items = report_groups(report)[-1]
    assert key == "encodings" and len(items) == 2 and all("windows-1252" in i for i in items)

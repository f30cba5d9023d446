"""Quotes about a topic: the topic may stand around the quote (the sentences before and after
it, the headline), not only in the quoted words; a quote about nothing asked is never the
answer, but the person's quotes are shown as related. The articles are invented for these
tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from conftest import engine_on

from bot.console.render import render_text
from bot.engine import Engine

ARTICLES = {
    "pelatih.txt": """Rudi Hartono Mundur dari Kursi Pelatih Persik Raya

KEDIRI – Pelatih Persik Raya, Rudi Hartono, mengundurkan diri pada Senin (6/5/2024) setelah \
timnya kalah lima kali beruntun.

Rudi sendiri enggan berbicara panjang. Ia hanya meminta maaf kepada suporter lewat pesan \
tertulis.

“Saya gagal membawa tim ini bangkit. Terima kasih atas kesabarannya,” tulisnya.

Rudi juga menyinggung jadwal latihan yang terlalu padat. “Pemain kami kelelahan sejak \
pramusim,” kata Rudi.
""",
    "pasar.txt": """Pedagang Pasar Legi Keluhkan Sepinya Pembeli

SOLO – Harga cabai di Pasar Legi naik dua kali lipat dalam sepekan terakhir.

Warsini, pedagang sayur di pasar itu, mengaku omzetnya turun separuh.

“Sekarang orang beli seperempat kilo, dulu satu kilo,” ujar Warsini.
""",
}


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[Engine]:
    async with engine_on(tmp_path / "articles", ARTICLES) as opened:
        yield opened


async def test_topic_stated_in_the_sentences_before_the_quote(engine: Engine) -> None:
    answer = await engine.ask("apa kata Rudi Hartono kepada suporter?")
    assert answer.intent == "quote" and answer.found
    assert answer.query.topic == "suporter"
    assert "gagal membawa tim" in answer.facts[0].citation.snippet


async def test_quote_placed_by_a_time_word(engine: Engine) -> None:
    # "waktu"/"setelah" only place what was said: the topic is what follows them.
    answer = await engine.ask("apa kata Rudi setelah mundur?")
    assert answer.found and answer.query.topic == "mundur"


async def test_topic_in_the_quote_itself_ranks_first(engine: Engine) -> None:
    answer = await engine.ask("apa kata Rudi Hartono soal jadwal latihan?")
    assert answer.found
    assert "kelelahan" in answer.facts[0].citation.snippet


async def test_topic_only_in_the_headline(engine: Engine) -> None:
    answer = await engine.ask("apa kata Warsini soal pembeli?")
    assert answer.found and "seperempat kilo" in render_text(answer)


async def test_quotes_about_something_else_are_related_not_the_answer(engine: Engine) -> None:
    answer = await engine.ask("apa kata Rudi Hartono soal harga cabai?")
    assert not answer.found and answer.message == "quote_topic_none"
    assert not answer.facts
    assert answer.related and all(f.speaker == "Rudi Hartono" for f in answer.related)
    text = render_text(answer)
    assert "terkait, bukan jawaban" in text


async def test_english_topic_words_reach_the_indonesian_surroundings(engine: Engine) -> None:
    answer = await engine.ask("what did Rudi Hartono say to the supporters?")
    assert answer.found and "gagal membawa tim" in answer.facts[0].citation.snippet

"""Language detection: Indonesian by default, English only when it clearly is."""

from __future__ import annotations

import pytest

from bot.engine.language import detect_language


@pytest.mark.parametrize(
    "text",
    [
        "siapa Rina Wulandari?",
        "kapan pemilu digelar",
        "berapa harga beras di Jakarta",
        "apa kata menteri soal pajak",
        "kronologi banjir Semarang",
        "cari model open-source",  # the command verb outweighs borrowed English nouns
        "tampilkan source code terbaru",
        "mengapa pertandingan ditunda?",
        "kpn pemilu",
        "siap budi santoso",
        "Budi Santoso",
        "Elon Musk",
        "OpenAI",
        "",
        "   ",
        "?",
        "asdfgh qwerty",
        "😀😀",
        "timeline",
        "GPT-5",
        "siapa CEO perusahaan itu",
        "apa itu AI",
    ],
)
def test_indonesian_and_ambiguous_text_is_id(text: str) -> None:
    assert detect_language(text) == "id"


@pytest.mark.parametrize(
    "text",
    [
        "who is Rina Wulandari?",
        "When was the minister fired?",
        "what did Musk say about the factory",
        "how much did the stadium cost",
        "why did the bank raise interest rates",
        "what happened to the coach",
        "tell me about the flood",
        "who's Kenji Tanaka",
        "whos kenji tanaka",
        "waht did the president say",
        "what articles do you have",
        "help",
        "the election was postponed",
    ],
)
def test_english_is_en(text: str) -> None:
    assert detect_language(text) == "en"


def test_mixed_text_leans_to_the_majority() -> None:
    assert detect_language("siapa yang dipecat dari the board kemarin") == "id"
    assert detect_language("what did the minister say tentang pajak") == "en"


def test_long_text_is_fast_and_safe() -> None:
    assert detect_language("the " * 10_000) == "en"
    assert detect_language("yang " * 10_000) == "id"
    assert detect_language("\u200b" * 1000) == "id"

"""The bilingual lexicon: English question words must reach Indonesian article words."""

from __future__ import annotations

import pytest

from bot.engine.lexicon import LEXICON, STOPWORDS_EN, STOPWORDS_ID, expand_terms


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("fired", {"dipecat", "diberhentikan", "dicopot", "pemecatan"}),
        ("resign", {"mundur", "mengundurkan diri"}),
        ("delay", {"menunda", "penundaan", "tunda"}),
        ("postpone", {"menunda", "penundaan"}),
        ("valuation", {"valuasi"}),
        ("release", {"rilis", "meluncurkan", "peluncuran"}),
        ("launch", {"rilis", "peluncuran"}),
        ("announce", {"mengumumkan"}),
        ("hire", {"merekrut"}),
        ("recruit", {"merekrut"}),
        ("return", {"kembali"}),
        ("board", {"dewan"}),
        ("employees", {"karyawan"}),
        ("acquisition", {"akuisisi"}),
        ("founder", {"pendiri"}),
        ("safety", {"keamanan"}),
        ("price", {"harga"}),
        ("election", {"pemilu"}),
        ("president", {"presiden"}),
        ("minister", {"menteri"}),
        ("police", {"polisi"}),
        ("earthquake", {"gempa"}),
        ("flood", {"banjir"}),
        ("corruption", {"korupsi"}),
        ("coach", {"pelatih"}),
        ("inflation", {"inflasi"}),
        ("court", {"pengadilan"}),
    ],
)
def test_english_words_reach_indonesian(word: str, expected: set[str]) -> None:
    assert expected <= set(expand_terms([word]))


def test_expansion_goes_both_ways() -> None:
    assert "fired" in expand_terms(["dipecat"])
    assert "valuation" in expand_terms(["valuasi"])
    assert "election" in expand_terms(["pemilu"])


def test_words_are_kept_first_and_deduplicated() -> None:
    terms = expand_terms(["Fired", "dipecat", "Budi"])
    assert terms[0] == "fired"
    assert "budi" in terms
    assert len(terms) == len(set(terms))


def test_unknown_words_pass_through() -> None:
    assert expand_terms(["zorblax"]) == ["zorblax"]
    assert expand_terms([]) == []
    assert expand_terms(["", "  "]) == []


def test_two_word_phrases_expand_whole() -> None:
    assert "mundur" in expand_terms(["step", "down"])
    assert "hospital" in expand_terms(["rumah", "sakit"])


def test_plurals_fall_back_to_the_singular() -> None:
    assert "menteri" in expand_terms(["ministers"])
    assert "pesaing" in expand_terms(["rivals"])


def test_lexicon_covers_general_news() -> None:
    # Not just one story's words: politics, economy, law, sports, disasters, health.
    for word in ("parliament", "tax", "verdict", "goal", "landslide", "vaccine", "budget"):
        assert word in LEXICON, word
    assert len(LEXICON) > 800


def test_stopwords() -> None:
    assert {"apa", "siapa", "kapan", "yang", "di"} <= STOPWORDS_ID
    assert {"what", "who", "when", "the", "did"} <= STOPWORDS_EN
    assert "pemilu" not in STOPWORDS_ID
    assert "election" not in STOPWORDS_EN
    # is_known_word() was only ever called here and is gone; the same facts, on the tables:
    assert "dipecat" in LEXICON
    assert "the" in STOPWORDS_EN
    assert "sutskever" not in {*LEXICON, *STOPWORDS_ID, *STOPWORDS_EN}

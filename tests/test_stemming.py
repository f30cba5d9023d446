from knowledge.text import stem, stem_text, words


def test_affixes_meet_at_one_stem() -> None:
    assert stem("pemecatan") == stem("dipecat") == stem("memecat") == "pecat"
    assert stem("penundaan") == stem("menunda") == "tunda"


def test_reduplication_is_one_word() -> None:
    assert stem("perusahaan-perusahaan") == stem("perusahaan")


def test_numbers_and_short_words_are_kept() -> None:
    assert stem("gpt-5.2") == "gpt-5.2"
    assert stem("ai") == "ai"


def test_words_and_stem_text() -> None:
    assert words("Menteri, menunda-nunda: GPT-4o!") == ["menteri", "menunda-nunda", "gpt-4o"]
    assert stem_text("Dewan memecat direktur") == "dewan pecat direktur"

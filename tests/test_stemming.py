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


def test_one_folding_for_ingest_and_questions() -> None:
    from knowledge.text import fold, letter_words, name_key, typed_tokens

    assert fold("Ṡíàpá ＢＵＤＩ who’s") == "siapa budi who's"
    assert words("Bùdí’s café-bar") == ["budi", "s", "cafe-bar"]
    assert name_key("  Al-Ghazali,  Sam  O'Brien ") == "al ghazali sam o brien"
    assert typed_tokens("who’s U.S. 3.5 open-source?") == ["who’s", "U.S", "3.5", "open-source"]
    assert letter_words("who’s GPT-5") == ["who", "s", "gpt"]

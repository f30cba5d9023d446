from bot.engine.terms import covered, needed, term_groups
from knowledge.text import stem_text


def test_english_words_reach_indonesian_stems() -> None:
    groups = term_groups("when was the director fired")
    assert [g.word for g in groups] == ["director", "fired"]
    assert covered(groups, stem_text("Dewan memecat direktur itu")) == 2


def test_stopwords_are_not_terms() -> None:
    assert term_groups("apa yang pada dan di") == []


def test_needed_coverage() -> None:
    assert [needed(term_groups(t)) for t in ["banjir", "banjir jakarta", "a1 b2 c3 d4 e5 f6"]] == [
        1,
        2,
        4,
    ]


def test_unrelated_sentence_is_not_covered() -> None:
    groups = term_groups("valuasi perusahaan kereta")
    assert covered(groups, stem_text("Cuaca di Bandung cerah hari ini")) == 0

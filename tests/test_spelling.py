"""Typos in the words a question is about, corrected towards what the articles say."""

from __future__ import annotations

from bot.engine import Engine
from bot.engine.spelling import candidates, dictionary


def test_the_dictionary_holds_roots_lexicon_forms_and_grammar_words() -> None:
    words = dictionary()
    assert {"mundur", "mengundurkan", "resigned", "kapan", "yang"} <= words
    assert (1, "mundur") in candidates("mundr")
    assert (1, "resign") in candidates("resgin")  # a swap is one edit
    # Affixed forms of news text, not only roots: "pserta" is a typo of peserta.
    assert {"peserta", "diumumkan"} <= words
    assert (1, "peserta") in candidates("pserta")


async def test_content_typos_are_corrected_in_every_intent(engine: Engine) -> None:
    speller = engine.speller
    assert await speller.correct("Dewi Anggraini mundr", True) == "Dewi Anggraini mundur"
    assert await speller.correct("rina mengumumkn pemangkasan", False) == (
        "rina mengumumkan pemangkasan"
    )
    assert await speller.correct("council aprove tram", False) == "council approve tram"
    when = await engine.ask("kapan Dewi Anggraini mundr?")
    assert when.intent == "when" and when.found
    assert when.facts[0].date is not None and when.facts[0].date.iso() == "2024-08-17"
    english = await engine.ask("when did the council aprove the tram?")
    assert english.found and english.facts[0].citation is not None
    assert english.facts[0].citation.article == "tram"


async def test_real_words_and_names_are_never_corrected(engine: Engine) -> None:
    speller = engine.speller
    # In the articles though in no dictionary; a capitalised word in a question typed with
    # capitals; a known name's word typed in lower case; a word too short to judge.
    for text, capitals in (
        ("pemangkasan", False),
        ("Okafr said", True),
        ("salimun dipecat", False),
        ("tram", False),
        ("prime minister", False),  # a real English word, though no article says it
    ):
        assert await speller.correct(text, capitals) == text

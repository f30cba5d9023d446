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


@pytest.mark.parametrize(
    ("english", "indonesian"),
    [
        ("leave", {"keluar", "meninggalkan", "hengkang"}),
        ("left", {"keluar", "meninggalkan"}),
        ("resigned", {"mundur", "mengundurkan"}),
        ("fire", {"pecat", "memberhentikan", "dipecat"}),
        ("appoint", {"mengangkat", "menunjuk", "ditunjuk"}),
        ("sworn in", {"dilantik", "melantik"}),
        ("launched", {"meluncurkan", "rilis"}),
        ("delayed", {"tunda", "ditunda"}),
        ("arrested", {"ditangkap", "menangkap", "diamankan"}),
        ("sentenced", {"divonis", "vonis"}),
        ("explosion", {"ledakan", "meledak"}),
        ("evacuated", {"dievakuasi"}),
    ],
)
def test_news_event_verbs_meet_their_indonesian_forms(english: str, indonesian: set[str]) -> None:
    assert indonesian <= set(expand_terms([english])), english
    for form in indonesian:  # and back: an Indonesian question reaches the English word
        assert english in expand_terms([form]) or english in LEXICON.get(form, ()), form


def test_the_lexicon_covers_several_hundred_news_events() -> None:
    from pathlib import Path

    from bot.engine.vocab import ENGINE_VOCABULARY

    groups = ENGINE_VOCABULARY.data("lexicon")
    assert len(groups) >= 600
    english = {f for g in groups for f in g.get("en") or ()}
    indonesian = {f for g in groups for f in g.get("id") or ()}
    assert len(english) >= 1000 and len(indonesian) >= 1500
    header = (Path(ENGINE_VOCABULARY.folder) / "lexicon.yaml").read_text(encoding="utf-8")
    assert "IndoSum" in header.split("- en:")[0]  # the source the generated groups come from


def test_the_lexicon_builder_inflects_verbs_and_groups_corpus_forms_by_stem() -> None:
    import importlib.util
    from collections import Counter
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "lexicon" / "build.py"
    spec = importlib.util.spec_from_file_location("lexicon_build", path)
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.inflect("arrest+") == ["arrest", "arrests", "arrested", "arresting"]
    assert builder.inflect("leave+/left") == ["leave", "leaves", "left", "leaving"]
    assert builder.inflect("stop+") == ["stop", "stops", "stopped", "stopping"]
    assert builder.inflect("deny+") == ["deny", "denies", "denied", "denying"]
    assert builder.inflect("verdict") == ["verdict"]
    by_stem = {"tunda": Counter({"menunda": 40, "ditunda": 30, "penundaannya": 5, "tunda": 3})}
    group = builder.group("delay+, postponement ; tunda, jeda waktu ; tunda", by_stem)
    assert group == {
        "en": ["delay", "delays", "delayed", "delaying", "postponement"],
        "id": ["menunda", "ditunda", "jeda waktu"],
    }

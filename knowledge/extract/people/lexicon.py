"""The people detector's vocabulary, read once from `knowledge/vocab/` at import.

Names and places are case-sensitive phrases ("Solo" the city is not "solo"); every other word
set is lower case and compared with a token's lower-cased, dot-stripped form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from knowledge.extract.roles import (
    APPOSITION_WORDS,
    HONORIFICS,
    QUALIFIERS,
    is_role_word,
    phrase_index,
)
from knowledge.patterns import alternation
from knowledge.vocab import VOCABULARY


def _lower(entries: Iterable[str]) -> frozenset[str]:
    return frozenset(entry.lower() for entry in entries)


GIVEN_NAMES: frozenset[str] = VOCABULARY.words("given_names")
# Chinese, Korean and Vietnamese family names, which open a name ("Tan Kian Meng").
FAMILY_NAMES: frozenset[str] = VOCABULARY.words("family_names")
# English dictionary words that are no given name ("crystal", "palace", "fighters").
ENGLISH_WORDS: frozenset[str] = VOCABULARY.words("english_words") - GIVEN_NAMES
_PLACES = VOCABULARY.data("places")
# Provinces, states and countries: a word written before ", <region>" is a town.
REGIONS: frozenset[str] = frozenset(_PLACES["regions"])
PLACES: frozenset[str] = REGIONS | frozenset(_PLACES["places"])
KNOWN_ORGS: frozenset[str] = VOCABULARY.words("organisations")
_AFFIXES = VOCABULARY.data("organisation_affixes")
PLACE_PREFIXES: frozenset[str] = frozenset(_AFFIXES["place_prefixes"])
ORG_PREFIXES: frozenset[str] = frozenset(_AFFIXES["organisation_prefixes"]) | PLACE_PREFIXES
ORG_SUFFIXES: frozenset[str] = frozenset(_AFFIXES["suffixes"])
PARTICLES: frozenset[str] = VOCABULARY.words("name_particles")
COMPASS: frozenset[str] = VOCABULARY.words("compass_words")
_MONTHS = VOCABULARY.data("months")
_WEEKDAYS = VOCABULARY.data("weekdays")
TIME_WORDS: frozenset[str] = (
    _lower(name for month in _MONTHS for name in month["names"])
    | _lower(name for day in _WEEKDAYS for name in day["names"])
    | VOCABULARY.words("time_zones")
)
# Month abbreviations double as given names ("Jan"): only a date with a number beside them.
MONTH_ABBREVIATIONS: frozenset[str] = _lower(
    abbreviation for month in _MONTHS for abbreviation in month["abbreviations"]
)
# Words never part of a name: grammar words of both languages, page furniture, time words,
# except the grammar words that are also given names ("Will Smith", "Emre Can").
STOPWORDS: frozenset[str] = (
    VOCABULARY.words("function_words_id")
    | VOCABULARY.words("function_words_en")
    | VOCABULARY.words("not_name_words")
) - GIVEN_NAMES

_SPEECH = VOCABULARY.data("speech_verbs")
# "Budi mengatakan": a speech verb after a name.
SPEECH_AFTER: frozenset[str] = frozenset(_SPEECH["after_name"])
# "kata Budi", "menurut Budi": a speech verb right before a name. The passive forms and the
# words that are speech verbs only after a quote mark ("nilai", "buka") are no evidence here.
SPEECH_BEFORE: frozenset[str] = frozenset(_SPEECH["before_name_anywhere"] + _SPEECH["before_name"])
# "Budi juga mengatakan": adverbs between a speaker and the verb.
SPEECH_ADVERBS: frozenset[str] = frozenset(_SPEECH["between"])

_CUES = VOCABULARY.data("place_cues")
# Words after these are places or organisations ("di Persiba", "ke Uzbekistan"). Weak cues
# ("di", "ke") hint at a place; administrative words ("Kabupaten") state one. The word is read
# in a lookahead so "di Kabupaten Lumajang" yields both words.
PLACE_CUE_RE = re.compile(
    rf"(?<![\w-])(?:(?P<admin>{alternation(_CUES['administrative'])})|{alternation(_CUES['hints'])})"
    r"[ \t]+(?=(?P<word>[A-Z][\w'’-]+))"
)
# Titles and ranks written with a dot before a name ("Prof.", "KH.", "Kol."): one name token.
_ABBREVIATIONS = VOCABULARY.data("abbreviations")
DOTTED_TITLES: frozenset[str] = frozenset(
    form
    for word in _ABBREVIATIONS["titles"] + _ABBREVIATIONS["ranks"]
    for form in (word.capitalize(), word.upper())
)
# First word -> the places and organisations (as word tuples) that start with it.
PLACE_INDEX = phrase_index(tuple(p.split()) for p in PLACES)
ORG_INDEX = phrase_index(tuple(o.split()) for o in KNOWN_ORGS)


@cache
def root_words() -> frozenset[str]:
    """Indonesian root words (Sastrawi's dictionary): tells "Kabar" from a surname.

    Empty when Sastrawi is not installed, which only makes the detector more credulous.
    """
    try:
        import Sastrawi

        path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
        return frozenset(path.read_text(encoding="utf-8").split())
    except (ImportError, OSError):
        return frozenset()


def is_vocabulary(word: str) -> bool:
    """Whether a word is an Indonesian dictionary word rather than a (known) given name."""
    low = word.lower()
    return low not in GIVEN_NAMES and low in root_words()


def is_english_word(word: str) -> bool:
    """Whether a word is a common English dictionary word and no known given name."""
    return word.lower() in ENGLISH_WORDS


def is_title_word(word: str) -> bool:
    """Whether a word may be part of a title: a role word or a field ("Agung", "Keuangan")."""
    low = word.lower()
    return is_role_word(low) or low in QUALIFIERS


def is_function_word(word: str) -> bool:
    """Whether a lower-case word is grammar, not content: a stopword, an adverb of speech, an
    apposition word ("selaku"), or a word that belongs to a title."""
    return (
        word in STOPWORDS
        or word in SPEECH_ADVERBS
        or word in APPOSITION_WORDS
        or is_role_word(word)
        or word in QUALIFIERS
    )


def is_speaker_word(word: str) -> bool:
    """Whether one capitalised word standing alone after a speech verb may name who spoke: a
    short name ("JK", "Jokowi") or a body that issues statements ("Reuters", "KPK"); not a
    grammar, time, honorific or title word, a generic organisation word, or a place."""
    low = word.lower().rstrip(".")
    return not (
        low in STOPWORDS
        or low in TIME_WORDS
        or low in HONORIFICS
        or is_title_word(low)
        or low in ORG_PREFIXES
        or word in ORG_SUFFIXES
        or word in PLACES
        or low in SPEECH_BEFORE
    )

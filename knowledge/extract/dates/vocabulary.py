"""The date tagger's vocabulary, read once from `knowledge/vocab/` in the shapes it is used in.

Every word list of the tagger comes from a data file there (see each file's header for what it
holds and where it came from); this module only reshapes them: lower-case words to numbers,
sets, and phrases as tuples of words. Case is handled where the words become patterns
(`patterns.py`).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from knowledge.vocab import VOCABULARY


def _numbered(entries: dict[int, list[str]]) -> dict[str, int]:
    """`{1: ["satu", "one"]}` as `{"satu": 1, "one": 1}`; phrases with single spaces."""
    return {" ".join(w.split()): number for number, words in entries.items() for w in words}


class PeriodWords(NamedTuple):
    """The units one language's relative-period words go with, and each word's offset."""

    units: tuple[str, ...]
    offsets: dict[str, int]


def said(words: str) -> str:
    """Matched words as the vocabulary spells them: lower case, single spaces."""
    return " ".join(words.lower().split())


def _phrases(entries: list[str]) -> tuple[str, ...]:
    """Phrases with their white space normalised, the form the resolvers look them up in."""
    return tuple(" ".join(e.split()) for e in entries)


_months: list[dict[str, Any]] = VOCABULARY.data("months")
_weekdays: list[dict[str, Any]] = VOCABULARY.data("weekdays")
_numbers: dict[str, dict[int, list[str]]] = VOCABULARY.data("number_words")
_units: dict[str, dict[str, list[str]]] = VOCABULARY.data("time_units")
_after: dict[str, Any] = VOCABULARY.data("after_date")

# Month names and abbreviations (lower case) to their number, 1 for January.
MONTH_NAMES: dict[str, int] = {n: m["number"] for m in _months for n in m["names"]}
MONTH_ABBREVIATIONS: dict[str, int] = {a: m["number"] for m in _months for a in m["abbreviations"]}
MONTHS: dict[str, int] = {**MONTH_NAMES, **MONTH_ABBREVIATIONS}
# Full names that are a date on their own ("rilis Desember"); the others are also given names
# or English words ("Mei", "May").
MONTHS_ALONE: frozenset[str] = frozenset(n for m in _months for n in m["alone"])

# Weekday names (lower case) to `date.weekday()` numbers, 0 for Monday.
WEEKDAYS: dict[str, int] = {n: d["number"] for d in _weekdays for n in d["names"]}
ENGLISH_WEEKDAYS: frozenset[str] = frozenset(d["en"].lower() for d in _weekdays)

# Number words, and the prefix se- ("sehari"), to the count they state.
NUMBER_WORDS: dict[str, int] = _numbered(_numbers["words"])
NUMBER_PREFIXES: dict[str, int] = _numbered(_numbers["prefixes"])
COUNTS: dict[str, int] = {**NUMBER_WORDS, **NUMBER_PREFIXES}
# Words before a unit of time that make the phrase a count ("beberapa tahun lalu").
QUANTIFIERS: frozenset[str] = VOCABULARY.words("quantifiers") | NUMBER_WORDS.keys()

# Unit words ("hari", "weeks") to the unit they measure: "day", "week", "month" or "year".
UNITS: dict[str, str] = {
    word: unit for unit, langs in _units.items() for words in langs.values() for word in words
}
INDONESIAN_UNITS: tuple[str, ...] = tuple(w for langs in _units.values() for w in langs["id"])

# "kemarin", "the next day": the phrase to its offset in days, from the publication day
# (spoken) or from the last day the story stated (narrative).
_days: dict[str, dict[int, list[str]]] = VOCABULARY.data("relative_days")
SPOKEN_DAYS: dict[str, int] = _numbered(_days["spoken"])
NARRATIVE_DAYS: dict[str, int] = _numbered(_days["narrative"])

# Relative periods: Indonesian puts the word after the unit ("bulan lalu"), English before it
# ("last month").
_periods: dict[str, dict[str, Any]] = VOCABULARY.data("relative_periods")
BULAN_LALU = PeriodWords(tuple(_periods["after_unit"]["units"]), _periods["after_unit"]["offsets"])
LAST_MONTH = PeriodWords(
    tuple(_periods["before_unit"]["units"]), _periods["before_unit"]["offsets"]
)

# "dua hari kemudian", "tiga tahun lalu": which way a counted span runs.
_counts: dict[str, list[str]] = VOCABULARY.data("relative_counts")
COUNT_LATER: tuple[str, ...] = _phrases(_counts["later"])
COUNT_EARLIER: tuple[str, ...] = _phrases(_counts["earlier"])
COUNT_AGO: tuple[str, ...] = _phrases(_counts["ago"])
COUNT_AHEAD: tuple[str, ...] = _phrases(_counts["ahead"])
COUNT_COMING: tuple[str, ...] = _phrases(_counts["coming"])
COUNT_WITHIN: tuple[str, ...] = _phrases(_counts["within"])
COUNT_PAST_SPAN: tuple[str, ...] = _phrases(_counts["past_span"])

# Words after a month name ("Juli lalu", "Maret tahun lalu"), by what they make of it.
AFTER_MONTH: dict[str, tuple[str, ...]] = {k: _phrases(v) for k, v in _after["month"].items()}
# Each of those phrases to what it makes of the month ("lalu" -> "last"), and the year offset
# of the meanings that name a year ("tahun lalu" -> -1).
PLACING: dict[str, str] = {
    phrase: meaning for meaning, words in AFTER_MONTH.items() for phrase in words
}
YEAR_OFFSETS: dict[str, int] = {"this_year": 0, "last_year": -1, "next_year": 1}
AFTER_YEAR: tuple[str, ...] = _phrases(_after["year"])
AFTER_WEEKDAY: tuple[str, ...] = _phrases(_after["weekday"])
AHEAD: tuple[str, ...] = _phrases(_after["ahead"])

# Parts of a period (date_parts.yaml): a modifier ("awal", "the end of") or a season name
# ("musim panas") to its part key, a numbered part's word ("kuartal") to its kind ("q"), and
# ordinal words ("iii", "ketiga") to numbers.
_parts: dict[str, Any] = VOCABULARY.data("date_parts")
PART_MODIFIERS: dict[str, str] = {
    phrase: key for key, words in _parts["modifiers"].items() for phrase in _phrases(words)
}
SEASONS: dict[str, str] = {
    phrase: key for key, words in _parts["seasons"].items() for phrase in _phrases(words)
}
COUNTED_PARTS: dict[str, str] = {
    word: kind for kind, words in _parts["counted"].items() for word in _phrases(words)
}
COUNTED_ALONE: frozenset[str] = frozenset(_phrases(_parts["alone"]))
PART_ORDINALS: dict[str, int] = _numbered(_parts["ordinals"])
# Each part's span: months (first, last) of a year, days (first, last) of a month, or both.
PART_MONTHS: dict[str, tuple[int, int]] = {
    key: (span["months"][0], span["months"][1]) for key, span in _parts["spans"].items()
}
PART_DAYS: dict[str, tuple[int, int]] = {
    key: (span["days"][0], span["days"][1])
    for key, span in _parts["spans"].items()
    if "days" in span
}

CUES = VOCABULARY.lines("date_cues")
PERIOD_MODIFIERS: tuple[str, ...] = tuple(PART_MODIFIERS)
RELATIVE_PERIOD_MODIFIERS = PERIOD_MODIFIERS + VOCABULARY.lines("relative_period_modifiers")
TIMES_OF_DAY = VOCABULARY.lines("times_of_day")
PLAN_WORDS = VOCABULARY.lines("plan_words")
PAST_WORDS = VOCABULARY.lines("past_words")
COUNT_NOUNS = VOCABULARY.lines("count_nouns")
PUBLICATION_WORDS = VOCABULARY.lines("publication_words")
MINGGU_AS_WEEK = VOCABULARY.lines("minggu_as_week")
RECURRING: frozenset[str] = VOCABULARY.words("recurring_words")
# Words joining two dates (range_joiners.yaml): into a range, into a list, and the words
# before the first date that make a list word join a range ("antara Senin dan Rabu").
_joiners: dict[str, list[str]] = VOCABULARY.data("range_joiners")
RANGE_WORDS: tuple[str, ...] = _phrases(_joiners["range"])
LIST_WORDS: tuple[str, ...] = _phrases(_joiners["list"])
BETWEEN_WORDS: tuple[str, ...] = _phrases(_joiners["between"])
RANGE_JOINERS: frozenset[str] = frozenset(RANGE_WORDS + LIST_WORDS)
